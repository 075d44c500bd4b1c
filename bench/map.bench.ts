/**
 * <jc-map> (canvas 2D, ours) beside OpenLayers 10 (its canvas renderer: no WebGL, which this
 * machine's headless Chromium only has through SwiftShader) on the same work, in Chromium:
 * every area of the generated Putian (seed 1: city, 7 counties, towns, villages and 10,439
 * grids) outlined level by level, and 533,500 case points clustered at 64 px.
 *
 * 533,500 is an input: the source document's count of events handled (采集处理…事件53.35万起).
 * The points are placed uniformly inside grids chosen uniformly (deterministic, seed 7).
 *
 *   pnpm bench map   (node --conditions=source --import tsx --expose-gc bench/map.bench.ts)
 *
 * Figures: first render = performance.now() from creating the element (ours) or reading the
 * GeoJSON (OpenLayers) to two animation frames after the first complete draw; a frame = the
 * synchronous work of one view change (ours `paint()`, OpenLayers `renderSync()`), 30 pans of
 * 12 px then 30 zoom steps of ×1.06, with the rAF interval beside it; point-in-grid lookup =
 * µs per lookup of the same points. Writes bench/results/map.{json,md}.
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { generatePutian, generatePutianGeometry } from '../packages/putian/src/index.js';
import { areaContains, type AreaGeometry } from '../packages/core/src/geo/index.js';

/** What the bench page puts on `window` for the runner to call. */
type BenchWindow = { bench: Record<string, (...args: unknown[]) => unknown> };

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '.tmp', 'map');
const RUNS = Number(process.env.RUNS ?? 3);
const CASES = Number(process.env.CASES ?? 533_500);
const LOOKUPS = Number(process.env.LOOKUPS ?? 100_000);
const round = (x: number) => Math.round(x * 100) / 100;
interface Stat { median: number; min: number; max: number; runs: number[] }
const stat = (xs: number[]): Stat => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: round(s[s.length >> 1]), min: round(s[0]), max: round(s[s.length - 1]), runs: xs.map(round) };
};
const pct = (xs: number[], p: number) => round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]);
const fmt = (s: Stat) => `${s.median} ms (${s.min}–${s.max})`;

function casePoints(grids: AreaGeometry[], n: number): Float64Array {
  let s = 7;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const boxes = grids.map((g) => {
    const ring = (g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0][0]);
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const [x, y] of ring) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
    return [x0, y0, x1, y1] as const;
  });
  const xy = new Float64Array(2 * n);
  for (let p = 0; p < n; p++) {
    const k = Math.floor(rnd() * grids.length), [x0, y0, x1, y1] = boxes[k];
    let x: number, y: number;
    do { x = x0 + rnd() * (x1 - x0); y = y0 + rnd() * (y1 - y0); } while (!areaContains(grids[k], x, y));
    xy[2 * p] = x; xy[2 * p + 1] = y;
  }
  return xy;
}

