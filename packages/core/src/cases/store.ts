/**
 * The case store: the projection of the event log into per-case state and the flat
 * `CaseFacts` columns metrics read. Plain code on the hot path (no immer): replaying millions
 * of events is one `switch` per event and a few typed-array writes.
 * @module
 */
import { fail, ok, type JcIssue, type Result } from '../errors/errors.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import type { Actor } from './actor.js';
import { CASE_SOURCES, CASE_STATUSES, createCaseFacts, type CaseFacts, type CaseStatus } from './facts.js';
import { URGENCIES, type CategoryTable } from './categories.js';
import type { TimeLimit } from '../calendar/calendar.js';
import type { AnyCaseEvent } from './events.js';
import { initialState, type CaseState } from './state.js';
import type { CasePolicy } from './policy.js';
import type { CaseSource } from './facts.js';
import { TRANSITION_TABLE, CASE_EVENT_KINDS } from './transitions.js';
import { actorCode, DUTY_OF_KIND, kindOf, RoleCheck, transitionCode } from './invariants.js';
import { DEFAULT_SEPARATION, checkSeparationPolicy, type SeparationPolicy } from './separation.js';
import { JcError } from '../errors/errors.js';
import { checkIterableArg } from './args.js';
import { decideCase, decideCaseTyped, type CaseContext } from './decide.js';
import type { CaseCommand } from './commands.js';
import { caseIssue } from './messages.js';
import { buildDossier, type Dossier, type DossierOptions } from './dossier.js';

const STATUS_INDEX = Object.fromEntries(CASE_STATUSES.map((s, i) => [s, i])) as Record<CaseStatus, number>;
const SOURCE_INDEX = Object.fromEntries(CASE_SOURCES.map((s, i) => [s, i])) as Record<string, number>;

/**
 * Options of a {@link CaseStore}.
 *
 * @example
 * ```ts
 * const store = new CaseStore({ hierarchy, categories }, { capacity: 600_000, keepLog: false });
 * ```
 */
export interface CaseStoreOptions {
  /** Initial row capacity of the facts (grows by doubling). Default 1024. */
  capacity?: number;
  /** Keep every applied event (needed for `events()` and dossiers). Default true. */
  keepLog?: boolean;
  /** The separation of duties events are checked against. Default {@link DEFAULT_SEPARATION}. */
  separation?: SeparationPolicy;
  /** Sources whose reporter must have had feedback before a close. Default citizen and hotline. */
  feedbackSources?: readonly CaseSource[];
  /**
   * The permission table: when given, each event's role must be allowed the command it is the
   * outcome of at its node's level (two map lookups an event).
   */
  policy?: CasePolicy;
}

const N_KINDS = CASE_EVENT_KINDS.length;
// Module-local aliases of the imported table and checks: the hot path reads plain consts
// (a transpiler's CommonJS output would otherwise go through an export getter per access).
const TABLE = TRANSITION_TABLE;
const DUTY = DUTY_OF_KIND;
const kindOfEvent = kindOf;
const transitionCodeOf = transitionCode;
const K_DISPATCHED = CASE_EVENT_KINDS.indexOf('dispatched');
const K_ESCALATED = CASE_EVENT_KINDS.indexOf('escalated');
const K_REGISTERED = CASE_EVENT_KINDS.indexOf('registered');

/**
 * A versioned plain-JSON snapshot of every case's state (`NaN` times as `null`).
 *
 * @example
 * ```ts
 * const snap = store.snapshot();
 * JSON.parse(JSON.stringify(snap)).format; // 'jiceng.cases'
 * ```
 */
export interface CaseSnapshot {
  format: 'jiceng.cases';
  version: 1;
  /** Number of events the snapshot covers. */
  events: number;
  cases: Record<string, unknown>[];
}

function growFacts(f: CaseFacts, capacity: number): CaseFacts {
  const g = createCaseFacts(capacity);
  for (const k of Object.keys(f) as (keyof CaseFacts)[]) {
    const src = f[k];
    if (ArrayBuffer.isView(src)) (g[k] as typeof src).set(src);
  }
  g.length = f.length;
  g.caseIds = f.caseIds;
  return g;
}

