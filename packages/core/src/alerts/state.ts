/**
 * Alert state as a plain fold of its events.
 * @module
 */
import type { AlertKind, AlertSeverity } from './rules.js';
import type { AlertResolution, AnyAlertEvent } from './events.js';
import { argumentError, need } from '../errors/args.js';

/**
 * The statuses of an alert.
 *
 * @example
 * ```ts
 * ALERT_STATUSES[0]; // 'raised'
 * ```
 */
export const ALERT_STATUSES = ['raised', 'acknowledged', 'assigned', 'resolved'] as const;
/** An alert status. @example `const s: AlertStatus = 'acknowledged';` */
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/**
 * The state of one alert. Times epoch ms, `NaN` = not (yet).
 *
 * @example
 * ```ts
 * foldAlert(events)?.status; // 'acknowledged'
 * ```
 */
export interface AlertState {
  id: string;
  version: number;
  status: AlertStatus;
  rule: string;
  kind: AlertKind;
  severity: AlertSeverity;
  /** Code of the node where it is shown now (moves up when escalated). */
  node: string;
  /** Code of the node it was raised for. */
  origin: string;
  count: number;
  baseline?: number;
  category?: string;
  caseId?: string;
  foundAt: number;
  raisedAt: number;
  /** Raised or last escalated: the time limit for escalating runs from here. */
  levelSince: number;
  acknowledgedAt: number;
  acknowledgedBy: string | null;
  assignee: string | null;
  escalations: number;
  resolvedAt: number;
  resolution: AlertResolution | null;
  lastAt: number;
}

/**
 * Applies one event to a state (a new object; the old one is left as it was). `raised`
 * starts the state.
 *
 * @example
 * ```ts
 * let s: AlertState | undefined;
 * for (const e of events) s = evolveAlert(s, e);
 * ```
 */
export function evolveAlert(s: AlertState | undefined, e: AnyAlertEvent): AlertState {
  need('evolveAlert', 's', s, 'object?');
  need('evolveAlert', 'e', e, 'object', { type: 'string', alertId: 'string', data: 'object' });
  if (e.type === 'raised') {
    const d = e.data;
    return {
      id: e.alertId, version: e.version, status: 'raised', rule: d.rule, kind: d.kind, severity: d.severity, node: d.node, origin: d.node,
      count: d.count, ...(d.baseline !== undefined ? { baseline: d.baseline } : {}), ...(d.category !== undefined ? { category: d.category } : {}),
      ...(d.caseId !== undefined ? { caseId: d.caseId } : {}), foundAt: d.foundAt, raisedAt: e.at, levelSince: e.at,
      acknowledgedAt: NaN, acknowledgedBy: null, assignee: null, escalations: 0, resolvedAt: NaN, resolution: null, lastAt: e.at,
    };
  }
  if (!s) throw argumentError('evolveAlert', 's', { zh: `已发出的预警（${e.alertId} 的 ${e.type} 之前应有 raised）`, en: `a raised alert (${e.type} before raised for ${e.alertId})` });
  const n: AlertState = { ...s, version: e.version, lastAt: e.at };
  switch (e.type) {
    case 'acknowledged':
      n.status = 'acknowledged';
      n.acknowledgedAt = e.at;
      n.acknowledgedBy = e.actor;
      break;
    case 'assigned':
      n.status = 'assigned';
      n.assignee = e.data.to;
      if (n.acknowledgedAt !== n.acknowledgedAt) { n.acknowledgedAt = e.at; n.acknowledgedBy = e.actor; }
      break;
    case 'escalated':
      n.node = e.data.node;
      n.levelSince = e.at;
      n.escalations++;
      break;
    case 'resolved':
      n.status = 'resolved';
      n.resolvedAt = e.at;
      n.resolution = e.data.reason;
      break;
  }
  return n;
}

/**
 * Folds an alert's own events into its state; `undefined` for an empty stream.
 *
 * @example
 * ```ts
 * const s = foldAlert(log.events('A-1'));
 * ```
 */
export function foldAlert(events: readonly AnyAlertEvent[]): AlertState | undefined {
  need('foldAlert', 'events', events, 'array');
  let s: AlertState | undefined;
  for (const e of events) s = evolveAlert(s, e);
  return s;
}
