/**
 * The shapes of the core's records, as the entry checks of public functions test them
 * (`need(fn, 'state', state, 'object', LISTS)`): the fields a function reads first, so that a
 * wrong argument is an `E_ARGUMENT` at the door, not a `TypeError` inside. Internal.
 * @module
 */
import type { ArgKind } from './errors/args.js';

type Shape = Record<string, ArgKind>;

/** A funding ledger (`ListsState.funding`). @internal */
export const LEDGER: Shape = { sources: 'object', allocations: 'object', spendings: 'object' };
/** The lists' state (`emptyLists()`, `replayLists`). @internal */
export const LISTS: Shape = {
  policies: 'object', work: 'object', sectors: 'object', projects: 'object', responsibilities: 'object', empowered: 'object',
  funding: 'object', 'funding.sources': 'object', 'funding.allocations': 'object', 'funding.spendings': 'object', version: 'number',
};
/** The registry's state (`emptyRegistry()`, `replayRegistry`). @internal */
export const REGISTRY: Shape = { persons: 'map', version: 'number' };
/** A person of the registry. @internal */
export const PERSON: Shape = { id: 'string', group: 'string', node: 'string', enrolledAt: 'time', followUps: 'array', handovers: 'array', status: 'string' };
/** A case state (the fields the deadline functions read). @internal */
export const CASE: Shape = { id: 'string', status: 'string', version: 'number', node: 'string' };
/** A local date `{ y, m, d }`. @internal */
export const DAY: Shape = { y: 'integer', m: 'integer', d: 'integer' };
/** An actor: an id and role grants. @internal */
export const ACTOR: Shape = { id: 'string', roles: 'array' };
/** A hierarchy index (`buildHierarchy(...).value`). @internal */
export const HIERARCHY: Shape = { config: 'object', indexOf: 'function', code: 'function', size: 'number' };
/** The engagement ledgers (`foldLedger(...)`, or an engagement state). @internal */
export const ENGAGEMENT_LEDGER: Shape = { seq: 'number', accounts: 'map', transfers: 'array', itemTotals: 'map', stock: 'map' };
/** An engagement state (`emptyEngagementState()`). @internal */
export const ENGAGEMENT: Shape = { ...ENGAGEMENT_LEDGER, members: 'map', rosters: 'map', orders: 'map', claims: 'map' };
/** A working calendar (`createCalendar(...).value`). @internal */
export const CALENDAR: Shape = { offset: 'number', periods: 'array', dayMs: 'number', years: 'object', coverage: 'array' };
/** An alert state. @internal */
export const ALERT: Shape = { id: 'string', version: 'number', status: 'string', rule: 'string', node: 'string' };
/** A category table (`buildCategoryTable(...)`). @internal */
export const CATEGORIES: Shape = { list: 'array', get: 'function', indexOf: 'function' };
/** An alert rule set. @internal */
export const RULES: Shape = { city: 'string', rules: 'array' };
/** The coordinate systems a dataset may be in (`GeoCrs`). @internal */
export const CRS_NAMES = { WGS84: true, CGCS2000: true, GCJ02: true } as const;
