/**
 * The alert log: every alert event appended once, and the alerts' states.
 * @module
 */
import { fail, ok, type Result } from '../errors/errors.js';
import type { Actor } from '../cases/actor.js';
import type { Scope } from '../access/scope.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import { alertIssue } from './messages.js';
import { alertKey, decideAlert, type AlertContext, type AlertLookup } from './decide.js';
import type { AnyAlertEvent } from './events.js';
import { evolveAlert, type AlertState } from './state.js';
import { need } from '../errors/args.js';
import { HIERARCHY } from '../shapes.js';

/**
 * Alerts kept as events: `apply` appends one event (checked for order), `execute` decides a
 * command and appends its events. States are folds of the events.
 *
 * @example
 * ```ts
 * const log = new AlertLog();
 * const r = log.execute({ type: 'acknowledge', alertId: 'A-1', expectedVersion: 1 }, actor, ctx);
 * ```
 */
export class AlertLog implements AlertLookup {
  private readonly states = new Map<string, AlertState>();
  private readonly open = new Map<string, string>();
  private readonly log: AnyAlertEvent[] = [];

  /** Number of alerts. @example `log.size` */
  get size(): number {
    return this.states.size;
  }

  /** The state of an alert. @example `log.get('A-1')?.status` */
  get(alertId: string): AlertState | undefined {
    return this.states.get(alertId);
  }

  /** The open (unresolved) alert about this thing, if any. @example `log.openFor(alertKey(finding))` */
  openFor(key: string): AlertState | undefined {
    const id = this.open.get(key);
    return id === undefined ? undefined : this.states.get(id);
  }

  /** Every alert's state. @example `log.all().filter((a) => a.status === 'raised')` */
  all(): AlertState[] {
    return [...this.states.values()];
  }

  /** Events, all or of one alert, in the order appended. @example `log.events('A-1')` */
  events(alertId?: string): AnyAlertEvent[] {
    return alertId === undefined ? [...this.log] : this.log.filter((e) => e.alertId === alertId);
  }

  /**
   * Appends one event: refused (nothing changes) if it is not the next version of its alert.
   *
   * @example
   * ```ts
   * for (const e of saved) log.apply(e);
   * ```
   */
  apply(e: AnyAlertEvent): Result<AlertState> {
    const s = this.states.get(e.alertId);
    const where = `${e.alertId} v${e.version}`;
    if (e.type === 'raised') {
      if (s) return fail([alertIssue('E_ALERT_EXISTS', where)]);
      if (e.version !== 1) return fail([alertIssue('E_STALE_VERSION', where)]);
    } else if (!s) return fail([alertIssue('E_NO_ALERT', where)]);
    else if (e.version !== s.version + 1) return fail([alertIssue('E_STALE_VERSION', where)]);
    const n = evolveAlert(s, e);
    this.states.set(e.alertId, n);
    this.log.push(e);
    const key = alertKey({ rule: n.rule, node: n.origin, category: n.category, caseId: n.caseId });
    if (n.status === 'resolved') { if (this.open.get(key) === n.id) this.open.delete(key); } else this.open.set(key, n.id);
    return ok(n);
  }

  /**
   * Decides a command and appends its events, or gives the refusal (nothing changes).
   *
   * @example
   * ```ts
   * const r = log.execute(raiseCommand(finding), monitor, ctx);
   * ```
   */
  execute(input: unknown, actor: Actor, ctx: AlertContext): Result<AnyAlertEvent[]> {
    const r = decideAlert(input, actor, this, ctx);
    if (r.ok) for (const e of r.value) this.apply(e);
    return r;
  }
}

/**
 * The alerts an actor sees: those whose current node lies in the actor's scope.
 *
 * @example
 * ```ts
 * const mine = visibleAlerts(log.all(), access.scope, hierarchy);
 * ```
 */
export function visibleAlerts(alerts: Iterable<AlertState>, scope: Scope, hierarchy: HierarchyIndex): AlertState[] {
  need('visibleAlerts', 'alerts', alerts, 'iterable');
  need('visibleAlerts', 'scope', scope, 'object');
  need('visibleAlerts', 'hierarchy', hierarchy, 'object', HIERARCHY);
  const out: AlertState[] = [];
  for (const a of alerts) {
    const pos = hierarchy.indexOf(a.node);
    if (pos >= 0 && scope.inScope(pos)) out.push(a);
  }
  return out;
}

/**
 * Alerts per node and time to acknowledge, for a node's children (and the node itself for
 * alerts shown on it): raised, open, acknowledged, and the median and mean minutes from
 * raised to acknowledged.
 *
 * @example
 * ```ts
 * const m = alertMeasures(log.all(), hierarchy, hierarchy.indexOf(town));
 * m.rows.map((r) => `${r.node} ${r.raised}`); m.medianAckMinutes;
 * ```
 */
export function alertMeasures(alerts: Iterable<AlertState>, hierarchy: HierarchyIndex, node: number): {
  rows: { node: string; raised: number; open: number; acknowledged: number }[]; medianAckMinutes: number; meanAckMinutes: number;
} {
  need('alertMeasures', 'alerts', alerts, 'iterable');
  need('alertMeasures', 'hierarchy', hierarchy, 'object', HIERARCHY);
  need('alertMeasures', 'node', node, 'integer');
  const buckets = [node, ...hierarchy.children(node)];
  const rows = buckets.map((b) => ({ node: hierarchy.code(b), raised: 0, open: 0, acknowledged: 0 }));
  const waits: number[] = [];
  for (const a of alerts) {
    const pos = hierarchy.indexOf(a.origin);
    if (pos < 0 || !hierarchy.isAncestor(node, pos)) continue;
    let k = 0;
    for (let i = 1; i < buckets.length; i++) if (hierarchy.isAncestor(buckets[i], pos)) k = i;
    const r = rows[k];
    r.raised++;
    if (a.status !== 'resolved') r.open++;
    if (a.acknowledgedAt === a.acknowledgedAt) {
      r.acknowledged++;
      waits.push((a.acknowledgedAt - a.raisedAt) / 60_000);
    }
  }
  waits.sort((x, y) => x - y);
  const median = waits.length === 0 ? NaN : waits.length % 2 ? waits[(waits.length - 1) / 2] : (waits[waits.length / 2 - 1] + waits[waits.length / 2]) / 2;
  const mean = waits.length === 0 ? NaN : waits.reduce((x, y) => x + y, 0) / waits.length;
  return { rows, medianAckMinutes: median, meanAckMinutes: mean };
}
