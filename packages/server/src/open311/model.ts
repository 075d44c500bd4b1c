/**
 * Open311 GeoReport v2 over the core: the service list generated from the category table,
 * the client keys, the status mapping from the case loop to Open311's `open`/`closed` and to
 * mySociety's extended statuses, and the W3C datetimes of the wire.
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { type Actor, type LocalizedText, type RoleGrant } from '@jiceng/core';
import {
  CASE_STATUS_LABELS, TERMINAL_STATUSES, URGENCIES, URGENCY_LABELS, type CaseSource, type CaseStatus, type Category, type CategoryTable,
} from '@jiceng/core/cases';
import { need } from '@jiceng/core/errors';

/**
 * A jurisdiction served: its Open311 id (what clients send as `jurisdiction_id`) and the
 * hierarchy node whose subtree it covers.
 *
 * @example
 * ```ts
 * const j: Open311Jurisdiction = { id: 'putian.gov.cn', node: '350300000000' };
 * ```
 */
export interface Open311Jurisdiction {
  id: string;
  node: string;
}

/**
 * One client application's key: who it is, the source its reports carry, the jurisdiction
 * it reports to, and the key itself only as its SHA-256 (hex). `grants` are extra grants the
 * city gives the application (a 12345 centre's app may register or follow up; see the guide).
 *
 * @example
 * ```ts
 * const k: Open311Key = { application: 'fixmystreet', sha256: open311KeyHash('s3cret…'), source: 'citizen', jurisdiction: 'putian.gov.cn' };
 * ```
 */
export interface Open311Key {
  /** The application's id (letters, digits, `.`, `_`, `-`): the actor is `open311:<application>`. */
  application: string;
  /** SHA-256 of the key, hex. */
  sha256: string;
  /** The source of its reports. */
  source: Extract<CaseSource, 'citizen' | 'hotline'>;
  /** The jurisdiction id it reports to. */
  jurisdiction: string;
  /** Extra grants (e.g. `{ role: 'county-officer', node }` to register on intake). */
  grants?: RoleGrant[];
}

/**
 * The SHA-256 (hex) a key is registered by.
 *
 * @example
 * ```ts
 * open311KeyHash('dev-key'); // '3b1c…' (64 hex digits)
 * ```
 */
