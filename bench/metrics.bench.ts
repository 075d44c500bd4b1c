/**
 * Metrics benchmark: @jiceng/core's metrics engine beside Arquero (a JavaScript data-frame
 * library) doing the same group-by — unit × category, then a roll-up to every level — on
 * the same 533,500 synthetic cases over the generated Putian city (146,227 nodes), in the
 * same process.
 *
 * Ours computes every built-in measure (~35) from the raw fact columns and then every
 * non-median indicator for every node as columns; Arquero is given precomputed 0/1 flags
 * (collected, closed, due to close, closed on time) and the ancestor of each unit at every
 * level, so it only groups and sums (then derives the close rates) — less work than ours.
 *
 * Run: node --conditions=source --import tsx --expose-gc bench/metrics.bench.ts
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import * as aq from 'arquero';
import {
  buildHierarchy, CASE_STATUSES, createMetrics, dashboardSlice, type HierarchyIndex,
} from '../packages/core/src/index.js';
import { CASE_SOURCES, createCaseFacts, type CaseFacts } from '../packages/core/src/cases/index.js';
import { readFactRow, type CaseFactRow } from '../packages/core/src/metrics/index.js';
import * as putian from '../packages/putian/src/index.js';

const { generatePutian } = putian;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

// ---------------------------------------------------------------- data
const data = generatePutian({ seed: 1 });
const built = buildHierarchy(data.config, data.nodes);
if (!built.ok) throw new Error('hierarchy did not build');
const h: HierarchyIndex = built.value;
const LEVELS = h.config.levels.length;
const UNIT = LEVELS - 1;

const N = 533_500;
const CLOSED = 530_600;
const CATEGORIES = 40;
const HOUR = 3_600_000;
// after the history's last event, so that every closure counts (Putian: 530,600 of 533,500)
const NOW = Date.parse('2026-06-01T00:00:00+08:00');
const START = Date.parse('2016-01-01T00:00:00+08:00');
const END = Date.parse('2026-01-01T00:00:00+08:00');

/** Seeded synthetic cases: 10 years, 99.5 % closed, 5 % reworked, some late, some escalated. */
function syntheticCases(): CaseFacts {
  let seed = 0x5eed;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) / (1 << 24);
  const units: number[] = [];
  for (let i = 0; i < h.size; i++) if (h.levelOf[i] === UNIT) units.push(i);
  const grids: number[] = [];
  for (let i = 0; i < h.size; i++) if (h.levelOf[i] === UNIT - 1) grids.push(i);
  const f = createCaseFacts(N + 1024);
  const S = (s: (typeof CASE_STATUSES)[number]) => CASE_STATUSES.indexOf(s);
  // choose exactly CLOSED of the N cases to be closed
  const open = new Uint8Array(N);
  for (let k = 0, left = N - CLOSED; left > 0; k = (k + 7919) % N) if (!open[k] && rnd() < 0.5) { open[k] = 1; left--; }
  for (let i = 0; i < N; i++) {
    f.caseIds.push(`C${i}`);
    f.node[i] = rnd() < 0.9 ? units[Math.floor(rnd() * units.length)] : grids[Math.floor(rnd() * grids.length)];
    f.category[i] = Math.floor(rnd() * CATEGORIES);
    f.source[i] = Math.floor(rnd() * CASE_SOURCES.length);
    const rep = START + rnd() * (END - START - 30 * 24 * HOUR);
    f.reportedAt[i] = rep;
    f.registeredAt[i] = rep + rnd() * HOUR;
    f.dispatchDueAt[i] = f.registeredAt[i] + HOUR;
    f.dispatchedAt[i] = f.registeredAt[i] + rnd() * 1.2 * HOUR;
    const limit = (rnd() < 0.5 ? 4 : 72) * HOUR;
    f.dueAt[i] = f.dispatchedAt[i] + limit;
    f.rework[i] = rnd() < 0.05 ? 1 : 0;
    f.escalations[i] = rnd() < 0.08 ? 1 : 0;
    if (open[i]) { f.status[i] = S('handling'); continue; }
    f.handledAt[i] = f.dispatchedAt[i] + limit * rnd() * 1.15;
    f.closedAt[i] = f.handledAt[i] + rnd() * 12 * HOUR;
    const r = rnd();
    f.closedLevel[i] = r < 0.55 ? UNIT - 1 : r < 0.85 ? UNIT - 2 : r < 0.97 ? UNIT - 3 : UNIT - 4;
    f.satisfaction[i] = 1 + Math.floor(rnd() * 5);
    f.status[i] = S('closed');
  }
  f.length = N;
  return f;
}
/**
 * The cases: @jiceng/putian's scenario (every case walked through the core's own rules by
 * the case store) when it is there, else the seeded synthetic cases above.
 */
