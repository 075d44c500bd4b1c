/**
 * The replay half of the engagement benchmark, in a process of its own that holds the stored
 * log and nothing else — what a replay has when it starts (a server folding the record, an
 * auditor's script reading an export). Run by engagement.bench.ts, which writes the log (JSON,
 * as the store gives it back) and the live ledgers (balances and sizes) to check against; prints its figures as one
 * line of JSON.
 *
 *   node --conditions=source --import tsx --expose-gc --max-old-space-size=8192 bench/engagement-replay.ts <log.json> <live.json> <runs>
 */
import { readFileSync } from 'node:fs';
import { foldEngagement, foldLedger, type AnyEngagementEvent } from '../packages/core/src/engagement/index.js';
import { cpuMedian as cpuMs, measure } from './shared.js';

const [logFile, liveFile, runsArg] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !logFile || !liveFile) throw new Error('usage: --expose-gc bench/engagement-replay.ts <log.json> <live.json> <runs>');
const runs = Number(runsArg ?? 7);
const events = JSON.parse(readFileSync(logFile, 'utf8')) as AnyEngagementEvent[];
const expected = JSON.parse(readFileSync(liveFile, 'utf8')) as { balances: Record<string, number>; transfers: number; itemTotals: number; unsettled: number; stock: number };
const live = new Map(Object.entries(expected.balances));

/** The bound: the least work any replay does — one pass adding each movement into a balance map. */
const sums = () => {
  const bal = new Map<string, number>();
  for (const e of events) {
    if (e.type !== 'transferPosted') continue;
    for (const m of e.data.movements) bal.set(m.account, (bal.get(m.account) ?? 0) + m.amount);
  }
  return bal.size;
};

let accounts = 0;
const ledger = measure(runs, () => { const st = foldLedger(events); accounts = st.accounts.size; return st.seq; }).stat;
const whole = measure(runs, () => foldEngagement(events).seq).stat;
const bound = measure(runs, sums).stat;
const cpu = { ledger: cpuMs(() => foldLedger(events)), whole: cpuMs(() => foldEngagement(events)), bound: cpuMs(sums) };

// both replays give back the live ledgers: every balance, and as many transfers, item totals, unsettled accounts and stock lines
const l = foldLedger(events);
const w = foldEngagement(events);
if (l.accounts.size !== live.size || w.accounts.size !== live.size) throw new Error('the replays have another number of accounts than the live state');
for (const [id, balance] of live) {
  if (l.accounts.get(id)?.balance !== balance) throw new Error(`the ledger replay differs at ${id}`);
  if (w.accounts.get(id)?.balance !== balance) throw new Error(`the whole-state replay differs at ${id}`);
}
for (const x of [l, w]) {
  if (x.transfers.length !== expected.transfers || x.itemTotals.size !== expected.itemTotals || x.unsettled.size !== expected.unsettled || x.stock.size !== expected.stock) {
    throw new Error('a replay differs from the live ledgers');
  }
}
const heapMB = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
process.stdout.write(`${JSON.stringify({ events: events.length, accounts, ledger, whole, bound, cpu, heapMB })}\n`);
