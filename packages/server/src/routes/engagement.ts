/**
 * Engagement routes (群众点单、社区派单、党员接单, the time bank, points): the core's
 * `@jiceng/core/engagement` over the store. Every engagement event is appended once to one
 * stream (`engagement-main`, stream type `engagement`) with the stream's version as the
 * expected version and the caller's command id (namespaced by the caller) as the store's
 * idempotency key, so a retried command never pays twice; the record follows the store's feed,
 * so events appended by another server appear here too. Reads are scoped per actor: officers
 * see orders, members and accounts under their grants; a resident sees the orders they placed,
 * a member the orders dispatched to them and their own accounts; names and ids of other people
 * are masked. The live feed (`/api/engagement/feed`) carries ids, node and status only.
 * @module
 */
import { createHash } from 'node:crypto';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { Context } from 'hono';
import { type HierarchyIndex } from '@jiceng/core';
import { maskName, maskText, type Access } from '@jiceng/core/access';
import { need } from '@jiceng/core/errors';
import {
  accountStatement, applyEngagement, decideEngagement, DEFAULT_ENGAGEMENT_POLICY, emptyEngagementState, ENGAGEMENT_COMMAND_TYPES,
  participation, pendingOf, pointsAccountOf, suggestCandidates, timeAccountOf,
  type AnyEngagementEvent, type EngagementContext, type EngagementState, type OrderState,
} from '@jiceng/core/engagement';
import type { EventStore, NewEvent, StoredEvent } from '@jiceng/store';
import { ApiError, type ErrorStatus } from '../errors.js';
import type { ApiEnv } from '../env.js';
import type { LiveRecord } from '../record.js';
import { pumpFeed } from '../feed.js';
import { err, json, nodeAt, refusalOf, security } from './common.js';

/** The store stream that holds every engagement event. @example `ENGAGEMENT_STREAM; // 'engagement-main'` */
export const ENGAGEMENT_STREAM = 'engagement-main';

/**
 * One engagement change as the live feed carries it: where, which order (if any) and its status
 * after the change — never names, descriptions or amounts.
 *
 * @example
 * ```ts
 * const it: EngagementFeedItem = { position: 4600200, seq: 7, type: 'orderDispatched', at: 0, node: '350302001001', order: 'o-1', status: 'dispatched' };
 * ```
 */
export interface EngagementFeedItem {
  position: number;
  seq: number;
  type: string;
  at: number;
  node: string;
  order: string | null;
  status: string | null;
}

/**
 * A feed item as the record keeps it: the item and the actors it concerns (who see it whatever
 * their scope); `parties` never leaves the server.
 *
 * @example
 * ```ts
 * const k: EngagementFeedEntry = { item, parties: ['re1-350302001001001', 'pm1-350302001001'] };
 * ```
 */
export interface EngagementFeedEntry { item: EngagementFeedItem; parties: readonly string[] }
type Kept = EngagementFeedEntry;

/**
 * What an engagement command did.
 *
 * @example
 * ```ts
 * const o: EngagementOutcome = { duplicate: false, seq: 12, events: [{ position: 4600200, seq: 12, type: 'orderAccepted', at: 0 }] };
 * ```
 */
export interface EngagementOutcome {
  /** True if the command id had been used before by the caller (nothing was appended). */
  duplicate: boolean;
  /** The engagement stream's version after the command. */
  seq: number;
  events: { position: number; seq: number; type: string; at: number }[];
}

const STATUS: Record<string, ErrorStatus> = {
  E_NOT_ASSIGNEE: 403, E_NOT_RESIDENT: 403, E_SELF_CONFIRM: 403, E_SELF_APPROVE: 403, E_SELF_SERVE: 403, E_NOT_OWNER: 403,
  E_NO_ORDER: 404, E_NO_MEMBER: 404, E_NO_ACCOUNT: 404, E_NO_CLAIM: 404, E_NO_ROSTER: 404,
  E_WRONG_STATE: 409, E_ORDER_EXISTS: 409, E_CLAIM_EXISTS: 409, E_ACCOUNT_EXISTS: 409, E_ROSTER_EXISTS: 409, E_SETTLED: 409, E_CLAIM_DECIDED: 409,
};
/** The core's refusal as an answer: permission codes 403, missing records 404, a state conflict 409, the rest as the server maps them. */
const refusal = refusalOf(STATUS);

