/**
 * Where the full-year replay's CPU time goes, by event type: `foldEngagement` over the whole log,
 * then over each type's events with the events it depends on (accounts for transfers, orders and
 * members for the order steps, rosters and members for attendance) — subtract the dependencies'
 * own rows to get a type's share. Reads the log cached by bench/engagement-profile.ts.
 *
 *   ENGAGEMENT_LOG=/tmp/engagement-log.json node --conditions=source --import tsx --expose-gc \
 *     --max-old-space-size=8192 bench/engagement-split.ts
 */
import { readFileSync } from 'node:fs';
import { foldEngagement, type AnyEngagementEvent } from '../packages/core/src/engagement/index.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !process.env.ENGAGEMENT_LOG) throw new Error('run with --expose-gc and ENGAGEMENT_LOG=<the cached log>');
const events = JSON.parse(readFileSync(process.env.ENGAGEMENT_LOG, 'utf8')) as AnyEngagementEvent[];
const cpu = (fn: () => unknown): number => {
  gc();
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return Math.round((c.user + c.system) / 1000);
};
const deps = (t: string): string[] => t === 'transferPosted' ? ['accountOpened', t]
  : t.startsWith('order') && t !== 'orderPlaced' ? ['orderPlaced', 'memberReported', t]
    : t === 'attendanceRecorded' ? ['rosterCreated', 'memberReported', t] : [t];
foldEngagement(events);
console.log(`| all ${events.length} events | ${cpu(() => foldEngagement(events))} ms |`);
for (const t of [...new Set(events.map((e) => e.type))]) {
  const sub = events.filter((e) => deps(t).includes(e.type));
  foldEngagement(sub);
  console.log(`| ${t} (${events.filter((e) => e.type === t).length}) with ${deps(t).join(' + ')} | ${cpu(() => foldEngagement(sub))} ms |`);
}
