/**
 * Points from the case record: rules as data over case events (a discovery that was
 * verified, a case handled on time, an overdue case) turned into `awardPoints` commands with
 * ids derived from the case event, so reading the same events again never pays twice.
 * @module
 */
import type { AnyCaseEvent } from '../cases/events.js';
import { applyCase, initialState, type CaseState } from '../cases/state.js';
import type { EngagementCommandOf } from './commands.js';
import { DEFAULT_CASE_POINTS_RULES, type CasePointsRule } from './rules.js';
import { need } from '../errors/args.js';

/**
 * The `awardPoints` commands that case events earn under `rules`. `accountOf` maps a case
 * actor id to a points account (undefined: the actor has none, nothing is awarded). Events
 * must be each case's stream in order (streams may interleave).
 *
 * @example
 * ```ts
 * for (const c of casePointsCommands(caseEvents, (id) => `points:${id}`)) store.execute(c, townOfficer);
 * ```
 */
export function casePointsCommands(
  events: Iterable<AnyCaseEvent>, accountOf: (actorId: string) => string | undefined, rules: readonly CasePointsRule[] = DEFAULT_CASE_POINTS_RULES,
): EngagementCommandOf<'awardPoints'>[] {
  need('casePointsCommands', 'events', events, 'iterable');
  need('casePointsCommands', 'accountOf', accountOf, 'function');
  need('casePointsCommands', 'rules', rules, 'array');
  const cases = new Map<string, CaseState>();
  const out: EngagementCommandOf<'awardPoints'>[] = [];
  for (const e of events) {
    let s = cases.get(e.caseId);
    if (e.type === 'discovered') {
      s = initialState(e);
      cases.set(e.caseId, s);
      continue;
    }
    if (!s) continue;
    const before = s.dueAt;
    applyCase(s, e);
    for (const r of rules) {
      if (r.event !== e.type) continue;
      const hit = r.when === 'passed' ? e.type === 'verified' && e.data.passed
        : r.when === 'onTime' ? e.type === 'handled' && Number.isFinite(before) && e.at <= before
        : e.type === 'handled' && Number.isFinite(before) && e.at > before;
      if (!hit) continue;
      const who = r.to === 'reporter' ? s.reportedBy : e.actor;
      const account = accountOf(who);
      if (account === undefined) continue;
      out.push({ type: 'awardPoints', commandId: `case:${e.caseId}:${e.version}:${r.id}`, account, item: r.item, qty: 1 });
    }
  }
  return out;
}