/** The command id the core and the store see: the caller's id and theirs, hashed (bounded, and no caller can use up another's id). */
function scopedCommandId(actorId: string, commandId: string): string {
  return `eng-${createHash('sha256').update(`${actorId}\u0000${commandId}`).digest('hex').slice(0, 40)}`;
}

function toNew(e: AnyEngagementEvent): NewEvent {
  return { type: e.type, data: e.data, meta: { actor: e.actor, role: e.role, roleNode: e.roleNode, commandId: e.commandId }, time: e.at };
}
function fromStored(s: StoredEvent): AnyEngagementEvent {
  const m = s.meta;
  return {
    seq: s.version, type: s.type, at: s.time, actor: String(m.actor ?? ''), role: String(m.role ?? ''), roleNode: typeof m.roleNode === 'string' ? m.roleNode : '',
    commandId: String(m.commandId ?? ''), data: s.data,
  } as AnyEngagementEvent;
}

/**
 * The engagement state folded from the store and kept current from its feed, the command path
 * (decide in the core, append with the expected version and command id, fold) and the live
 * feed's items.
 *
 * @example
 * ```ts
 * const eng = await EngagementRecord.open(store, { hierarchy, calendar, clock: Date.now });
 * eng.state.orders.size;
 * ```
 */
export class EngagementRecord {
  /** The folded state (read only). */
  readonly state: EngagementState = emptyEngagementState();
  /** The last global position folded in. */
  position = 0;
  private readonly kept: Kept[] = [];
  private readonly byCommand = new Map<string, EngagementOutcome['events']>();
  private readonly listeners = new Set<(items: Kept[]) => void>();
  private catching: Promise<void> = Promise.resolve();
  private lock: Promise<unknown> = Promise.resolve();
  private stop: (() => void) | undefined;

  private constructor(private readonly store: EventStore, readonly ctx: EngagementContext) {}

  /**
   * Folds the engagement stream and follows the store's feed.
   *
   * @example
   * ```ts
   * const eng = await EngagementRecord.open(store, ctx);
   * ```
   */
  static async open(store: EventStore, ctx: EngagementContext): Promise<EngagementRecord> {
    const r = new EngagementRecord(store, ctx);
    await r.catchUp();
    r.stop = store.subscribe(r.position, () => { void r.catchUp().catch(() => undefined); }, { streamTypes: ['engagement'] });
    return r;
  }

  /** Stops following the feed. @example `eng.close();` */
  close(): void {
    this.stop?.();
    this.listeners.clear();
  }

  /** Folds what the store holds after {@link position} (one catch-up at a time). @example `await eng.catchUp();` */
  catchUp(): Promise<void> {
    const run = this.catching.then(async () => {
      for (;;) {
        const batch = await this.store.readFeed({ after: this.position, limit: 5000, streamTypes: ['engagement'] });
        if (batch.length === 0) return;
        const fresh: Kept[] = [];
        for (const s of batch) {
          this.position = Math.max(this.position, s.position);
          if (s.streamId !== ENGAGEMENT_STREAM || s.version !== this.state.seq + 1) continue;
          const e = fromStored(s);
          const k = this.itemOf(e, s.position);
          applyEngagement(this.state, e, this.ctx.calendar.offset);
          if (k.item.order !== null) k.item.status = this.state.orders.get(k.item.order)?.status ?? null;
          this.kept.push(k);
          fresh.push(k);
          const list = this.byCommand.get(e.commandId) ?? [];
          list.push({ position: s.position, seq: e.seq, type: e.type, at: e.at });
          this.byCommand.set(e.commandId, list);
        }
        if (fresh.length) for (const l of this.listeners) l(fresh);
      }
    });
    this.catching = run.catch(() => undefined);
    return run;
  }