function cases(): { facts: CaseFacts; source: string; ms: number } {
  const t0 = performance.now();
  const Scenario = (putian as Record<string, unknown>).PutianScenario as (new (h: HierarchyIndex) => { run(): { facts: CaseFacts } }) | undefined;
  if (Scenario) {
    const facts = new Scenario(h).run().facts;
    return { facts, source: '@jiceng/putian PutianScenario (seed 1): 533,500 cases through the case store', ms: performance.now() - t0 };
  }
  return { facts: syntheticCases(), source: 'seeded synthetic cases (bench/metrics.bench.ts)', ms: performance.now() - t0 };
}
const data2 = cases();
const facts = data2.facts;
const NN = facts.length;

// ---------------------------------------------------------------- timing helpers
/** Wall times (median, min, max) and the median CPU time of the process (user + system, ms), beside them: the machine is shared. */
interface Stat { median: number; min: number; max: number; runs: number; cpu: number }
const cpuMs = (c0: NodeJS.CpuUsage) => { const c = process.cpuUsage(c0); return (c.user + c.system) / 1000; };
const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
function measure(fn: () => void, runs: number, warm = 1): Stat {
  for (let k = 0; k < warm; k++) fn();
  const xs: number[] = [], cs: number[] = [];
  for (let k = 0; k < runs; k++) {
    gc!();
    const c0 = process.cpuUsage(), t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
    cs.push(cpuMs(c0));
  }
  xs.sort((a, b) => a - b);
  return { median: xs[xs.length >> 1], min: xs[0], max: xs[xs.length - 1], runs, cpu: medianOf(cs) };
}

// ---------------------------------------------------------------- ours
let ourCheck = { collected: 0, closed: 0, due: 0, closeRate: 0, banjieRate: 0 };
const ours = () => {
  const r = createMetrics({ hierarchy: h, facts, now: NOW, closeRateBase: 'collected' });
  if (!r.ok) throw new Error('metrics refused');
  const cols = r.value.columns();
  ourCheck = { collected: cols.collected[0], closed: cols.closed[0], due: cols.dueToClose[0], closeRate: cols.closeRate[0], banjieRate: cols.banjieRate[0] };
};
const metricsR = createMetrics({ hierarchy: h, facts, now: NOW, closeRateBase: 'collected' });
if (!metricsR.ok) throw new Error('metrics refused');
const metrics = metricsR.value;
const indicatorCount = metrics.indicators.filter((d) => d.aggregate !== 'median').length;

