/**
 * Every route's input and output as a zod schema — the core's own where it has one (the case
 * commands), the server's otherwise. The OpenAPI document is generated from these, and the
 * typed client takes its types from them.
 * @module
 */
import { z } from '@hono/zod-openapi';
import { CASE_STATUSES } from '@jiceng/core';
import { caseCommandSchema, commandSchemas, CASE_SOURCES } from '@jiceng/core/cases';

const text = z.object({ zh: z.string(), en: z.string() }).openapi('LocalizedText');

/**
 * A node of the hierarchy.
 *
 * @example
 * ```ts
 * nodeSchema.parse({ code: '350302000000', name: { zh: '荔城区', en: 'Licheng' }, level: 'county', levelName: { zh: '县区', en: 'county' }, childCount: 6, parent: '350300000000' });
 * ```
 */
export const nodeSchema = z.object({
  code: z.string(),
  name: text,
  level: z.string(),
  levelName: text,
  childCount: z.number().int(),
  parent: z.string().nullable(),
}).openapi('Node');

/** The path parameter naming a node by code. @example `nodeParams.parse({ code: '350302000000' })` */
export const nodeParams = z.object({ code: z.string().min(1).max(40).openapi({ param: { name: 'code', in: 'path' }, example: '350302000000' }) });

/** The hierarchy search query. @example `searchQuery.parse({ q: '荔城' })` */
export const searchQuery = z.object({
  q: z.string().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** A period: `2025`, `2025-Q3`, `2025-03` or `2025-03-14`. */
const period = z.string().regex(/^\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?$/).openapi({ example: '2025', description: '2025 | 2025-Q3 | 2025-03 | 2025-03-14' });

/**
 * The case list's filters and paging.
 *
 * @example
 * ```ts
 * caseListQuery.parse({ node: '350302000000', status: 'handling', limit: '20' });
 * ```
 */
export const caseListQuery = z.object({
  node: z.string().min(1).max(40).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  category: z.string().max(100).optional(),
  source: z.enum(CASE_SOURCES).optional(),
  period: period.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(30),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

/**
 * One case in a list: the fields every role in scope may see.
 *
 * @example
 * ```ts
 * const c: CaseSummary = caseSummarySchema.parse({ id: 'PT-0000001', version: 9, status: 'closed', node: { code: '…', name: { zh: '…', en: '…' } }, source: 'patrol', category: null, urgency: null, reportedAt: 0, dueAt: null, closedAt: null });
 * ```
 */
export const caseSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.string(),
  node: z.object({ code: z.string(), name: text }),
  source: z.string(),
  category: z.object({ id: z.string(), name: text }).nullable(),
  urgency: z.string().nullable(),
  reportedAt: z.number(),
  dueAt: z.number().nullable(),
  closedAt: z.number().nullable(),
}).openapi('CaseSummary');

/** A case list answer. @example `caseListSchema.parse({ total: 0, offset: 0, items: [] })` */
export const caseListSchema = z.object({ total: z.number().int(), offset: z.number().int(), items: z.array(caseSummarySchema) }).openapi('CaseList');

/** The path parameter naming a case. @example `caseParams.parse({ id: 'PT-0000001' })` */
export const caseParams = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' }, example: 'PT-0000001' }) });

/** Why the caller reads (required to see personal data unmasked). @example `purposeQuery.parse({ purpose: '回访' })` */
export const purposeQuery = z.object({ purpose: z.string().max(200).optional() });

const dossierEntry = z.looseObject({
  version: z.number().int(), type: z.string(), at: z.number(), title: text, note: z.string().optional(),
}).openapi('DossierEntry');

/**
 * One case's file (一件一档) as the caller may see it, the case summary and the commands the
 * caller may run on it now.
 *
 * @example
 * ```ts
 * const f: CaseFile = await client.caseFile('PT-0000001');
 * f.dossier.entries.length;
 * ```
 */
export const caseFileSchema = z.object({
  case: caseSummarySchema,
  /** The workflow flags the case-actions element reads. */
  state: z.object({
    handler: z.string().nullable(), pending: z.string().nullable(), verified: z.boolean(), feedback: z.boolean(), followedUp: z.boolean(),
  }),
  dossier: z.looseObject({
    caseId: z.string(), node: z.looseObject({ code: z.string() }), steps: z.array(z.looseObject({})), entries: z.array(dossierEntry),
    intake: z.looseObject({ source: z.string(), urgency: z.string().optional(), address: z.string().optional(), lng: z.number().optional(), lat: z.number().optional(), reporter: z.string().optional() }).optional(),
  }).openapi('Dossier'),
  actions: z.array(z.string()),
}).openapi('CaseFile');

/**
 * A case command with its command id (idempotency: the same id twice runs once).
 *
 * @example
 * ```ts
 * commandBody.parse({ commandId: crypto.randomUUID(), command: { type: 'accept', caseId: 'PT-0000001', expectedVersion: 3 } });
 * ```
 */
export const commandBody = z.object({
  commandId: z.string().min(8).max(100),
  command: caseCommandSchema,
}).openapi('CommandRequest');

/** A new case: the `discover` command with its command id. @example `discoverBody.parse({ commandId: 'c-0001-aaaa', command: { type: 'discover', node: '…', source: 'patrol', description: '…' } })` */
export const discoverBody = z.object({
  commandId: z.string().min(8).max(100),
  command: commandSchemas.discover,
}).openapi('DiscoverRequest');

/**
 * What a command did: the case's new version and the events appended (or appended before,
 * for a repeated command id).
 *
 * @example
 * ```ts
 * const out: CommandResult = await client.command('PT-0000001', { type: 'accept', caseId: 'PT-0000001', expectedVersion: 3 });
 * ```
 */
export const commandResultSchema = z.object({
  caseId: z.string(),
  version: z.number().int(),
  duplicate: z.boolean(),
  events: z.array(z.object({ position: z.number().int(), version: z.number().int(), type: z.string(), at: z.number() })),
}).openapi('CommandResult');

/** The dashboard query. @example `dashboardQuery.parse({ node: '350302000000', period: '2025' })` */
export const dashboardQuery = z.object({
  node: z.string().min(1).max(40),
  period: period.optional(),
  topic: z.string().max(40).optional(),
  rankBy: z.string().max(60).optional(),
  trendRate: z.string().max(60).optional(),
});

const indicatorValue = {
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number().nullable(),
};
const periodInfo = z.looseObject({ unit: z.string(), key: z.number(), from: z.number(), to: z.number(), label: z.string() }).openapi('PeriodInfo');
const rankedNode = z.object({ rank: z.number().int(), node: z.number().int(), code: z.string(), name: text, ...indicatorValue }).openapi('RankedNode');

/**
 * The core's `DashboardSlice`: KPIs, trend, breakdown, ranking of children, levels and
 * coverage of one node and period.
 *
 * @example
 * ```ts
 * const s: DashboardSliceBody = await client.dashboard({ node: '350302000000', period: '2025' });
 * ```
 */
export const dashboardSliceSchema = z.looseObject({
  node: z.looseObject({ pos: z.number().int(), code: z.string(), name: text, level: z.string(), childCount: z.number().int() }),
  period: periodInfo,
  previous: periodInfo,
  asOf: z.number(),
  /** For the period that holds the server's now: the KPIs run to `until`, the previous period's to the same point of it. */
  span: z.object({ until: z.number(), previousUntil: z.number() }).optional(),
  kpis: z.array(z.looseObject({
    code: z.string(), name: text, unit: z.string(), ...indicatorValue,
    /** The same indicator over the previous period (over the same span of it, with `span`). */
    previous: z.object(indicatorValue),
    /** value − previous value (percentage points for percents), or null. */
    change: z.number().nullable(),
  })),
  trend: z.array(z.looseObject({ collected: z.number(), closed: z.number(), rate: z.number().nullable() })),
  breakdown: z.object({ by: z.enum(['category', 'topic']), items: z.array(z.looseObject({ key: z.number(), label: text, collected: z.number(), closed: z.number() })) }),
  ranking: z.looseObject({ indicator: z.string(), rows: z.array(rankedNode) }),
  levels: z.array(z.looseObject({ level: z.string(), closed: z.number() })),
  coverage: z.array(z.looseObject({ code: z.string(), name: text })),
}).openapi('DashboardSlice');

/** The ranking query. @example `rankingQuery.parse({ node: '350300000000', indicator: 'closeRate' })` */
export const rankingQuery = z.object({
  node: z.string().min(1).max(40),
  indicator: z.string().max(60).default('closeRate'),
  period: period.optional(),
  topic: z.string().max(40).optional(),
  level: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** A ranking of nodes. @example `rankingSchema.parse({ indicator: 'closeRate', rows: [] })` */
export const rankingSchema = z.object({ indicator: z.string(), rows: z.array(rankedNode) }).openapi('Ranking');

/** The lists the caller may see (records with a node: only those in scope). @example `listsSchema.parse({ policies: [], work: [], sectors: [], projects: [], responsibilities: [], empowered: [] })` */
export const listsSchema = z.object({
  policies: z.array(z.looseObject({ id: z.string() })),
  work: z.array(z.looseObject({ id: z.string() })),
  sectors: z.array(z.looseObject({ id: z.string() })),
  projects: z.array(z.looseObject({ id: z.string() })),
  responsibilities: z.array(z.looseObject({ id: z.string() })),
  empowered: z.array(z.looseObject({ id: z.string() })),
}).openapi('Lists');

/** The registry query. @example `registryQuery.parse({ purpose: '季度随访' })` */
export const registryQuery = z.object({
  purpose: z.string().min(1).max(200),
  overdueOnly: z.enum(['true', 'false']).optional(),
});

/** Registry records, masked for the caller. @example `registryListSchema.parse({ items: [] })` */
export const registryListSchema = z.object({ items: z.array(z.looseObject({ id: z.string() })) }).openapi('RegistryList');

/**
 * A registry command (enrol, assess, follow up, hand over, …): the core's `RegistryCommand`.
 *
 * @example
 * ```ts
 * registryBody.parse({ commandId: 'r-0001-aaaa', command: { type: 'followed-up', personId: 'p1', riskLevel: 1 } });
 * ```
 */
export const registryBody = z.object({
  commandId: z.string().min(8).max(100),
  command: z.looseObject({ type: z.enum(['enrolled', 'risk-assessed', 'followed-up', 'handed-over', 'notified', 'basis-recorded', 'moved', 'left']), personId: z.string().min(1).max(100) }),
}).openapi('RegistryRequest');

/** A registry command's result. @example `registryResultSchema.parse({ personId: 'p1', type: 'enrolled' })` */
export const registryResultSchema = z.object({ personId: z.string(), type: z.string() }).openapi('RegistryResult');

/** Who the caller is. @example `meSchema.parse({ id: 'gw-1', grants: [], scope: [] })` */
export const meSchema = z.object({
  id: z.string(),
  grants: z.array(z.object({ role: z.string(), node: z.string() })),
  scope: z.array(nodeSchema),
}).openapi('Me');

/** Health, with the server's clock (`now`, epoch ms: the figures' current period is the one holding it). @example `healthSchema.parse({ ok: true, position: 0, cases: 0, now: 0 })` */
export const healthSchema = z.object({ ok: z.boolean(), position: z.number().int(), cases: z.number().int(), now: z.number() }).openapi('Health');

/**
 * Outlines for the map: a GeoJSON FeatureCollection (WGS-84) whose features carry the node's
 * `code` in `properties`, the node's own area first, then its children's.
 *
 * @example
 * ```ts
 * geometrySchema.parse({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '350302000000' }, geometry: { type: 'Polygon', coordinates: [[[119, 25.4], [119.1, 25.4], [119, 25.5], [119, 25.4]]] } }] });
 * ```
 */
export const geometrySchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({
    type: z.literal('Feature'),
    properties: z.object({ code: z.string() }),
    geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.any()) }),
  })),
}).openapi('Geometry');

