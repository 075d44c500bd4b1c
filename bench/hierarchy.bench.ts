/**
 * Hierarchy index benchmark: @jiceng/core's pre-order index beside a straightforward
 * parent-pointer tree (objects with parent refs and children arrays, isAncestor walking up,
 * subtree counts by recursion, search by scanning and calling pinyin-pro per name), in the
 * same process, on a Putian-sized city (146,227 nodes).
 *
 * Run: node --conditions=source --import tsx --expose-gc bench/hierarchy.bench.ts
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
// The workspace root does not depend on @jiceng/core; import it (and its pinyin-pro) by path.
import { buildHierarchy, type HierarchyConfig, type NodeInput } from '../packages/core/src/index.js';
import { type Hierarchy } from '../packages/core/src/hierarchy/index.js';
import { exportJson, importJson } from '../packages/core/src/io/index.js';
import {
  buildOverlay, standardCoverage, COUNT_KEYS, type OverlayInput, type CountKey,
} from '../packages/core/src/overlay/index.js';

const coreRequire = createRequire(new URL('../packages/core/package.json', import.meta.url));
const { pinyin } = (await import(pathToFileURL(coreRequire.resolve('pinyin-pro')).href)) as typeof import('pinyin-pro');

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

// ---------------------------------------------------------------- data
async function putianData(): Promise<{ source: string; config: HierarchyConfig; nodes: NodeInput[]; overlay?: OverlayInput }> {
  try {
    const mod = (await import('../packages/putian/src/index.js')) as Record<string, unknown>;
    if (typeof mod.generatePutian === 'function') {
      const d = (mod.generatePutian as (o?: unknown) => { config?: HierarchyConfig; nodes: NodeInput[]; overlay?: OverlayInput })({ seed: 1 });
      const config = d.config ?? (mod.PUTIAN_CONFIG as HierarchyConfig | undefined) ?? (mod.putianConfig as HierarchyConfig | undefined);
      if (config && Array.isArray(d.nodes)) {
        return { source: '@jiceng/putian generatePutian({ seed: 1 })', config, nodes: d.nodes, ...(d.overlay ? { overlay: d.overlay } : {}) };
      }
    }
  } catch {
    /* fall through to the synthetic city */
  }
  return { source: 'synthetic tree of the Putian shape (bench/hierarchy.bench.ts)', ...syntheticPutian() };
}

/** A tree of exactly the Putian shape: 1 + 7 + 54 + 973 + 10,439 + 134,753 nodes, Chinese names. */
function syntheticPutian(): { config: HierarchyConfig; nodes: NodeInput[] } {
  const lv = (id: string, zh: string, en: string, length: number, significant: number) => ({
    id, name: { zh, en }, duties: [], code: { length, significant },
  });
  const config: HierarchyConfig = {
    id: 'putian-shape',
    levels: [
      lv('city', '市', 'City', 12, 4), lv('county', '县区', 'County', 12, 6), lv('town', '镇街', 'Town', 12, 9),
      lv('village', '村居', 'Village', 12, 12), lv('grid', '网格', 'Grid', 15, 15), lv('unit', '单元', 'Unit', 18, 18),
    ],
  };
  const pool = '东西南北中上下前后新旧山水田林石桥溪河湖海港湾岭坑头尾塘洋埔厝坂兜里亭园庄华荔城厢涵江秀屿仙游枫亭榜头盖尾度尾钟山书峰大济龙华赖店郊尾园庄鲤南西苑凤凰霞林常太华亭灵川忠门东埔山亭湄洲笏石东峤平海埭头月塘东庄南日北高江口梧塘白塘新县白沙庄边萩芦国欢三江口黄石北高新度拱辰镇海西天尾';
  let seed = 20231;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / (1 << 24);
  const word = (k: number) => Array.from({ length: k }, () => pool[Math.floor(rnd() * pool.length)]).join('');
  const spread = (total: number, parts: number) => Array.from({ length: parts }, (_, i) => Math.floor(((i + 1) * total) / parts) - Math.floor((i * total) / parts));
  const nodes: NodeInput[] = [{ code: '350300000000', parent: null, level: 'city', name: '莆田市' }];
  const counties = ['350302', '350303', '350304', '350305', '350322', '3503B1', '3503B2'];
  const townsPer = [7, 12, 6, 7, 18, 3, 1];
  const villagesPer = spread(973, 54);
  const gridsPer = spread(10439, 973);
  const unitsPer = spread(134753, 10439);
  let t = 0, v = 0, g = 0;
  counties.forEach((cc, ci) => {
    const zone = cc.includes('B');
    const county = `${cc}000000`;
    nodes.push({ code: county, parent: '350300000000', level: 'county', name: `${word(2)}${zone ? '开发区' : '区'}`, ...(zone ? { zone: true } : {}) });
    for (let ti = 0; ti < townsPer[ci]; ti++, t++) {
      const town = `${zone ? '350305' : cc}${String((zone ? 150 + ci * 10 : 100) + ti).padStart(3, '0')}000`;
      nodes.push({ code: town, parent: county, level: 'town', name: `${word(2)}镇` });
      for (let vi = 0; vi < villagesPer[t]; vi++, v++) {
        const village = `${town.slice(0, 9)}${String(200 + vi).padStart(3, '0')}`;
        nodes.push({ code: village, parent: town, level: 'village', name: `${word(2)}村` });
        for (let gi = 0; gi < gridsPer[v]; gi++, g++) {
          const grid = `${village}${String(gi + 1).padStart(3, '0')}`;
          nodes.push({ code: grid, parent: village, level: 'grid', name: `${word(2)}第${gi + 1}网格` });
          for (let ui = 0; ui < unitsPer[g]; ui++) {
            nodes.push({ code: `${grid}${String(ui + 1).padStart(3, '0')}`, parent: grid, level: 'unit', name: `${word(2)}${ui + 1}号楼` });
          }
        }
      }
    }
  });
  return { config, nodes };
}

