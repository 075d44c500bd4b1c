/**
 * The floor of the full-year replay with string-keyed state: a fold that does only one Map/Set
 * look-up or insert per id an event names (command, member, roster, order, account, tally,
 * claim) and keeps the transfers by reference — none of the state the views need (names,
 * skills, caps, daily earnings, statements' records, unsettled accounts). Beside
 * `foldEngagement` in one process, alternating, CPU ms of 5 runs each. Reads the log cached
 * by bench/engagement-profile.ts.
 *
 *   ENGAGEMENT_LOG=/tmp/engagement-log.json node --conditions=source --import tsx --expose-gc \
 *     --max-old-space-size=8192 bench/engagement-floor.ts
 */
import { readFileSync } from 'node:fs';
import { foldEngagement, type AnyEngagementEvent } from '../packages/core/src/engagement/index.js';

/** The fields the floor reads, whatever the event's type. */
interface Loose {
  type: string; commandId: string; at: number;
  data: {
    member?: string; roster?: string; members?: string[]; present?: string[]; order?: string; account?: string; claim?: string;
    movements?: { account: string; amount: number }[]; tally?: { account: string; item: string; period: number; amount: number };
  };
}
const gc = (globalThis as { gc?: () => void }).gc as () => void;
if (!gc || !process.env.ENGAGEMENT_LOG) throw new Error('run with --expose-gc and ENGAGEMENT_LOG=<the cached log>');
const stored = JSON.parse(readFileSync(process.env.ENGAGEMENT_LOG, 'utf8')) as AnyEngagementEvent[];
const events = stored as unknown as Loose[];
const cpu = (fn: () => unknown) => { gc(); const c0 = process.cpuUsage(); fn(); const c = process.cpuUsage(c0); return Math.round((c.user + c.system) / 1000); };
// the least a fold of every type must do with string-keyed maps: one look-up or insert per id the event names
function floor(): number {
  const commands = new Set<string>(), totals = new Map<string, number>(), transfers: Loose[] = [];
  const members = new Map<string, { attended: number; load: number }>(), rosters = new Map<string, { sessions: number }>();
  const orders = new Map<string, { status: string; member: string | null }>(), accounts = new Map<string, { balance: number }>();
  const claims = new Map<string, { status: string }>();
  let last = '';
  for (const e of events) {
    if (e.commandId !== last) { commands.add(e.commandId); last = e.commandId; }
    const d = e.data;
    switch (e.type) {
      case 'memberReported': members.set(d.member!, { attended: 0, load: 0 }); break;
      case 'rosterCreated': rosters.set(d.roster!, { sessions: 0 }); break;
      case 'attendanceRecorded': {
        const r = rosters.get(d.roster!);
        if (r) r.sessions++;
        for (const id of d.present!) { const m = members.get(id); if (m) m.attended++; }
        break;
      }
      case 'orderPlaced': orders.set(d.order!, { status: 'ordered', member: null }); break;
      case 'accountOpened': accounts.set(d.account!, { balance: 0 }); break;
      case 'transferPosted': {
        for (const mv of d.movements!) { const a = accounts.get(mv.account); if (a) a.balance += mv.amount; }
        if (d.tally) { const k = `${d.tally.account}|${d.tally.item}|${d.tally.period}`; totals.set(k, (totals.get(k) ?? 0) + d.tally.amount); }
        transfers.push(e);
        break;
      }
      case 'claimFiled': claims.set(d.claim!, { status: 'filed' }); break;
      case 'claimDecided': { const c = claims.get(d.claim!); if (c) c.status = 'decided'; break; }
      default:
        if (d.order !== undefined) {
          const o = orders.get(d.order);
          if (!o) break;
          o.status = e.type;
          if (d.member) o.member = d.member;
          const m = o.member === null ? undefined : members.get(o.member);
          if (m) m.load++;
        }
    }
  }
  return accounts.size;
}
foldEngagement(stored);
floor();
const fold: number[] = [], least: number[] = [];
for (let r = 0; r < 5; r++) { fold.push(cpu(() => foldEngagement(stored))); least.push(cpu(floor)); }
const sorted = (xs: number[]) => xs.sort((x, y) => x - y).join(', ');
console.log(`${events.length} events, CPU ms of 5 runs each — foldEngagement: ${sorted(fold)}; the floor: ${sorted(least)}`);