/** Extra per-case columns beyond the facts: small integers and the two times facts lack. */
interface StateColumns {
  version: Int32Array;
  /** Index into URGENCIES, 255 = none. */
  urgency: Uint8Array;
  /** 0 none, 1 extension, 2 suspension. */
  pending: Uint8Array;
  /** 1 verified, 2 feedback, 4 followed up, 8 recurred. */
  flags: Uint8Array;
  supervisions: Uint16Array;
  accountabilities: Uint16Array;
  suspendedAt: Float64Array;
  lastAt: Float64Array;
  /** Handling body (node position), −1 none, −2 a code not in the hierarchy (see `rare`). */
  handler: Int32Array;
  /** Interned actor ids, −1 none. */
  reportedBy: Int32Array;
  handledBy: Int32Array;
  /** Node position whose grant the handler acted under, −1 none (−2: not in the hierarchy, see `rare`). */
  handledNode: Int32Array;
  requestedBy: Int32Array;
  /** 1: a line of the case's log was refused; the case is not counted (its facts node is −1). */
  broken: Uint8Array;
}

/** Values few cases have, kept aside per row. */
interface Rare {
  department?: string;
  person?: string;
  duplicateOf?: string;
  requestedLimit?: TimeLimit;
  node?: string;
  category?: string;
  handler?: string;
  handledNode?: string;
}

const VERIFIED = 1;
const FEEDBACK = 2;
const FOLLOWED = 4;
const RECURRED = 8;
const PENDING = [null, 'extension', 'suspension'] as const;
const URGENCY_INDEX = Object.fromEntries(URGENCIES.map((u, i) => [u, i])) as Record<string, number>;

function createColumns(n: number): StateColumns {
  return {
    version: new Int32Array(n), urgency: new Uint8Array(n).fill(255), pending: new Uint8Array(n), flags: new Uint8Array(n),
    supervisions: new Uint16Array(n), accountabilities: new Uint16Array(n),
    suspendedAt: new Float64Array(n).fill(NaN), lastAt: new Float64Array(n).fill(NaN),
    handler: new Int32Array(n).fill(-1), reportedBy: new Int32Array(n).fill(-1), handledBy: new Int32Array(n).fill(-1), handledNode: new Int32Array(n).fill(-1),
    requestedBy: new Int32Array(n).fill(-1), broken: new Uint8Array(n),
  };
}

function growColumns<T extends object>(c: T, make: (n: number) => T, n: number): T {
  const g = make(n);
  for (const k of Object.keys(c) as (keyof T)[]) {
    const src = c[k];
    if (ArrayBuffer.isView(src)) (g[k] as unknown as Float64Array).set(src as unknown as Float64Array);
  }
  return g;
}

/**
 * Per-case state and the facts columns, kept current by applying events in order. The
 * state lives in typed columns (about 190 bytes a case with its id), not in one object per
 * case; {@link CaseStore.get} materialises a plain {@link CaseState}. The same transitions as
 * `applyCase` of `@jiceng/core/cases` (the property tests check that both folds agree).
 *
 * @example
 * ```ts
 * const store = new CaseStore({ hierarchy, categories });
 * const r = store.execute({ type: 'discover', node: unitCode, source: 'patrol', description: '楼道堆物' }, actor, ctx);
 * if (r.ok) store.get(r.value[0].caseId)?.status; // 'discovered'
 * ```
 */
export class CaseStore {
  /** The facts columns (row i = i-th case discovered). Replaced when it grows: read it anew. */
  facts: CaseFacts;
  private cols: StateColumns;
  private readonly rows = new Map<string, number>();
  private readonly rare = new Map<number, Rare>();
  private readonly actorIds: string[] = [];
  private readonly actorIndex = new Map<string, number>();
  private readonly log: AnyCaseEvent[] | undefined;
  /** Each case's own stream (when the log is kept), indexed by row. */
  private readonly streams: AnyCaseEvent[][] = [];
  private readonly hierarchy: HierarchyIndex;
  private readonly categories: CategoryTable;
  private applied = 0;
  private lastId: string | undefined;
  private lastRow: number | undefined;
  private readonly separation: SeparationPolicy;
  /** Per source index: 1 if a close needs feedback first. */
  private readonly feedbackNeeded: Uint8Array;
  private readonly roles: RoleCheck | undefined;
  private brokenCases = 0;
  /** The position of a dispatched or escalated event's node, found by `check` for `applyRow`. */
  private nodePos = -1;

