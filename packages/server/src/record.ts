/**
 * The live record: the store's events folded into what the routes read — every case's state
 * and facts (`CaseStore`), the dashboard's metrics, the registry and the lists — kept current
 * from the store's feed (whoever appended), and the command path: decide in the core,
 * append to the store with the expected version and the command id, fold.
 * @module
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  CASE_STATUSES, CaseStore, createMetrics, type Actor, type CaseState, type HierarchyIndex, type JcIssue, type Metrics,
} from '@jiceng/core';
import { CASE_TOPICS, decideCase, validateCommand, type AnyCaseEvent, type CaseContext } from '@jiceng/core/cases';
import { evolveListsChecked, emptyLists, type ListEvent, type ListsState } from '@jiceng/core/lists';
import { periodKey, readFactRow, type CaseFactRow, type MetricsOptions } from '@jiceng/core/metrics';
import { applyRegistry, type MutableRegistryState, type RegistryEvent, type RegistryPerson, type RegistryState } from '@jiceng/core/registry';
import { ApiError } from './errors.js';
import { caseSnapshotBytes, casesFromSnapshotBytes, type AppendResult, type EventStore, type NewEvent, type StoredEvent } from '@jiceng/store';
import { argumentError, need } from '@jiceng/core/errors';

/**
 * The city a server serves: its hierarchy, the case context commands are decided in, and
 * how its figures are computed.
 *
 * @example
 * ```ts
 * const city: CitySetup = { hierarchy: h, ctx: createPutianCaseContext(h), asOf: Date.now() };
 * ```
 */
export interface CitySetup {
  hierarchy: HierarchyIndex;
  /** The case context (categories, calendar, policy, catalogue). Its clock is the server's. */
  ctx: CaseContext;
  /** The evaluation time of the figures (epoch ms); default the time the record opens. */
  asOf?: number;
  /** Extra options of the metrics (coverage, node measures…). */
  metrics?: Partial<Omit<MetricsOptions, 'hierarchy' | 'facts' | 'now'>>;
  /** Expected number of cases (room reserved up front). */
  capacity?: number;
}

/**
 * One change as the live feed carries it: where it is in the feed, which case, what
 * happened, and the case's node and status after it — never the event's free text or
 * people (the caller reads the case file, masked, for those).
 *
 * @example
 * ```ts
 * const f: FeedItem = { position: 4600109, caseId: 'JC-1', version: 2, type: 'registered', at: 0, node: '350302001001001001', status: 'registered' };
 * ```
 */
export interface FeedItem {
  position: number;
  caseId: string;
  version: number;
  type: string;
  at: number;
  node: string;
  status: string;
  /** The SSE event name when it is not a case change (`'alert'`…); absent for a case's `change`. */
  event?: string;
  /** What the SSE message carries instead of the item itself (other domains' items). */
  data?: unknown;
}

/**
 * Another domain's fold over the record's feed (the alerts' monitor…): called with every
 * stored event after the record's own fold, with the core case event when the record applied
 * one; a {@link FeedItem} it gives goes on the live feed (scoped by its `node`).
 *
 * @example
 * ```ts
 * const stop = record.observe((s, e) => { if (e) engine.apply(e); return undefined; });
 * ```
 */
export type RecordObserver = (s: StoredEvent, caseEvent: AnyCaseEvent | undefined) => FeedItem | undefined;

/** The stream of a case. @example `caseStream('PT-0000001'); // 'case-PT-0000001'` */
export function caseStream(caseId: string): string {
  need('caseStream', 'caseId', caseId, 'string');
  return `case-${caseId}`;
}

/**
 * A core case event as the store keeps it: the event's payload as `data`, its author,
 * role, grant node and time in `meta`.
 *
 * @example
 * ```ts
 * toNewEvent(event, 'cmd-1').meta?.commandId; // 'cmd-1'
 * ```
 */
export function toNewEvent(e: AnyCaseEvent, commandId?: string): NewEvent {
  need('toNewEvent', 'e', e, 'object', { type: 'string', caseId: 'string', data: 'object' });
  need('toNewEvent', 'commandId', commandId, 'string?');
  return {
    type: e.type,
    data: e.data,
    meta: { actor: e.actor, role: e.role, roleNode: e.roleNode, ...(commandId ? { commandId } : {}) },
    time: e.at,
  };
}