  /** Where an event happened and who took part (computed before it is applied). */
  private itemOf(e: AnyEngagementEvent, position: number): Kept {
    const s = this.state;
    const d = e.data as Record<string, unknown>;
    let node = '';
    let order: string | null = null;
    const parties = new Set<string>([e.actor]);
    const ownerOf = (account: unknown) => {
      const a = typeof account === 'string' ? s.accounts.get(account) ?? s.accounts.get(account.replace(/~pending$/, '')) : undefined;
      if (a && (a.kind === 'person' || a.kind === 'household' || a.kind === 'pending')) {
        parties.add(a.owner);
        node ||= a.node;
      }
    };
    if (typeof d.order === 'string' && e.type !== 'transferPosted') {
      order = d.order;
      const o = s.orders.get(order);
      node = o?.node ?? (typeof d.node === 'string' ? d.node : '');
      if (o) {
        parties.add(o.resident);
        if (o.member) parties.add(o.member);
      }
      if (typeof d.member === 'string') parties.add(d.member);
    } else if (typeof d.member === 'string') {
      node = typeof d.node === 'string' ? d.node : (s.members.get(d.member)?.node ?? '');
      parties.add(d.member);
    } else if (typeof d.roster === 'string') {
      const r = s.rosters.get(d.roster);
      node = typeof d.node === 'string' ? d.node : (r?.node ?? '');
      for (const m of (d.members as string[] | undefined) ?? r?.members ?? []) parties.add(m);
    } else if (typeof d.claim === 'string' && e.type !== 'transferPosted') {
      const c = s.claims.get(d.claim);
      ownerOf(d.account ?? c?.account);
    } else if (e.type === 'transferPosted') {
      for (const m of e.data.movements) ownerOf(m.account);
    } else if (e.type === 'accountOpened') {
      node = e.data.node;
      parties.add(e.data.owner);
    } else node = typeof d.node === 'string' ? d.node : '';
    return { item: { position, seq: e.seq, type: e.type, at: e.at, node, order, status: null }, parties: [...parties] };
  }

  /** The feed's items after `position`, oldest first (`parties` are the actors they concern). @example `eng.itemsAfter(0).length;` */
  itemsAfter(position: number): Kept[] {
    let lo = 0, hi = this.kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.kept[mid].item.position <= position) lo = mid + 1;
      else hi = mid;
    }
    return this.kept.slice(lo);
  }

  /** Listens to the items folded from now on; gives the function that stops it. @example `const stop = eng.listen((ks) => console.log(ks.length));` */
  listen(fn: (items: Kept[]) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /**
   * Runs a command for `actor`: decided by the core (validation, role, scope, identity,
   * separation of duties, floors and caps), appended to the engagement stream with the
   * expected version and the command id, folded. The same command id from the same actor
   * gives the first outcome again (`duplicate: true`) and appends nothing. Commands of this
   * server run one at a time; a conflict with another server's append is decided again.
   *
   * @example
   * ```ts
   * await eng.execute(resident, { type: 'placeOrder', order: 'o-1', node, category: 'repair', from, to, description: '水管漏水' }, 'k-1');
   * ```
   */
  execute(actor: { id: string; roles: { role: string; node: string }[] }, command: Record<string, unknown>, commandId: string): Promise<EngagementOutcome> {
    const run = this.lock.then(async () => {
      const id = scopedCommandId(actor.id, commandId);
      for (let attempt = 0; attempt < 4; attempt++) {
        await this.catchUp();
        const earlier = this.byCommand.get(id);
        if (earlier) return { duplicate: true, seq: this.state.seq, events: earlier };
        const r = decideEngagement(this.state, { ...command, commandId: id }, actor, this.ctx);
        if (!r.ok) throw refusal(r.errors);
        if (r.value.length === 0) throw refusal([{ code: 'E_INVALID_INPUT', zh: '该操作不产生记录', en: 'the command records nothing' }]);
        const a = await this.store.append(ENGAGEMENT_STREAM, r.value.map(toNew), { expectedVersion: this.state.seq, commandId: id, streamType: 'engagement' });
        if (!a.ok) continue; // another server appended first: fold it and decide again
        await this.catchUp();
        return { duplicate: a.duplicate, seq: this.state.seq, events: a.events.map((e) => ({ position: e.position, seq: e.version, type: e.type, at: e.time })) };
      }
      throw new ApiError(409, { error: { code: 'E_STALE_VERSION', zh: '记录正被他人修改，请重试', en: 'the record is being changed by others: retry', currentVersion: this.state.seq } });
    });
    this.lock = run.catch(() => undefined);
    return run;
  }
}