  constructor(ctx: { hierarchy: HierarchyIndex; categories: CategoryTable }, opts: CaseStoreOptions = {}) {
    if (ctx === null || typeof ctx !== 'object' || !ctx.hierarchy || typeof ctx.hierarchy.indexOf !== 'function' || !ctx.categories || typeof ctx.categories.indexOf !== 'function') {
      throw new JcError(caseIssue('E_INVALID_INPUT', 'ctx: { hierarchy, categories }', 'ctx'));
    }
    if (opts === null || typeof opts !== 'object') throw new JcError(caseIssue('E_INVALID_INPUT', 'opts', 'opts'));
    if (opts.capacity !== undefined && !(Number.isInteger(opts.capacity) && opts.capacity >= 0 && opts.capacity <= 1 << 28)) {
      throw new JcError(caseIssue('E_INVALID_INPUT', `capacity: ${String(opts.capacity)}`, 'capacity'));
    }
    this.hierarchy = ctx.hierarchy;
    this.categories = ctx.categories;
    this.separation = opts.separation === undefined ? DEFAULT_SEPARATION : checkSeparationPolicy(opts.separation);
    const fb = opts.feedbackSources ?? ['citizen', 'hotline'];
    if (!Array.isArray(fb)) throw new JcError(caseIssue('E_INVALID_INPUT', 'feedbackSources', 'feedbackSources'));
    this.feedbackNeeded = Uint8Array.from(CASE_SOURCES, (x) => (fb.includes(x) ? 1 : 0));
    this.roles = opts.policy === undefined ? undefined : new RoleCheck(opts.policy, ctx.hierarchy);
    const cap = Math.max(16, opts.capacity ?? 1024);
    this.facts = createCaseFacts(cap);
    this.cols = createColumns(cap);
    this.log = opts.keepLog === false ? undefined : [];
  }

  /** Number of cases. */
  get size(): number {
    return this.facts.length;
  }

  /** Number of events applied. */
  get eventCount(): number {
    return this.applied;
  }

  /** Number of cases a refused log line left uncounted (see {@link CaseStore.ingest}). */
  get brokenCount(): number {
    return this.brokenCases;
  }

  /** True if a refused log line left this case uncounted. */
  isBroken(caseId: string): boolean {
    const r = typeof caseId === 'string' ? this.rows.get(caseId) : undefined;
    return r !== undefined && this.cols.broken[r] === 1;
  }

  /** The state of a case, as a fresh plain object. */
  get(caseId: string): CaseState | undefined {
    const r = this.rows.get(caseId);
    return r === undefined ? undefined : this.stateAt(r);
  }

  /** The facts row of a case, or −1. */
  rowOf(caseId: string): number {
    return this.rows.get(caseId) ?? -1;
  }

  /** Every case state, in order of discovery (materialised: use for small stores or exports). */
  all(): CaseState[] {
    const out: CaseState[] = [];
    for (let r = 0; r < this.facts.length; r++) out.push(this.stateAt(r));
    return out;
  }

  private actor(id: string): number {
    let i = this.actorIndex.get(id);
    if (i === undefined) {
      i = this.actorIds.length;
      this.actorIds.push(id);
      this.actorIndex.set(id, i);
    }
    return i;
  }

  private rareOf(row: number): Rare {
    let x = this.rare.get(row);
    if (!x) this.rare.set(row, (x = {}));
    return x;
  }

  /** The state of row `row` as a plain object (same fields and order as {@link initialState}). */
  private stateAt(row: number): CaseState {
    const f = this.facts;
    const c = this.cols;
    const h = this.hierarchy;
    const x = this.rare.get(row);
    const flags = c.flags[row];
    const handler = c.handler[row];
    const registered = f.registeredAt[row] === f.registeredAt[row];
    return {
      id: f.caseIds[row],
      version: c.version[row],
      status: CASE_STATUSES[f.status[row]],
      node: x?.node ?? h.code(f.node[row]),
      source: CASE_SOURCES[f.source[row]],
      reportedBy: this.actorIds[c.reportedBy[row]],
      reportedAt: f.reportedAt[row],
      category: registered ? x?.category ?? this.categories.list[f.category[row]].id : null,
      urgency: c.urgency[row] === 255 ? null : URGENCIES[c.urgency[row]],
      registeredAt: f.registeredAt[row],
      dispatchDueAt: f.dispatchDueAt[row],
      handler: handler === -1 ? null : handler === -2 ? x!.handler! : h.code(handler),
      department: x?.department ?? null,
      person: x?.person ?? null,
      dispatchedAt: f.dispatchedAt[row],
      dueAt: f.dueAt[row],
      handledBy: c.handledBy[row] < 0 ? null : this.actorIds[c.handledBy[row]],
      handledNode: this.handledNodeOf(row),
      handledAt: f.handledAt[row],
      pending: PENDING[c.pending[row]],
      requestedBy: c.requestedBy[row] < 0 ? null : this.actorIds[c.requestedBy[row]],
      requestedLimit: x?.requestedLimit ?? null,
      suspendedAt: c.suspendedAt[row],
      verified: (flags & VERIFIED) !== 0,
      feedback: (flags & FEEDBACK) !== 0,
      followedUp: (flags & FOLLOWED) !== 0,
      satisfaction: f.satisfaction[row],
      recurred: (flags & RECURRED) !== 0,
      closedAt: f.closedAt[row],
      duplicateOf: x?.duplicateOf ?? null,
      rework: f.rework[row],
      escalations: f.escalations[row],
      extensions: f.extensions[row],
      supervisions: c.supervisions[row],
      accountabilities: c.accountabilities[row],
      lastAt: c.lastAt[row],
    };
  }

