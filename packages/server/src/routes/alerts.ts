/**
 * 预警监测 and 指挥调度 on the server: the alert monitor evaluates the city's rules
 * incrementally as case events are folded into the live record (`@jiceng/core/alerts`'
 * `AlertEngine`, no rescans), raises each finding as an alert event in the store, folds alert
 * events (whoever appended them) into the alerts' states, and pushes every alert change on the
 * live feed, scoped like case events. Routes: the alerts in the caller's scope, one alert with
 * its events, alert commands (acknowledge, assign, escalate, resolve: decided by the core,
 * appended once under an idempotent command id), the measures, and the command post's board
 * (dispatching from it is the ordinary case command through the core).
 * @module
 */
import { createHash } from 'node:crypto';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  AlertEngine, AlertLog, ALERT_KINDS, ALERT_MONITOR_ROLE, ALERT_RESOLUTIONS, ALERT_SEVERITIES, ALERT_STATUSES, alertKey, alertMeasures, alertRows,
  decideAlert, DEFAULT_ALERT_POLICY, DEFAULT_ALERT_RULES, dispatchBoard, dueEscalations, inTimeOrder, raiseCommand, visibleAlerts,
  type AlertContext, type AlertFinding, type AlertPolicy, type AlertRuleSet, type AlertState, type AnyAlertEvent,
} from '@jiceng/core/alerts';
import { CASE_STATUSES, type Actor, type CaseState } from '@jiceng/core';
import { type AnyCaseEvent } from '@jiceng/core/cases';
import { need } from '@jiceng/core/errors';
import type { NewEvent, StoredEvent } from '@jiceng/store';
import { ApiError, type ErrorStatus } from '../errors.js';
import { fromStored, type FeedItem, type LiveRecord } from '../record.js';
import type { ApiEnv } from '../env.js';
import { err, json, nodeAt, refusalOf, security } from './common.js';

/**
 * What {@link mountAlerts} needs: the live record, the server's clock, and optionally the
 * city's rules and alert policy.
 *
 * @example
 * ```ts
 * mountAlerts(app, { record, clock: () => Date.now() });
 * ```
 */
export interface AlertsDeps {
  record: LiveRecord;
  /** The server's clock (epoch ms). */
  clock: () => number;
  /** The city's rules. Default `DEFAULT_ALERT_RULES` (Putian). */
  rules?: AlertRuleSet;
  /** Who may run which alert command. Default `DEFAULT_ALERT_POLICY`. */
  policy?: AlertPolicy;
  /** How often time moves on without events (deadlines near, days ending, escalations), ms. Default 60 s; 0 switches the timer off. */
  tickMs?: number;
}

/** The stream of an alert. @example `alertStream('A-1F2E'); // 'alert-A-1F2E'` */
export const alertStream = (alertId: string): string => {
  need('alertStream', 'alertId', alertId, 'string');
  return `alert-${alertId}`;
};

/**
 * The id of the alert raised for a finding: the same finding (rule, node, category, case,
 * time) always names the same alert, so a restarted or second server cannot raise it twice.
 *
 * @example
 * ```ts
 * findingAlertId(finding); // 'A-…' (14 hex digits)
 * ```
 */
export function findingAlertId(f: AlertFinding): string {
  return `A-${createHash('sha256').update(`${alertKey(f)}\u0000${f.at}`).digest('hex').slice(0, 14).toUpperCase()}`;
}

/** An alert event as the store keeps it. */
function toStoredAlert(e: AnyAlertEvent, commandId: string): NewEvent {
  return { type: e.type, data: e.data, meta: { actor: e.actor, role: e.role, roleNode: e.roleNode, commandId }, time: e.at };
}

/**
 * A stored alert event back as the core's alert event.
 *
 * @example
 * ```ts
 * fromStoredAlert(stored).alertId; // the stream id without 'alert-'
 * ```
 */