// ------------------------------------------------------------------ schemas
const time = z.number().nullable();
/** An order as the API answers it (times epoch ms; null: not yet). @example `engagementOrderSchema.shape.status.parse('dispatched')` */
export const engagementOrderSchema = z.object({
  id: z.string(), status: z.enum(['ordered', 'dispatched', 'accepted', 'completed', 'confirmed', 'cancelled']), node: z.string(),
  category: z.string(), description: z.string(), resident: z.string(), from: z.number(), to: z.number(), orderedAt: z.number(),
  dispatchDueAt: z.number(), dueAt: z.number(), member: z.string().nullable(), dispatchedAt: time, acceptedAt: time, completedAt: time,
  confirmedAt: time, hours: z.number(), credited: z.number(), rating: z.number(), declinedBy: z.array(z.string()),
}).openapi('EngagementOrder');
/** A reported member (报到). @example `engagementMemberSchema.shape.kind.parse('capable')` */
export const engagementMemberSchema = z.object({
  id: z.string(), name: z.string(), kind: z.enum(['party-member', 'capable']), node: z.string(), home: z.string().nullable(),
  skills: z.array(z.string()), days: z.array(z.number().int()), active: z.boolean(), load: z.number().int(), served: z.number().int(), hours: z.number(),
}).openapi('EngagementMember');
/** A member suggested for an order and why. @example `engagementCandidateSchema.parse({ member: 'pm1-1', name: '林志明', skill: true, available: true, distance: 1, load: 0 })` */
export const engagementCandidateSchema = z.object({
  member: z.string(), name: z.string(), skill: z.boolean(), available: z.boolean(), distance: z.number().int().min(0).max(3), load: z.number().int(),
}).openapi('EngagementCandidate');
/** One of the caller's accounts. @example `engagementAccountSchema.parse({ account: 'time:pm1-1', ledger: 'time', balance: 2, pending: null, floor: 0, cap: 600 })` */
export const engagementAccountSchema = z.object({
  account: z.string(), ledger: z.enum(['time', 'points']), balance: z.number(), pending: z.number().nullable(), floor: z.number().nullable(), cap: z.number().nullable(),
}).openapi('EngagementAccount');
/** The caller as a member, and their accounts. @example `engagementMeSchema.parse({ member: null, accounts: [] })` */
export const engagementMeSchema = z.object({ member: engagementMemberSchema.nullable(), accounts: z.array(engagementAccountSchema) }).openapi('EngagementMe');
/** One line of a statement. @example `engagementLineSchema.parse({ seq: 9, at: 0, transfer: 'k:earn', kind: 'earn', amount: 2, balance: 2, counterparty: 'time:issuer' })` */
export const engagementLineSchema = z.object({
  seq: z.number().int(), at: z.number(), transfer: z.string(), kind: z.string(), amount: z.number(), balance: z.number(), counterparty: z.string(),
  item: z.string().optional(), qty: z.number().optional(), order: z.string().optional(), memo: z.string().optional(),
});
/** A statement of hours or points. @example `engagementStatementSchema.shape.ledger.parse('time')` */
export const engagementStatementSchema = z.object({
  account: z.string(), ledger: z.enum(['time', 'points']), owner: z.string(), floor: z.number().nullable(), cap: z.number().nullable(),
  opening: z.number(), closing: z.number(), credits: z.number(), debits: z.number(), lines: z.array(engagementLineSchema), redemptions: z.array(engagementLineSchema),
  pending: z.number().nullable(),
}).openapi('EngagementStatement');
/** One row of participation (a grid, village or town). @example `engagementParticipationSchema.shape.satisfaction.parse(null)` */
export const engagementParticipationSchema = z.object({
  node: z.string(), name: z.string(), reported: z.number().int(), expected: z.number().nullable(), reportRate: z.number().nullable(),
  active: z.number().int(), hours: z.number(), orders: z.number().int(), ordersPerMember: z.number(), satisfaction: z.number().nullable(), points: z.number(),
}).openapi('EngagementParticipation');
/** One row of the member ranking (others' names masked, ids withheld). @example `engagementMemberRankSchema.parse({ rank: 1, member: null, name: '林*明', self: false, points: 2, hours: 2, orders: 1 })` */
export const engagementMemberRankSchema = z.object({
  rank: z.number().int(), member: z.string().nullable(), name: z.string(), self: z.boolean(), points: z.number(), hours: z.number(), orders: z.number().int(),
}).openapi('EngagementMemberRank');
/** One item of the engagement feed. @example `engagementFeedItemSchema.parse({ position: 1, seq: 1, type: 'orderPlaced', at: 0, node: '350302001001001', order: 'o-1', status: 'ordered' })` */
export const engagementFeedItemSchema = z.object({
  position: z.number().int(), seq: z.number().int(), type: z.string(), at: z.number(), node: z.string(), order: z.string().nullable(), status: z.string().nullable(),
}).openapi('EngagementFeedItem');
/** An engagement command with the caller's command id. @example `engagementCommandBody.parse({ commandId: 'k-0001-aaaa', command: { type: 'acceptOrder', order: 'o-1' } })` */
export const engagementCommandBody = z.object({
  commandId: z.string().min(8).max(100),
  command: z.looseObject({ type: z.enum(ENGAGEMENT_COMMAND_TYPES as unknown as [string, ...string[]]) }),
}).openapi('EngagementCommandRequest');
/** What an engagement command did. @example `engagementOutcomeSchema.parse({ duplicate: false, seq: 1, events: [] })` */
export const engagementOutcomeSchema = z.object({
  duplicate: z.boolean(), seq: z.number().int(),
  events: z.array(z.object({ position: z.number().int(), seq: z.number().int(), type: z.string(), at: z.number() })),
}).openapi('EngagementCommandResult');
const ordersQuery = z.object({
  node: z.string().min(1).max(40).optional(), status: engagementOrderSchema.shape.status.optional(), mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).default(0),
});
const nodeQuery = z.object({ node: z.string().min(1).max(40), limit: z.coerce.number().int().min(1).max(2000).default(200) });
const rankingQuery = z.object({
  node: z.string().min(1).max(40), level: z.string().min(1).max(20).default('village'),
  sortBy: z.enum(['hours', 'reportRate', 'active', 'ordersPerMember', 'satisfaction', 'points', 'reported']).default('points'),
});
const statementQuery = z.object({ from: z.coerce.number().optional(), to: z.coerce.number().optional() });