// ---------------------------------------------------------------- Arquero
// Same inputs, flags precomputed (outside the timing) so that Arquero only groups and sums.
const ancestors: Int32Array[] = [];
for (let L = 0; L < LEVELS; L++) {
  const a = new Int32Array(h.size).fill(-1);
  for (let i = 0; i < h.size; i++) a[i] = h.levelOf[i] >= L ? h.ancestorAt(i, L) : -1;
  ancestors.push(a);
}
const colNode = new Int32Array(NN), colCat = new Int32Array(NN);
const fCollected = new Uint8Array(NN), fClosed = new Uint8Array(NN), fDue = new Uint8Array(NN), fOnTime = new Uint8Array(NN);
for (let i = 0; i < NN; i++) {
  colNode[i] = facts.node[i]; colCat[i] = facts.category[i];
  fCollected[i] = 1;
  const closed = facts.closedAt[i] <= NOW;
  fClosed[i] = closed ? 1 : 0;
  const st = facts.status[i];
  const mergedOrVoid = st === CASE_STATUSES.indexOf('duplicate') || st === CASE_STATUSES.indexOf('void');
  fDue[i] = facts.registeredAt[i] <= NOW && !mergedOrVoid && (closed || facts.dueAt[i] <= NOW) ? 1 : 0;
  fOnTime[i] = closed && !(facts.closedAt[i] > facts.dueAt[i]) ? 1 : 0;
}
let aqCheck = { collected: 0, closed: 0, due: 0, closeRate: 0, banjieRate: 0 };
const arquero = () => {
  const t = aq.table({ node: colNode, category: colCat, collected: fCollected, closed: fClosed, due: fDue, ontime: fOnTime });
  const byUnit = t.groupby('node', 'category').rollup({
    collected: aq.op.sum('collected'), closed: aq.op.sum('closed'), due: aq.op.sum('due'), ontime: aq.op.sum('ontime'),
  });
  const perLevel = [];
  for (let L = 0; L < LEVELS; L++) {
    const anc = ancestors[L];
    const rolled = byUnit
      .derive({ anc: aq.escape((d: { node: number }) => anc[d.node]) })
      .filter((d: { anc: number }) => d.anc >= 0)
      .groupby('anc')
      .rollup({ collected: aq.op.sum('collected'), closed: aq.op.sum('closed'), due: aq.op.sum('due'), ontime: aq.op.sum('ontime') })
      .derive({ closeRate: (d: { closed: number; due: number }) => (d.due ? (100 * d.closed) / d.due : NaN), onTimeRate: (d: { ontime: number; due: number }) => (d.due ? (100 * d.ontime) / d.due : NaN) });
    perLevel.push(rolled);
  }
  const city = perLevel[0].objects()[0] as { collected: number; closed: number; due: number; closeRate: number };
  aqCheck = { collected: city.collected, closed: city.closed, due: city.due, closeRate: city.closeRate, banjieRate: (100 * city.closed) / city.collected };
  let rows = 0;
  for (const p of perLevel) rows += p.numRows();
  if (rows !== nonEmpty) throw new Error(`arquero rolled up ${rows} nodes`);
};
function countEmpty(): number {
  const c = metrics.column('collected');
  let e = 0;
  for (let i = 0; i < h.size; i++) if (c[i] === 0) e++;
  return e;
}
const nonEmpty = h.size - countEmpty();
// Rounds alternate ours and Arquero, so that a busy moment on the shared machine hits both.
function alternate(a: () => void, b: () => void, rounds: number): [Stat, Stat] {
  a(); b(); // warm-up
  const xa: number[] = [], xb: number[] = [], ca: number[] = [], cb: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const [fn, xs, cs] of [[a, xa, ca], [b, xb, cb]] as const) {
      gc!();
      const c0 = process.cpuUsage(), t0 = performance.now();
      fn();
      xs.push(performance.now() - t0);
      cs.push(cpuMs(c0));
    }
  }
  const stat = (xs: number[], cs: number[]): Stat => { xs.sort((p, q) => p - q); return { median: xs[xs.length >> 1], min: xs[0], max: xs[xs.length - 1], runs: xs.length, cpu: medianOf(cs) }; };
  return [stat(xa, ca), stat(xb, cb)];
}
const [oursStat, aqStat] = alternate(ours, arquero, 7);
for (const k of ['collected', 'closed', 'due'] as const) {
  if (ourCheck[k] !== aqCheck[k]) throw new Error(`ours and Arquero disagree on ${k}: ${ourCheck[k]} vs ${aqCheck[k]}`);
}