/**
 * A stored case event back as the core's event.
 *
 * @example
 * ```ts
 * fromStored(stored).caseId; // the stream id without 'case-'
 * ```
 */
export function fromStored(s: StoredEvent): AnyCaseEvent {
  if (typeof s !== 'object' || s === null || typeof s.streamId !== 'string' || typeof s.meta !== 'object' || s.meta === null) {
    throw argumentError('fromStored', 's', { zh: '存储的事件（StoredEvent）', en: 'a stored event (StoredEvent)' });
  }
  const m = s.meta;
  return {
    caseId: s.streamId.slice(5), version: s.version, type: s.type, at: s.time,
    actor: String(m.actor ?? ''), role: String(m.role ?? ''), roleNode: typeof m.roleNode === 'string' ? m.roleNode : '', data: s.data,
  } as AnyCaseEvent;
}

/**
 * The id of a case discovered by `actor` under `commandId`: the same command sent twice
 * names the same case, so a retry cannot record it twice.
 *
 * @example
 * ```ts
 * discoveredCaseId('gw-1', 'c-1'); // 'JC-…' (14 hex digits), the same for every retry
 * ```
 */
export function discoveredCaseId(actorId: string, commandId: string): string {
  need('discoveredCaseId', 'actorId', actorId, 'string');
  need('discoveredCaseId', 'commandId', commandId, 'string');
  return `JC-${createHash('sha256').update(`${actorId}\u0000${commandId}`).digest('hex').slice(0, 14).toUpperCase()}`;
}

/** What a command did. */
export interface CommandOutcome {
  caseId: string;
  /** The case's version after the command. */
  version: number;
  /** True if the command id had been executed before (nothing was appended this time). */
  duplicate: boolean;
  events: { position: number; version: number; type: string; at: number }[];
}

/**
 * The record a server answers from. Open it with {@link LiveRecord.open}; it follows the
 * store's feed from then on.
 *
 * @example
 * ```ts
 * const record = await LiveRecord.open(store, city);
 * record.cases.get('PT-0000001')?.status;
 * ```
 */
export class LiveRecord {
  /** The city. */
  readonly city: CitySetup;
  /** The hierarchy. */
  readonly hierarchy: HierarchyIndex;
  /** Every case: state and facts. */
  cases: CaseStore;
  /** The registry of special populations (folded in place: see `applyRegistry`). */
  get registry(): RegistryState {
    return this.reg;
  }
  private reg: MutableRegistryState = { persons: new Map(), version: 0 };
  /** The lists (policies, work, projects…). */
  lists: ListsState = emptyLists();
  /** The last global position folded in. */
  position = 0;
  /** The position of the snapshot the record was restored from (0 if it folded from the start). */
  snapshotPosition = 0;
  /**
   * The latest domain time (epoch ms) of any event folded in, or 0. A clock that starts again
   * (a restarted demo) must not run behind it, or what was recorded before the restart would
   * lie in the future of the figures' "now". @example `demoClock(Math.max(asOf, record.latest))`
   */
  latest = 0;
  /** The evaluation time of the figures when the record opened. */
  readonly asOf: number;
  /** The time the figures are evaluated at (moves on by {@link metrics}' `now`, a day at a time). */
  private metricsNow: number;
  private readonly store: EventStore;
  private metricsAll: Metrics | undefined;
  private readonly byTopic = new Map<string, Metrics>();
  private readonly listeners = new Set<(items: FeedItem[]) => void>();
  private readonly closers = new Set<() => void>();
  private readonly observers = new Set<RecordObserver>();
  private readonly replayers = new Map<string, (s: StoredEvent) => FeedItem | undefined>();
  /** Rows of cases reported under the citizen role, by reporter id (their own reports). */
  private readonly ownReports = new Map<string, number[]>();
  private catching: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | undefined;
  private closed = false;

  private constructor(store: EventStore, city: CitySetup) {
    need('LiveRecord', 'store', store, 'object');
    need('LiveRecord', 'city', city, 'object', { hierarchy: 'object', ctx: 'object' });
    this.store = store;
    this.city = city;
    this.hierarchy = city.hierarchy;
    this.asOf = city.asOf ?? Date.now();
    this.metricsNow = this.asOf;
    this.cases = new CaseStore({ hierarchy: city.hierarchy, categories: city.ctx.categories }, { capacity: (city.capacity ?? 1024) + 4096, keepLog: false });
  }