/** An order as the API answers it. @example `type O = EngagementOrderBody;` */
export type EngagementOrderBody = z.infer<typeof engagementOrderSchema>;
/** A reported member. @example `type M = EngagementMemberBody;` */
export type EngagementMemberBody = z.infer<typeof engagementMemberSchema>;
/** A suggested member. @example `type C = EngagementCandidateBody;` */
export type EngagementCandidateBody = z.infer<typeof engagementCandidateSchema>;
/** The caller's member record and accounts. @example `type M = EngagementMeBody;` */
export type EngagementMeBody = z.infer<typeof engagementMeSchema>;
/** A statement of hours or points. @example `type S = EngagementStatementBody;` */
export type EngagementStatementBody = z.infer<typeof engagementStatementSchema>;
/** One row of participation. @example `type P = EngagementParticipationBody;` */
export type EngagementParticipationBody = z.infer<typeof engagementParticipationSchema>;
/** One row of the member ranking. @example `type R = EngagementMemberRankBody;` */
export type EngagementMemberRankBody = z.infer<typeof engagementMemberRankSchema>;
/** One item of the engagement feed. @example `type F = EngagementFeedItemBody;` */
export type EngagementFeedItemBody = z.infer<typeof engagementFeedItemSchema>;
/** A command's result. @example `type R = EngagementOutcomeBody;` */
export type EngagementOutcomeBody = z.infer<typeof engagementOutcomeSchema>;

const E = {
  401: err('No or bad bearer token'), 403: err('Outside the caller\'s scope or role, or not theirs to do'), 404: err('Not found'),
  409: err('The order, claim or account is not in a state that allows it'), 422: err('Invalid input: per-field messages in zh and en'),
} as const;
const tags = ['engagement'];

/**
 * What {@link mountEngagement} needs: the live record (its hierarchy, calendar and store) and
 * the server's clock.
 *
 * @example
 * ```ts
 * mountEngagement(app, { record, clock: () => Date.now() });
 * ```
 */
export interface EngagementDeps {
  record: LiveRecord;
  clock: () => number;
  /** Heartbeat interval of the live feed, ms. Default 15 s. */
  heartbeatMs?: number;
  /** Longest replay of the live feed before a client is told to reload. Default 10,000 items. */
  maxReplay?: number;
}

/**
 * Mounts the engagement routes on the API: orders and their commands, candidate suggestion,
 * members, the caller's accounts and statements, participation rankings and the live feed.
 * The engagement record is folded from the store on first use.
 *
 * @example
 * ```ts
 * const app = createApp({ record, auth }); // createApp calls mountEngagement(app, { record, clock })
 * ```
 */