// ---------------------------------------------------------------- drill-down and updates
const towns: number[] = [];
for (let i = 0; i < h.size; i++) if (h.levelOf[i] === 2) towns.push(i);
const bigTown = towns.reduce((a, b) => (h.childCount(b) > h.childCount(a) ? b : a));
let bigGrid = -1;
for (let i = 0; i < h.size; i++) if (h.levelOf[i] === UNIT - 1 && (bigGrid < 0 || h.childCount(i) > h.childCount(bigGrid))) bigGrid = i;
const drill = (node: number, reps: number) => measure(() => { for (let k = 0; k < reps; k++) metrics.children(node); }, 7);
const REPS = 200;
const drillCity = drill(0, REPS), drillTown = drill(bigTown, REPS), drillGrid = drill(bigGrid, REPS);

// one event: a case is closed (before/after rows differ in closedAt, handledAt, status, closedLevel, satisfaction)
const UPD = 100_000;
const befores: CaseFactRow[] = [], afters: CaseFactRow[] = [];
for (let k = 0; k < UPD; k++) {
  const i = (k * 7919) % NN;
  const b = readFactRow(facts, i);
  const a = { ...b, closedAt: NOW - HOUR, handledAt: NOW - 2 * HOUR, status: CASE_STATUSES.indexOf('closed'), closedLevel: UNIT - 1, satisfaction: 5 };
  befores.push(b); afters.push(a);
}
const upd = measure(() => { for (let k = 0; k < UPD; k++) metrics.apply(befores[k], afters[k]); for (let k = UPD - 1; k >= 0; k--) metrics.apply(afters[k], befores[k]); }, 7);
const perUpdateUs = (upd.median * 1000) / (2 * UPD);

// one slice and one series at the city (scans all 533,500 rows)
const sliceCat = measure(() => metrics.slice(0, { by: 'category' }), 5);
const seriesCity = measure(() => metrics.series(0, { unit: 'month', count: 120, to: { unit: 'month', key: 2025 * 12 + 11 } }), 5);
const DEC = { unit: 'month' as const, key: 2025 * 12 + 11 };
const dashCity = measure(() => dashboardSlice(metrics, 0, DEC), 5);
const dashTown = measure(() => dashboardSlice(metrics, bigTown, DEC), 5);