// ---------------------------------------------------------------- the peer
interface PNode { code: string; name: string; level: number; parent: PNode | null; children: PNode[] }
function peerBuild(config: HierarchyConfig, nodes: readonly NodeInput[]): { root: PNode; all: PNode[]; byCode: Map<string, PNode> } {
  const lvl = new Map(config.levels.map((l, j) => [l.id, j]));
  const byCode = new Map<string, PNode>();
  const all: PNode[] = [];
  for (const n of nodes) {
    const p: PNode = { code: n.code, name: n.name, level: lvl.get(n.level)!, parent: null, children: [] };
    byCode.set(n.code, p);
    all.push(p);
  }
  let root: PNode | undefined;
  for (const n of nodes) {
    const me = byCode.get(n.code)!;
    if (n.parent === null) root = me;
    else {
      const p = byCode.get(n.parent)!;
      me.parent = p;
      p.children.push(me);
    }
  }
  return { root: root!, all, byCode };
}
function peerIsAncestor(a: PNode, b: PNode): boolean {
  for (let x: PNode | null = b; x; x = x.parent) if (x === a) return true;
  return false;
}
function peerCount(node: PNode, out: number[]): number[] {
  out[node.level]++;
  for (const c of node.children) peerCount(c, out);
  return out;
}
function peerSearchName(all: PNode[], q: string): PNode[] {
  return all.filter((n) => n.name.includes(q));
}
function peerSearchInitials(all: PNode[], q: string): PNode[] {
  return all.filter((n) => pinyin(n.name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').includes(q));
}

// ---------------------------------------------------------------- measuring
const f = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
interface Stat { median: number; min: number; max: number; runs: number }
function measure(fn: () => unknown, runs = 7, warm = 2): Stat {
  for (let k = 0; k < warm; k++) fn();
  const t: number[] = [];
  for (let k = 0; k < runs; k++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { median: t[Math.floor(t.length / 2)], min: t[0], max: t[t.length - 1], runs };
}
function heapMB(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed / 1048576;
}
/** Heap retained by what `make` returns, when the input came from JSON text that is then dropped. */
function retained(json: string, make: (nodes: NodeInput[]) => unknown): number {
  const before = heapMB();
  const keep: unknown = make(JSON.parse(json) as NodeInput[]);
  const after = heapMB();
  if (!keep) throw new Error('nothing built');
  return after - before;
}

const { source, config, nodes, overlay } = await putianData();
const json = JSON.stringify(nodes);
console.log(`data: ${source}; ${nodes.length} nodes`);

const build = (ns: NodeInput[]): Hierarchy => {
  const r = buildHierarchy(config, ns);
  if (!r.ok) throw new Error(r.errors.slice(0, 3).map((e) => e.en).join('; '));
  return r.value;
};
const rows: { workload: string; ours: Stat; peer: Stat; unit: string; note?: string }[] = [];

// build
const c1 = performance.now();
build(nodes);
const buildColdMs = performance.now() - c1;
const buildOurs = measure(() => build(nodes), 11, 3);
/** Median CPU time (user + system) of this process per call: less disturbed by other processes than wall time. */
function cpuMedian(fn: () => unknown, runs = 11): number {
  const t: number[] = [];
  for (let k = 0; k < runs; k++) {
    const c = process.cpuUsage();
    fn();
    const d = process.cpuUsage(c);
    t.push((d.user + d.system) / 1000);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)];
}
const buildCpu = cpuMedian(() => build(nodes));
const buildPeer = measure(() => peerBuild(config, nodes), 11, 3);
rows.push({ workload: `build index (${nodes.length} nodes)`, ours: buildOurs, peer: buildPeer, unit: 'ms', note: `ours validates every record (codes, prefixes, levels, cycles) and the peer validates nothing; the very first build in the process (cold JIT): ${buildColdMs.toFixed(0)} ms; CPU time of the process per warm build (median of 11, includes GC threads): ${buildCpu.toFixed(0)} ms` });
const memOurs = retained(json, (ns) => build(ns));
const memOursSearch = retained(json, (ns) => {
  const x = build(ns);
  x.searchInitials('lcq');
  x.searchName('镇');
  return x;
});
const memPeer = retained(json, (ns) => peerBuild(config, ns));

const h = build(nodes);
const peer = peerBuild(config, nodes);
const peerAt = new Array<PNode>(h.size);
for (let i = 0; i < h.size; i++) peerAt[i] = peer.byCode.get(h.code(i))!;

// isAncestor: half uniformly random pairs, half (true) ancestor-descendant pairs.
const PAIRS = 2_000_000;
const pa = new Int32Array(PAIRS);
const pb = new Int32Array(PAIRS);
let s = 7;
const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 8) / (1 << 24);
for (let k = 0; k < PAIRS; k++) {
  const b = Math.floor(rnd() * h.size);
  pb[k] = b;
  if (k % 2 === 0) pa[k] = Math.floor(rnd() * h.size);
  else {
    const path = h.path(b);
    pa[k] = path[Math.floor(rnd() * path.length)]!;
  }
}
const peerA = Array.from(pa, (i) => peerAt[i]);
const peerB = Array.from(pb, (i) => peerAt[i]);
let sink = 0;
const ancOurs = measure(() => {
  let c = 0;
  for (let k = 0; k < PAIRS; k++) if (h.isAncestor(pa[k], pb[k])) c++;
  sink += c;
});
const ancPeer = measure(() => {
  let c = 0;
  for (let k = 0; k < PAIRS; k++) if (peerIsAncestor(peerA[k], peerB[k])) c++;
  sink += c;
});
const perCall = (st: Stat): Stat => ({ median: (st.median * 1e6) / PAIRS, min: (st.min * 1e6) / PAIRS, max: (st.max * 1e6) / PAIRS, runs: st.runs });
rows.push({ workload: `isAncestor (${PAIRS / 1e6}M pairs, half true)`, ours: perCall(ancOurs), peer: perCall(ancPeer), unit: 'ns/call' });

// subtree counts per level for every node down to village (1,035 nodes), and for the root.
const upper: number[] = [];
for (let i = 0; i < h.size; i++) if (h.levelOf[i] <= 3) upper.push(i);
const cntOurs = measure(() => { for (const i of upper) sink += h.countByLevel(i)[5]; });
const cntPeer = measure(() => { for (const i of upper) sink += peerCount(peerAt[i], new Array(6).fill(0))[5]; }, 5, 1);
rows.push({ workload: `countByLevel for all ${upper.length} city..village nodes`, ours: cntOurs, peer: cntPeer, unit: 'ms' });

// name substring search over all nodes.
const nameQueries = [h.name(h.indexOf(h.code(h.children(h.children(0)[2])[0]))).slice(0, 2), '镇', '第3网格', '山水', '12号楼'];
const nameOurs = measure(() => { for (const q of nameQueries) sink += h.searchName(q, h.size).length; });
const namePeer = measure(() => { for (const q of nameQueries) sink += peerSearchName(peer.all, q).length; });
for (const q of nameQueries) {
  if (h.searchName(q, h.size).length !== peerSearchName(peer.all, q).length) throw new Error(`name search disagrees on ${q}`);
}
rows.push({ workload: `name substring search, all matches (${nameQueries.length} queries)`, ours: nameOurs, peer: namePeer, unit: 'ms' });

// pinyin-initial search over all nodes: the first search (builds the table) and warm ones.
const pyQuery = pinyin(h.name(h.children(0)[2]), { pattern: 'first', toneType: 'none', type: 'array' }).join('');
const fresh = build(nodes);
const c0 = performance.now();
const firstHits = fresh.searchInitials(pyQuery, fresh.size).length;
const coldMs = performance.now() - c0;
const pyOurs = measure(() => { sink += h.searchInitials(pyQuery, h.size).length; });
const pyPeer = measure(() => { sink += peerSearchInitials(peer.all, pyQuery).length; }, 5, 1);
const peerHits = peerSearchInitials(peer.all, pyQuery).length;
rows.push({
  workload: `pinyin-initial search "${pyQuery}", all nodes`, ours: pyOurs, peer: pyPeer, unit: 'ms',
  note: `first search on a fresh index (builds the initials table): ${coldMs.toFixed(1)} ms; hits ours ${firstHits} (every reading of polyphonic characters) vs peer ${peerHits} (pinyin-pro's reading in context)`,
});

// a pinyin query with many hits (网格 wg): collecting the results costs as well
const wgOurs = measure(() => { sink += h.searchInitials('wg', h.size).length; });
const wgPeer = measure(() => { sink += peerSearchInitials(peer.all, 'wg').length; }, 5, 1);
rows.push({ workload: `pinyin-initial search "wg" (网格), all ${h.searchInitials('wg', h.size).length} matches`, ours: wgOurs, peer: wgPeer, unit: 'ms',
  note: `peer finds ${peerSearchInitials(peer.all, 'wg').length}` });

// combined search (name + initials + code), default limit
const comb = measure(() => { for (const q of ['lcq', '3503', '镇海']) sink += h.search(q).length; });

// overlay: counts of every kind for every city..village subtree, beside records hung on
// parent-pointer nodes and summed by recursion.
const infoNotes: string[] = [];
if (overlay) {
  const ovOurs = measure(() => { const r = buildOverlay(h, overlay); if (!r.ok) throw new Error('overlay'); }, 5, 1);
  const o = buildOverlay(h, overlay);
  if (!o.ok) throw new Error(o.errors.slice(0, 3).map((e) => e.en).join('; '));
  const ov = o.value;
  type PO = Map<CountKey, number>;
  const peerCounts = new Map<PNode, PO>();
  const bump = (code: string, key: CountKey) => {
    const pn = peer.byCode.get(code)!;
    let m = peerCounts.get(pn);
    if (!m) peerCounts.set(pn, (m = new Map()));
    m.set(key, (m.get(key) ?? 0) + 1);
  };
  const compoundNode = new Map(overlay.compounds.map((c) => [c.id, c.node]));
  const peerOverlay = () => {
    peerCounts.clear();
    for (const r of overlay.organisations) bump(r.node, `org:${r.kind}`);
    for (const r of overlay.people) {
      bump(r.node, `role:${r.role}`);
      if (r.partyMember) bump(r.node, `party:${r.role}`);
    }
    for (const r of overlay.facilities) bump(r.node, `facility:${r.kind}`);
    for (const r of overlay.compounds) bump(r.node, 'compound');
    for (const r of overlay.pairings) bump(r.kind.endsWith('compound') ? compoundNode.get(r.target)! : r.target, `pairing:${r.kind}`);
  };
  const ovPeer = measure(peerOverlay, 5, 1);
  rows.push({ workload: `overlay build (${overlay.people.length} people, ${overlay.organisations.length} organisations, …)`, ours: ovOurs, peer: ovPeer, unit: 'ms',
    note: 'ours checks every record (ids, kinds, node codes, references) and sorts by pre-order position; the peer hangs unchecked counts on node objects' });
  peerOverlay();
  const peerSum = (pn: PNode, out: Map<CountKey, number>) => {
    const m = peerCounts.get(pn);
    if (m) for (const [k, v] of m) out.set(k, (out.get(k) ?? 0) + v);
    for (const c of pn.children) peerSum(c, out);
    return out;
  };
  for (const i of [0, ...h.children(0)]) {
    const a = peerSum(peerAt[i], new Map());
    for (const k of COUNT_KEYS) if ((a.get(k) ?? 0) !== ov.count(i, k)) throw new Error(`overlay count disagrees: ${k} at ${h.code(i)}`);
  }
  const cOurs = measure(() => { for (const i of upper) sink += ov.counts(i)['org:grid-branch']; });
  const cPeer = measure(() => { for (const i of upper) sink += peerSum(peerAt[i], new Map()).get('org:grid-branch') ?? 0; }, 5, 1);
  rows.push({ workload: `overlay counts, all ${COUNT_KEYS.length} kinds, for all ${upper.length} city..village nodes`, ours: cOurs, peer: cPeer, unit: 'ms' });
  const levelIds = config.levels.map((l) => l.id);
  const defs = standardCoverage(config, { grid: levelIds[levelIds.length - 2], unit: levelIds[levelIds.length - 1], governance: levelIds.slice(0, -2) });
  for (const d of defs) ov.coverage(0, d); // build the tables
  const cov = measure(() => { for (const i of upper) for (const d of defs) sink += ov.coverage(i, d).numerator; });
  infoNotes.push(`- coverage, all ${defs.length} standard indicators for all ${upper.length} city..village nodes (ours only): ${f(cov.median)} ms (${f(cov.min)}–${f(cov.max)})`);
  const text = exportJson(h, ov);
  const load = measure(() => { if (!importJson(text).ok) throw new Error('import'); }, 5, 1);
  infoNotes.push(`- load the Putian JSON document (${(text.length / 1048576).toFixed(1)} MB; JSON.parse + zod + index + overlay), importJson: ${f(load.median)} ms (${f(load.min)}–${f(load.max)})`);
}

// ---------------------------------------------------------------- report
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, totalmemGB: +(os.totalmem() / 1073741824).toFixed(1),
  node: process.version, os: `${os.type()} ${os.release()}`, date: new Date().toISOString(),
  loadavg: os.loadavg().map((x) => +x.toFixed(2)),
};
const lines = [
  '| workload | ours median (min–max) | parent-pointer peer median (min–max) | unit | peer / ours |',
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.workload} | ${f(r.ours.median)} (${f(r.ours.min)}–${f(r.ours.max)}) | ${f(r.peer.median)} (${f(r.peer.min)}–${f(r.peer.max)}) | ${r.unit} | ${(r.peer.median / r.ours.median).toFixed(1)}× |`),
  `| heap retained by the built index (input JSON dropped, after gc) | ${memOurs.toFixed(1)} | ${memPeer.toFixed(1)} | MB | ${(memPeer / memOurs).toFixed(2)}× |`,
];
const notes = rows.filter((r) => r.note).map((r) => `- ${r.workload}: ${r.note}`);
notes.push(`- heap retained by the index after its first name and pinyin searches (search text and initials table built): ${memOursSearch.toFixed(1)} MB`);
notes.push(...infoNotes);
notes.push(`- combined search('lcq' / '3503' / '镇海', limit 50): ${f(comb.median)} ms for the three`);
const md = [
  '# Hierarchy index benchmark',
  '',
  `Data: ${source}, ${nodes.length} nodes. Command: \`node --conditions=source --import tsx --expose-gc bench/hierarchy.bench.ts\`.`,
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.totalmemGB} GB, Node ${machine.node}, ${machine.os}, ${machine.date}; load average at the end ${machine.loadavg.join(' / ')} (the machine is shared with other work; min is the least disturbed figure).`,
  'Each figure: median (min–max) of ≥5 runs after warm-up; ours and the peer in the same process. (A forced full GC between runs was tried and dropped: it discards the OSR code of once-called loops, so every run restarts in the interpreter — 20 ns per isAncestor for both sides — which is not how an application calls them.)',
  '',
  ...lines,
  '',
  ...notes,
  '',
  'Targets (issue 2): build ≤ 150 ms and ≤ 60 MB retained; isAncestor ≤ 50 ns; pinyin-initial search over all nodes ≤ 20 ms.',
  '',
].join('\n');
console.log(md);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/hierarchy.md', md);
writeFileSync('bench/results/hierarchy.json', JSON.stringify({ machine, source, nodes: nodes.length, rows, retainedMB: { ours: memOurs, oursWithSearchTables: memOursSearch, peer: memPeer }, pinyinColdMs: coldMs, buildColdMs, buildCpuMs: buildCpu, combinedSearchMs: comb, sink: sink > 0 }, null, 2) + '\n');
