/**
 * The HTTP API: Hono routes, each typed by a zod schema and published in the OpenAPI 3.1
 * document; bearer authentication; every read through the core's scope and masking; every
 * command through the core's `decide` and the store.
 * @module
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { streamSSE } from 'hono/streaming';
import { HTTPException } from 'hono/http-exception';
import type { Context, MiddlewareHandler } from 'hono';
import { CASE_STATUSES, dashboardSlice, periodOf, type CaseState } from '@jiceng/core';
import { AuditLog, createAccess, maskRecord, readDossier, type Access } from '@jiceng/core/access';
import { availableActions, zodIssues, buildDossier, CASE_SOURCES, CASE_TOPICS } from '@jiceng/core/cases';
import { need } from '@jiceng/core/errors';
import { parsePeriod, describePeriod, type PeriodRef } from '@jiceng/core/metrics';
import { decideRegistry, registryRecords, type RegistryCommand } from '@jiceng/core/registry';
import { ApiError } from './errors.js';
import type { ApiEnv } from './env.js';
import { issueToken, verifyToken, type AuthConfig } from './auth.js';
import type { FeedItem, LiveRecord } from './record.js';
import * as S from './schemas.js';
import { referencePage, signinPage } from './pages.js';
import { peopleAt, personById } from './people.js';
import { pumpFeed } from './feed.js';
import { err, json, nodeAt, security } from './routes/common.js';
import { mountOpen311, type Open311Options } from './routes/open311.js';
import type { Open311Geometry } from './open311/locate.js';
import { toWgs84, type AreaGeometry, type LonLat } from '@jiceng/core/geo';
import { mountAlerts } from './routes/alerts.js';
import { mountEngagement } from './routes/engagement.js';

/**
 * The limits every request meets.
 *
 * @example
 * ```ts
 * const l: Limits = { bodyBytes: 64 * 1024, perMinute: 600, burst: 120, timeoutMs: 10_000 };
 * ```
 */
export interface Limits {
  /** Largest request body, bytes (413 above). */
  bodyBytes: number;
  /** Requests per actor per minute, sustained (429 above). */
  perMinute: number;
  /** Requests an actor may make at once before the rate applies. */
  burst: number;
  /** A request that takes longer is answered 504. */
  timeoutMs: number;
}

/** The default limits. @example `DEFAULT_LIMITS.bodyBytes; // 65536` */
export const DEFAULT_LIMITS: Limits = Object.freeze({ bodyBytes: 64 * 1024, perMinute: 1200, burst: 200, timeoutMs: 15_000 });

/**
 * What {@link createApp} serves from.
 *
 * @example
 * ```ts
 * const app = createApp({ record, auth, devSignin: true });
 * ```
 */
export interface AppOptions {
  record: LiveRecord;
  auth: AuthConfig;
  limits?: Partial<Limits>;
  /** Origins allowed to call the API from a browser (CORS). Default none. */
  corsOrigins?: string[];
  /** Serve the development sign-in (demo only). Default false. */
  devSignin?: boolean;
  /** The server's clock (epoch ms). Default `Date.now`, never before the record's `asOf`. */
  clock?: () => number;
  /** Where to write one line per request (no personal data). */
  log?: (entry: { method: string; route: string; status: number; ms: number }) => void;
  /** Longest replay of the live feed before a client is told to reload (`reset`). Default 10,000 events. */
  maxReplay?: number;
  /** Heartbeat interval of the live feed, ms. Default 15 s. */
  heartbeatMs?: number;
  /** Serve Open311 GeoReport v2 under `/open311/v2/` (see `docs/guides/open311.md`). */
  open311?: Open311Options;
  /**
   * The city's map (areas by node code, in its `crs`), or a function that builds it on first
   * use: served to the portal's map by `/api/geometry/nodes/{code}` and, when `open311` has no
   * map of its own, used by Open311 too (built once for both). Default: Open311's.
   */
  geometry?: Open311Geometry | (() => Open311Geometry);
}

type Env = ApiEnv;
export type { ApiEnv };

const ERRORS = {
  401: err('No or bad bearer token'), 403: err('Outside the caller\'s scope or role'), 404: err('Not found'),
  422: err('Invalid input: per-field messages in zh and en'), 429: err('Rate limited'),
} as const;