  /**
   * Opens the record over a store: folds the whole feed, then follows it.
   *
   * @example
   * ```ts
   * const record = await LiveRecord.open(store, city, { onProgress: (n) => console.log(n) });
   * ```
   */
  static async open(store: EventStore, city: CitySetup, opts: { onProgress?: (events: number) => void; snapshots?: boolean } = {}): Promise<LiveRecord> {
    const r = new LiveRecord(store, city);
    if (opts.snapshots !== false) await r.restore();
    await r.catchUp(opts.onProgress);
    const unsub = store.subscribe(r.position, () => { void r.catchUp().catch(() => undefined); });
    r.unsubscribe = unsub;
    return r;
  }

  private fingerprint(): string {
    const h = this.hierarchy;
    return `${h.size}:${h.code(0)}:${h.code(h.size - 1)}:${this.city.ctx.categories.list.length}`;
  }

  /**
   * Saves the record's state (every case, the registry, the lists) as of {@link position}
   * in the store, gzipped, so the next start folds only what came after.
   *
   * @example
   * ```ts
   * const { bytes } = await record.saveSnapshot();
   * ```
   */
  async saveSnapshot(): Promise<{ bytes: number; position: number }> {
    await this.catching;
    const position = this.position;
    // the cases as the store's binary snapshot (typed columns, deflated off the event loop),
    // the rest as gzipped JSON before them: the rows as JSON took 35–43 s to save and 12–14 s
    // to restore at the Putian demo's full size
    const cases = await caseSnapshotBytes(this.cases);
    const head = gzipSync(JSON.stringify({
      format: 'jiceng.server', version: 2, fingerprint: this.fingerprint(), position, latest: this.latest,
      ownReports: [...this.ownReports], registry: [...this.reg.persons], registryVersion: this.reg.version, lists: this.lists,
    }), { level: 3 });
    const data = new Uint8Array(8 + head.byteLength + cases.byteLength);
    const view = new DataView(data.buffer);
    view.setUint32(0, SNAPSHOT_MARK, true);
    view.setUint32(4, head.byteLength, true);
    data.set(head, 8);
    data.set(cases, 8 + head.byteLength);
    await this.store.saveSnapshot(SNAPSHOT, position, data);
    return { bytes: data.byteLength, position };
  }

  /** Restores the last snapshot, if any and of this city (format 2, or the JSON rows of format 1 that earlier versions saved). */
  private async restore(): Promise<boolean> {
    const s = await this.store.loadSnapshot(SNAPSHOT);
    if (!s) return false;
    const ctx = { hierarchy: this.hierarchy, categories: this.city.ctx.categories };
    const capacity = (this.city.capacity ?? 0) + 4096;
    let body: SnapshotHead;
    let cases: CaseStore | null;
    try {
      const view = new DataView(s.data.buffer, s.data.byteOffset, s.data.byteLength);
      if (s.data.byteLength >= 8 && view.getUint32(0, true) === SNAPSHOT_MARK) {
        const headLength = view.getUint32(4, true);
        body = JSON.parse(gunzipSync(s.data.subarray(8, 8 + headLength)).toString('utf8')) as SnapshotHead;
        if (body.format !== 'jiceng.server' || body.version !== 2 || body.fingerprint !== this.fingerprint()) return false;
        cases = await casesFromSnapshotBytes(s.data.subarray(8 + headLength), ctx, { capacity });
      } else {
        const v1 = JSON.parse(gunzipSync(s.data).toString('utf8')) as SnapshotHead & { events: number; keys: string[]; rows: unknown[][] };
        if (v1.format !== 'jiceng.server' || v1.version !== 1 || v1.fingerprint !== this.fingerprint()) return false;
        body = v1;
        const rows = v1.rows.map((r) => Object.fromEntries(v1.keys.map((k, i) => [k, r[i]])));
        const restored = CaseStore.fromSnapshot({ format: 'jiceng.cases', version: 1, events: v1.events, cases: rows }, ctx, {
          capacity: Math.max(rows.length, capacity), keepLog: false,
        });
        cases = restored.ok ? restored.value : null;
      }
    } catch {
      return false;
    }
    if (!cases) return false;
    this.cases = cases;
    for (const [k, v] of body.ownReports) this.ownReports.set(k, v);
    this.reg = { persons: new Map(body.registry as [string, RegistryPerson][]), version: body.registryVersion };
    this.lists = body.lists;
    this.position = body.position;
    this.snapshotPosition = body.position;
    // a snapshot written before `latest` was kept gives 0: the clock then starts at the city's asOf, as it used to
    this.latest = body.latest ?? 0;
    return true;
  }

