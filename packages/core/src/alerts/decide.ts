/**
 * Alert commands → events: validated (zod), then checked — version, state, role, scope,
 * the escalation time limit — and either events or a refusal that changes nothing. Pure:
 * clock and ids injected.
 * @module
 */
import { fail, ok, type Result } from '../errors/errors.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import type { Actor, RoleGrant } from '../cases/actor.js';
import { workingMsBetween, type WorkingCalendar } from '../calendar/calendar.js';
import { alertIssue, type AlertCode } from './messages.js';
import { validateAlertCommand, type AlertCommand, type AlertCommandType } from './commands.js';
import type { AlertEventData, AlertEventType, AnyAlertEvent } from './events.js';
import type { AlertFinding } from './engine.js';
import type { AlertRuleSet } from './rules.js';
import type { AlertState } from './state.js';
import { need } from '../errors/args.js';
import { ALERT, ACTOR } from '../shapes.js';

/**
 * Which role may run which alert command, at which levels (absent: any level).
 *
 * @example
 * ```ts
 * const p: AlertPolicy = [{ role: 'town-officer', commands: ['acknowledge', 'assign', 'escalate', 'resolve'], levels: ['town'] }];
 * ```
 */
export type AlertPolicy = readonly { role: string; commands: readonly AlertCommandType[]; levels?: readonly string[] }[];

/**
 * The default: the monitor (`alert-monitor`, a system role held on the root) raises and
 * escalates after the time limit; grid heads and officers from the village up acknowledge,
 * assign, escalate and resolve in their area; grid workers acknowledge.
 *
 * @example
 * ```ts
 * DEFAULT_ALERT_POLICY.find((r) => r.role === 'alert-monitor')?.commands; // ['raise', 'escalate']
 * ```
 */
export const DEFAULT_ALERT_POLICY: AlertPolicy = Object.freeze([
  { role: 'alert-monitor', commands: ['raise', 'escalate'] },
  { role: 'grid-worker', commands: ['acknowledge'], levels: ['grid'] },
  { role: 'grid-head', commands: ['acknowledge', 'assign', 'resolve'], levels: ['grid'] },
  { role: 'village-officer', commands: ['acknowledge', 'assign', 'escalate', 'resolve'], levels: ['village'] },
  { role: 'town-officer', commands: ['acknowledge', 'assign', 'escalate', 'resolve'], levels: ['town'] },
  { role: 'county-officer', commands: ['acknowledge', 'assign', 'escalate', 'resolve'], levels: ['county'] },
  { role: 'city-officer', commands: ['acknowledge', 'assign', 'escalate', 'resolve'], levels: ['city'] },
  { role: 'supervisor', commands: ['acknowledge', 'escalate'], levels: ['city', 'county', 'town'] },
] satisfies AlertPolicy);

/** The role of the system monitor that raises alerts. @example `const m: Actor = { id: 'monitor', roles: [{ role: ALERT_MONITOR_ROLE, node: h.code(0) }] };` */
export const ALERT_MONITOR_ROLE = 'alert-monitor';

/**
 * Everything an alert command is checked against, injected by the host.
 *
 * @example
 * ```ts
 * const ctx: AlertContext = { hierarchy, calendar, rules: DEFAULT_ALERT_RULES, clock: () => Date.now(), newId: () => crypto.randomUUID() };
 * ```
 */
export interface AlertContext {
  hierarchy: HierarchyIndex;
  calendar: WorkingCalendar;
  rules: AlertRuleSet;
  clock: () => number;
  newId: () => string;
  /** Default {@link DEFAULT_ALERT_POLICY}. */
  policy?: AlertPolicy;
}

/**
 * What `decideAlert` reads: alerts by id, and the open alert of a finding's identity (so a
 * finding already alerted is not raised twice).
 *
 * @example
 * ```ts
 * const lookup: AlertLookup = { get: (id) => log.get(id), openFor: (key) => log.openFor(key) };
 * ```
 */
export interface AlertLookup {
  get(alertId: string): AlertState | undefined;
  openFor(key: string): AlertState | undefined;
}

/**
 * The identity of what an alert is about — rule, node, category, case — used to raise one
 * open alert per thing.
 *
 * @example
 * ```ts
 * alertKey({ rule: 'grid-cluster', node: '350302101001001', category: 'city.rubbish' }); // 'grid-cluster|350302101001001|city.rubbish|'
 * ```
 */