  private handledNodeOf(row: number): string | null {
    const p = this.cols.handledNode[row];
    return p === -1 ? null : p === -2 ? this.rare.get(row)!.handledNode! : this.hierarchy.code(p);
  }

  private newRow(caseId: string): number {
    const row = this.facts.length;
    if (row >= this.facts.node.length) {
      const n = this.facts.node.length * 2;
      this.facts = growFacts(this.facts, n);
      this.cols = growColumns(this.cols, createColumns, n);
    }
    this.rows.set(caseId, row);
    this.facts.caseIds.push(caseId);
    this.facts.length = row + 1;
    return row;
  }

  private setHandler(row: number, code: string | null): void {
    if (code === null) {
      this.cols.handler[row] = -1;
      return;
    }
    const pos = this.hierarchy.indexOf(code);
    this.cols.handler[row] = pos < 0 ? -2 : pos;
    if (pos < 0) this.rareOf(row).handler = code;
  }

  private setHandledNode(row: number, code: string | null): void {
    if (code === null) {
      this.cols.handledNode[row] = -1;
      return;
    }
    const pos = this.hierarchy.indexOf(code);
    this.cols.handledNode[row] = pos < 0 ? -2 : pos;
    if (pos < 0) this.rareOf(row).handledNode = code;
  }

  private setAssignee(row: number, department: string | undefined, person: string | undefined): void {
    const x = this.rare.get(row);
    if (department === undefined && person === undefined && !x) return;
    const y = x ?? this.rareOf(row);
    if (department === undefined) delete y.department;
    else y.department = department;
    if (person === undefined) delete y.person;
    else y.person = person;
  }

  private clearRequest(row: number): void {
    this.cols.pending[row] = 0;
    this.cols.requestedBy[row] = -1;
    const x = this.rare.get(row);
    if (x) delete x.requestedLimit;
  }

  /**
   * Applies one event: it must be the next version of its case (or a `discovered` of a new
   * case) and follow on it as the transition table and the invariants allow (time order,
   * close conditions, separation of duties, known nodes and categories, and the role when the
   * store has a policy). Refused events change nothing. Gives the case's facts row.
   */
  apply(e: AnyCaseEvent): Result<number> {
    const problem = this.applyOne(e, false);
    return problem === undefined ? ok(this.lastRow!) : fail([problem]);
  }

  /**
   * Applies one event read from a log: like {@link apply}, but a refused event also marks its
   * case broken — no later event of it is applied (`E_CASE_BROKEN`) and it is not counted
   * (its facts node becomes −1, so no metric sees it). Gives the issue, if any.
   *
   * @example
   * ```ts
   * const p = store.ingest(event);
   * if (p) console.log(formatIssue({ ...p, row: line }, 'en'));
   * ```
   */
  ingest(e: AnyCaseEvent): JcIssue | undefined {
    return this.applyOne(e, true);
  }

  /**
   * Marks a case broken because a line of its log could not be read at all (not JSON, not a
   * valid event): no later event of it is applied and it is not counted.
   *
   * @example
   * ```ts
   * const read = readEventLine(text, line);
   * if (read.caseId !== undefined && !read.event) store.markBroken(read.caseId);
   * ```
   */
  markBroken(caseId: string): void {
    const row = typeof caseId === 'string' ? this.rows.get(caseId) : undefined;
    if (row !== undefined) this.quarantine(row);
  }