  /** Stops following the feed. @example `record.close();` */
  close(): void {
    this.closed = true;
    this.unsubscribe?.();
    this.listeners.clear();
    for (const c of this.closers) c();
    this.closers.clear();
  }

  /**
   * Folds every event after {@link position} (one catch-up at a time; callers wait for the
   * one running and then run their own).
   *
   * @example
   * ```ts
   * await record.catchUp();
   * ```
   */
  catchUp(onProgress?: (events: number) => void): Promise<void> {
    const run = this.catching.then(async () => {
      let total = 0;
      for (;;) {
        if (this.closed) return;
        const batch = await this.store.readFeed({ after: this.position, limit: 20_000 });
        if (batch.length === 0) return;
        const items: FeedItem[] = [];
        for (const s of batch) this.fold(s, items);
        total += batch.length;
        onProgress?.(total);
        if (items.length) for (const l of this.listeners) l(items);
      }
    });
    this.catching = run.catch(() => undefined);
    return run;
  }

  private fold(s: StoredEvent, items: FeedItem[]): void {
    if (s.position <= this.position) return;
    this.position = s.position;
    if (s.time > this.latest) this.latest = s.time;
    const e = this.foldOwn(s, items);
    if (this.observers.size) {
      for (const o of this.observers) {
        const it = o(s, e);
        if (it && this.listeners.size) items.push(it);
      }
    }
  }

  /** The record's own fold; gives the case event it applied, if any. */
  private foldOwn(s: StoredEvent, items: FeedItem[]): AnyCaseEvent | undefined {
    const pos = s.position;
    if (s.streamType === 'case' || (s.streamType === undefined && s.streamId.startsWith('case-'))) {
      const e = fromStored(s);
      const row = this.cases.rowOf(e.caseId);
      const before: CaseFactRow | null = row >= 0 && this.metricsAll ? readFactRow(this.cases.facts, row) : null;
      const r = this.cases.apply(e);
      if (!r.ok) return undefined;
      const at = r.value;
      if (e.type === 'discovered' && e.role === 'citizen') {
        const list = this.ownReports.get(e.actor) ?? [];
        list.push(at);
        this.ownReports.set(e.actor, list);
      }
      if (this.metricsAll) {
        this.metricsAll.update(at, before, this.cases.facts);
        for (const m of this.byTopic.values()) m.update(at, before, this.cases.facts);
      }
      if (this.listeners.size) {
        const f = this.cases.facts;
        items.push({
          position: pos, caseId: e.caseId, version: e.version, type: e.type, at: e.at,
          node: this.hierarchy.code(f.node[at]), status: CASE_STATUSES[f.status[at]],
        });
      }
      return e;
    } else if (s.streamType === 'registry') {
      applyRegistry(this.reg, s.data as RegistryEvent);
    } else if (s.streamType === 'lists') {
      const r = evolveListsChecked(this.lists, s.data as ListEvent);
      if (r.ok) this.lists = r.value;
    }
    return undefined;
  }

  /**
   * Adds another domain's fold over the feed (see {@link RecordObserver}); `replay` maps that
   * domain's stored events (of `streamType`) to feed items when a client resumes the live
   * feed. Gives the function that removes it.
   *
   * @example
   * ```ts
   * const stop = record.observe((s, e) => undefined);
   * ```
   */
  observe(fn: RecordObserver, replay?: { streamType: string; item: (s: StoredEvent) => FeedItem | undefined }): () => void {
    this.observers.add(fn);
    if (replay) this.replayers.set(replay.streamType, replay.item);
    return () => {
      this.observers.delete(fn);
      if (replay) this.replayers.delete(replay.streamType);
    };
  }

  /** A stored event of another domain as a feed item on resume (see {@link observe}). @example `record.replayItem(stored)` */
  replayItem(s: StoredEvent): FeedItem | undefined {
    return s.streamType ? this.replayers.get(s.streamType)?.(s) : undefined;
  }