export function alertKey(a: { rule: string; node: string; category?: string; caseId?: string }): string {
  need('alertKey', 'a', a, 'object', { rule: 'string', node: 'string' });
  return `${a.rule}|${a.node}|${a.category ?? ''}|${a.caseId ?? ''}`;
}

/**
 * The `raise` command for a finding.
 *
 * @example
 * ```ts
 * for (const f of engine.apply(e)) log.execute(raiseCommand(f), monitor, ctx);
 * ```
 */
export function raiseCommand(f: AlertFinding): AlertCommand {
  need('raiseCommand', 'f', f, 'object', { rule: 'string', node: 'string' });
  return {
    type: 'raise', rule: f.rule, kind: f.kind, severity: f.severity, node: f.node, foundAt: f.at, count: f.count,
    ...(f.baseline !== undefined ? { baseline: f.baseline } : {}), ...(f.category !== undefined ? { category: f.category } : {}),
    ...(f.caseId !== undefined ? { caseId: f.caseId } : {}),
  };
}

function allowed(policy: AlertPolicy, role: string, command: AlertCommandType, level: string): boolean {
  return policy.some((r) => r.role === role && r.commands.includes(command) && (!r.levels || r.levels.includes(level)));
}

/** The first grant that may run `command` on a node at `pos`; else the most telling refusal. */
function grantFor(actor: Actor, command: AlertCommandType, pos: number, ctx: AlertContext): Result<RoleGrant> {
  const h = ctx.hierarchy;
  const policy = ctx.policy ?? DEFAULT_ALERT_POLICY;
  let code: AlertCode = 'E_NOT_PERMITTED';
  for (const g of actor.roles) {
    const gp = h.indexOf(g.node);
    if (gp < 0 || !allowed(policy, g.role, command, h.level(gp).id)) continue;
    if (!h.isAncestor(gp, pos)) { code = 'E_OUT_OF_SCOPE'; continue; }
    return ok(g);
  }
  return fail([alertIssue(code, actor.id)]);
}

/** Has the rule's time limit for escalating passed (working hours since raised or last escalated)? */
function limitPassed(s: AlertState, now: number, ctx: AlertContext): boolean {
  const rule = ctx.rules.rules.find((r) => r.id === s.rule);
  const hours = rule?.escalateAfterHours ?? 4;
  return workingMsBetween(ctx.calendar, s.levelSince, now) >= hours * 3_600_000;
}

function precheck(s: AlertState, type: Exclude<AlertCommandType, 'raise'>, actor: Actor, ctx: AlertContext): Result<RoleGrant> {
  const h = ctx.hierarchy;
  if (s.status === 'resolved') return fail([alertIssue('E_WRONG_STATE', s.status)]);
  if (type === 'acknowledge' && s.status !== 'raised') return fail([alertIssue('E_WRONG_STATE', s.status)]);
  const pos = h.indexOf(s.node);
  if (pos < 0) return fail([alertIssue('E_UNKNOWN_NODE', s.node)]);
  if (type === 'escalate' && h.parents[pos] < 0) return fail([alertIssue('E_NO_HIGHER_LEVEL')]);
  const g = grantFor(actor, type, pos, ctx);
  if (!g.ok) return g;
  if (type === 'escalate' && g.value.role === ALERT_MONITOR_ROLE && (s.status !== 'raised' || !limitPassed(s, Math.max(ctx.clock(), s.lastAt), ctx))) {
    return fail([alertIssue('E_ALERT_TOO_EARLY')]);
  }
  return g;
}

/**
 * The commands `actor` may run on alert `s` now (the list shows only these).
 *
 * @example
 * ```ts
 * alertActions(log.get('A-1')!, actor, ctx); // e.g. ['acknowledge', 'assign', 'escalate', 'resolve']
 * ```
 */
export function alertActions(s: AlertState, actor: Actor, ctx: AlertContext): Exclude<AlertCommandType, 'raise'>[] {
  need('alertActions', 's', s, 'object', ALERT);
  need('alertActions', 'actor', actor, 'object', ACTOR);
  need('alertActions', 'ctx', ctx, 'object', { hierarchy: 'object', calendar: 'object', rules: 'object', clock: 'function' });
  return (['acknowledge', 'assign', 'escalate', 'resolve'] as const).filter((c) => precheck(s, c, actor, ctx).ok);
}