export function fromStoredAlert(s: StoredEvent): AnyAlertEvent {
  need('fromStoredAlert', 's', s, 'object', { streamId: 'string', type: 'string', meta: 'object', time: 'time', version: 'integer' });
  const m = s.meta;
  return {
    alertId: s.streamId.slice(6), version: s.version, type: s.type, at: s.time,
    actor: String(m.actor ?? ''), role: String(m.role ?? ''), roleNode: typeof m.roleNode === 'string' ? m.roleNode : '', data: s.data,
  } as AnyAlertEvent;
}

const MONITOR: Actor = Object.freeze({ id: 'alert-monitor', roles: [] });

/**
 * The server's alert monitor: one per live record. It warms its engine with the stored
 * history (time-ordered; findings before the record's `asOf` are history and raise nothing),
 * then follows the record's fold: each case event goes through the engine, each finding is
 * raised (an event appended to the alert's stream), each stored alert event is folded into
 * {@link AlertMonitor.log} and put on the live feed.
 *
 * @example
 * ```ts
 * const monitor = alertMonitor(record, { clock: () => Date.now() });
 * await monitor.settled();
 * monitor.log.all().length;
 * ```
 */
export class AlertMonitor {
  /** The alerts: states folded from their stored events. */
  readonly log = new AlertLog();
  /** The context alert commands are decided in. */
  readonly ctx: AlertContext;
  /** Resolves once the stored history has been read. */
  readonly ready: Promise<void>;
  /** Findings raised, refused as already raised, and case events put in time order (their `at` was earlier than the engine's time). */
  readonly counts = { raised: 0, already: 0, reordered: 0 };
  private readonly engine: AlertEngine;
  private readonly record: LiveRecord;
  private readonly asOf: number;
  private buffer: AnyCaseEvent[] | null = [];
  private readonly pending = new Set<string>();
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private readonly stop: () => void;

  /**
   * Starts following `record` (prefer {@link alertMonitor}, which keeps one per record).
   *
   * @example
   * ```ts
   * const monitor = new AlertMonitor(record, { clock: () => Date.now(), tickMs: 0 });
   * ```
   */
  constructor(record: LiveRecord, opts: Omit<AlertsDeps, 'record'>) {
    need('AlertMonitor', 'record', record, 'object', { city: 'object', hierarchy: 'object' });
    need('AlertMonitor', 'opts', opts, 'object', { clock: 'function' });
    this.record = record;
    const city = record.city;
    const rules = opts.rules ?? DEFAULT_ALERT_RULES;
    this.asOf = record.asOf;
    this.ctx = {
      hierarchy: record.hierarchy, calendar: city.ctx.calendar, rules, clock: opts.clock, newId: () => '',
      policy: opts.policy ?? DEFAULT_ALERT_POLICY,
    };
    this.engine = new AlertEngine({ hierarchy: record.hierarchy, categories: city.ctx.categories, calendar: city.ctx.calendar }, rules, { capacity: city.capacity ?? 0 });
    const upTo = record.position;
    this.stop = record.observe((s, e) => this.observe(s, e), { streamType: 'alert', item: (s) => this.itemOf(s) });
    this.ready = this.warm(upTo);
    // A record closed while its history is still being read (a server, or a test, shutting down)
    // ends the warm-up with the store's error: whoever awaits `ready` sees it; it is no unhandled rejection.
    this.ready.catch(() => undefined);
    const tick = opts.tickMs ?? 60_000;
    if (tick > 0) {
      this.timer = setInterval(() => { if (record.isClosed) this.close(); else this.tick().catch(() => undefined); }, tick);
      this.timer.unref?.();
    }
  }

  /** Stops following the record and the timer. @example `monitor.close();` */
  close(): void {
    clearInterval(this.timer);
    this.stop();
  }

  /**
   * Resolves when the history is read, every raise and escalation started so far is in the
   * store, and the record has folded it back.
   *
   * @example
   * ```ts
   * await client.command(id, register); await monitor.settled(); // the cluster's alert is listed now
   * ```
   */
  async settled(): Promise<void> {
    await this.ready;
    let c: Promise<void>;
    do { c = this.chain; await c; await this.record.catchUp(); } while (c !== this.chain);
  }