  /**
   * The metrics of every case, or of one topic (`CASE_TOPICS` key), built on first use and
   * kept current after. Figures that depend on "now" (overdue, backlog by age) are evaluated
   * at the time they were built; pass the clock's `now` and they are built again when it has
   * moved to another day (in China), so a server that runs for weeks does not keep counting
   * from the day it started.
   *
   * @example
   * ```ts
   * record.metrics('safety', Date.now()).value(0, 'collected');
   * ```
   */
  metrics(topic?: string | null, now?: number): Metrics {
    if (now !== undefined && Number.isFinite(now) && periodKey(now, 'day') > periodKey(this.metricsNow, 'day')) {
      this.metricsNow = now;
      this.metricsAll = undefined;
      this.byTopic.clear();
    }
    const all = (this.metricsAll ??= this.build());
    if (!topic) return all;
    let m = this.byTopic.get(topic);
    if (!m) {
      m = this.build([Object.keys(CASE_TOPICS).indexOf(topic)]);
      this.byTopic.set(topic, m);
    }
    return m;
  }

  private build(topics?: number[]): Metrics {
    const cats = this.city.ctx.categories.list;
    const topicIds = Object.keys(CASE_TOPICS);
    const r = createMetrics({
      hierarchy: this.hierarchy, facts: this.cases.facts, now: this.metricsNow, closeRateBase: 'collected',
      categoryTopics: cats.map((c) => Math.max(0, topicIds.indexOf(c.topic))),
      categoryNames: cats.map((c) => c.name), topicNames: topicIds.map((k) => CASE_TOPICS[k]),
      ...this.city.metrics,
      ...(topics ? { filter: { topics } } : {}),
    });
    if (!r.ok) throw new Error(r.errors.map((e) => e.en).join('; '));
    return r.value;
  }

  /** The store the record follows (for the routes of other domains). @example `record.eventStore.readFeed({ after: 0, limit: 10 });` */
  get eventStore(): EventStore {
    return this.store;
  }

  /** The facts rows of cases `actorId` reported as a citizen. @example `record.reportsOf('c-1');` */
  reportsOf(actorId: string): readonly number[] {
    return this.ownReports.get(actorId) ?? [];
  }

  /**
   * Listens to the changes folded in from now on; gives the function that stops it.
   *
   * @example
   * ```ts
   * const stop = record.listen((items) => console.log(items.length));
   * ```
   */
  listen(fn: (items: FeedItem[]) => void, onClose?: () => void): () => void {
    this.listeners.add(fn);
    if (onClose) this.closers.add(onClose);
    return () => {
      this.listeners.delete(fn);
      if (onClose) this.closers.delete(onClose);
    };
  }

  /** True once {@link close} ran. */
  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * A case's events from the store, as the core's events.
   *
   * @example
   * ```ts
   * (await record.caseEvents('PT-0000001'))[0].type; // 'discovered'
   * ```
   */
  async caseEvents(caseId: string): Promise<AnyCaseEvent[]> {
    return (await this.store.readStream(caseStream(caseId))).map(fromStored);
  }

  /** The global feed from the store (for resuming a live feed). */
  readFeed(after: number, limit: number): Promise<StoredEvent[]> {
    return this.store.readFeed({ after, limit, streamTypes: ['case', ...this.replayers.keys()] });
  }

  /**
   * Appends events to a stream of another domain and folds them; gives the store's answer
   * (a version conflict is an answer, not an error).
   *
   * @example
   * ```ts
   * const r = await record.appendStream('alert-A-1', 'alert', events, 1, 'cmd-1');
   * ```
   */
  async appendStream(streamId: string, streamType: string, events: NewEvent[], expectedVersion: number | 'any' | 'none', commandId?: string): Promise<AppendResult> {
    const r = await this.store.append(streamId, events, { expectedVersion, streamType, ...(commandId ? { commandId } : {}) });
    if (r.ok) await this.catchUp();
    return r;
  }

  /** A stream's stored events. @example `await record.readStream('alert-A-1')` */
  readStream(streamId: string): Promise<StoredEvent[]> {
    return this.store.readStream(streamId);
  }

  /** Appends other events (registry, lists, audit) to a stream of theirs ({@link appendStream}, a version conflict thrown as a 409). */
  async appendOther(streamId: string, streamType: string, events: NewEvent[], expectedVersion: number | 'any' | 'none' = 'any', commandId?: string): Promise<void> {
    const r = await this.appendStream(streamId, streamType, events, expectedVersion, commandId);
    if (!r.ok) throw ApiError.fromIssues([r.error], { currentVersion: r.currentVersion });
  }