export function open311KeyHash(key: string): string {
  need('open311KeyHash', 'key', key, 'string');
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * Finds the key an `api_key` names (constant-time comparison of the hashes).
 *
 * @example
 * ```ts
 * findKey(keys, 'dev-key')?.application;
 * ```
 */
export function findKey(keys: readonly Open311Key[], apiKey: string | undefined): Open311Key | undefined {
  if (!apiKey || apiKey.length > 500) return undefined;
  const h = Buffer.from(open311KeyHash(apiKey), 'hex');
  let found: Open311Key | undefined;
  for (const k of keys) {
    const b = Buffer.from(k.sha256, 'hex');
    if (b.length === h.length && timingSafeEqual(b, h)) found ??= k;
  }
  return found;
}

/**
 * The actor a key acts as: a citizen (or the hotline) on the jurisdiction's node, plus the
 * key's extra grants.
 *
 * @example
 * ```ts
 * keyActor(key, '350300000000').roles[0]; // { role: 'citizen', node: '350300000000' }
 * ```
 */
export function keyActor(key: Open311Key, node: string): Actor {
  return { id: `open311:${key.application}`, roles: [{ role: key.source === 'hotline' ? 'hotline-operator' : 'citizen', node }, ...(key.grants ?? [])] };
}

/**
 * One attribute of a service definition, as GeoReport v2 describes it.
 *
 * @example
 * ```ts
 * const a: Open311Attribute = { code: 'urgency', datatype: 'singlevaluelist', required: false, description: { zh: '紧急程度', en: 'Urgency' }, values: [] };
 * ```
 */
export interface Open311Attribute {
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  description: LocalizedText;
  /** For list types: the keys and their names. */
  values?: { key: string; name: LocalizedText }[];
}

/**
 * Which categories are offered as services, which are registered on intake, and extra
 * attributes per category.
 *
 * @example
 * ```ts
 * const s: Open311ServiceOptions = { public: ['city.rubbish', 'city.parking'], register: ['city.rubbish'] };
 * ```
 */
export interface Open311ServiceOptions {
  /** Category ids offered (default: {@link defaultPublic}). */
  public?: readonly string[];
  /** Category ids registered (立案) on intake when the key holds a grant that may register. Default none. */
  register?: readonly string[];
  /** Extra attributes by category id (every service has `urgency`). */
  attributes?: Readonly<Record<string, readonly Open311Attribute[]>>;
}

/** Topics whose categories residents report to the city (the rest — disputes, security, special populations… — go through people). */
const PUBLIC_TOPICS = new Set(['city-management', 'environment', 'infrastructure', 'work-safety', 'fire-safety', 'public-health', 'livelihood']);

/**
 * The default offer: every leaf category of a topic residents report (city management,
 * environment, infrastructure, safety, public health, livelihood).
 *
 * @example
 * ```ts
 * defaultPublic(ctx.categories).includes('city.rubbish'); // true
 * ```
 */
export function defaultPublic(table: CategoryTable): string[] {
  need('defaultPublic', 'table', table, 'object', { list: 'array', children: 'function' });
  return table.list.filter((c) => PUBLIC_TOPICS.has(c.topic) && table.children(c.id).length === 0).map((c) => c.id);
}

/**
 * A service as offered: its category, its group (the parent category), whether intake
 * registers it, and its attributes.
 *
 * @example
 * ```ts
 * services.get('city.rubbish')?.category.name.en; // 'Exposed rubbish'
 * ```
 */
export interface Open311Service {
  category: Category;
  group: Category | undefined;
  register: boolean;
  attributes: readonly Open311Attribute[];
}

/** The attribute every service has: the reporter's view of how urgent it is. @example `URGENCY_ATTRIBUTE.values?.map((v) => v.key); // ['normal', 'urgent', 'critical']` */
export const URGENCY_ATTRIBUTE: Open311Attribute = Object.freeze({
  code: 'urgency', datatype: 'singlevaluelist' as const, required: false,
  description: { zh: '紧急程度（立案时参考）', en: 'How urgent (a hint for registration)' },
  values: URGENCIES.map((u) => ({ key: u, name: URGENCY_LABELS[u] })),
});

/**
 * The services, by code (= category id), in table order.
 *
 * @example
 * ```ts
 * const services = buildServices(ctx.categories, { register: ['city.rubbish'] });
 * ```
 */
export function buildServices(table: CategoryTable, opts: Open311ServiceOptions = {}): Map<string, Open311Service> {
  const offered = new Set(opts.public ?? defaultPublic(table));
  const register = new Set(opts.register ?? []);
  const out = new Map<string, Open311Service>();
  for (const c of table.list) {
    if (!offered.has(c.id)) continue;
    const extra = opts.attributes?.[c.id] ?? [];
    out.set(c.id, { category: c, group: c.parent >= 0 ? table.list[c.parent] : undefined, register: register.has(c.id), attributes: [URGENCY_ATTRIBUTE, ...extra] });
  }
  return out;
}

/**
 * GeoReport v2's two statuses: a case is `closed` once it has left the loop (closed,
 * rejected, merged into another or void), `open` before.
 *
 * @example
 * ```ts
 * open311Status('handling'); // 'open'
 * ```
 */
export function open311Status(s: CaseStatus): 'open' | 'closed' {
  return TERMINAL_STATUSES.has(s) ? 'closed' : 'open';
}

/** mySociety's extended statuses that Jiceng answers with. @example `const s: ExtendedStatus = 'action_scheduled';` */
export type ExtendedStatus = 'open' | 'investigating' | 'action_scheduled' | 'in_progress' | 'fixed' | 'closed' | 'duplicate' | 'not_councils_responsibility' | 'reopen';

/**
 * The extended status of each case status (mySociety's `servicerequestupdates`). A case
 * reopened reads `reopen` until its next step.
 *
 * @example
 * ```ts
 * EXTENDED_STATUS.dispatched; // 'action_scheduled'
 * ```
 */
export const EXTENDED_STATUS: Readonly<Record<CaseStatus, ExtendedStatus>> = Object.freeze({
  discovered: 'open', // 上报: received, not yet registered
  registered: 'investigating', // 立案: accepted, being assessed for dispatch
  dispatched: 'action_scheduled', // 派遣: a body is assigned
  handling: 'in_progress', // 处置
  suspended: 'in_progress', // 挂账: still the city's, paused
  handled: 'fixed', // 处置完毕, awaiting 核查
  verified: 'fixed', // 核查 passed, awaiting 回访
  followup: 'fixed', // 回访 done, awaiting 办结
  closed: 'closed', // 结案
  rejected: 'not_councils_responsibility', // 不予立案: not the city's to handle
  duplicate: 'duplicate',
  void: 'closed',
});

/**
 * The status in words (`status_notes`): zh, then en.
 *
 * @example
 * ```ts
 * statusNotes('handling'); // '处置中 (Being handled)'
 * ```
 */
export function statusNotes(s: CaseStatus): string {
  const l = CASE_STATUS_LABELS[s];
  return `${l.zh} (${l.en})`;
}