  private quarantine(row: number): void {
    if (this.cols.broken[row] === 1) return;
    this.cols.broken[row] = 1;
    this.brokenCases++;
    const pos = this.facts.node[row];
    if (pos >= 0) this.rareOf(row).node = this.hierarchy.code(pos);
    this.facts.node[row] = -1;
  }

  /** The hot path of {@link apply}, {@link ingest} and {@link replay}: no allocation when the event fits. */
  private applyOne(e: AnyCaseEvent, fromLog: boolean, sep: SeparationPolicy = this.separation): JcIssue | undefined {
    if (e === null || typeof e !== 'object' || typeof e.caseId !== 'string' || e.data === null || typeof e.data !== 'object') {
      return caseIssue('E_BAD_EVENT', typeof e);
    }
    // A case's events often come together: skip the map lookup for a repeat.
    let row = e.caseId === this.lastId ? this.lastRow : this.rows.get(e.caseId);
    if (e.type === 'discovered') {
      if (row !== undefined) return caseIssue('E_CASE_EXISTS', e.caseId);
      if (e.version !== 1) return caseIssue('E_EVENT_ORDER', `${e.caseId} v${e.version}`);
      const pos = this.hierarchy.indexOf(e.data.node);
      const code = pos < 0 ? 'E_UNKNOWN_NODE' : this.roles !== undefined && !this.roles.allows(e.role, e.roleNode, 0) ? 'E_NOT_PERMITTED' : null;
      if (code !== null && !fromLog) return caseIssue(code, `${e.caseId} v1 discovered`);
      row = this.newRow(e.caseId);
      const f = this.facts;
      f.node[row] = pos;
      if (pos < 0) this.rareOf(row).node = e.data.node;
      f.source[row] = SOURCE_INDEX[e.data.source];
      f.reportedAt[row] = e.at;
      f.status[row] = STATUS_INDEX.discovered;
      const u = e.data.urgency === undefined ? undefined : URGENCY_INDEX[e.data.urgency];
      if (u !== undefined) this.cols.urgency[row] = u;
      this.cols.reportedBy[row] = this.actor(e.actor);
      if (code !== null) {
        this.cols.version[row] = 1;
        this.cols.lastAt[row] = e.at;
        this.quarantine(row);
        return caseIssue(code, `${e.caseId} v1 discovered`);
      }
    } else {
      if (row === undefined) return caseIssue('E_NO_CASE', e.caseId);
      const c = this.cols;
      if (c.broken[row] === 1) return caseIssue('E_CASE_BROKEN', `${e.caseId} v${e.version} ${e.type}`);
      const problem = this.check(row, e, sep);
      if (problem !== null) {
        if (fromLog) this.quarantine(row);
        return problem;
      }
      this.applyRow(row, e);
    }
    this.cols.version[row] = e.version;
    this.cols.lastAt[row] = e.at;
    this.lastId = e.caseId;
    this.lastRow = row;
    if (this.log) {
      this.log.push(e);
      if (e.version === 1) this.streams[row] = [e];
      else this.streams[row].push(e);
    }
    this.applied++;
    return undefined;
  }

  /** Why `e` may not follow on row `row` (version, table, invariants, references), or null. Sets the status when it may. */
  private check(row: number, e: AnyCaseEvent, sep: SeparationPolicy): JcIssue | null {
    const c = this.cols;
    const f = this.facts;
    if (e.version !== c.version[row] + 1) return caseIssue('E_EVENT_ORDER', `${e.caseId} v${e.version}, expected v${c.version[row] + 1}`);
    const kind = kindOfEvent(e);
    const status = f.status[row];
    let code = transitionCodeOf(status, kind, c.flags[row], c.pending[row], c.lastAt[row], e.at, this.feedbackNeeded[f.source[row]] === 1);
    if (code === null && DUTY[kind] !== 0) {
      const hp = c.handler[row];
      const x = this.rare.get(row);
      code = actorCode(
        sep, kind, e.actor, e.roleNode,
        c.handledBy[row] < 0 ? null : this.actorIds[c.handledBy[row]],
        hp === -1 ? null : hp === -2 ? x!.handler! : this.hierarchy.code(hp),
        this.handledNodeOf(row),
        c.requestedBy[row] < 0 ? null : this.actorIds[c.requestedBy[row]],
        this.hierarchy,
      );
    }
    if (code === null && (kind === K_DISPATCHED || kind === K_ESCALATED) && (this.nodePos = this.hierarchy.indexOf((e.data as { node: string }).node)) < 0) code = 'E_UNKNOWN_NODE';
    if (code === null && kind === K_REGISTERED && this.categories.indexOf((e.data as { category: string }).category) < 0) code = 'E_UNKNOWN_CATEGORY';
    if (code === null && this.roles !== undefined && !this.roles.allows(e.role, e.roleNode, kind)) code = 'E_NOT_PERMITTED';
    if (code !== null) return caseIssue(code, `${e.caseId} v${e.version} ${e.type} (${CASE_STATUSES[status]})`);
    f.status[row] = TABLE[status * N_KINDS + kind];
    return null;
  }

