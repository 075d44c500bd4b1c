/**
 * <jc-grid-tree> in Chromium beside Shoelace's <sl-tree> and Vaadin's tree grid, on the
 * generated Putian city (seed 1). Each figure: performance.now() from the first call to two
 * requestAnimationFrames after the last update; one warm-up, then the median (min–max) of
 * RUNS runs, ours and the peer in the same browser, one after the other.
 *
 *   node --conditions=source --import tsx --expose-gc bench/grid-tree.bench.ts
 *
 * Writes bench/results/grid-tree.json and bench/results/grid-tree.md. Also reports the size
 * of the element bundled with lit (esbuild, minified, gzip level 9).
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { generatePutian } from '../packages/putian/src/index.js';

/** What the bench page puts on `window` for the runner to call. */
type BenchWindow = { bench: Record<string, (...args: unknown[]) => unknown> };

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '.tmp', 'grid-tree');
const RUNS = Number(process.env.RUNS ?? 5);
const SIZES = (process.env.SIZES ?? "1000,10000").split(",").map(Number);

interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number[];
}
const stat = (xs: number[]): Stat => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median: round(median), min: round(s[0]), max: round(s[s.length - 1]), runs: xs.map(round) };
};
const round = (x: number) => Math.round(x * 100) / 100;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]);
};
const fmt = (s: Stat) => `${s.median} ms (${s.min}–${s.max})`;

async function series<T extends Record<string, unknown>>(label: string, fn: () => Promise<T>, key: keyof T, runs = RUNS) {
  process.stdout.write(`${label}: warm-up`);
  await fn();
  const results: T[] = [];
  for (let k = 0; k < runs; k++) {
    results.push(await fn());
    process.stdout.write(` ${round(results[k][key] as number)}`);
  }
  process.stdout.write('\n');
  const work = results.every((r) => typeof r.workMs === 'number') ? stat(results.map((r) => r.workMs as number)) : undefined;
  return { stat: stat(results.map((r) => r[key] as number)), work, last: results[results.length - 1] };
}

