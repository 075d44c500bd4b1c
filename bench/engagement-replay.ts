/**
 * The replay half of the engagement benchmark, in a process of its own that holds the stored
 * log and nothing else — what a replay has when it starts (a server folding the record, an
 * auditor's script reading an export). Run by engagement.bench.ts, which writes the log (JSON,
 * as the store gives it back) and the live balances to check against; prints its figures as one
 * line of JSON.
 *
 *   node --conditions=source --import tsx --expose-gc --max-old-space-size=8192 bench/engagement-replay.ts <log.json> <balances.json> <runs>
 */
import { readFileSync } from 'node:fs';
import { foldEngagement, foldLedger, type AnyEngagementEvent } from '../packages/core/src/engagement/index.js';
import { cpuMedian as cpuMs, measure } from './shared.js';

const [logFile, balancesFile, runsArg] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !logFile || !balancesFile) throw new Error('usage: --expose-gc bench/engagement-replay.ts <log.json> <balances.json> <runs>');
const runs = Number(runsArg ?? 7);
const events = JSON.parse(readFileSync(logFile, 'utf8')) as AnyEngagementEvent[];
const live = new Map(Object.entries(JSON.parse(readFileSync(balancesFile, 'utf8')) as Record<string, number>));

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

// both replays give the live balances, and the ledgers alone equal the whole state's ledgers
const l = foldLedger(events);
const w = foldEngagement(events);
if (l.accounts.size !== live.size || w.accounts.size !== live.size) throw new Error('the replays have another number of accounts than the live state');
for (const [id, balance] of live) {
  if (l.accounts.get(id)?.balance !== balance) throw new Error(`the ledger replay differs at ${id}`);
  if (w.accounts.get(id)?.balance !== balance) throw new Error(`the whole-state replay differs at ${id}`);
}
if (l.transfers.length !== w.transfers.length || l.itemTotals.size !== w.itemTotals.size || l.unsettled.size !== w.unsettled.size || l.stock.size !== w.stock.size) {
  throw new Error('the ledger replay differs from the whole-state replay');
}
const heapMB = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
process.stdout.write(`${JSON.stringify({ events: events.length, accounts, ledger, whole, bound, cpu, heapMB })}\n`);
