/**
 * Replaying a history with the rules on: events put in time order, fed to the engine, the
 * findings counted per rule.
 * @module
 */
import type { AnyCaseEvent } from '../cases/events.js';
import { AlertEngine, feedRules, type AlertEngineContext } from './engine.js';
import type { AlertRuleSet } from './rules.js';
import { need } from '../errors/args.js';
import { RULES } from '../shapes.js';

/**
 * The events in time order; events at the same instant keep their order (a case's own
 * events stay in version order). A log written case by case becomes a feed.
 *
 * @example
 * ```ts
 * const feed = inTimeOrder(importedEvents);
 * ```
 */
export function inTimeOrder(events: readonly AnyCaseEvent[]): AnyCaseEvent[] {
  need('inTimeOrder', 'events', events, 'array');
  const idx = new Int32Array(events.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  const at = new Float64Array(events.length);
  for (let i = 0; i < at.length; i++) at[i] = events[i].at;
  const sorted = Array.from(idx).sort((a, b) => at[a] - at[b] || a - b);
  return sorted.map((i) => events[i]);
}

/**
 * Counts of findings per rule (every feed-driven rule listed, zero included), in rule order.
 *
 * @example
 * ```ts
 * const r: AlertReplay = { events: 10, cases: 2, perRule: [{ rule: 'grid-cluster', count: 0 }], total: 0 };
 * ```
 */
export interface AlertReplay {
  events: number;
  cases: number;
  perRule: { rule: string; count: number }[];
  total: number;
}

/**
 * Replays events (already in time order) through a fresh engine and counts the findings of
 * each rule; `end`, if given, moves time on after the last event.
 *
 * @example
 * ```ts
 * const r = replayAlerts(inTimeOrder(events), { hierarchy, categories, calendar }, DEFAULT_ALERT_RULES);
 * r.perRule; // [{ rule: 'grid-cluster', count: … }, …]
 * ```
 */
export function replayAlerts(events: Iterable<AnyCaseEvent>, ctx: AlertEngineContext, rules: AlertRuleSet, end?: number): AlertReplay {
  need('replayAlerts', 'events', events, 'iterable');
  need('replayAlerts', 'ctx', ctx, 'object', { hierarchy: 'object', categories: 'object', calendar: 'object' });
  need('replayAlerts', 'rules', rules, 'object', RULES);
  need('replayAlerts', 'end', end, 'time?');
  // A list: room for a case per eight events up front (a Putian case has 8.6), so the engine
  // sizes its arrays once for a typical history and doubles them for one of shorter cases —
  // estimated from the length, since counting the cases would read every event an extra time
  // (a tenth of the whole replay). Not more: typed arrays live outside the JS heap, and
  // allocating more than 64 MB of them makes V8 collect the whole heap (external memory
  // pressure) — with a history of 4.6 M events in memory, a 2.5 s pause inside the replay.
  const capacity = Array.isArray(events) ? Math.ceil(events.length / 8) : 0;
  const engine = new AlertEngine(ctx, rules, { capacity });
  const ids = feedRules(rules).map((r) => r.id);
  const index = new Map<string, number>(ids.map((id, i) => [id, i]));
  const counts = new Array<number>(ids.length).fill(0);
  // Findings are rare (one per ~200 events): counted per rule, nothing kept per event.
  const add = (fs: readonly { rule: string }[]) => { for (let i = 0; i < fs.length; i++) counts[index.get(fs[i].rule)!]++; };
  let n = 0;
  if (Array.isArray(events)) {
    const list = events as readonly AnyCaseEvent[];
    add(engine.applyAll(list));
    n = list.length;
  } else {
    for (const e of events) { const fs = engine.apply(e); if (fs.length > 0) add(fs); n++; }
  }
  if (end !== undefined) add(engine.advance(end));
  const perRule = ids.map((rule, i) => ({ rule, count: counts[i] }));
  return { events: n, cases: engine.cases, perRule, total: perRule.reduce((s, r) => s + r.count, 0) };
}