  /**
   * Moves time on to the clock without an event: deadlines coming near, days ending (rises),
   * and alerts unacknowledged past their rule's time limit escalated one level by the monitor.
   *
   * @example
   * ```ts
   * await monitor.tick();
   * ```
   */
  async tick(): Promise<void> {
    await this.ready;
    for (const f of this.engine.advance(this.ctx.clock())) this.raise(f);
    for (const cmd of dueEscalations(this.log.all(), this.ctx)) this.run(cmd, MONITOR_GRANTED(this.ctx), `escalate-${cmd.type === 'escalate' ? cmd.alertId : ''}-${cmd.type === 'escalate' ? cmd.expectedVersion : ''}`);
    await this.settled();
  }

  /** Reads the stored history: alert events folded, case events replayed in time order. */
  private async warm(upTo: number): Promise<void> {
    const cases: AnyCaseEvent[] = [];
    let after = 0;
    // The warm-up gives the event loop a turn between pieces of work: embedded PGlite answers
    // in this thread without one, so at the full Putian demo's size (4.6 M events) the server
    // did not even start listening for 2.5 minutes; the alert routes wait for `ready`, the rest serve.
    const turn = () => new Promise<void>((ok) => setImmediate(ok));
    while (after < upTo) {
      await turn();
      const batch = await this.record.readFeed(after, 20_000);
      if (batch.length === 0) break;
      for (const s of batch) {
        if (s.position > upTo) break;
        if (s.streamType === 'alert') this.log.apply(fromStoredAlert(s));
        else if (s.streamType === 'case') cases.push(fromStored(s));
      }
      after = batch[batch.length - 1].position;
    }
    await turn();
    const feed = inTimeOrder(cases);
    cases.length = 0;
    for (let i = 0; i < feed.length; i += 200_000) {
      for (const f of this.engine.applyAll(feed, i, i + 200_000)) if (f.at >= this.asOf) this.raise(f);
      await turn();
    }
    const later = this.buffer ?? [];
    this.buffer = null;
    for (const e of later) this.feedCase(e);
  }

  private observe(s: StoredEvent, e: AnyCaseEvent | undefined): FeedItem | undefined {
    if (e) {
      if (this.buffer) this.buffer.push(e);
      else this.feedCase(e);
      return undefined;
    }
    if (s.streamType !== 'alert') return undefined;
    const r = this.log.apply(fromStoredAlert(s));
    return r.ok ? this.itemOf(s) : undefined;
  }

  private feedCase(e: AnyCaseEvent): void {
    // Positions follow commits; two servers' clocks may put a later commit a moment earlier.
    let ev = e;
    if (e.at < this.engine.now) { ev = { ...e, at: this.engine.now }; this.counts.reordered++; }
    for (const f of this.engine.apply(ev)) this.raise(f);
  }

  /** The feed item of a stored alert event (the alert's current node and status). */
  private itemOf(s: StoredEvent): FeedItem | undefined {
    const a = this.log.get(s.streamId.slice(6));
    if (!a) return undefined;
    const data: AlertFeedBody = {
      position: s.position, alertId: a.id, version: s.version, type: s.type, at: s.time, node: a.node, status: a.status,
      rule: a.rule, kind: a.kind, severity: a.severity,
    };
    return { position: s.position, caseId: '', version: s.version, type: `alert.${s.type}`, at: s.time, node: a.node, status: a.status, event: 'alert', data };
  }

  private raise(f: AlertFinding): void {
    const key = alertKey(f);
    if (this.pending.has(key)) { this.counts.already++; return; }
    const id = findingAlertId(f);
    const r = decideAlert(raiseCommand(f), MONITOR_GRANTED(this.ctx), this.log, { ...this.ctx, newId: () => id });
    if (!r.ok) { this.counts.already++; return; }
    this.pending.add(key);
    this.counts.raised++;
    void this.append(r.value, `raise-${id}`, 'none').finally(() => this.pending.delete(key));
  }