// ---------------------------------------------------------------- report
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memGB: +(os.totalmem() / 2 ** 30).toFixed(1),
  node: process.version, os: `${os.type()} ${os.release()}`, date: new Date().toISOString(),
  /** Load averages (1, 5, 15 min) when the run ended: the machine is shared, so figures vary with it. */
  loadavg: os.loadavg().map((x) => +x.toFixed(2)),
};
const f = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(2) : x.toFixed(3));
const s = (st: Stat, scale = 1) => `${f(st.median * scale)} (${f(st.min * scale)}–${f(st.max * scale)})`;
const ratio = aqStat.median / oursStat.median;
const rows = [
  ['all indicators for all nodes (build + columns)', `${s(oursStat)} ms`, `${s(aqStat)} ms`, `${ratio.toFixed(1)}× (CPU ${(aqStat.cpu / oursStat.cpu).toFixed(1)}×)`, `${f(oursStat.cpu)} / ${f(aqStat.cpu)} ms`],
  [`drill-down: children of the city (${h.childCount(0)})`, `${s(drillCity, 1000 / REPS)} µs`, '—', '', `${f(drillCity.cpu * 1000 / REPS)} µs`],
  [`drill-down: children of the largest town (${h.childCount(bigTown)})`, `${s(drillTown, 1000 / REPS)} µs`, '—', '', `${f(drillTown.cpu * 1000 / REPS)} µs`],
  [`drill-down: children of the largest grid (${h.childCount(bigGrid)})`, `${s(drillGrid, 1000 / REPS)} µs`, '—', '', `${f(drillGrid.cpu * 1000 / REPS)} µs`],
  ['one case change (apply before/after rows)', `${perUpdateUs.toFixed(3)} µs`, '—', '', `${((upd.cpu * 1000) / (2 * UPD)).toFixed(3)} µs`],
  ['slice by category at the city (scan 533,500 rows)', `${s(sliceCat)} ms`, '—', '', `${f(sliceCat.cpu)} ms`],
  ['120-month series at the city (scan 533,500 rows)', `${s(seriesCity)} ms`, '—', '', `${f(seriesCity.cpu)} ms`],
  ['dashboardSlice of the city for a month', `${s(dashCity)} ms`, '—', '', `${f(dashCity.cpu)} ms`],
  ['dashboardSlice of the largest town for a month', `${s(dashTown)} ms`, '—', '', `${f(dashTown.cpu)} ms`],
];
const table = ['| workload | ours median (min–max), wall | Arquero median (min–max), wall | Arquero / ours | CPU median (ours / Arquero) |', '|---|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const md = `# Metrics benchmark

Data: @jiceng/putian generatePutian({ seed: 1 }) (${h.size} nodes) and ${facts.length.toLocaleString('en')} cases from
${data2.source} (made in ${(data2.ms / 1000).toFixed(1)} s, not timed), evaluated as of 2026-06-01 00:00 (+08:00). Command:
\`node --conditions=source --import tsx --expose-gc bench/metrics.bench.ts\`.
Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGB} GB, Node ${machine.node}, ${machine.os}, ${machine.date};
load average at the end ${machine.loadavg.join(' / ')} (shared machine: other jobs ran beside the benchmark).
Each figure: median (min–max) of ≥5 runs after a warm-up; ours and Arquero in the same process, in alternating rounds.

${table}

- Ours: ${metrics.measures.codes.length} case measures evaluated from the raw fact columns in one pass
  (${metrics.measures.generated ? 'generated kernel' : 'interpreter'}), roll-up along the parent array, then ${indicatorCount}
  indicators × ${h.size} nodes as Float64 columns.
- Arquero: given precomputed 0/1 flags and per-level ancestor lookups (outside the timing), it groups unit × category,
  then rolls up to each of the ${LEVELS} levels and derives the close and on-time rates — 4 measures, 2 rates.
- Both agree on the city's totals: collected ${ourCheck.collected}, closed ${ourCheck.closed}, due to close ${ourCheck.due}
  (结案率 ${ourCheck.closeRate.toFixed(2)} %; 办结率 over all collected ${ourCheck.banjieRate.toFixed(2)} %).
- Per-update figure: ${UPD.toLocaleString('en')} changes applied and ${UPD.toLocaleString('en')} reverted per run.

Targets (issue 4): all indicators for all ~146,000 nodes ≤ 300 ms (aim ≤ 150 ms) and ≥ 5× faster than Arquero;
one node's drill-down ≤ 1 ms; one event's update ≤ 5 µs. Aims (issue 20): all indicators for all nodes ≤ 150 ms and
≥ 20× Arquero; a dashboard slice of the city for a month ≤ 5 ms. On a loaded machine read the CPU column and the
ratio; bench/results/metrics-profile.md says what stands in the way.
`;
console.log(md);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/metrics.md', import.meta.url), md);
writeFileSync(new URL('./results/metrics.json', import.meta.url), JSON.stringify({
  machine, nodes: h.size, cases: NN, measures: metrics.measures.codes.length, indicators: indicatorCount,
  allIndicatorsAllNodesMs: oursStat, arqueroGroupByRollupMs: aqStat, ratio,
  drillDownUs: { city: scale(drillCity, 1000 / REPS), largestTown: scale(drillTown, 1000 / REPS), largestGrid: scale(drillGrid, 1000 / REPS) },
  updateUs: perUpdateUs, sliceByCategoryCityMs: sliceCat, series120MonthsCityMs: seriesCity, dashboardSliceCityMs: dashCity, dashboardSliceTownMs: dashTown, check: ourCheck,
}, null, 2));
function scale(st: Stat, k: number): Stat { return { median: st.median * k, min: st.min * k, max: st.max * k, runs: st.runs, cpu: st.cpu * k }; }