  /** The transitions of {@link applyCase}, on the columns of one row. */
  private applyRow(row: number, e: AnyCaseEvent): void {
    const f = this.facts;
    const c = this.cols;
    switch (e.type) {
      case 'discovered':
        return;
      case 'registered': {
        const ci = this.categories.indexOf(e.data.category);
        f.category[row] = ci < 0 ? 0 : ci;
        if (ci < 0) this.rareOf(row).category = e.data.category;
        c.urgency[row] = URGENCY_INDEX[e.data.urgency];
        f.registeredAt[row] = e.at;
        f.dispatchDueAt[row] = e.data.dispatchDueAt;
        return;
      }
      case 'rejected':
        return;
      case 'duplicateLinked':
        this.rareOf(row).duplicateOf = e.data.of;
        return;
      case 'dispatched':
        this.cols.handler[row] = this.nodePos;
        this.setAssignee(row, e.data.department, e.data.person);
        if (f.dispatchedAt[row] !== f.dispatchedAt[row]) f.dispatchedAt[row] = e.at;
        f.dueAt[row] = e.data.dueAt;
        return;
      case 'accepted':
        return;
      case 'returned':
        this.setHandler(row, null);
        this.setAssignee(row, undefined, undefined);
        f.dueAt[row] = NaN;
        return;
      case 'progressReported':
        return;
      case 'extensionRequested':
        c.pending[row] = 1;
        c.requestedBy[row] = this.actor(e.actor);
        this.rareOf(row).requestedLimit = e.data.limit;
        return;
      case 'extensionGranted':
        this.clearRequest(row);
        f.dueAt[row] = e.data.dueAt;
        f.extensions[row]++;
        return;
      case 'suspensionRequested':
        c.pending[row] = 2;
        c.requestedBy[row] = this.actor(e.actor);
        return;
      case 'extensionDenied':
      case 'suspensionDenied':
        this.clearRequest(row);
        return;
      case 'suspensionGranted':
        this.clearRequest(row);
        c.suspendedAt[row] = e.at;
        return;
      case 'resumed':
        c.suspendedAt[row] = NaN;
        f.dueAt[row] = e.data.dueAt;
        return;
      case 'escalated':
        this.cols.handler[row] = this.nodePos;
        this.setAssignee(row, undefined, undefined);
        this.clearRequest(row);
        f.dueAt[row] = e.data.dueAt;
        f.escalations[row]++;
        return;
      case 'handled':
        c.handledBy[row] = this.actor(e.actor);
        this.setHandledNode(row, e.roleNode);
        f.handledAt[row] = e.at;
        this.clearRequest(row);
        return;
      case 'verified':
        if (e.data.passed) {
          c.flags[row] |= VERIFIED;
        } else {
          c.flags[row] &= ~VERIFIED;
          f.rework[row]++;
        }
        return;
      case 'feedbackGiven':
        c.flags[row] |= FEEDBACK;
        return;
      case 'followedUp':
        f.satisfaction[row] = e.data.satisfaction;
        if (e.data.recurred) {
          c.flags[row] = (c.flags[row] & ~(VERIFIED | FOLLOWED)) | RECURRED;
          f.rework[row]++;
        } else {
          c.flags[row] = (c.flags[row] & ~RECURRED) | FOLLOWED;
        }
        return;
      case 'closed': {
        f.closedAt[row] = e.at;
        const h = c.handler[row];
        f.closedLevel[row] = h < 0 ? -1 : this.hierarchy.levelOf[h];
        return;
      }
      case 'reopened':
        f.closedAt[row] = NaN;
        f.closedLevel[row] = -1;
        c.flags[row] &= ~(VERIFIED | FEEDBACK | FOLLOWED);
        f.dueAt[row] = e.data.dueAt;
        return;
      case 'supervised':
        c.supervisions[row]++;
        return;
      case 'accountabilityRecorded':
        c.accountabilities[row]++;
        return;
    }
  }