  private run(cmd: unknown, actor: Actor, commandId: string): void {
    const r = decideAlert(cmd, actor, this.log, this.ctx);
    if (r.ok) void this.append(r.value, commandId, r.value[0].version - 1);
  }

  private append(events: AnyAlertEvent[], commandId: string, expected: number | 'none'): Promise<void> {
    const step = this.chain.then(async () => {
      try {
        await this.record.appendOther(alertStream(events[0].alertId), 'alert', events.map((e) => toStoredAlert(e, commandId)), expected, commandId);
      } catch {
        // raised or escalated by another server first: its event comes through the feed
      }
    });
    this.chain = step;
    return step;
  }
}

/** The monitor's actor: the system role on the hierarchy's root. */
const MONITOR_GRANTED = (ctx: AlertContext): Actor => ({ id: MONITOR.id, roles: [{ role: ALERT_MONITOR_ROLE, node: ctx.hierarchy.code(0) }] });

const monitors = new WeakMap<LiveRecord, AlertMonitor>();

/**
 * The alert monitor of a live record, started on first use (one per record).
 *
 * @example
 * ```ts
 * await alertMonitor(record, { clock: Date.now }).settled();
 * ```
 */
export function alertMonitor(record: LiveRecord, opts: Omit<AlertsDeps, 'record'>): AlertMonitor {
  need('alertMonitor', 'record', record, 'object', { city: 'object', hierarchy: 'object' });
  let m = monitors.get(record);
  if (!m) {
    m = new AlertMonitor(record, opts);
    monitors.set(record, m);
  }
  return m;
}

// ------------------------------------------------------------------ schemas
const text = z.object({ zh: z.string(), en: z.string() });

/** One alert as the list shows it (with the actions the caller may run). @example `alertRowSchema.shape.actions` */
export const alertRowSchema = z.object({
  id: z.string(), version: z.number().int(), status: z.enum(ALERT_STATUSES), severity: z.enum(ALERT_SEVERITIES), kind: z.enum(ALERT_KINDS),
  rule: z.string(), ruleName: text, node: z.string().openapi({ description: 'Code of the node the alert is about' }), place: text,
  raisedAt: z.number(), count: z.number().int(), categoryName: text.optional(), caseId: z.string().optional(), escalations: z.number().int().optional(),
  actions: z.array(z.enum(['acknowledge', 'assign', 'escalate', 'resolve'])),
}).openapi('AlertRow');

/** The alert list. @example `alertListSchema.parse({ items: [] })` */
export const alertListSchema = z.object({ items: z.array(alertRowSchema) }).openapi('AlertList');

const alertEventSchema = z.object({
  alertId: z.string(), version: z.number().int(), type: z.string(), at: z.number(), actor: z.string(), role: z.string(), roleNode: z.string(),
  data: z.record(z.string(), z.unknown()),
}).openapi('AlertEvent');

/** One alert and its events. @example `alertFileSchema.shape.events` */
export const alertFileSchema = z.object({ alert: alertRowSchema, node: z.string().openapi({ description: 'Where it is shown now (moves up when escalated)' }), events: z.array(alertEventSchema) }).openapi('AlertFile');

/** An alert command and its command id (the same id again runs it once). @example `alertCommandBody.parse({ commandId: 'ack-0001-aaaa', command: { type: 'acknowledge', alertId: 'A-1', expectedVersion: 1 } })` */
export const alertCommandBody = z.object({
  commandId: z.string().min(8).max(100),
  command: z.discriminatedUnion('type', [
    z.object({ type: z.literal('acknowledge'), alertId: z.string().min(1).max(100), expectedVersion: z.number().int().min(1), note: z.string().max(2000).optional() }),
    z.object({ type: z.literal('assign'), alertId: z.string().min(1).max(100), expectedVersion: z.number().int().min(1), to: z.string().min(1).max(100), note: z.string().max(2000).optional() }),
    z.object({ type: z.literal('escalate'), alertId: z.string().min(1).max(100), expectedVersion: z.number().int().min(1), reason: z.string().min(1).max(2000) }),
    z.object({ type: z.literal('resolve'), alertId: z.string().min(1).max(100), expectedVersion: z.number().int().min(1), reason: z.enum(ALERT_RESOLUTIONS), note: z.string().max(2000).optional() }),
  ]),
}).openapi('AlertCommandRequest');