/**
 * Builds the API over a live record.
 *
 * @example
 * ```ts
 * const app = createApp({ record, auth });
 * const res = await app.request('/api/health');
 * ```
 */
export function createApp(opts: AppOptions): OpenAPIHono<Env> {
  need('createApp', 'opts', opts, 'object', { record: 'object', auth: 'object', 'auth.issuer': 'string', 'auth.audience': 'string', 'auth.alg': 'string', 'auth.verifyKey': 'object', limits: 'object?', corsOrigins: 'array?', devSignin: 'boolean?', clock: 'function?', log: 'function?' });
  if (opts.geometry !== undefined && typeof opts.geometry !== 'function') need('createApp', 'opts.geometry', opts.geometry, 'object', { areas: 'object' });
  const { record, auth } = opts;
  const h = record.hierarchy;
  const limits: Limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const clock = () => Math.max((opts.clock ?? Date.now)(), record.asOf);
  const buckets = new Map<string, { tokens: number; at: number }>();

  const app = new OpenAPIHono<Env>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const input = (result as { data?: unknown }).data;
      const body = input && typeof input === 'object' && 'command' in input ? (input).command : undefined;
      const issues = result.error.issues.map((p) => (p.path[0] === 'command' && body !== undefined ? { ...p, path: p.path.slice(1) } : p));
      const fields = zodIssues(issues, body ?? input);
      const e = ApiError.fromIssues([{ code: 'E_INVALID_INPUT', zh: '输入无效', en: 'invalid input' }, ...fields]);
      return c.json(e.body, 422);
    },
  });

  app.onError((e, c) => {
    if (e instanceof ApiError) return c.json(e.body, e.status);
    if (e instanceof HTTPException && e.status === 413) return c.json(ApiError.of('E_TOO_LARGE').body, 413);
    if (e instanceof HTTPException && (e.status === 504 || e.status === 503)) return c.json(ApiError.of('E_TIMEOUT').body, 504);
    if (e instanceof HTTPException && e.status === 400) return c.json(ApiError.fromIssues([{ code: 'E_INVALID_INPUT', zh: '请求格式无效', en: 'malformed request' }]).body, 422);
    return c.json(ApiError.of('E_INTERNAL').body, 500);
  });
  app.notFound((c) => c.json(ApiError.of('E_NOT_FOUND').body, 404));

  // one line per request, no query string, no actor, no body
  app.use('*', async (c, next) => {
    const t0 = performance.now();
    await next();
    opts.log?.({ method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round((performance.now() - t0) * 10) / 10 });
  });
  if (opts.corsOrigins?.length) app.use('/api/*', cors({ origin: opts.corsOrigins, allowHeaders: ['authorization', 'content-type', 'last-event-id'], maxAge: 600 }));
  app.use('/api/*', bodyLimit({ maxSize: limits.bodyBytes, onError: () => { throw ApiError.of('E_TOO_LARGE'); } }));

  const PUBLIC = new Set(['/api/openapi.json', '/api/reference', '/api/health', '/api/dev/people', '/api/dev/places', '/api/dev/token']);
  const authenticate: MiddlewareHandler<Env> = async (c, next) => {
    if (PUBLIC.has(c.req.path) || c.req.method === 'OPTIONS') return next();
    const header = c.req.header('authorization');
    let token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    // EventSource cannot send headers: the live feed also takes the token as a query parameter.
    if (!token && c.req.path === '/api/feed') token = c.req.query('access_token');
    if (!token) throw ApiError.of('E_UNAUTHENTICATED');
    const actor = await verifyToken(token, auth);
    // per-actor token bucket
    const now = performance.now();
    const b = buckets.get(actor.id) ?? { tokens: limits.burst, at: now };
    b.tokens = Math.min(limits.burst, b.tokens + ((now - b.at) * limits.perMinute) / 60_000);
    b.at = now;
    if (b.tokens < 1) {
      buckets.set(actor.id, b);
      c.header('retry-after', String(Math.ceil(((1 - b.tokens) * 60) / limits.perMinute)));
      throw ApiError.of('E_RATE_LIMITED');
    }
    b.tokens -= 1;
    buckets.set(actor.id, b);
    if (buckets.size > 100_000) buckets.clear();
    const audit = new AuditLog();
    c.set('actor', actor);
    c.set('audit', audit);
    c.set('access', createAccess(actor, h, { audit, now: clock }));
    await next();
    // sensitive reads are recorded in the store, one event per read
    if (audit.size > 0) {
      await record.appendOther(`audit-${actor.id}`, 'audit', audit.events().map((e) => ({ type: `audit.${e.action}`, data: e, meta: { actor: actor.id }, time: e.at })));
    }
  };
  app.use('/api/*', authenticate);
  app.use('/api/*', async (c, next) => {
    if (c.req.path === '/api/feed') return next();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, bad) => { timer = setTimeout(() => bad(ApiError.of('E_TIMEOUT')), limits.timeoutMs); });
    try {
      await Promise.race([next(), late]);
    } finally {
      clearTimeout(timer);
    }
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });

  // ------------------------------------------------------------------ helpers
  const nodeOf = (code: string): number => nodeAt(h, code);
  const nodeBody = (pos: number): S.NodeBody => {
    const lv = h.level(pos);
    return { code: h.code(pos), name: { zh: h.name(pos), en: h.nameEn(pos) }, level: lv.id, levelName: lv.name, childCount: h.childCount(pos), parent: h.parents[pos] < 0 ? null : h.code(h.parents[pos]) };
  };
  const inScopeNode = (access: Access, pos: number) => {
    if (!access.scope.inScope(pos)) throw ApiError.of('E_OUT_OF_SCOPE');
  };
  const periodRef = (label: string | undefined): PeriodRef => {
    if (!label) return periodOf(clock(), 'year'); // the current year, on the server's clock
    const p = parsePeriod(label);
    if (!p) throw ApiError.fromIssues([{ code: 'E_INVALID_INPUT', zh: '时段无效', en: 'invalid period', column: 'period' }]);
    return p;
  };
  const topicOf = (t: string | undefined) => {
    if (t && !Object.prototype.hasOwnProperty.call(CASE_TOPICS, t)) throw ApiError.fromIssues([{ code: 'E_INVALID_INPUT', zh: '专题不存在', en: 'no such topic', column: 'topic' }]);
    return t;
  };
  const indicatorOf = (topic: string | undefined, code: string | undefined, column: string) => {
    const m = record.metrics(topic, clock());
    if (code && !m.indicators.some((d) => d.code === code)) throw ApiError.fromIssues([{ code: 'E_INVALID_INPUT', zh: '指标不存在', en: 'no such indicator', column }]);
    return m;
  };
  const cats = record.city.ctx.categories;
  const seesCase = (access: Access, s: CaseState): boolean => access.scope.seesCase(h.indexOf(s.node), s.reportedBy);
  const summary = (access: Access, s: CaseState): S.CaseSummary => {
    const pos = h.indexOf(s.node);
    const masked = maskRecord(access, 'case', {
      id: s.id, node: s.node, status: s.status, source: s.source, category: s.category, urgency: s.urgency, version: s.version,
      reportedAt: s.reportedAt, dueAt: s.dueAt, closedAt: s.closedAt,
    });
    const cat = s.category === null ? undefined : cats.get(s.category);
    const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    return {
      id: String(masked.id), version: Number(masked.version), status: String(masked.status), source: String(masked.source),
      node: { code: s.node, name: pos >= 0 ? { zh: h.name(pos), en: h.nameEn(pos) } : { zh: s.node, en: s.node } },
      category: cat ? { id: cat.id, name: cat.name } : null, urgency: (masked.urgency as string | null) ?? null,
      reportedAt: Number(masked.reportedAt), dueAt: n(masked.dueAt), closedAt: n(masked.closedAt),
    };
  };
  const caseOf = (access: Access, id: string): CaseState => {
    const s = record.cases.get(id);
    if (!s) throw ApiError.fromIssues([{ code: 'E_NO_CASE', zh: '案件不存在', en: 'no such case' }]);
    if (!seesCase(access, s)) throw ApiError.of('E_OUT_OF_SCOPE');
    return s;
  };

  // ------------------------------------------------------------------ public
  app.openapi(createRoute({ method: 'get', path: '/api/health', tags: ['system'], summary: 'Liveness and the record\'s feed position', responses: { 200: json(S.healthSchema, 'Up') } }),
    (c) => c.json({ ok: true, position: record.position, cases: record.cases.size, now: clock() }, 200));

  // ------------------------------------------------------------------ the caller
  app.openapi(createRoute({ method: 'get', path: '/api/me', tags: ['auth'], summary: 'The caller: id, grants and scope', security, responses: { 200: json(S.meSchema, 'The caller'), 401: ERRORS[401] } }),
    (c) => {
      const a = c.var.access;
      return c.json({ id: a.actor.id, grants: a.actor.roles.map((g) => ({ role: g.role, node: g.node })), scope: a.scope.roots().map(nodeBody) }, 200);
    });

  // ------------------------------------------------------------------ hierarchy
  app.openapi(createRoute({ method: 'get', path: '/api/hierarchy/nodes/{code}', tags: ['hierarchy'], summary: 'One node', security, request: { params: S.nodeParams }, responses: { 200: json(S.nodeSchema, 'The node'), 401: ERRORS[401], 404: ERRORS[404] } }),
    (c) => c.json(nodeBody(nodeOf(c.req.valid('param').code)), 200));
  app.openapi(createRoute({ method: 'get', path: '/api/hierarchy/nodes/{code}/children', tags: ['hierarchy'], summary: 'A node\'s children', security, request: { params: S.nodeParams }, responses: { 200: json(z.array(S.nodeSchema), 'The children'), 401: ERRORS[401], 404: ERRORS[404] } }),
    (c) => c.json(h.children(nodeOf(c.req.valid('param').code)).map(nodeBody), 200));
  app.openapi(createRoute({ method: 'get', path: '/api/hierarchy/nodes/{code}/path', tags: ['hierarchy'], summary: 'From the root to the node', security, request: { params: S.nodeParams }, responses: { 200: json(z.array(S.nodeSchema), 'The path'), 401: ERRORS[401], 404: ERRORS[404] } }),
    (c) => c.json(h.path(nodeOf(c.req.valid('param').code)).map(nodeBody), 200));

  // ------------------------------------------------------------------ the map: outlines of a node and its children
  const mapSource = opts.geometry ?? opts.open311?.geometry;
  let mapMade: Open311Geometry | undefined;
  const cityMap = mapSource && ((): Open311Geometry => (mapMade ??= typeof mapSource === 'function' ? mapSource() : mapSource));
  /** An area in WGS-84 with positions to 6 decimals (about 0.1 m): the wire carries no more. */
  const wireArea = (a: AreaGeometry, crs: Open311Geometry['crs']): AreaGeometry => {
    const pos = (p: LonLat): LonLat => { const [x, y] = crs && crs !== 'WGS84' ? toWgs84(p, crs) : p; return [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6]; };
    return a.type === 'Polygon'
      ? { type: 'Polygon', coordinates: a.coordinates.map((r) => r.map(pos)) }
      : { type: 'MultiPolygon', coordinates: a.coordinates.map((p) => p.map((r) => r.map(pos))) };
  };
  app.openapi(createRoute({
    method: 'get', path: '/api/geometry/nodes/{code}', tags: ['hierarchy'], security, request: { params: S.nodeParams },
    summary: 'The outlines of a node (in the caller\'s scope) and of its children, for the map: GeoJSON, WGS-84, `properties.code`',
    responses: { 200: json(S.geometrySchema, 'The node\'s area first, then its children\'s (those that have one)'), 401: ERRORS[401], 403: ERRORS[403], 404: ERRORS[404] },
  }), (c) => {
    const pos = nodeOf(c.req.valid('param').code);
    inScopeNode(c.var.access, pos);
    const g = cityMap?.();
    if (!g) throw ApiError.of('E_NO_MAP');
    const features = [pos, ...h.children(pos)].flatMap((p) => {
      const a = g.areas.get(h.code(p));
      return a ? [{ type: 'Feature' as const, properties: { code: h.code(p) }, geometry: wireArea(a, g.crs) }] : [];
    });
    return c.json({ type: 'FeatureCollection' as const, features }, 200);
  });
  app.openapi(createRoute({ method: 'get', path: '/api/hierarchy/search', tags: ['hierarchy'], summary: 'Nodes by name, pinyin initials or code', security, request: { query: S.searchQuery }, responses: { 200: json(z.array(S.nodeSchema), 'Matches'), 401: ERRORS[401], 422: ERRORS[422] } }),
    (c) => {
      const q = c.req.valid('query');
      return c.json(h.search(q.q, q.limit).map(nodeBody), 200);
    });

  // ------------------------------------------------------------------ cases
  app.openapi(createRoute({
    method: 'get', path: '/api/cases', tags: ['cases'], summary: 'Cases in the caller\'s scope, newest first, with filters and paging', security,
    request: { query: S.caseListQuery }, responses: { 200: json(S.caseListSchema, 'A page of cases'), 401: ERRORS[401], 403: ERRORS[403], 404: ERRORS[404], 422: ERRORS[422] },
  }), (c) => {
    const q = c.req.valid('query');
    const access = c.var.access;
    const f = record.cases.facts;
    let from = 0, to = h.size;
    if (q.node) {
      const pos = nodeOf(q.node);
      inScopeNode(access, pos);
      from = pos; to = h.ends[pos];
    }
    const status = q.status ? CASE_STATUSES.indexOf(q.status) : -1;
    const source = q.source ? CASE_SOURCES.indexOf(q.source) : -1;
    const category = q.category ? cats.indexOf(q.category) : -2;
    if (category === -1) throw ApiError.fromIssues([{ code: 'E_UNKNOWN_CATEGORY', zh: '事项类别不存在', en: 'unknown category', column: 'category' }]);
    const range = q.period ? describePeriod(periodRef(q.period)) : undefined;
    const own = access.scope.ownReports ? new Set(record.reportsOf(access.actor.id)) : undefined;
    const { starts, ends } = access.scope;
    const rows: number[] = [];
    let total = 0;
    for (let r = f.length - 1; r >= 0; r--) {
      const n = f.node[r];
      if (n < from || n >= to) continue;
      let visible = own?.has(r) ?? false;
      if (!visible) for (let k = 0; k < starts.length; k++) if (n >= starts[k] && n < ends[k]) { visible = true; break; }
      if (!visible) continue;
      if (status >= 0 && f.status[r] !== status) continue;
      if (source >= 0 && f.source[r] !== source) continue;
      if (category >= 0 && (f.category[r] !== category || !(f.registeredAt[r] === f.registeredAt[r]))) continue;
      if (range && (f.reportedAt[r] < range.from || f.reportedAt[r] >= range.to)) continue;
      if (total >= q.offset && rows.length < q.limit) rows.push(r);
      total++;
    }
    const items = rows.map((r) => summary(access, record.cases.get(f.caseIds[r])!));
    return c.json({ total, offset: q.offset, items }, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/cases/{id}', tags: ['cases'], summary: 'One case\'s file (一件一档), masked for the caller, and the commands the caller may run', security,
    request: { params: S.caseParams, query: S.purposeQuery }, responses: { 200: json(S.caseFileSchema, 'The case file'), 401: ERRORS[401], 403: ERRORS[403], 404: ERRORS[404] },
  }), async (c) => {
    const { id } = c.req.valid('param');
    const { purpose } = c.req.valid('query');
    const access = c.var.access;
    const s = caseOf(access, id);
    const d = buildDossier(await record.caseEvents(id), { hierarchy: h, categories: cats });
    if (!d.ok) throw ApiError.fromIssues(d.errors);
    const read = readDossier(access, d.value, { purpose, withoutPurpose: 'mask' });
    if (!read.ok) throw ApiError.fromIssues(read.errors);
    const now = clock();
    return c.json({
      case: summary(access, s),
      state: { handler: s.handler, pending: s.pending, verified: s.verified, feedback: s.feedback, followedUp: s.followedUp },
      dossier: read.value as unknown as z.infer<typeof S.caseFileSchema>['dossier'],
      actions: availableActions(s, access.actor, { ...record.city.ctx, clock: () => now }),
    }, 200);
  });

  const commandResponses = {
    200: json(S.commandResultSchema, 'The events appended (or appended before, for a repeated command id)'),
    401: ERRORS[401], 403: ERRORS[403], 404: ERRORS[404],
    409: err('The case changed: `currentVersion` says to what'), 422: ERRORS[422], 429: ERRORS[429],
  };
  app.openapi(createRoute({
    method: 'post', path: '/api/cases', tags: ['cases'], summary: 'Record a new case (the discover command)', security,
    request: { body: { content: { 'application/json': { schema: S.discoverBody } }, required: true } }, responses: commandResponses,
  }), async (c) => {
    const body = c.req.valid('json');
    const access = c.var.access;
    const pos = nodeOf(body.command.node);
    inScopeNode(access, pos);
    return c.json(await record.execute(access.actor, body.command, body.commandId, clock), 200);
  });
  app.openapi(createRoute({
    method: 'post', path: '/api/cases/{id}/commands', tags: ['cases'], summary: 'Run a command on a case, with the expected version and a command id', security,
    request: { params: S.caseParams, body: { content: { 'application/json': { schema: S.commandBody } }, required: true } }, responses: commandResponses,
  }), async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const access = c.var.access;
    const cmd = body.command as { type: string; caseId?: string };
    if (cmd.type === 'discover' || cmd.type === 'recordPatrol' || cmd.caseId !== id) {
      throw ApiError.fromIssues([{ code: 'E_INVALID_INPUT', zh: '案件编号与路径不符', en: 'the command\'s case id differs from the path', column: 'caseId' }]);
    }
    caseOf(access, id);
    return c.json(await record.execute(access.actor, body.command, body.commandId, clock), 200);
  });

  // ------------------------------------------------------------------ metrics
  app.openapi(createRoute({
    method: 'get', path: '/api/metrics/dashboard', tags: ['metrics'], summary: 'The dashboard slice of a node, period and topic (a period still running is compared with the same span of the previous one, to now)', security,
    request: { query: S.dashboardQuery }, responses: { 200: json(S.dashboardSliceSchema, 'The slice'), 401: ERRORS[401], 403: ERRORS[403], 404: ERRORS[404], 422: ERRORS[422] },
  }), (c) => {
    const q = c.req.valid('query');
    const pos = nodeOf(q.node);
    inScopeNode(c.var.access, pos);
    const topic = topicOf(q.topic);
    const m = indicatorOf(topic, q.rankBy, 'rankBy');
    indicatorOf(topic, q.trendRate, 'trendRate');
    const period = periodRef(q.period);
    // a period still running is compared with the same span of the one before, up to now; a past one whole
    const now = clock(), { from, to } = describePeriod(period);
    const until = now >= from && now < to ? { until: now } : {};
    const slice = dashboardSlice(m, pos, period, { ...(q.rankBy ? { rankBy: q.rankBy } : {}), trendRate: q.trendRate ?? 'banjieRate', ...until });
    return c.json(slice as unknown as S.DashboardSliceBody, 200);
  });
  app.openapi(createRoute({
    method: 'get', path: '/api/metrics/ranking', tags: ['metrics'], summary: 'A node\'s children (or its descendants at a level) ranked by an indicator', security,
    request: { query: S.rankingQuery }, responses: { 200: json(S.rankingSchema, 'The ranking'), 401: ERRORS[401], 403: ERRORS[403], 404: ERRORS[404], 422: ERRORS[422] },
  }), (c) => {
    const q = c.req.valid('query');
    const pos = nodeOf(q.node);
    inScopeNode(c.var.access, pos);
    const topic = topicOf(q.topic);
    const m = indicatorOf(topic, q.indicator, 'indicator');
    if (q.level && !h.config.levels.some((l) => l.id === q.level)) throw ApiError.fromIssues([{ code: 'E_UNKNOWN_LEVEL', zh: '层级不存在', en: 'no such level', column: 'level' }]);
    const rows = m.rank(pos, q.indicator, { ...(q.period ? { period: periodRef(q.period) } : {}), ...(q.level ? { level: q.level } : {}), ...(q.limit ? { limit: q.limit } : {}) });
    return c.json({ indicator: q.indicator, rows }, 200);
  });

  // ------------------------------------------------------------------ lists
  app.openapi(createRoute({
    method: 'get', path: '/api/lists', tags: ['lists'], summary: 'The lists (policies, work, sectors, projects, responsibilities, empowered matters); records with a node only in scope', security,
    responses: { 200: json(S.listsSchema, 'The lists'), 401: ERRORS[401] },
  }), (c) => {
    const access = c.var.access;
    const l = record.lists;
    const keep = <T extends object>(rs: Record<string, T>): T[] => Object.values(rs).filter((r) => {
      const node = (r as { node?: unknown }).node;
      return typeof node !== 'string' || access.scope.inScope(h.indexOf(node));
    });
    return c.json({
      policies: keep(l.policies), work: keep(l.work), sectors: keep(l.sectors), projects: keep(l.projects),
      responsibilities: keep(l.responsibilities), empowered: keep(l.empowered),
    } as unknown as S.ListsBody, 200);
  });

  // ------------------------------------------------------------------ registry
  app.openapi(createRoute({
    method: 'get', path: '/api/registry', tags: ['registry'], summary: 'Registry records the caller may read (scope and groups), masked; every read audited in the store', security,
    request: { query: S.registryQuery }, responses: { 200: json(S.registryListSchema, 'The records'), 401: ERRORS[401], 403: ERRORS[403], 422: ERRORS[422] },
  }), (c) => {
    const q = c.req.valid('query');
    const r = registryRecords(c.var.access, record.registry, { purpose: q.purpose, overdueOnly: q.overdueOnly === 'true', now: clock() });
    if (!r.ok) throw ApiError.fromIssues(r.errors);
    return c.json({ items: r.value as { id: string }[] }, 200);
  });
  app.openapi(createRoute({
    method: 'post', path: '/api/registry/commands', tags: ['registry'], summary: 'A registry command (enrol, assess, follow up, hand over…), checked by the core', security,
    request: { body: { content: { 'application/json': { schema: S.registryBody } }, required: true } },
    responses: { 200: json(S.registryResultSchema, 'Recorded'), 401: ERRORS[401], 403: ERRORS[403], 404: ERRORS[404], 409: err('Version conflict'), 422: ERRORS[422] },
  }), async (c) => {
    const body = c.req.valid('json');
    const access = c.var.access;
    const r = decideRegistry(record.registry, access, { ...(body.command as RegistryCommand), at: clock() });
    if (!r.ok) throw ApiError.fromIssues(r.errors);
    await record.appendOther(`registry-${r.value.personId}`, 'registry', [{ type: r.value.type, data: r.value, meta: { actor: access.actor.id, commandId: body.commandId }, time: r.value.at }], 'any', body.commandId);
    return c.json({ personId: r.value.personId, type: r.value.type }, 200);
  });

  // ------------------------------------------------------------------ live feed
  app.openapi(createRoute({
    method: 'get', path: '/api/feed', tags: ['feed'], summary: 'Live changes in the caller\'s scope (Server-Sent Events; id = global position; resume with Last-Event-ID or ?after=; token also as ?access_token= for EventSource)', security,
    request: { query: S.feedQuery.extend({ access_token: z.string().optional() }) },
    responses: { 200: { content: { 'text/event-stream': { schema: S.feedItemSchema } }, description: 'event: change, data: FeedItem; event: reset when the gap is too long to replay' }, 401: ERRORS[401] },
  }), (c) => feed(c as unknown as Context<Env>) as never);

  const visibleItem = (access: Access, it: FeedItem): boolean => {
    const pos = h.indexOf(it.node);
    if (pos >= 0 && access.scope.inScope(pos)) return true;
    return access.scope.ownReports && record.reportsOf(access.actor.id).includes(record.cases.rowOf(it.caseId));
  };
  const maxReplay = opts.maxReplay ?? 10_000;
  const feed = (c: Context<Env>) => {
    const access = c.var.access;
    const q = c.req.query('after');
    const header = c.req.header('last-event-id');
    const start = q !== undefined ? Number(q) : header !== undefined ? Number(header) : record.position;
    if (!Number.isSafeInteger(start) || start < 0) throw ApiError.fromIssues([{ code: 'E_INVALID_INPUT', zh: '位置无效', en: 'invalid position', column: 'after' }]);
    return streamSSE(c, (stream) => pumpFeed<FeedItem>(stream, start, {
      listen: (push, end) => record.listen(push, end),
      closed: () => record.isClosed,
      position: (it) => it.position,
      message: (it) => (visibleItem(access, it) ? { id: String(it.position), event: it.event ?? 'change', data: JSON.stringify(it.data ?? it) } : undefined),
      heartbeatMs: opts.heartbeatMs ?? 15_000,
      replay: async (feed) => {
        const upTo = record.position;
        if (upTo - feed.last > maxReplay) await feed.reset(upTo);
        while (feed.live() && feed.last < upTo) {
          const batch = await record.readFeed(feed.last, 1000);
          if (batch.length === 0) break;
          for (const s of batch) {
            const p = Number(s.position);
            if (p > upTo) break;
            if (s.streamType !== 'case') { const it = record.replayItem(s); if (it) await feed.send(it); else feed.skip(p); continue; }
            const row = record.cases.rowOf(s.streamId.slice(5));
            if (row < 0) { feed.skip(p); continue; }
            const f = record.cases.facts;
            await feed.send({ position: p, caseId: s.streamId.slice(5), version: s.version, type: s.type, at: s.time, node: h.code(f.node[row]), status: CASE_STATUSES[f.status[row]] });
          }
          if (Number(batch[batch.length - 1].position) >= upTo) break;
        }
        return upTo;
      },
    }));
  };

  mountAlerts(app, { record, clock });

  // ------------------------------------------------------------------ development sign-in
  app.openapi(createRoute({
    method: 'get', path: '/api/dev/people', tags: ['development'], summary: 'People of the demo city who act at or above a node (development sign-in only)',
    request: { query: z.object({ node: z.string().min(1).max(40) }) }, responses: { 200: json(z.array(S.personSchema), 'People'), 404: ERRORS[404] },
  }), (c) => {
    if (!opts.devSignin) throw ApiError.of('E_DEV_SIGNIN_OFF');
    return c.json(peopleAt(h, nodeOf(c.req.valid('query').node)), 200);
  });
  app.openapi(createRoute({
    method: 'get', path: '/api/dev/places', tags: ['development'], summary: 'Places of the demo city by name, pinyin initials or code (development sign-in only)',
    request: { query: S.searchQuery }, responses: { 200: json(z.array(S.nodeSchema), 'Places'), 404: ERRORS[404], 422: ERRORS[422] },
  }), (c) => {
    if (!opts.devSignin) throw ApiError.of('E_DEV_SIGNIN_OFF');
    const q = c.req.valid('query');
    return c.json(h.search(q.q, q.limit).map(nodeBody), 200);
  });
  app.openapi(createRoute({
    method: 'post', path: '/api/dev/token', tags: ['development'], summary: 'A token for a person of the demo city (development sign-in only)',
    request: { body: { content: { 'application/json': { schema: S.signinBody } }, required: true } }, responses: { 200: json(S.tokenSchema, 'The token'), 404: ERRORS[404], 422: ERRORS[422] },
  }), async (c) => {
    if (!opts.devSignin) throw ApiError.of('E_DEV_SIGNIN_OFF');
    const p = personById(h, c.req.valid('json').person);
    if (!p) throw ApiError.of('E_UNKNOWN_PERSON');
    const actor = { id: p.id, roles: p.grants };
    return c.json({ token: await issueToken(actor, auth), actor: { id: p.id, grants: p.grants } }, 200);
  });

  if (opts.open311) mountOpen311(app, { ...opts.open311, ...(cityMap ? { geometry: cityMap } : {}), record, clock });
  mountEngagement(app, { record, clock, ...(opts.heartbeatMs ? { heartbeatMs: opts.heartbeatMs } : {}), ...(opts.maxReplay ? { maxReplay: opts.maxReplay } : {}) });

  // ------------------------------------------------------------------ the contract
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Jiceng API', version: '0.1.0', description: 'Grid-based grassroots governance: cases, metrics, lists, registry and a live feed. Every error is `{ error: { code, zh, en, fields? } }`.' },
    servers: [{ url: '/' }],
  });
  app.get('/api/reference', (c) => c.html(referencePage()));
  app.get('/dev/signin', (c) => (opts.devSignin ? c.html(signinPage()) : c.json(ApiError.of('E_DEV_SIGNIN_OFF').body, 404)));
  return app;
}