  /**
   * Applies a whole log in order. Events that do not fit (out of order, unknown case) are
   * skipped and reported with their position (1-based) in `row`.
   *
   * @example
   * ```ts
   * const { applied, issues } = store.replay(events);
   * ```
   */
  replay(events: Iterable<AnyCaseEvent>): { applied: number; issues: JcIssue[] } {
    checkIterableArg(events, 'events');
    const issues: JcIssue[] = [];
    let applied = 0;
    let i = 0;
    for (const e of events) {
      i++;
      const problem = this.applyOne(e, true);
      if (problem === undefined) applied++;
      else issues.push({ ...problem, row: i });
    }
    return { applied, issues };
  }

  /**
   * Decides a command against the store's current state and, if accepted, applies the events.
   *
   * @example
   * ```ts
   * const r = store.execute({ type: 'accept', caseId: 'c-1', expectedVersion: 3 }, actor, ctx);
   * ```
   */
  execute(input: unknown, actor: Actor, ctx: CaseContext): Result<AnyCaseEvent[]> {
    return this.commit(decideCase(input, actor, (id) => this.get(id), ctx), ctx);
  }

  /**
   * {@link execute} for a command typed by the program (see {@link decideCaseTyped}): no zod
   * parse, every rule checked. For generators that run millions of commands.
   *
   * @example
   * ```ts
   * store.executeTyped({ type: 'accept', caseId: 'c-1', expectedVersion: 3 }, actor, ctx);
   * ```
   */
  executeTyped(cmd: CaseCommand, actor: Actor, ctx: CaseContext): Result<AnyCaseEvent[]> {
    return this.commit(decideCaseTyped(cmd, actor, (id) => this.get(id), ctx), ctx);
  }

  private commit(r: Result<AnyCaseEvent[]>, ctx: CaseContext): Result<AnyCaseEvent[]> {
    if (!r.ok) return r;
    // The events were decided under the context's separation policy: apply them under it too.
    const sep = ctx.separation ?? this.separation;
    for (const e of r.value) {
      const a = this.applyOne(e, false, sep);
      if (a !== undefined) return fail([a]);
    }
    return r;
  }

  /**
   * The kept events: all of them, or one case's stream (its file 一件一档), in order.
   * Empty if the store was made with `keepLog: false`.
   */
  events(caseId?: string): AnyCaseEvent[] {
    if (!this.log) return [];
    if (caseId === undefined) return this.log.slice();
    const row = this.rows.get(caseId);
    return row === undefined ? [] : (this.streams[row] ?? []).slice();
  }

  /**
   * The case file 一件一档 of one case, built from its kept events (see {@link buildDossier}).
   *
   * @example
   * ```ts
   * const d = store.dossier('c-1', { hierarchy, categories });
   * if (d.ok) d.value.entries.map((e) => e.title.zh);
   * ```
   */
  dossier(caseId: string, opts: DossierOptions = {}): Result<Dossier> {
    if (!this.log) return fail([caseIssue('E_LOG_NOT_KEPT')]);
    if (!this.rows.has(caseId)) return fail([caseIssue('E_NO_CASE', caseId)]);
    return buildDossier(this.events(caseId), { hierarchy: this.hierarchy, categories: this.categories, ...opts });
  }

  /** True if the store keeps the event log. */
  get keepsLog(): boolean {
    return this.log !== undefined;
  }