/** What an alert command did. @example `alertResultSchema.shape.duplicate` */
export const alertResultSchema = z.object({
  alertId: z.string(), version: z.number().int(), duplicate: z.boolean(),
  events: z.array(z.object({ position: z.number().int(), version: z.number().int(), type: z.string(), at: z.number() })),
}).openapi('AlertCommandResult');

/** An alert change on the live feed (SSE event `alert`). @example `alertFeedSchema.shape.alertId` */
export const alertFeedSchema = z.object({
  position: z.number().int(), alertId: z.string(), version: z.number().int(), type: z.string(), at: z.number(),
  node: z.string(), status: z.enum(ALERT_STATUSES), rule: z.string(), kind: z.enum(ALERT_KINDS), severity: z.enum(ALERT_SEVERITIES),
}).openapi('AlertFeedItem');

const boardRowSchema = z.object({
  caseId: z.string(), version: z.number().int(), waitingFor: z.enum(['register', 'dispatch', 'accept']), node: z.string(), place: text,
  category: z.string().nullable(), categoryName: text.nullable(), urgency: z.string().nullable(), since: z.number(),
  deadline: z.number().nullable().openapi({ description: 'null when the step has none' }), handler: z.string().optional(),
  targets: z.array(z.object({ node: z.string(), name: text })),
}).openapi('BoardRow');
/** The command post's board. @example `boardSchema.shape.loads` */
export const boardSchema = z.object({
  rows: z.array(boardRowSchema),
  loads: z.array(z.object({ node: z.string(), name: text, waiting: z.number().int(), handling: z.number().int(), overdue: z.number().int() })),
}).openapi('DispatchBoard');

/** Alerts per node and time to acknowledge. @example `alertMeasuresSchema.shape.rows` */
export const alertMeasuresSchema = z.object({
  rows: z.array(z.object({ node: z.string(), raised: z.number().int(), open: z.number().int(), acknowledged: z.number().int() })),
  medianAckMinutes: z.number().nullable(), meanAckMinutes: z.number().nullable(),
}).openapi('AlertMeasures');

