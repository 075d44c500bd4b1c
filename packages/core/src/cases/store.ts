/**
 * The case store: the projection of the event log into per-case state and the flat
 * `CaseFacts` columns metrics read. Plain code on the hot path (no immer): replaying millions
 * of events is one `switch` per event and a few typed-array writes.
 * @module
 */
import { fail, ok, type JcIssue, type Result } from '../errors.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import type { Actor } from '../access/actor.js';
import { CASE_SOURCES, CASE_STATUSES, createCaseFacts, type CaseFacts, type CaseStatus } from './facts.js';
import type { CategoryTable } from './categories.js';
import type { AnyCaseEvent } from './events.js';
import { applyEvent, initialState, type CaseState } from './state.js';
import { decide, type CaseContext } from './decide.js';
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
}

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
    if (ArrayBuffer.isView(src)) (g[k] as typeof src).set(src as never);
  }
  g.length = f.length;
  g.caseIds = f.caseIds;
  return g;
}

/**
 * Per-case state and the facts columns, kept current by applying events in order.
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
  private readonly rows = new Map<string, number>();
  private readonly states: CaseState[] = [];
  private readonly log: AnyCaseEvent[] | undefined;
  private readonly hierarchy: HierarchyIndex;
  private readonly categories: CategoryTable;
  private applied = 0;

  constructor(ctx: { hierarchy: HierarchyIndex; categories: CategoryTable }, opts: CaseStoreOptions = {}) {
    this.hierarchy = ctx.hierarchy;
    this.categories = ctx.categories;
    this.facts = createCaseFacts(Math.max(16, opts.capacity ?? 1024));
    this.log = opts.keepLog === false ? undefined : [];
  }

  /** Number of cases. */
  get size(): number {
    return this.states.length;
  }

  /** Number of events applied. */
  get eventCount(): number {
    return this.applied;
  }

  /** The live state of a case (do not mutate it; copy with `{ ...s }` to keep). */
  get(caseId: string): CaseState | undefined {
    const r = this.rows.get(caseId);
    return r === undefined ? undefined : this.states[r];
  }

  /** The facts row of a case, or −1. */
  rowOf(caseId: string): number {
    return this.rows.get(caseId) ?? -1;
  }

  /** Every case state, in order of discovery. */
  all(): readonly CaseState[] {
    return this.states;
  }

  /**
   * Applies one event: it must be the next version of its case (or a `discovered` of a new
   * case). Refused events change nothing.
   */
  apply(e: AnyCaseEvent): Result<CaseState> {
    let row = this.rows.get(e.caseId);
    let s: CaseState;
    if (e.type === 'discovered') {
      if (row !== undefined) return fail([caseIssue('E_CASE_EXISTS', e.caseId)]);
      if (e.version !== 1) return fail([caseIssue('E_EVENT_ORDER', `${e.caseId} v${e.version}`)]);
      s = initialState(e);
      row = this.states.length;
      if (row >= this.facts.node.length) this.facts = growFacts(this.facts, this.facts.node.length * 2);
      this.rows.set(e.caseId, row);
      this.states.push(s);
      const f = this.facts;
      f.caseIds.push(e.caseId);
      f.length = row + 1;
      f.node[row] = this.hierarchy.indexOf(s.node);
      f.source[row] = SOURCE_INDEX[s.source];
      f.reportedAt[row] = s.reportedAt;
      f.status[row] = STATUS_INDEX.discovered;
    } else {
      if (row === undefined) return fail([caseIssue('E_NO_CASE', e.caseId)]);
      s = this.states[row];
      if (e.version !== s.version + 1) return fail([caseIssue('E_EVENT_ORDER', `${e.caseId} v${e.version}, expected v${s.version + 1}`)]);
      applyEvent(s, e);
      this.sync(row, s, e);
    }
    this.log?.push(e);
    this.applied++;
    return ok(s);
  }

  /** Writes the facts columns an event may have changed. */
  private sync(row: number, s: CaseState, e: AnyCaseEvent): void {
    const f = this.facts;
    f.status[row] = STATUS_INDEX[s.status];
    switch (e.type) {
      case 'registered':
        f.category[row] = this.categories.indexOf(e.data.category);
        f.registeredAt[row] = s.registeredAt;
        f.dispatchDueAt[row] = s.dispatchDueAt;
        break;
      case 'dispatched':
        f.dispatchedAt[row] = s.dispatchedAt;
        f.dueAt[row] = s.dueAt;
        break;
      case 'returned':
      case 'resumed':
      case 'reopened':
        f.dueAt[row] = s.dueAt;
        f.closedAt[row] = s.closedAt;
        f.closedLevel[row] = -1;
        break;
      case 'extensionGranted':
        f.dueAt[row] = s.dueAt;
        f.extensions[row] = s.extensions;
        break;
      case 'escalated':
        f.dueAt[row] = s.dueAt;
        f.escalations[row] = s.escalations;
        break;
      case 'handled':
        f.handledAt[row] = s.handledAt;
        break;
      case 'verified':
        f.rework[row] = s.rework;
        break;
      case 'followedUp':
        f.satisfaction[row] = s.satisfaction;
        f.rework[row] = s.rework;
        break;
      case 'closed': {
        f.closedAt[row] = s.closedAt;
        const h = s.handler === null ? -1 : this.hierarchy.indexOf(s.handler);
        f.closedLevel[row] = h < 0 ? -1 : this.hierarchy.levelOf[h];
        break;
      }
      default:
        break;
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
    const issues: JcIssue[] = [];
    let applied = 0;
    let i = 0;
    for (const e of events) {
      i++;
      const r = this.apply(e);
      if (r.ok) applied++;
      else issues.push({ ...r.errors[0], row: i });
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
    const r = decide(input, actor, (id) => this.get(id), ctx);
    if (!r.ok) return r;
    for (const e of r.value) {
      const a = this.apply(e);
      if (!a.ok) return fail(a.errors);
    }
    return r;
  }

  /**
   * The kept events: all of them, or one case's stream (its file 一件一档), in order.
   * Empty if the store was made with `keepLog: false`.
   */
  events(caseId?: string): AnyCaseEvent[] {
    if (!this.log) return [];
    return caseId === undefined ? this.log.slice() : this.log.filter((e) => e.caseId === caseId);
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
      cases: this.states.map((s) => {
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
      const s = { ...template } as Record<string, unknown>;
      for (const k of Object.keys(template)) {
        const v = raw[k];
        const t = (template as unknown as Record<string, unknown>)[k];
        s[k] = v === null && typeof t === 'number' ? NaN : v === undefined ? t : v;
      }
      const st = s as unknown as CaseState;
      if (!(CASE_STATUSES as readonly string[]).includes(st.status)) return fail([caseIssue('E_BAD_SNAPSHOT', `case ${i + 1}: status`)]);
      store.rows.set(st.id, i);
      store.states.push(st);
      store.writeRow(i, st);
    }
    store.applied = typeof sn.events === 'number' ? sn.events : 0;
    return ok(store);
  }

  /** Writes every facts column of a row from a state. */
  private writeRow(row: number, s: CaseState): void {
    if (row >= this.facts.node.length) this.facts = growFacts(this.facts, Math.max(row + 1, this.facts.node.length * 2));
    const f = this.facts;
    f.caseIds[row] = s.id;
    f.length = Math.max(f.length, row + 1);
    f.node[row] = this.hierarchy.indexOf(s.node);
    f.category[row] = s.category === null ? 0 : this.categories.indexOf(s.category);
    f.source[row] = SOURCE_INDEX[s.source];
    f.status[row] = STATUS_INDEX[s.status];
    f.reportedAt[row] = s.reportedAt;
    f.registeredAt[row] = s.registeredAt;
    f.dispatchedAt[row] = s.dispatchedAt;
    f.dispatchDueAt[row] = s.dispatchDueAt;
    f.handledAt[row] = s.handledAt;
    f.dueAt[row] = s.dueAt;
    f.closedAt[row] = s.closedAt;
    const h = s.status === 'closed' && s.handler !== null ? this.hierarchy.indexOf(s.handler) : -1;
    f.closedLevel[row] = h < 0 ? -1 : this.hierarchy.levelOf[h];
    f.rework[row] = s.rework;
    f.escalations[row] = s.escalations;
    f.extensions[row] = s.extensions;
    f.satisfaction[row] = s.satisfaction;
  }
}
