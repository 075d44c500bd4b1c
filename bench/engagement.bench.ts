/**
 * Engagement benchmark on the generated Putian engagement year (42,484 reported members,
 * 40,000 orders, every hour and point through the core's store):
 * - candidate suggestion for one order over all reported members: ours (`suggestCandidates`
 *   over its index: the order's town scored, farther members walked tier by tier until no
 *   load-0 member can get into the top 5) beside the naive way (score every member from
 *   its records, sort all, take 5) — same answers checked; aim ≤ 5 ms;
 * - full-year ledger replay for every account (`foldLedger`: the time bank's and the points'
 *   accounts with their balances, daily earnings, item totals, pending and stock, and the
 *   transfers kept for statements), beside a bound: the least work any replay does — one pass
 *   adding each movement into a balance map; aim ≤ 1 s;
 * - the replay of the whole engagement state (`foldEngagement`: the ledgers and the members,
 *   rosters, attendance, orders, claims and command ids), beside the same bound; no aim of its own.
 *
 * Run: pnpm bench engagement (or node --conditions=source --import tsx --expose-gc bench/engagement.bench.ts)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import {
  buildCandidateIndex, DEFAULT_SERVICE_CATEGORIES, foldLedger, suggestCandidates, type MemberState, type OrderState,
} from '../packages/core/src/engagement/index.js';
import { generatePutian, generatePutianEngagement } from '../packages/putian/src/index.js';
import { cpuMedian as cpuMs, fmt, measure as measureRuns, type Stat } from './shared.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const RUNS = Number(process.env.RUNS ?? 7);

const t = performance.now();
const g = generatePutianEngagement(generatePutian({ seed: 1 }));
const genMs = Math.round(performance.now() - t);
const s = g.state;
const h = g.hierarchy;
const members = s.members.size;
const orders = [...s.orders.values()].filter((_, i) => i % 1000 === 0);
console.log(`generated in ${genMs} ms: ${members} members, ${s.orders.size} orders, ${g.events.length} events; ${orders.length} orders to suggest for`);

const measure = (fn: () => number) => measureRuns(RUNS, fn, 3);

/** The naive way: score every member from its records, sort them all, take the first five. */
function naive(o: OrderState): string[] {
  const cat = DEFAULT_SERVICE_CATEGORIES.find((c) => c.id === o.category)!;
  const pos = h.indexOf(o.node);
  const day = new Date(o.from + 8 * 3_600_000).getUTCDay();
  const scored: { m: MemberState; key: number; i: number }[] = [];
  let i = 0;
  for (const m of s.members.values()) {
    const k = i++;
    if (!m.active || m.id === o.resident || o.declinedBy.includes(m.id)) continue;
    const mp = h.indexOf(m.home ?? m.node);
    const dist = h.ancestorAt(mp, 'grid') === h.ancestorAt(pos, 'grid') && h.ancestorAt(pos, 'grid') >= 0 ? 0
      : h.ancestorAt(mp, 'village') === h.ancestorAt(pos, 'village') ? 1 : h.ancestorAt(mp, 'town') === h.ancestorAt(pos, 'town') ? 2 : 3;
    const key = (m.skills.includes(cat.skill) ? 0 : 8e6) + (m.days.includes(day) ? 0 : 4e6) + dist * 1e6 + Math.min(m.load, 999_999);
    scored.push({ m, key, i: k });
  }
  scored.sort((a, b) => a.key - b.key || a.i - b.i);
  return scored.slice(0, 5).map((x) => x.m.id);
}