/**
 * Decides an alert command: validates, checks and gives the events to append, or why not.
 * Never changes anything itself.
 *
 * @example
 * ```ts
 * const r = decideAlert({ type: 'acknowledge', alertId: 'A-1', expectedVersion: 1 }, actor, log, ctx);
 * if (r.ok) r.value.forEach((e) => log.apply(e));
 * ```
 */
export function decideAlert(input: unknown, actor: Actor, lookup: AlertLookup, ctx: AlertContext): Result<AnyAlertEvent[]> {
  const v = validateAlertCommand(input);
  if (!v.ok) return v;
  const cmd = v.value;
  const h = ctx.hierarchy;
  const make = <T extends AlertEventType>(type: T, id: string, version: number, at: number, g: RoleGrant, data: AlertEventData[T]): AnyAlertEvent =>
    Object.freeze({ alertId: id, version, type, at, actor: actor.id, role: g.role, roleNode: g.node, data: Object.freeze(clean(data)) }) as AnyAlertEvent;
  if (cmd.type === 'raise') {
    const pos = h.indexOf(cmd.node);
    if (pos < 0) return fail([alertIssue('E_UNKNOWN_NODE', cmd.node, 'node')]);
    if (!ctx.rules.rules.some((r) => r.id === cmd.rule)) return fail([alertIssue('E_UNKNOWN_RULE', cmd.rule, 'rule')]);
    const g = grantFor(actor, 'raise', pos, ctx);
    if (!g.ok) return g;
    const open = lookup.openFor(alertKey(cmd));
    if (open) return fail([alertIssue('E_ALERT_EXISTS', open.id)]);
    const id = ctx.newId();
    if (lookup.get(id)) return fail([alertIssue('E_ALERT_EXISTS', id)]);
    const { type: _t, ...data } = cmd;
    return ok([make('raised', id, 1, Math.max(ctx.clock(), cmd.foundAt), g.value, data)]);
  }
  const s = lookup.get(cmd.alertId);
  if (!s) return fail([alertIssue('E_NO_ALERT', cmd.alertId, 'alertId')]);
  if (cmd.expectedVersion !== s.version) return fail([alertIssue('E_STALE_VERSION', `${cmd.expectedVersion} ≠ ${s.version}`, 'expectedVersion')]);
  const pre = precheck(s, cmd.type, actor, ctx);
  if (!pre.ok) return pre;
  const now = Math.max(ctx.clock(), s.lastAt);
  const next = s.version + 1;
  switch (cmd.type) {
    case 'acknowledge': return ok([make('acknowledged', s.id, next, now, pre.value, { note: cmd.note })]);
    case 'assign': return ok([make('assigned', s.id, next, now, pre.value, { to: cmd.to, note: cmd.note })]);
    case 'escalate': return ok([make('escalated', s.id, next, now, pre.value, { node: h.code(h.parents[h.indexOf(s.node)]), reason: cmd.reason })]);
    case 'resolve': return ok([make('resolved', s.id, next, now, pre.value, { reason: cmd.reason, note: cmd.note })]);
  }
}

function clean<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out as T;
}

/**
 * The escalations due now: every alert still unacknowledged past its rule's time limit, as
 * `escalate` commands for the monitor.
 *
 * @example
 * ```ts
 * for (const c of dueEscalations(log.all(), ctx)) log.execute(c, monitor, ctx);
 * ```
 */
export function dueEscalations(alerts: Iterable<AlertState>, ctx: AlertContext): AlertCommand[] {
  need('dueEscalations', 'alerts', alerts, 'iterable');
  need('dueEscalations', 'ctx', ctx, 'object', { hierarchy: 'object', calendar: 'object', rules: 'object', clock: 'function' });
  const now = ctx.clock();
  const out: AlertCommand[] = [];
  for (const s of alerts) {
    const pos = ctx.hierarchy.indexOf(s.node);
    if (s.status !== 'raised' || pos < 0 || ctx.hierarchy.parents[pos] < 0 || !limitPassed(s, now, ctx)) continue;
    out.push({ type: 'escalate', alertId: s.id, expectedVersion: s.version, reason: '超过时限未确认 / unacknowledged past the time limit' });
  }
  return out;
}