async function main() {
  const loadAtStart = os.loadavg().map((x) => x.toFixed(1)).join(' / ');
  mkdirSync(out, { recursive: true });
  const data = generatePutian({ seed: 1 });
  const geo = generatePutianGeometry(data);
  const gridCodes = new Set(data.nodes.filter((n) => n.level === 'grid').map((n) => n.code));
  const points = casePoints([...geo.areas].filter(([c]) => gridCodes.has(c)).map(([, g]) => g), CASES);
  writeFileSync(join(out, 'nodes.json'), JSON.stringify({ nodes: data.nodes, config: data.config }));
  writeFileSync(join(out, 'areas.json'), JSON.stringify([...geo.areas]));
  writeFileSync(join(out, 'points.bin'), Buffer.from(points.buffer));
  await build({
    entryPoints: [join(here, 'map', 'page.ts')], bundle: true, minify: true, minifyIdentifiers: !process.env.CPU_PROFILE, format: 'esm', target: 'es2022',
    conditions: ['source'], outfile: join(out, 'page.js'), define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'warning',
    nodePaths: [join(here, '../packages/map/node_modules')],
  });
  writeFileSync(join(out, 'index.html'), `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>loading</title></head>
<body style="margin:0"><div id="host"></div><script type="module" src="page.js"></script></body></html>`);
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const file = join(out, (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').split('?')[0]);
    try { const body = readFileSync(file); res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }); res.end(body); } catch { res.writeHead(404).end(); }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--js-flags=--max-old-space-size=6144'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1300, height: 840 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    page.setDefaultTimeout(600_000);
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.title === 'ready');
    const call = <T>(fn: string, ...args: unknown[]) => page.evaluate(([f, a]) => (window as unknown as BenchWindow).bench[f](...a), [fn, args] as const) as Promise<T>;
    // Main-thread CPU time (Chromium's ThreadTime in thread ticks): on a machine shared with
    // other work, wall time stretches with the load; the thread's own CPU time far less so.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const cpuNow = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
    const withCpu = async <T extends object>(f: () => Promise<T>): Promise<T & { cpuMs: number }> => {
      const c0 = await cpuNow();
      const r = await f();
      return { ...r, cpuMs: (await cpuNow()) - c0 };
    };
    const info = await call<{ nodes: number; areas: number; grids: number; points: number; buildMs: number }>('load');
    console.log('data:', info);
    page.on('crash', () => console.error('the page crashed'));
    if (process.env.SCREENSHOTS) {
      // docs/screenshots/map-<theme>.png: the whole city (light), a county drilled into (dark), clusters on the wall.
      for (const [theme, node, style] of [['light', '', 'density'], ['dark', '350304000000', 'density'], ['wall', '', 'cluster']] as const) {
        await call('showcase', theme, node, style);
        await page.locator('jc-map').screenshot({ path: join(here, '../docs/screenshots', `map-${theme}.png`) });
        console.log(`docs/screenshots/map-${theme}.png`);
      }
      return;
    }
    if (process.env.CPU_PROFILE) {
      // Chromium's sampling profiler over one first render and one series of frames of ours
      // (density), after a warm-up; summarised by bench/cpuprofile.mjs into map-profile.md.
      const dir = join(out, 'prof');
      mkdirSync(dir, { recursive: true });
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      for (const [name, fn, arg] of [['first-render', 'oursFirstRender', 'density'], ['frames', 'oursFrames', 'density'], ['first-render-cluster', 'oursFirstRender', 'cluster'], ['frames-cluster', 'oursFrames', 'cluster']] as const) {
        await call(fn, arg);
        await cdp.send('Profiler.start');
        const c0 = await cpuNow();
        const r = await call<unknown>(fn, arg);
        const cpu = (await cpuNow()) - c0;
        const { profile: p } = await cdp.send('Profiler.stop');
        writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(p));
        const summary = (x: unknown) => JSON.stringify(x, (k, v) => (k === 'intervals' ? undefined : Array.isArray(v) ? v.map((n: number) => Math.round(n * 10) / 10) : typeof v === 'number' ? Math.round(v * 10) / 10 : v));
        console.log(`${name}: main-thread CPU ${round(cpu)} ms`, summary(r));
      }
      console.log(`profiles in ${dir}`);
      return;
    }
    const profile = await call<Record<string, number>>('profile');
    console.log('profile of a first render (ms):', profile);
    if (process.env.PROFILE_ONLY) return;

    type R = { ms: number; workMs: number };
    const series = async (label: string, fn: () => Promise<R>, runs = RUNS) => {
      process.stdout.write(`${label}: warm-up`);
      await fn();
      const rs: (R & { cpuMs: number })[] = [];
      for (let k = 0; k < runs; k++) { rs.push(await withCpu(fn)); process.stdout.write(` ${round(rs[k].ms)} (cpu ${round(rs[k].cpuMs)})`); }
      process.stdout.write('\n');
      return { total: stat(rs.map((r) => r.ms)), work: stat(rs.map((r) => r.workMs)), cpu: stat(rs.map((r) => r.cpuMs)) };
    };
    type F = { work: number[]; intervals: number[]; mountMs?: number };
    const frameStats = async (label: string, fn: () => Promise<F>, runs = RUNS) => {
      const all: (F & { cpuMs: number })[] = [];
      for (let k = 0; k < runs; k++) all.push(await withCpu(fn));
      const work = all.flatMap((f) => f.work), intervals = all.flatMap((f) => f.intervals);
      const r = { frames: work.length, median: pct(work, 50), p95: pct(work, 95), max: round(Math.max(...work)), over16: work.filter((w) => w > 16).length, rafMedian: pct(intervals, 50), rafP95: pct(intervals, 95) };
      console.log(label, r);
      return r;
    };

    // The same frames driven one by one from here, with the main thread's CPU time read around
    // each (frame, next animation frame, and the protocol's own small cost): on a loaded
    // machine a frame's wall time is mostly waiting for a core; its CPU time is not.
    const frameCpu = async (label: string, prepare: string, arg: unknown, runs = RUNS) => {
      const cpu: number[] = [];
      for (let r = 0; r < runs; r++) {
        await call(prepare, arg);
        const n = await call<number>('frameCount');
        for (let k = 0; k < n; k++) {
          const c0 = await cpuNow();
          await call<number>('frameStep', k);
          cpu.push((await cpuNow()) - c0);
        }
      }
      const f = { frames: cpu.length, median: pct(cpu, 50), p95: pct(cpu, 95), max: round(Math.max(...cpu)), over16: cpu.filter((x) => x > 16).length };
      console.log(label, f);
      return f;
    };

    const oursCluster = await series('ours: first render, areas + clusters', () => call<R>('oursFirstRender', 'cluster'));
    const oursDensity = await series('ours: first render, areas + density', () => call<R>('oursFirstRender', 'density'));
    const oursFramesCluster = await frameStats('ours: frames, clusters', () => call<F>('oursFrames', 'cluster'));
    const oursFramesDensity = await frameStats('ours: frames, density', () => call<F>('oursFrames', 'density'));
    const olAreas = await series('OpenLayers: first render, areas only', () => call<R>('olFirstRender', false));
    const olFramesAreas = await frameStats('OpenLayers: frames, areas only', () => call<F>('olFrames', false));
    const olCluster = await series('OpenLayers: first render, areas + clusters', () => call<R>('olFirstRender', true), Math.min(RUNS, 2));
    const olFramesCluster = await frameStats('OpenLayers: frames, areas + clusters', () => call<F>('olFrames', true), 1);
    const cpuFrames = {
      oursCluster: await frameCpu('ours: frame CPU, clusters', 'oursPrepare', 'cluster'),
      oursDensity: await frameCpu('ours: frame CPU, density', 'oursPrepare', 'density'),
      olAreas: await frameCpu('OpenLayers: frame CPU, areas only', 'olPrepare', false),
    };
    const lookups = await call<{ oursUs: number; olUs: number; buildMs: number; agree: number; found: number; n: number }>('lookups', LOOKUPS);
    console.log('lookups', lookups);

    const result = {
      machine: {
        cpu: os.cpus()[0].model, cores: os.cpus().length, memoryGB: round(os.totalmem() / 2 ** 30), node: process.version,
        chromium: browser.version(), ol: JSON.parse(readFileSync(join(here, '../packages/map/node_modules/ol/package.json'), 'utf8')).version,
        date: new Date().toISOString(), loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg().map((x) => x.toFixed(1)).join(' / '),
      },
      data: { ...info, source: 'generatePutian({ seed: 1 }) + generatePutianGeometry; case points: an input of 533,500, uniform in uniformly chosen grids (seed 7)' },
      firstRender: { oursCluster, oursDensity, olAreas, olCluster, ratio: round(olCluster.total.median / oursCluster.total.median), cpuRatio: round(olCluster.cpu.median / oursCluster.cpu.median) },
      profile,
      frames: { oursCluster: oursFramesCluster, oursDensity: oursFramesDensity, olAreas: olFramesAreas, olCluster: olFramesCluster },
      frameCpu: { ...cpuFrames, ratioP95: round(cpuFrames.olAreas.p95 / cpuFrames.oursDensity.p95) },
      lookup: { ...lookups, oursUs: round(lookups.oursUs), olUs: round(lookups.olUs), ratio: round(lookups.olUs / lookups.oursUs) },
    };
    mkdirSync(join(here, 'results'), { recursive: true });
    writeFileSync(join(here, 'results', 'map.json'), JSON.stringify(result, null, 2) + '\n');
    const m = result.machine, fr = result.frames;
    const frow = (name: string, f: typeof oursFramesCluster) => `| ${name} | ${f.median} | ${f.p95} | ${f.max} | ${f.over16} of ${f.frames} | ${f.rafMedian} / ${f.rafP95} |`;
    const md = `# <jc-map> benchmark

${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, Chromium ${m.chromium} (headless, software canvas: \`--disable-gpu\`), OpenLayers ${m.ol}, ${m.date}.
Load average at start ${m.loadAverageAtStart}, at end ${m.loadAverageAtEnd} (2 cores shared with other work).
Command: \`pnpm bench map\` (\`node --conditions=source --import tsx --expose-gc bench/map.bench.ts\`), ${RUNS} runs after a warm-up.
Data: ${info.nodes.toLocaleString('en')} nodes, ${info.areas.toLocaleString('en')} areas (${info.grids.toLocaleString('en')} grids), ${info.points.toLocaleString('en')} case points
(533,500 is an input: the source document's count of events; placed uniformly inside uniformly chosen grids). The map is ${1280 - 0}×800 CSS px with its panel; both libraries draw the same levels (a level once its areas are 5 px wide) with the same widths and clusters at 64 px.

## First render of the whole city (aim ≤ 1 s)

From creating the element / reading the GeoJSON to two animation frames after the first complete draw (work = until the synchronous draw returned).

| workload | total (wall) | work (wall) | main-thread CPU |
|---|---|---|---|
| ours: areas + ${info.points.toLocaleString('en')} points clustered | ${fmt(result.firstRender.oursCluster.total)} | ${fmt(result.firstRender.oursCluster.work)} | ${fmt(result.firstRender.oursCluster.cpu)} |
| ours: areas + points as density | ${fmt(result.firstRender.oursDensity.total)} | ${fmt(result.firstRender.oursDensity.work)} | ${fmt(result.firstRender.oursDensity.cpu)} |
| OpenLayers: areas only | ${fmt(result.firstRender.olAreas.total)} | ${fmt(result.firstRender.olAreas.work)} | ${fmt(result.firstRender.olAreas.cpu)} |
| OpenLayers: areas + points clustered (\`ol/source/Cluster\`) | ${fmt(result.firstRender.olCluster.total)} | ${fmt(result.firstRender.olCluster.work)} | ${fmt(result.firstRender.olCluster.cpu)} |

OpenLayers / ours, same work (areas + clusters): **${result.firstRender.ratio}×** wall, **${result.firstRender.cpuRatio}×** main-thread CPU.
Main-thread CPU is Chromium's \`ThreadTime\` (DevTools protocol, thread ticks) over the whole run: on a machine this loaded, wall time
stretches with the load average, CPU time much less; it leaves out raster and other threads.
Where ours spends a first render (one run, wall ms): ${Object.entries(profile).map(([k, v]) => `${k} ${round(v)}`).join(', ')}.

## A pan or zoom frame (aim ≤ 16 ms at p95)

Synchronous work of one view change and redraw, rasterised (one pixel read back from each canvas, as canvas 2D otherwise rasterises after the measured call), ms: 30 pans of 12 px, then 15 zoom steps in and 15 out (×1.06); ${RUNS} runs of ours and of OpenLayers with areas only, 1 run of OpenLayers with clusters (each of its zoom steps re-clusters every point).

| workload | median | p95 | max | frames over 16 ms | rAF interval median / p95 |
|---|---|---|---|---|---|
${frow('ours: areas + clusters', fr.oursCluster)}
${frow('ours: areas + density', fr.oursDensity)}
${frow('OpenLayers: areas only', fr.olAreas)}
${frow('OpenLayers: areas + clusters', fr.olCluster)}

Main-thread CPU per frame (Chromium's \`ThreadTime\` read over the DevTools protocol around each frame, the same
sequence driven one frame per call: the view change, the draw, the read-back and the next animation frame; ${RUNS} runs each), ms.
Driven this way the frames come a few protocol round trips apart, often more than the 150 ms after which ours takes a zoom
as rested and draws its cached image anew (areas and points, binned for the new scale): for ours this is a zoom that rests
between steps, a worse case than the rAF-paced series above.


| workload | median | p95 | max | frames over 16 ms |
|---|---|---|---|---|
${(['oursCluster', 'oursDensity', 'olAreas'] as const).map((k) => { const f = result.frameCpu[k]; return `| ${({ oursCluster: 'ours: areas + clusters', oursDensity: 'ours: areas + density', olAreas: 'OpenLayers: areas only' })[k]} | ${f.median} | ${f.p95} | ${f.max} | ${f.over16} of ${f.frames} |`; }).join('\n')}

OpenLayers (areas only) / ours (areas + density), p95 frame CPU: **${result.frameCpu.ratioP95}×**. OpenLayers with clusters is left out of this table (each of its zoom frames re-clusters every point for seconds; its wall times are above).

## Point-in-grid lookup

${lookups.n.toLocaleString('en')} points (half at case points, half uniform over the city's box, many at sea): ours \`map.locate\` (core's binned index, built in ${round(lookups.buildMs)} ms on first use)
**${result.lookup.oursUs} µs**, OpenLayers \`VectorSource.getFeaturesAtCoordinate\` over the grid features (R-tree) **${result.lookup.olUs} µs** per lookup
(${result.lookup.ratio}×). Same answer for ${lookups.agree.toLocaleString('en')} of ${lookups.n.toLocaleString('en')} points (${lookups.found.toLocaleString('en')} found a grid; differences are points on a shared edge, or near one: ours tests edges straight in longitude/latitude, OpenLayers in projected metres).
`;
    writeFileSync(join(here, 'results', 'map.md'), md);
    console.log('\n' + md);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