  /**
   * Runs a case command for `actor`: checked by the core's `decideCase` (validation, version,
   * state, role, scope), appended to the case's stream with the expected version and the
   * command id, folded. A command id seen before gives the first outcome again
   * (`duplicate: true`) and appends nothing.
   *
   * @example
   * ```ts
   * const out = await record.execute(actor, { type: 'accept', caseId: 'PT-0000001', expectedVersion: 3 }, 'cmd-42');
   * ```
   */
  async execute(actor: Actor, input: unknown, commandId: string, clock: () => number): Promise<CommandOutcome> {
    const v = validateCommand(input);
    if (!v.ok) throw ApiError.fromIssues(v.errors);
    const cmd = v.value;
    const now = clock();
    const newId = cmd.type === 'discover' ? discoveredCaseId(actor.id, commandId) : undefined;
    const ctx: CaseContext = { ...this.city.ctx, clock: () => now, newId: () => newId ?? '' };
    let state: CaseState | undefined;
    if (cmd.type !== 'discover' && cmd.type !== 'recordPatrol') {
      state = this.cases.get(cmd.caseId);
      if (!state) throw ApiError.fromIssues([{ code: 'E_NO_CASE', zh: '案件不存在', en: 'no such case', column: 'caseId' }]);
    }
    const r = decideCase(cmd, actor, (id) => this.cases.get(id), ctx);
    if (!r.ok) {
      const code = r.errors[0]?.code;
      const caseId = newId ?? (cmd as { caseId?: string }).caseId;
      if ((code === 'E_STALE_VERSION' || code === 'E_CASE_EXISTS') && caseId) {
        const again = await this.earlier(caseId, commandId, cmd.type === 'discover' ? 1 : (cmd as { expectedVersion: number }).expectedVersion + 1);
        if (again) return again;
      }
      const current = caseId ? this.cases.get(caseId)?.version : undefined;
      throw ApiError.fromIssues(r.errors, code === 'E_STALE_VERSION' && current !== undefined ? { currentVersion: current } : {});
    }
    const events = r.value;
    if (events.length === 0) throw ApiError.fromIssues([{ code: 'E_INVALID_INPUT', zh: '该操作不产生案件事件', en: 'the command records no case event' }]);
    const caseId = events[0].caseId;
    const a = await this.store.append(caseStream(caseId), events.map((e) => toNewEvent(e, commandId)), {
      expectedVersion: state ? state.version : 'none', commandId, streamType: 'case',
    });
    if (!a.ok) {
      const again = await this.earlier(caseId, commandId, state ? state.version + 1 : 1);
      if (again) return again;
      throw ApiError.fromIssues([{ ...a.error, code: 'E_STALE_VERSION', zh: '案件已被他人修改，请刷新后重试', en: 'the case has changed since you loaded it: reload and retry' }], { currentVersion: a.currentVersion });
    }
    await this.catchUp();
    return outcome(caseId, a.events, a.duplicate);
  }

  /** The outcome of `commandId` if it already ran on the case (its events from `fromVersion`). */
  private async earlier(caseId: string, commandId: string, fromVersion: number): Promise<CommandOutcome | undefined> {
    const later = await this.store.readStream(caseStream(caseId), { fromVersion });
    const mine = later.filter((e) => e.meta?.commandId === commandId);
    if (mine.length === 0 || mine[0].version !== fromVersion) return undefined;
    return outcome(caseId, mine, true);
  }
}

const SNAPSHOT = 'server.record';
/** `JSR2`: a snapshot of format 2 (a gzipped JSON head, then the cases' binary snapshot). */
const SNAPSHOT_MARK = 0x3252534a;
/** What a snapshot keeps besides the cases. */
interface SnapshotHead {
  format: string; version: number; fingerprint: string; position: number; latest?: number;
  ownReports: [string, number[]][]; registry: [string, unknown][]; registryVersion: number; lists: ListsState;
}

function outcome(caseId: string, events: StoredEvent[], duplicate: boolean): CommandOutcome {
  const list = events.map((e) => ({ position: e.position, version: e.version, type: e.type, at: fromStored(e).at }));
  return { caseId, version: list.length ? list[list.length - 1].version : 0, duplicate, events: list };
}

/** Issues as a plain message (for logs). @example `issuesText(r.errors)` */
export function issuesText(issues: readonly JcIssue[]): string {
  need('issuesText', 'issues', issues, 'array');
  return issues.map((i) => `${i.code}: ${i.en}`).join('; ');
}