  /**
   * Every case's state as versioned plain JSON.
   *
   * @example
   * ```ts
   * const copy = CaseStore.fromSnapshot(JSON.parse(JSON.stringify(store.snapshot())), { hierarchy, categories });
   * ```
   */
  snapshot(): CaseSnapshot {
    return {
      format: 'jiceng.cases',
      version: 1,
      events: this.applied,
      cases: this.all().map((s) => {
        const o: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(s)) o[k] = typeof v === 'number' && Number.isNaN(v) ? null : v;
        return o;
      }),
    };
  }

  /**
   * Rebuilds a store from a snapshot (facts included; the event log starts empty).
   *
   * @example
   * ```ts
   * const r = CaseStore.fromSnapshot(snap, { hierarchy, categories });
   * if (r.ok) r.value.get('c-1');
   * ```
   */
  static fromSnapshot(snap: unknown, ctx: { hierarchy: HierarchyIndex; categories: CategoryTable }, opts: CaseStoreOptions = {}): Result<CaseStore> {
    const sn = snap as Partial<CaseSnapshot> | null;
    if (!sn || sn.format !== 'jiceng.cases' || sn.version !== 1 || !Array.isArray(sn.cases)) return fail([caseIssue('E_BAD_SNAPSHOT')]);
    const store = new CaseStore(ctx, { ...opts, capacity: Math.max(opts.capacity ?? 0, sn.cases.length) });
    const template = initialState({ caseId: '', version: 1, type: 'discovered', at: 0, actor: '', role: '', roleNode: '', data: { node: '', source: 'patrol', description: '' } });
    for (let i = 0; i < sn.cases.length; i++) {
      const raw = sn.cases[i];
      if (!raw || typeof raw !== 'object' || typeof raw.id !== 'string' || store.rows.has(raw.id)) return fail([caseIssue('E_BAD_SNAPSHOT', `case ${i + 1}`)]);
      const s: Record<string, unknown> = {};
      for (const [k, t] of Object.entries(template)) {
        const v = raw[k];
        s[k] = v === null && typeof t === 'number' ? NaN : v === undefined ? t : v;
      }
      const st = s as unknown as CaseState;
      if (!(CASE_STATUSES as readonly string[]).includes(st.status) || !(CASE_SOURCES as readonly string[]).includes(st.source)) {
        return fail([caseIssue('E_BAD_SNAPSHOT', `case ${i + 1}: status/source`)]);
      }
      store.writeState(store.newRow(st.id), st);
    }
    store.applied = typeof sn.events === 'number' ? sn.events : 0;
    return ok(store);
  }

  /** Writes every column of a row from a plain state. */
  private writeState(row: number, s: CaseState): void {
    const f = this.facts;
    const c = this.cols;
    const h = this.hierarchy;
    const pos = h.indexOf(s.node);
    f.node[row] = pos;
    if (pos < 0) this.rareOf(row).node = s.node;
    const ci = s.category === null ? 0 : this.categories.indexOf(s.category);
    f.category[row] = ci < 0 ? 0 : ci;
    if (ci < 0 && s.category !== null) this.rareOf(row).category = s.category;
    f.source[row] = SOURCE_INDEX[s.source];
    f.status[row] = STATUS_INDEX[s.status];
    f.reportedAt[row] = s.reportedAt;
    f.registeredAt[row] = s.registeredAt;
    f.dispatchedAt[row] = s.dispatchedAt;
    f.dispatchDueAt[row] = s.dispatchDueAt;
    f.handledAt[row] = s.handledAt;
    f.dueAt[row] = s.dueAt;
    f.closedAt[row] = s.closedAt;
    f.rework[row] = s.rework;
    f.escalations[row] = s.escalations;
    f.extensions[row] = s.extensions;
    f.satisfaction[row] = s.satisfaction;
    c.version[row] = s.version;
    c.urgency[row] = s.urgency === null ? 255 : URGENCY_INDEX[s.urgency];
    c.pending[row] = s.pending === 'extension' ? 1 : s.pending === 'suspension' ? 2 : 0;
    c.flags[row] = (s.verified ? VERIFIED : 0) | (s.feedback ? FEEDBACK : 0) | (s.followedUp ? FOLLOWED : 0) | (s.recurred ? RECURRED : 0);
    c.supervisions[row] = s.supervisions;
    c.accountabilities[row] = s.accountabilities;
    c.suspendedAt[row] = s.suspendedAt;
    c.lastAt[row] = s.lastAt;
    this.setHandler(row, s.handler);
    this.setAssignee(row, s.department ?? undefined, s.person ?? undefined);
    c.reportedBy[row] = this.actor(s.reportedBy);
    c.handledBy[row] = s.handledBy === null ? -1 : this.actor(s.handledBy);
    this.setHandledNode(row, s.handledNode ?? null);
    c.requestedBy[row] = s.requestedBy === null ? -1 : this.actor(s.requestedBy);
    if (s.requestedLimit) this.rareOf(row).requestedLimit = s.requestedLimit;
    if (s.duplicateOf !== null) this.rareOf(row).duplicateOf = s.duplicateOf;
    const hp = s.status === 'closed' ? c.handler[row] : -1;
    f.closedLevel[row] = hp < 0 ? -1 : h.levelOf[hp];
  }
}