/** The live feed's query: resume after a position (or send `Last-Event-ID`). @example `feedQuery.parse({ after: '42' })` */
export const feedQuery = z.object({ after: z.coerce.number().int().min(0).optional() });

/**
 * One item of the live feed (the `data` of an SSE message whose `id` is the position).
 *
 * @example
 * ```ts
 * feedItemSchema.parse({ position: 1, caseId: 'JC-1', version: 1, type: 'discovered', at: 0, node: '…', status: 'discovered' });
 * ```
 */
export const feedItemSchema = z.object({
  position: z.number().int(), caseId: z.string(), version: z.number().int(), type: z.string(), at: z.number(), node: z.string(), status: z.string(),
}).openapi('FeedItem');

/** A person of the demo city one may sign in as. @example `personSchema.parse({ id: 'gw-1', name: { zh: '网格员', en: 'Grid worker' }, grants: [] })` */
export const personSchema = z.object({ id: z.string(), name: text, grants: z.array(z.object({ role: z.string(), node: z.string() })) }).openapi('Person');

/** The development sign-in request. @example `signinBody.parse({ person: 'to1-350302001000' })` */
export const signinBody = z.object({ person: z.string().min(3).max(100) });

/** A token. @example `tokenSchema.parse({ token: 'eyJ…', actor: { id: 'gw-1', grants: [] } })` */
export const tokenSchema = z.object({ token: z.string(), actor: z.object({ id: z.string(), grants: z.array(z.object({ role: z.string(), node: z.string() })) }) }).openapi('Token');

