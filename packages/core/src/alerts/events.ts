/**
 * Alert events: like case events, plain immutable JSON records; an alert's state is a fold
 * of its own events.
 * @module
 */
import type { AlertKind, AlertSeverity } from './rules.js';

/**
 * Why an alert was resolved.
 *
 * @example
 * ```ts
 * ALERT_RESOLUTIONS.includes('false-alarm'); // true
 * ```
 */
export const ALERT_RESOLUTIONS = ['handled', 'false-alarm', 'duplicate', 'expired'] as const;
/** A resolution reason. @example `const r: AlertResolution = 'handled';` */
export type AlertResolution = (typeof ALERT_RESOLUTIONS)[number];

/**
 * The payload of each alert event type.
 *
 * @example
 * ```ts
 * const d: AlertEventData['assigned'] = { to: 'u-7' };
 * ```
 */
export interface AlertEventData {
  /** Raised by the monitor from a rule finding; `node` is where it is shown first. */
  raised: { rule: string; kind: AlertKind; severity: AlertSeverity; node: string; foundAt: number; count: number; baseline?: number; category?: string; caseId?: string };
  acknowledged: { note?: string };
  /** Given to a person to follow up. */
  assigned: { to: string; note?: string };
  /** Moved one level up: unacknowledged past the rule's time limit, or by an officer. */
  escalated: { node: string; reason: string };
  resolved: { reason: AlertResolution; note?: string };
}

/** An alert event type. @example `const t: AlertEventType = 'raised';` */
export type AlertEventType = keyof AlertEventData;

/**
 * One event on an alert's stream (1-based `version`; `at` epoch ms; who acted under which grant).
 *
 * @example
 * ```ts
 * const e: AlertEvent<'acknowledged'> = { alertId: 'A-1', version: 2, type: 'acknowledged', at: 1741570200000, actor: 'u-7', role: 'town-officer', roleNode: '350302101000', data: {} };
 * ```
 */
export interface AlertEvent<T extends AlertEventType = AlertEventType> {
  alertId: string;
  version: number;
  type: T;
  at: number;
  actor: string;
  role: string;
  roleNode: string;
  data: AlertEventData[T];
}

/** Any alert event, discriminated by `type`. @example `function isNew(e: AnyAlertEvent) { return e.type === 'raised'; }` */
export type AnyAlertEvent = { [T in AlertEventType]: AlertEvent<T> }[AlertEventType];