const nodeQuery = z.object({ node: z.string().min(1).max(40).openapi({ description: 'A node code in the caller\'s scope' }) });
const listQuery = z.object({
  node: z.string().min(1).max(40).optional().openapi({ description: 'Only alerts about this node and below' }),
  status: z.enum(['open', 'all', ...ALERT_STATUSES]).optional().openapi({ description: 'open (default: not resolved), all, or one status' }),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
const idParams = z.object({ id: z.string().min(1).max(100) });

/** An alert list answer. @example `type L = AlertListBody;` */
export type AlertListBody = z.infer<typeof alertListSchema>;
/** One alert and its events. @example `type F = AlertFileBody;` */
export type AlertFileBody = z.infer<typeof alertFileSchema>;
/** An alert command result. @example `type R = AlertResultBody;` */
export type AlertResultBody = z.infer<typeof alertResultSchema>;
/** An alert command request's command. @example `const c: AlertCommandInput = { type: 'acknowledge', alertId: 'A-1', expectedVersion: 1 };` */
export type AlertCommandInput = z.infer<typeof alertCommandBody>['command'];
/** An alert change on the feed. @example `type A = AlertFeedBody;` */
export type AlertFeedBody = z.infer<typeof alertFeedSchema>;
/** The board answer. @example `type B = BoardBody;` */
export type BoardBody = z.infer<typeof boardSchema>;
/** The measures answer. @example `type M = AlertMeasuresBody;` */
export type AlertMeasuresBody = z.infer<typeof alertMeasuresSchema>;

const STATUS: Record<string, ErrorStatus> = { E_NO_ALERT: 404, E_WRONG_STATE: 409, E_ALERT_EXISTS: 409, E_ALERT_TOO_EARLY: 409, E_NO_HIGHER_LEVEL: 409 };
const refusal = refusalOf(STATUS);

/**
 * Mounts the alert routes on the API and starts the record's alert monitor.
 *
 * @example
 * ```ts
 * const monitor = mountAlerts(app, { record, clock });
 * ```
 */
export function mountAlerts(app: OpenAPIHono<ApiEnv>, deps: AlertsDeps): AlertMonitor {
  need('mountAlerts', 'app', app, 'object', { openapi: 'function' });
  need('mountAlerts', 'deps', deps, 'object', { record: 'object', 'record.hierarchy': 'object', clock: 'function' });
  const { record } = deps;
  const h = record.hierarchy;
  const cats = record.city.ctx.categories;
  const monitor = alertMonitor(record, deps);
  const nodeIn = (code: string, actor: { scope: { inScope(p: number): boolean } }): number => {
    const pos = nodeAt(h, code);
    if (!actor.scope.inScope(pos)) throw ApiError.of('E_OUT_OF_SCOPE');
    return pos;
  };
  const alertOf = (id: string, access: ApiEnv['Variables']['access']): AlertState => {
    const a = monitor.log.get(id);
    // the same answer for a missing alert and one outside the caller's scope
    if (!a || visibleAlerts([a], access.scope, h).length === 0) throw refusal([{ code: 'E_NO_ALERT', zh: '预警不存在', en: 'no such alert', column: 'id' }]);
    return a;
  };
  /** The statuses (their indexes in the facts) of cases the board shows. */
  const waiting = new Set(['discovered', 'registered', 'dispatched', 'handling', 'suspended'].map((s) => CASE_STATUSES.indexOf(s as (typeof CASE_STATUSES)[number])));
  const nn = (x: number) => (x === x ? x : null);
  const ctxNow = (): AlertContext => { const now = deps.clock(); return { ...monitor.ctx, clock: () => now }; };

  app.openapi(createRoute({
    method: 'get', path: '/api/alerts', tags: ['alerts'], summary: 'Alerts in the caller\'s scope (where each is shown now), unresolved first, by severity and age, with the actions the caller may run', security,
    request: { query: listQuery }, responses: { 200: json(alertListSchema, 'The alerts'), 401: err('No or bad bearer token'), 403: err('Outside the caller\'s scope'), 404: err('No such node'), 422: err('Invalid input') },
  }), async (c) => {
    const q = c.req.valid('query');
    const access = c.var.access;
    await monitor.ready;
    let mine = visibleAlerts(monitor.log.all(), access.scope, h);
    if (q.node) {
      const pos = nodeIn(q.node, access);
      mine = mine.filter((a) => { const p = h.indexOf(a.origin); return p >= 0 && h.isAncestor(pos, p); });
    }
    const status = q.status ?? 'open';
    if (status === 'open') mine = mine.filter((a) => a.status !== 'resolved');
    else if (status !== 'all') mine = mine.filter((a) => a.status === status);
    const items = alertRows(mine, access.actor, ctxNow(), cats).slice(0, q.limit ?? 200);
    return c.json({ items }, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/alerts/board', tags: ['alerts'], summary: 'The command post\'s board of a node: cases waiting to be registered, dispatched or accepted, by deadline, and each handling body\'s load. Dispatch with the ordinary case command.', security,
    request: { query: nodeQuery }, responses: { 200: json(boardSchema, 'The board'), 401: err('No or bad bearer token'), 403: err('Outside the caller\'s scope'), 404: err('No such node'), 422: err('Invalid input') },
  }), (c) => {
    const pos = nodeIn(c.req.valid('query').node, c.var.access);
    const f = record.cases.facts;
    const end = h.ends[pos];
    const states: CaseState[] = [];
    for (let r = 0; r < f.length; r++) {
      const n = f.node[r];
      if (n < pos || n >= end || !waiting.has(f.status[r])) continue;
      const s = record.cases.get(f.caseIds[r]);
      if (s) states.push(s);
    }
    const b = dispatchBoard(states, { hierarchy: h, categories: cats }, pos, deps.clock());
    return c.json({ rows: b.rows.map((r) => ({ ...r, since: r.since, deadline: nn(r.deadline) })), loads: b.loads }, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/alerts/measures', tags: ['alerts'], summary: 'Alerts raised, open and acknowledged per child of a node, and the minutes from raised to acknowledged', security,
    request: { query: nodeQuery }, responses: { 200: json(alertMeasuresSchema, 'The measures'), 401: err('No or bad bearer token'), 403: err('Outside the caller\'s scope'), 404: err('No such node') },
  }), async (c) => {
    const pos = nodeIn(c.req.valid('query').node, c.var.access);
    await monitor.ready;
    const m = alertMeasures(monitor.log.all(), h, pos);
    return c.json({ rows: m.rows, medianAckMinutes: nn(m.medianAckMinutes), meanAckMinutes: nn(m.meanAckMinutes) }, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/alerts/{id}', tags: ['alerts'], summary: 'One alert in the caller\'s scope and its events', security,
    request: { params: idParams }, responses: { 200: json(alertFileSchema, 'The alert'), 401: err('No or bad bearer token'), 404: err('No such alert (or outside the caller\'s scope)') },
  }), async (c) => {
    await monitor.ready;
    const access = c.var.access;
    const a = alertOf(c.req.valid('param').id, access);
    const [row] = alertRows([a], access.actor, ctxNow(), cats);
    return c.json({ alert: row, node: a.node, events: monitor.log.events(a.id) }, 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/api/alerts/{id}/commands', tags: ['alerts'], summary: 'Acknowledge, assign, escalate or resolve an alert (checked by the core: version, state, role, scope); the same command id runs once', security,
    request: { params: idParams, body: { content: { 'application/json': { schema: alertCommandBody } }, required: true } },
    responses: {
      200: json(alertResultSchema, 'The events appended (or appended before, for a repeated command id)'), 401: err('No or bad bearer token'),
      403: err('The caller\'s role may not'), 404: err('No such alert (or outside the caller\'s scope)'), 409: err('The alert changed or is in the wrong state: `currentVersion` says to what'), 422: err('Invalid input'),
    },
  }), async (c) => {
    const { id } = c.req.valid('param');
    const { commandId, command } = c.req.valid('json');
    const access = c.var.access;
    if (command.alertId !== id) throw ApiError.fromIssues([{ code: 'E_INVALID_INPUT', zh: '预警编号与路径不符', en: 'the command\'s alert id differs from the path', column: 'alertId' }]);
    await monitor.ready;
    const a = alertOf(id, access);
    const earlier = async (): Promise<AlertResultBody | undefined> => {
      const mine = (await record.readStream(alertStream(id))).filter((e) => e.meta?.commandId === commandId);
      return mine.length ? result(id, mine, true) : undefined;
    };
    const r = decideAlert(command, access.actor, monitor.log, ctxNow());
    if (!r.ok) {
      const again = await earlier();
      if (again) return c.json(again, 200);
      throw refusal(r.errors, r.errors[0]?.code === 'E_STALE_VERSION' ? { currentVersion: a.version } : {});
    }
    const appended = await record.appendStream(alertStream(id), 'alert', r.value.map((e) => toStoredAlert(e, commandId)), a.version, commandId);
    if (!appended.ok) {
      const again = await earlier();
      if (again) return c.json(again, 200);
      throw refusal([{ code: 'E_STALE_VERSION', zh: '预警已被他人处理，请刷新后重试', en: 'the alert has changed since you loaded it: reload and retry' }], { currentVersion: appended.currentVersion });
    }
    return c.json(result(id, appended.events, appended.duplicate), 200);
  });

  app.openAPIRegistry.register('AlertFeedItem', alertFeedSchema);
  return monitor;
}

function result(alertId: string, events: StoredEvent[], duplicate: boolean): AlertResultBody {
  const list = events.map((e) => ({ position: e.position, version: e.version, type: e.type, at: e.time }));
  return { alertId, version: list.length ? list[list.length - 1].version : 0, duplicate, events: list };
}
