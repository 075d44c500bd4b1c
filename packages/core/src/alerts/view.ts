/**
 * Alerts as the list shows them: names in zh and en, the place, and the actions the
 * viewer's role allows.
 * @module
 */
import type { LocalizedText } from '../errors/errors.js';
import type { Actor } from '../cases/actor.js';
import type { CategoryTable } from '../cases/categories.js';
import { alertActions, type AlertContext } from './decide.js';
import { ALERT_LABELS, type AlertKind, type AlertSeverity } from './rules.js';
import type { AlertState, AlertStatus } from './state.js';
import { need } from '../errors/args.js';
import { ACTOR } from '../shapes.js';

/**
 * One alert ready to show.
 *
 * @example
 * ```ts
 * const row: AlertRow = {
 *   id: 'A-1', version: 1, status: 'raised', severity: 'warning', kind: 'cluster', rule: 'grid-cluster',
 *   ruleName: { zh: '网格内同类事件聚集', en: 'Cases of one kind clustering in a grid' }, node: '350302101001001',
 *   place: { zh: '网格一', en: 'Grid 1' }, raisedAt: 1741570200000, count: 3, actions: ['acknowledge'],
 * };
 * ```
 */
export interface AlertRow {
  id: string;
  version: number;
  status: AlertStatus;
  severity: AlertSeverity;
  kind: AlertKind;
  rule: string;
  ruleName: LocalizedText;
  /** Code and name of the node the alert is about. */
  node: string;
  place: LocalizedText;
  raisedAt: number;
  count: number;
  categoryName?: LocalizedText;
  caseId?: string;
  escalations?: number;
  /** The commands the viewer may run on it now. */
  actions: ('acknowledge' | 'assign' | 'escalate' | 'resolve')[];
}

/**
 * The rows of a list of alerts for a viewer: unresolved first, then by severity (highest
 * first) and age (oldest first).
 *
 * @example
 * ```ts
 * list.alerts = alertRows(visibleAlerts(log.all(), access.scope, hierarchy), actor, ctx, categories);
 * ```
 */
export function alertRows(alerts: Iterable<AlertState>, viewer: Actor, ctx: AlertContext, categories?: CategoryTable): AlertRow[] {
  need('alertRows', 'alerts', alerts, 'iterable');
  need('alertRows', 'viewer', viewer, 'object', ACTOR);
  need('alertRows', 'ctx', ctx, 'object', { hierarchy: 'object', calendar: 'object', rules: 'object' });
  need('alertRows', 'categories', categories, 'object?');
  const h = ctx.hierarchy;
  const rank: Record<AlertSeverity, number> = { critical: 0, warning: 1, notice: 2 };
  const rows: AlertRow[] = [];
  for (const a of alerts) {
    const pos = h.indexOf(a.origin);
    const rule = ctx.rules.rules.find((r) => r.id === a.rule);
    const cat = a.category && categories ? categories.get(a.category) : undefined;
    rows.push({
      id: a.id, version: a.version, status: a.status, severity: a.severity, kind: a.kind, rule: a.rule,
      ruleName: rule ? rule.name : ALERT_LABELS[a.kind], node: a.origin,
      place: pos >= 0 ? { zh: h.name(pos), en: h.nameEn(pos) } : { zh: a.origin, en: a.origin },
      raisedAt: a.raisedAt, count: a.count, ...(cat ? { categoryName: cat.name } : {}), ...(a.caseId ? { caseId: a.caseId } : {}),
      ...(a.escalations ? { escalations: a.escalations } : {}), actions: alertActions(a, viewer, ctx),
    });
  }
  return rows.sort((x, y) => Number(x.status === 'resolved') - Number(y.status === 'resolved') || rank[x.severity] - rank[y.severity] || x.raisedAt - y.raisedAt);
}