/** A node answer. @example `type N = NodeBody;` */
export type NodeBody = z.infer<typeof nodeSchema>;
/** The map's outlines of a node and its children. @example `const g: GeometryBody = await client.geometry(code);` */
export type GeometryBody = z.infer<typeof geometrySchema>;
/** A case list answer. @example `type L = CaseListBody;` */
export type CaseListBody = z.infer<typeof caseListSchema>;
/** A case summary. @example `type S = CaseSummary;` */
export type CaseSummary = z.infer<typeof caseSummarySchema>;
/** A case file answer. @example `type F = CaseFile;` */
export type CaseFile = z.infer<typeof caseFileSchema>;
/** A command result. @example `type R = CommandResult;` */
export type CommandResult = z.infer<typeof commandResultSchema>;
/** A dashboard slice answer. @example `type D = DashboardSliceBody;` */
export type DashboardSliceBody = z.infer<typeof dashboardSliceSchema>;
/** A ranking answer. @example `type R = RankingBody;` */
export type RankingBody = z.infer<typeof rankingSchema>;
/** The lists answer. @example `type L = ListsBody;` */
export type ListsBody = z.infer<typeof listsSchema>;
/** The registry answer. @example `type R = RegistryListBody;` */
export type RegistryListBody = z.infer<typeof registryListSchema>;
/** The caller. @example `type M = MeBody;` */
export type MeBody = z.infer<typeof meSchema>;
/** A feed item. @example `type F = FeedItemBody;` */
export type FeedItemBody = z.infer<typeof feedItemSchema>;
/** A person to sign in as. @example `type P = PersonBody;` */
export type PersonBody = z.infer<typeof personSchema>;
/** A token answer. @example `type T = TokenBody;` */
export type TokenBody = z.infer<typeof tokenSchema>;
/** Health. @example `type H = HealthBody;` */
export type HealthBody = z.infer<typeof healthSchema>;