export function mountEngagement(app: OpenAPIHono<ApiEnv>, deps: EngagementDeps): void {
  need('mountEngagement', 'app', app, 'object', { openapi: 'function' });
  need('mountEngagement', 'deps', deps, 'object', { record: 'object', 'record.hierarchy': 'object', clock: 'function' });
  const { record, clock } = deps;
  const h: HierarchyIndex = record.hierarchy;
  const policy = DEFAULT_ENGAGEMENT_POLICY;
  const officerRoles = new Set([...(policy.dispatchOrder ?? []), ...(policy.decideClaim ?? []), 'county-officer', 'city-officer']);
  let opening: Promise<EngagementRecord> | undefined;
  const live = (): Promise<EngagementRecord> => {
    if (!opening) {
      opening = EngagementRecord.open(record.eventStore, { hierarchy: h, calendar: record.city.ctx.calendar, clock });
      opening.then((r) => record.listen(() => undefined, () => r.close()), () => { opening = undefined; });
    }
    return opening;
  };

  const nodeOf = (code: string): number => nodeAt(h, code);
  /** True if the caller holds an officer's grant at `pos` or above it. */
  const officerAt = (access: Access, pos: number): boolean => pos >= 0 && access.actor.roles.some((g) => {
    if (!officerRoles.has(g.role)) return false;
    const at = h.indexOf(g.node);
    return at >= 0 && h.isAncestor(at, pos);
  });
  /** Rankings of a node: for those whose scope or grants cover it, and for a member, of the village they reported to and above it. */
  const mayRank = (access: Access, pos: number, s: EngagementState): boolean => {
    if (access.scope.inScope(pos) || officerAt(access, pos)) return true;
    const m = s.members.get(access.actor.id);
    const at = m?.active ? h.indexOf(m.node) : -1;
    return at >= 0 && h.isAncestor(pos, at);
  };
  /** The node a ranking is asked for and the engagement record, if the caller may rank that node. */
  const rankedAt = async (access: Access, code: string): Promise<{ pos: number; eng: EngagementRecord }> => {
    const pos = nodeOf(code);
    const eng = await live();
    if (!mayRank(access, pos, eng.state)) throw ApiError.of('E_OUT_OF_SCOPE');
    return { pos, eng };
  };
  const maskId = (id: string) => (id.length <= 4 ? '***' : `${id.slice(0, 3)}***${id.slice(-2)}`);
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  const orderBody = (access: Access, o: OrderState): EngagementOrderBody => {
    const me = access.actor.id;
    const staff = officerAt(access, h.indexOf(o.node));
    const full = staff || me === o.resident;
    return {
      id: o.id, status: o.status, node: o.node, category: o.category, description: full ? o.description : maskText(o.description),
      resident: full ? o.resident : maskId(o.resident), from: o.from, to: o.to, orderedAt: o.orderedAt, dispatchDueAt: o.dispatchDueAt, dueAt: o.dueAt,
      member: o.member === null || staff || o.member === me ? o.member : maskId(o.member), dispatchedAt: finite(o.dispatchedAt), acceptedAt: finite(o.acceptedAt),
      completedAt: finite(o.completedAt), confirmedAt: finite(o.confirmedAt), hours: o.hours, credited: o.credited, rating: o.rating,
      declinedBy: staff ? o.declinedBy : o.declinedBy.filter((m) => m === me),
    };
  };
  const sees = (access: Access, o: OrderState) => o.resident === access.actor.id || o.member === access.actor.id || officerAt(access, h.indexOf(o.node));
  const memberBody = (m: EngagementState['members'] extends Map<string, infer M> ? M : never, name = m.name): EngagementMemberBody => ({
    id: m.id, name, kind: m.kind, node: m.node, home: m.home, skills: m.skills, days: m.days, active: m.active, load: m.load, served: m.served, hours: m.hours,
  });
  const accountBody = (s: EngagementState, id: string) => {
    const a = s.accounts.get(id);
    if (!a) return [];
    const pend = a.ledger === 'points' ? s.accounts.get(pendingOf(id))?.balance ?? 0 : null;
    return [{ account: id, ledger: a.ledger, balance: a.balance, pending: pend, floor: a.floor, cap: a.cap }];
  };

  app.openapi(createRoute({
    method: 'get', path: '/api/engagement/orders', tags, summary: 'Service orders the caller may see (staff: under their grants; residents: their own; members: dispatched to them), newest first', security,
    request: { query: ordersQuery }, responses: { 200: json(z.object({ total: z.number().int(), items: z.array(engagementOrderSchema) }), 'A page of orders'), 401: E[401], 403: E[403], 404: E[404], 422: E[422] },
  }), async (c) => {
    const q = c.req.valid('query');
    const access = c.var.access;
    const eng = await live();
    let from = 0, to = h.size;
    if (q.node) {
      const pos = nodeOf(q.node);
      if (!officerAt(access, pos) && !access.scope.inScope(pos)) throw ApiError.of('E_OUT_OF_SCOPE');
      from = pos; to = h.ends[pos];
    }
    const mine = q.mine === 'true';
    const rows: OrderState[] = [];
    for (const o of eng.state.orders.values()) {
      if (q.status && o.status !== q.status) continue;
      const pos = h.indexOf(o.node);
      if (pos < from || pos >= to) continue;
      if (mine ? o.resident !== access.actor.id && o.member !== access.actor.id : !sees(access, o)) continue;
      rows.push(o);
    }
    rows.reverse();
    return c.json({ total: rows.length, items: rows.slice(q.offset, q.offset + q.limit).map((o) => orderBody(access, o)) }, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/engagement/orders/{id}/candidates', tags, summary: 'Members suggested for an order (skill, availability, distance, load): for the staff who dispatch it', security,
    request: { params: z.object({ id: z.string().min(1).max(100) }) }, responses: { 200: json(z.array(engagementCandidateSchema), 'Best first'), 401: E[401], 403: E[403], 404: E[404] },
  }), async (c) => {
    const access = c.var.access;
    const eng = await live();
    const o = eng.state.orders.get(c.req.valid('param').id);
    if (!o || !sees(access, o)) throw refusal([{ code: 'E_NO_ORDER', zh: '订单不存在', en: 'no such order' }]);
    if (!officerAt(access, h.indexOf(o.node))) throw ApiError.of('E_OUT_OF_SCOPE');
    const cands = suggestCandidates(eng.state, o, h, { limit: 5, offsetMs: eng.ctx.calendar.offset });
    return c.json(cands.map((k) => ({ ...k, name: eng.state.members.get(k.member)?.name ?? k.member })), 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/engagement/members', tags, summary: 'Members reported to villages under a node (staff of that node only)', security,
    request: { query: nodeQuery }, responses: { 200: json(z.array(engagementMemberSchema), 'Members'), 401: E[401], 403: E[403], 404: E[404], 422: E[422] },
  }), async (c) => {
    const q = c.req.valid('query');
    const access = c.var.access;
    const pos = nodeOf(q.node);
    if (!officerAt(access, pos)) throw ApiError.of('E_OUT_OF_SCOPE');
    const eng = await live();
    const out: EngagementMemberBody[] = [];
    for (const m of eng.state.members.values()) {
      const p = h.indexOf(m.node);
      if (p >= pos && p < h.ends[pos]) out.push(memberBody(m));
      if (out.length >= q.limit) break;
    }
    return c.json(out, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/engagement/me', tags, summary: 'The caller as a reported member (if they are) and their time-bank and points accounts', security,
    responses: { 200: json(engagementMeSchema, 'The caller'), 401: E[401] },
  }), async (c) => {
    const id = c.var.access.actor.id;
    const eng = await live();
    const m = eng.state.members.get(id);
    return c.json({ member: m ? memberBody(m) : null, accounts: [...accountBody(eng.state, timeAccountOf(id)), ...accountBody(eng.state, pointsAccountOf(id))] }, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/engagement/accounts/{account}/statement', tags, summary: 'A statement of an account (its owner, or staff above the account\'s village)', security,
    request: { params: z.object({ account: z.string().min(1).max(120) }), query: statementQuery },
    responses: { 200: json(engagementStatementSchema, 'The statement'), 401: E[401], 403: E[403], 404: E[404], 422: E[422] },
  }), async (c) => {
    const { account } = c.req.valid('param');
    const q = c.req.valid('query');
    const access = c.var.access;
    const eng = await live();
    const a = eng.state.accounts.get(account);
    const mayRead = a && (a.kind === 'person' || a.kind === 'household') && (a.owner === access.actor.id || officerAt(access, h.indexOf(a.node)));
    if (!a || !mayRead) throw refusal([{ code: 'E_NO_ACCOUNT', zh: '账户不存在', en: 'no such account' }]);
    const range = q.from !== undefined || q.to !== undefined ? { from: q.from ?? -Infinity, to: q.to ?? Infinity } : undefined;
    return c.json(accountStatement(eng.state, account, range)!, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/engagement/ranking', tags, summary: 'Participation per grid, village or town under a node in scope: 报到, active members, hours, orders per member, satisfaction, points', security,
    request: { query: rankingQuery }, responses: { 200: json(z.array(engagementParticipationSchema), 'Ranked rows'), 401: E[401], 403: E[403], 404: E[404], 422: E[422] },
  }), async (c) => {
    const q = c.req.valid('query');
    const { eng } = await rankedAt(c.var.access, q.node);
    if (!h.config.levels.some((l) => l.id === q.level)) throw ApiError.fromIssues([{ code: 'E_UNKNOWN_LEVEL', zh: '层级不存在', en: 'no such level', column: 'level' }]);
    const rows = participation(eng.state, h, q.node, q.level, { sortBy: q.sortBy });
    return c.json(rows.map((r) => ({ ...r, satisfaction: finite(r.satisfaction) })), 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/engagement/ranking/members', tags, summary: 'Members under a node in scope ranked by points (settled + pending); other people\'s names masked, ids withheld', security,
    request: { query: nodeQuery }, responses: { 200: json(z.array(engagementMemberRankSchema), 'Ranked members'), 401: E[401], 403: E[403], 404: E[404], 422: E[422] },
  }), async (c) => {
    const q = c.req.valid('query');
    const { pos, eng } = await rankedAt(c.var.access, q.node);
    const s = eng.state;
    const rows = [];
    for (const m of s.members.values()) {
      const p = h.indexOf(m.node);
      if (p < pos || p >= h.ends[pos] || !m.active) continue;
      const pa = pointsAccountOf(m.id);
      rows.push({ m, points: (s.accounts.get(pa)?.balance ?? 0) + (s.accounts.get(pendingOf(pa))?.balance ?? 0) });
    }
    rows.sort((a, b) => b.points - a.points || b.m.hours - a.m.hours || (a.m.id < b.m.id ? -1 : 1));
    const me = c.var.access.actor.id;
    const out = rows.map(({ m, points }, i) => {
      const self = m.id === me;
      return { rank: i + 1, member: self ? m.id : null, name: self ? m.name || m.id : maskName(m.name || '党员'), self, points, hours: m.hours, orders: m.served };
    });
    return c.json(out.filter((r, i) => i < q.limit || r.self), 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/api/engagement/commands', tags, summary: 'An engagement command (place, dispatch, accept, decline, complete, confirm or cancel an order; report; hours; claims; points), checked by the core', security,
    request: { body: { content: { 'application/json': { schema: engagementCommandBody } }, required: true } },
    responses: { 200: json(engagementOutcomeSchema, 'The events appended (or appended before, for a repeated command id)'), 401: E[401], 403: E[403], 404: E[404], 409: E[409], 422: E[422] },
  }), async (c) => {
    const body = c.req.valid('json');
    const eng = await live();
    const { commandId: _ignored, ...command } = body.command as Record<string, unknown>;
    return c.json(await eng.execute(c.var.access.actor, command, body.commandId), 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/engagement/feed', tags, summary: 'Live engagement changes the caller may see (Server-Sent Events; id = global position; resume with Last-Event-ID or ?after=)', security,
    request: { query: z.object({ after: z.string().regex(/^\d{1,15}$/).optional() }) },
    responses: { 200: { content: { 'text/event-stream': { schema: engagementFeedItemSchema } }, description: 'event: change, data: EngagementFeedItem; ready after the replay; reset when the gap is too long' }, 401: E[401] },
  }), (async (c: Context<ApiEnv>) => {
    const access = c.var.access;
    const eng = await live();
    const header = c.req.header('last-event-id');
    const q = c.req.query('after');
    const start = q !== undefined ? Number(q) : header !== undefined && /^\d{1,15}$/.test(header) ? Number(header) : eng.position;
    const visible = (k: Kept) => k.parties.includes(access.actor.id) || officerAt(access, h.indexOf(k.item.node));
    return streamSSE(c, (stream) => pumpFeed<Kept>(stream, start, {
      listen: (push, end) => {
        const stop = eng.listen(push);
        const closing = record.listen(() => undefined, end);
        return () => { stop(); closing(); };
      },
      closed: () => record.isClosed,
      position: (k) => k.item.position,
      message: (k) => (visible(k) ? { id: String(k.item.position), event: 'change', data: JSON.stringify(k.item) } : undefined),
      heartbeatMs: deps.heartbeatMs ?? 15_000,
      replay: async (feed) => {
        const backlog = eng.itemsAfter(start);
        if (backlog.length > (deps.maxReplay ?? 10_000)) await feed.reset(eng.position);
        else for (const k of backlog) await feed.send(k);
        return eng.position;
      },
    }));
  }) as never);
}