const index = buildCandidateIndex(s, h);
const build = measure(() => buildCandidateIndex(s, h).members.length);
for (const o of orders) {
  const a = suggestCandidates(s, o, h, { index }).map((c) => c.member).join();
  const b = naive(o).join();
  if (a !== b) throw new Error(`suggestions disagree for ${o.id}: ${a} vs ${b}`);
}
const ours = measure(() => { let n = 0; for (const o of orders) n += suggestCandidates(s, o, h, { index }).length; return n; });
const peer = measure(() => { let n = 0; for (const o of orders) n += naive(o).length; return n; });
const per = (x: Stat) => ({ median: Math.round((x.median / orders.length) * 1000) / 1000, min: Math.round((x.min / orders.length) * 1000) / 1000, max: Math.round((x.max / orders.length) * 1000) / 1000 });
const oursPer = per(ours.stat);
const peerPer = per(peer.stat);
console.log(`suggest per order: ours ${fmt(oursPer)}, naive ${fmt(peerPer)} (${(peerPer.median / oursPer.median).toFixed(1)}×); index build ${fmt(build.stat)}`);

// replay: of the log as it is read back from the store (JSON: flat strings, nothing shared with the
// live state), in a process that holds the log and nothing else (bench/engagement-replay.ts): what
// a replay has when it starts. The ledger replay is also timed here, beside the generator's state.
const events = JSON.parse(JSON.stringify(g.events)) as typeof g.events;
const dir = mkdtempSync(join(os.tmpdir(), 'jiceng-engagement-'));
writeFileSync(join(dir, 'log.json'), JSON.stringify(events));
// what the replays must give back: the live ledgers' balances and sizes
writeFileSync(join(dir, 'live.json'), JSON.stringify({
  balances: Object.fromEntries([...s.accounts].map(([id, a]) => [id, a.balance])),
  transfers: s.transfers.length, itemTotals: s.itemTotals.size, unsettled: s.unsettled.size, stock: s.stock.size,
}));
const child = spawnSync(process.execPath, [...process.execArgv, 'bench/engagement-replay.ts', join(dir, 'log.json'), join(dir, 'live.json'), String(RUNS)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
rmSync(dir, { recursive: true, force: true });
if (child.status !== 0) throw new Error(`the replay process failed (${child.status})`);
const rp = JSON.parse(child.stdout) as { events: number; accounts: number; ledger: Stat; whole: Stat; bound: Stat; cpu: { ledger: number; whole: number; bound: number }; heapMB: number };
const accounts = rp.accounts;
const beside = measure(() => foldLedger(events).seq);
const besideCpu = cpuMs(() => foldLedger(events));
const besideMB = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
const suggestCpu = Math.round((cpuMs(() => { for (const o of orders) suggestCandidates(s, o, h, { index }); }) / orders.length) * 1000) / 1000;
const naiveCpu = Math.round((cpuMs(() => { for (const o of orders) naive(o); }, 1) / orders.length) * 1000) / 1000;
console.log(`ledger replay of ${rp.events} events into ${accounts} accounts: ours ${fmt(rp.ledger)} (CPU ${rp.cpu.ledger} ms; heap ${rp.heapMB} MB); beside the generator's state ${fmt(beside.stat)} (CPU ${besideCpu} ms; heap ${besideMB} MB)`);
console.log(`whole-state replay: ours ${fmt(rp.whole)} (CPU ${rp.cpu.whole} ms), bound ${fmt(rp.bound)} (CPU ${rp.cpu.bound} ms) (${(rp.whole.median / rp.bound.median).toFixed(1)}× the bound); suggest CPU ${suggestCpu} ms an order`);

const machine = {
  cpu: os.cpus()[0].model, cores: os.cpus().length, memGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  node: process.version, date: new Date().toISOString(), loadavg: os.loadavg().map((x) => Math.round(x * 10) / 10),
};
mkdirSync('bench/results', { recursive: true });
const results = {
  suggestPerOrder: { cpuMs: suggestCpu, naiveCpuMs: naiveCpu, cpuRatio: Math.round((naiveCpu / suggestCpu) * 10) / 10, ours: oursPer, naive: peerPer, ratio: Math.round((peerPer.median / oursPer.median) * 10) / 10, indexBuild: build.stat, orders: orders.length },
  ledgerReplay: { cpuMs: rp.cpu.ledger, boundCpuMs: rp.cpu.bound, cpuRatio: Math.round((rp.cpu.ledger / rp.cpu.bound) * 10) / 10, ours: rp.ledger, bound: rp.bound, ratio: Math.round((rp.ledger.median / rp.bound.median) * 10) / 10, events: rp.events, accounts, heapMB: rp.heapMB },
  ledgerReplayBesideGenerator: { cpuMs: besideCpu, ours: beside.stat, heapMB: besideMB },
  replay: { cpuMs: rp.cpu.whole, boundCpuMs: rp.cpu.bound, cpuRatio: Math.round((rp.cpu.whole / rp.cpu.bound) * 10) / 10, ours: rp.whole, bound: rp.bound, ratio: Math.round((rp.whole.median / rp.bound.median) * 10) / 10, events: rp.events, accounts },
};
writeFileSync('bench/results/engagement.json', JSON.stringify({ machine, members, orders: s.orders.size, generateMs: genMs, runs: RUNS, results }, null, 2));
writeFileSync('bench/results/engagement.md', `# Engagement benchmark

Data: @jiceng/putian generatePutianEngagement(generatePutian({ seed: 1 })): ${members} reported members,
${s.orders.size} orders, ${events.length} events, ${accounts} accounts (generated in ${genMs} ms through the store).
Command: \`pnpm bench engagement\`.
Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGB} GB, Node ${machine.node}, ${machine.date}
(load average ${machine.loadavg.join(', ')} — the machine was shared).
Each figure: median (min–max) of ${RUNS} runs after a warm-up, wall time; ours and the peer or bound in the same process.
CPU: median user + system time of 3 runs (the naive suggester: 1 run; on a shared machine wall time also counts the time spent waiting for a core).
The replays read the log as the store gives it back (parsed JSON), not the generator's in-memory events, in a
process that holds that log and nothing else (${rp.heapMB} MB of heap: what a replay has when it starts;
\`bench/engagement-replay.ts\`); the ledger replay is timed in the generator's process as well.

| workload | ours | peer / bound | ratio | aim |
|---|---|---|---|---|
| candidate suggestion for one order over all ${members} members (mean of ${orders.length} orders) | ${fmt(oursPer)}; CPU ${suggestCpu} ms | naive score-all-and-sort: ${fmt(peerPer)}; CPU ${naiveCpu} ms | ${results.suggestPerOrder.ratio}× faster (CPU ${results.suggestPerOrder.cpuRatio}×) | ≤ 5 ms |
| … building the flat member index once (reused until members change) | ${fmt(build.stat)} | — | — | — |
| full-year ledger replay for every account: ${rp.events} stored events into ${accounts} accounts (\`foldLedger\`) | ${fmt(rp.ledger)}; CPU ${rp.cpu.ledger} ms | bound, balances only: ${fmt(rp.bound)}; CPU ${rp.cpu.bound} ms | ${results.ledgerReplay.ratio}× the bound (CPU ${results.ledgerReplay.cpuRatio}×) | ≤ 1 s |
| … the same, in the generator's process (heap ${besideMB} MB: the generated city and engagement year alive beside the log) | ${fmt(beside.stat)}; CPU ${besideCpu} ms | — | — | — |
| the whole engagement state replayed from the same log (\`foldEngagement\`) | ${fmt(rp.whole)}; CPU ${rp.cpu.whole} ms | the same bound | ${results.replay.ratio}× the bound (CPU ${results.replay.cpuRatio}×) | — |

- Both suggesters return the same five members for every order (checked).
- The ledger replay builds every account of the time bank and the points (balance, daily
  earnings for the daily cap, pending points, the items' period totals, the shop's stock, the
  settled quarters) and keeps every transfer for statements; \`accountStatement\` reads it. The
  bound only sums movements into a map. Its balances, transfers, item totals and unsettled
  accounts equal the live ones (checked here; the property tests check it equals the live
  ledgers exactly).
- The whole-state replay builds the ledgers and the people's side too (members, rosters and
  attendance, orders, claims, the command ids a retry is checked against) — what the server
  folds when it starts; the replayed balances equal the live ones (checked).
`);