async function bundleSize(): Promise<{ minified: number; gzip: number }> {
  const r = await build({
    entryPoints: [resolve(here, '../packages/grid-tree/src/define.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['source'],
    write: false,
    legalComments: 'none',
  });
  const code = r.outputFiles[0].contents;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

async function main() {
  const loadAtStart = os.loadavg().map((x) => x.toFixed(1)).join(' / ');
  mkdirSync(out, { recursive: true });
  mkdirSync(join(here, 'results'), { recursive: true });
  const size = await bundleSize();
  console.log(`bundle: src/define.ts with lit, minified ${size.minified} B, gzip ${size.gzip} B`);

  const putian = generatePutian({ seed: 1 });
  await build({
    entryPoints: [join(here, 'grid-tree', 'page.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['source'],
    outfile: join(out, 'page.js'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  writeFileSync(
    join(out, 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>loading</title></head>
<body style="margin:0"><div id="host" style="inline-size:600px"></div><script type="module" src="page.js"></script></body></html>`,
  );
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const file = join(out, (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').split('?')[0]);
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.title === 'ready');
    const info = await page.evaluate((d) => (window as unknown as BenchWindow).bench.init(d), { nodes: putian.nodes, config: putian.config }) as { size: number; buildMs: number; town: string; townNodes: number };
    console.log(`Putian seed 1: ${info.size} nodes (index built in the page in ${round(info.buildMs)} ms); biggest town ${info.town}: ${info.townNodes} nodes`);
    const call = <T>(fn: string, ...args: unknown[]) => page.evaluate(([f, a]) => (window as unknown as BenchWindow).bench[f](...a), [fn, args] as const) as Promise<T>;

    type R = { ms: number; workMs: number; dom: number; rows?: number; visible?: number };
    const first = await series('ours: first render, full city', () => call<R>('oursFirstRender'), 'ms');
    const expand = await series('ours: expand the biggest town (one level)', () => call<R>('oursExpandTown'), 'ms');
    type S = { expandMs: number; expandWorkMs: number; work: number[]; intervals: number[]; maxRows: number; visibleRows: number; dom: number };
    const scrolls: S[] = [];
    const subtree = await series(
      'ours: expand the whole subtree of that town',
      async () => {
        const s = await call<S>('oursTownSubtreeAndScroll', 120);
        scrolls.push(s);
        return s;
      },
      'expandMs',
    );
    const subtreeWork = stat(scrolls.slice(1).map((s) => s.expandWorkMs));
    const work = scrolls.slice(1).flatMap((s) => s.work);
    const intervals = scrolls.slice(1).flatMap((s) => s.intervals);
    const scroll = {
      frames: work.length,
      workMedian: pct(work, 50),
      workP95: pct(work, 95),
      workMax: round(Math.max(...work)),
      framesOver16ms: work.filter((w) => w > 16).length,
      rafIntervalMedian: pct(intervals, 50),
      rafIntervalP95: pct(intervals, 95),
      maxRowsInDom: Math.max(...scrolls.map((s) => s.maxRows)),
      visibleRows: scrolls[0].visibleRows,
    };
    console.log('ours: scrolling that subtree, one viewport per frame:', scroll);
    const slow = scrolls.slice(1).flatMap((s, run) => s.work.map((w, f) => ({ run, f, w: round(w) })).filter((x) => x.w > 16));
    if (slow.length) console.log('frames over 16 ms (run, frame, ms):', slow.map((x) => `${x.run}/${x.f}/${x.w}`).join(' '));
    if (process.env.ONLY_OURS) return;

    const side: Record<number, { ours: Stat; oursWork?: Stat; shoelace: Stat; ratio: number; oursDom: number; shoelaceDom: number }> = {};
    for (const n of SIZES) {
      await call('prepareSubset', n);
      const o = await series(`ours: ${n} visible nodes`, () => call<R>('oursVisible', n), 'ms');
      const sl = await series(`sl-tree: ${n} visible nodes`, () => call<R>('shoelaceVisible', n), 'ms');
      side[n] = { ours: o.stat, oursWork: o.work, shoelace: sl.stat, ratio: round(sl.stat.median / o.stat.median), oursDom: o.last.dom, shoelaceDom: sl.last.dom };
    }

    type V = { firstMs: number; expandMs: number; dom: number };
    const vRuns: V[] = [];
    const v = await series(
      'vaadin-grid tree: full city',
      async () => {
        const r = await call<V>('vaadin');
        vRuns.push(r);
        return r;
      },
      'firstMs',
    );
    const vExpand = stat(vRuns.slice(1).map((r) => r.expandMs));

    const result = {
      machine: {
        cpu: os.cpus()[0].model,
        cores: os.cpus().length,
        memoryGB: round(os.totalmem() / 2 ** 30),
        node: process.version,
        chromium: browser.version(),
        date: new Date().toISOString(),
        loadAverageAtStart: loadAtStart,
      },
      method: 'performance.now() from the first call to two requestAnimationFrames after the last update; 1 warm-up, median (min–max) of the runs',
      data: { source: 'generatePutian({ seed: 1 })', nodes: info.size, indexBuildMs: round(info.buildMs), town: info.town, townNodes: info.townNodes },
      bundle: { entry: 'packages/grid-tree/src/define.ts (with lit)', minifiedBytes: size.minified, gzipBytes: size.gzip },
      ours: {
        firstRender: { ...first.stat, work: first.work, dom: first.last.dom, rows: first.last.rows },
        expandTown: { ...expand.stat, work: expand.work, dom: expand.last.dom, rows: expand.last.rows },
        expandTownSubtree: { ...subtree.stat, work: subtreeWork },
        scroll,
      },
      sideBySide: side,
      vaadin: {
        firstRender: { ...v.stat, dom: v.last.dom },
        expandTown: vExpand,
        ratioFirstRender: round(v.stat.median / first.stat.median),
        ratioExpandTown: round(vExpand.median / expand.stat.median),
      },
    };
    writeFileSync(join(here, 'results', 'grid-tree.json'), JSON.stringify(result, null, 2) + '\n');

    const m = result.machine;
    const md = `# <jc-grid-tree> benchmark

${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, Chromium ${m.chromium}, ${m.date}.
Data: \`generatePutian({ seed: 1 })\`, ${info.size} nodes; the host builds the index once in the page
(\`buildHierarchy\`, ${round(info.buildMs)} ms, not part of any figure below; every element gets the same index). ${result.method}; ${RUNS} runs.
Command: \`node --conditions=source --import tsx --expose-gc bench/grid-tree.bench.ts\`.
Load average when the run started: ${loadAtStart} (2 cores, shared with other work running at the same time).

| workload | ours | ours, work before the frames* | peer | peer / ours |
|---|---|---|---|---|
| first render, full city (root expanded) | ${fmt(first.stat)}, ${first.last.dom} DOM elements | ${fmt(first.work!)} | vaadin-grid tree: ${fmt(v.stat)}, ${v.last.dom} DOM elements | ${result.vaadin.ratioFirstRender}× |
| expand a town (${info.town}, one level) | ${fmt(expand.stat)} | ${fmt(expand.work!)} | vaadin-grid tree: ${fmt(vExpand)} | ${result.vaadin.ratioExpandTown}× |
${SIZES.map((n) => `| ${n.toLocaleString('en')} visible nodes, all expanded | ${fmt(side[n].ours)}, ${side[n].oursDom} DOM elements | ${fmt(side[n].oursWork!)} | sl-tree: ${fmt(side[n].shoelace)}, ${side[n].shoelaceDom} DOM elements | ${side[n].ratio}× |`).join('\n')}

\\* from the first call to the rows laid out (forced layout), without waiting for the two frames:
two requestAnimationFrames alone take about 2 × 16.7 ms here, which is the floor of the main column.

Expanding the whole subtree of that town (${info.townNodes} nodes, ${scroll.visibleRows} rows visible): ${fmt(subtree.stat)}
(work ${fmt(subtreeWork)}).
Scrolling it one viewport per frame, ${scroll.frames} frames: work per frame median ${scroll.workMedian} ms,
p95 ${scroll.workP95} ms, max ${scroll.workMax} ms, ${scroll.framesOver16ms} frames over 16 ms; rAF interval median
${scroll.rafIntervalMedian} ms (p95 ${scroll.rafIntervalP95} ms); at most ${scroll.maxRowsInDom} rows in the DOM.

Bundle: \`packages/grid-tree/src/define.ts\` with lit, esbuild minified ${size.minified} B, gzip ${size.gzip} B
(${round(size.gzip / 1024)} KB).
`;
    writeFileSync(join(here, 'results', 'grid-tree.md'), md);
    console.log('\n' + md);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
