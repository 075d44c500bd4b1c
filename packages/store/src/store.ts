/**
 * The event store: append with optimistic concurrency and idempotent command ids, read a
 * stream, read the global feed without ever skipping a late commit, subscribe, keep
 * checkpoints and snapshots, bulk import and export the JSON Lines log.
 * @module
 */
import { JcError, type JcIssue } from '@jiceng/core';
import { argumentError, issue, need } from '@jiceng/core/errors';
import { binaryCopyRows, copyField, openEngine, type Engine, type EngineOptions, type Sql } from './engine.js';
import { migrate } from './migrate.js';
import { fastCaseRow, lineToRow, rowToLine } from './log.js';
import type {
  AppendOptions, AppendResult, FeedOptions, ImportOptions, ImportProgress, NewEvent, Snapshot, StoredEvent, SubscribeOptions,
} from './types.js';

/**
 * Where to open the store: `url` for a PostgreSQL server, `dataDir` for a PGlite data
 * directory, neither for an in-memory PGlite.
 *
 * @example
 * ```ts
 * const o: StoreOptions = { dataDir: './.jiceng-data' };
 * ```
 */
export type StoreOptions = EngineOptions;

/** The advisory lock that orders global positions by commit (taken by the statement that inserts the events, held to commit). */
const POSITION_LOCK = 7_312_002;
/** The notification channel of new events. */
const CHANNEL = 'jc_events';

const COLUMNS = `stream_id, stream_type, version, position::float8 AS position, type, schema_version, data::text AS data,
  meta::text AS meta, time, hash, (extract(epoch from recorded_at) * 1000)::float8 AS recorded_ms`;

interface EventRow {
  stream_id: string;
  stream_type: string;
  version: number;
  position: number;
  type: string;
  schema_version: number;
  data: string;
  meta: string;
  time: number;
  hash: string | null;
  recorded_ms: number;
}

function toEvent(r: EventRow): StoredEvent {
  return {
    streamId: r.stream_id,
    streamType: r.stream_type,
    version: Number(r.version),
    position: Number(r.position),
    type: r.type,
    data: JSON.parse(r.data),
    schemaVersion: Number(r.schema_version),
    meta: JSON.parse(r.meta) as StoredEvent['meta'],
    time: Number(r.time),
    hash: r.hash,
    recordedAt: new Date(Number(r.recorded_ms)).toISOString(),
  };
}

/** Thrown inside an append's transaction to roll it back with a conflict. */
class Conflict extends Error {
  constructor(readonly current: number) {
    super(`version conflict at ${current}`);
  }
}

/**
 * The version-conflict issue (zh/en).
 *
 * @example
 * ```ts
 * versionConflict('case-c-1', 3, 4).code; // 'E_VERSION_CONFLICT'
 * ```
 */
export function versionConflict(streamId: string, expected: AppendOptions['expectedVersion'], current: number): JcIssue {
  need('versionConflict', 'streamId', streamId, 'string');
  if (typeof expected !== 'number' && typeof expected !== 'string') throw argumentError('versionConflict', 'expected', { zh: '版本号或期望标记', en: 'a version or an expectation marker' });
  need('versionConflict', 'current', current, 'integer');
  return issue(
    'E_VERSION_CONFLICT',
    `版本冲突：${streamId} 当前版本为 ${current}，而命令基于 ${expected}；请刷新后重试`,
    `version conflict: ${streamId} is at version ${current}, the command expected ${expected}; reload and retry`,
    { column: 'expectedVersion' },
  );
}

function badInput(en: string, zh: string): JcError {
  return new JcError(issue('E_BAD_APPEND', `追加无效：${zh}`, `invalid append: ${en}`));
}

interface BatchOutcome {
  stored: number;
  skipped: number;
  issues: JcIssue[];
}

/**
 * One batch of an import as it is read: each accepted line's COPY row written at once into
 * one buffer, and per row only what the version check and the streams need (stream id, type,
 * version, line number, where its bytes start). Nothing per line outlives the read but the line
 * itself (kept for a strict re-read): no row objects held across the batch's awaits, no joined
 * text and no second copy of it (the garbage collector was a fifth of the import's time).
 */
class ImportBatch {
  buf = Buffer.allocUnsafe(1 << 22);
  len = 0;
  readonly ids: string[] = [];
  readonly types: string[] = [];
  readonly versions: number[] = [];
  readonly lineNos: number[] = [];
  readonly starts: number[] = [];
  readonly issues: JcIssue[] = [];
  /** Every line of the batch (blank and refused ones too), for a strict re-read. */
  readonly texts: string[] = [];
  skipped = 0;
  /** True when some line was read on the fast path (see {@link fastCaseRow}). */
  fast = false;

  constructor(readonly firstLine: number) {}

  /** Reads one line: a canonical case line without parsing it whole (unless `strictly`), any other line with {@link lineToRow}. */
  add(text: string, strictly: boolean): void {
    const line = this.firstLine + this.texts.length;
    this.texts.push(text);
    let row = strictly ? null : fastCaseRow(text);
    let copy: string;
    if (row) {
      this.fast = true;
      // A fast row's other fields are captures that exclude backslashes and control characters
      // (and the meta made of them): only its data needs COPY's escapes.
      copy = `${row.streamId}\tcase\t${row.version}\t${row.type}\t1\t${copyField(row.data)}\t${row.meta}\t${row.time}\t${row.hash ?? '\\N'}\t${row.prev ?? '\\N'}\t\\N\n`;
    } else {
      const read = lineToRow(text, line);
      row = read.row;
      if (!row) {
        if (read.issue) this.issues.push(read.issue);
        this.skipped++;
        return;
      }
      copy = `${copyField(row.streamId)}\t${copyField(row.streamType)}\t${row.version}\t${copyField(row.type)}\t${row.schemaVersion}\t${copyField(row.data)}\t${copyField(row.meta)}\t${row.time}\t${copyField(row.hash)}\t${copyField(row.prev)}\t${copyField(row.raw)}\n`;
    }
    this.ids.push(row.streamId);
    this.types.push(row.streamType);
    this.versions.push(row.version);
    this.lineNos.push(line);
    this.starts.push(this.len);
    if (this.len + copy.length * 3 > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + copy.length * 3));
      this.buf.copy(grown, 0, 0, this.len);
      this.buf = grown;
    }
    this.len += this.buf.write(copy, this.len);
  }

  /** The same lines read with a full parse (after the database refused a fast-path batch). */
  strict(): ImportBatch {
    const again = new ImportBatch(this.firstLine);
    for (const t of this.texts) again.add(t, true);
    return again;
  }
}

/**
 * The store: one PostgreSQL schema on PGlite or a server. Open it with {@link openStore}.
 *
 * @example
 * ```ts
 * const store = await openStore({ dataDir: './.jiceng-data' });
 * const r = await store.append('case-c-1', [{ type: 'discovered', data: { node: '350302001001000', source: 'patrol', description: '楼道堆物' } }], { expectedVersion: 'none', commandId: 'cmd-1' });
 * await store.close();
 * ```
 */
export class EventStore {
  private readonly listeners = new Set<() => void>();
  private closed = false;

  /** @internal Use {@link openStore}. */
  constructor(
    /** The engine underneath (for tools and tests that need raw SQL). */
    readonly engine: Engine,
  ) {
    need('EventStore', 'engine', engine, 'object', { kind: 'string', transaction: 'function', close: 'function', listen: 'function' });
  }

  /** `pglite` or `postgres`. */
  get kind(): Engine['kind'] {
    return this.engine.kind;
  }

  /**
   * Appends events to a stream in one transaction if the stream is still at
   * `expectedVersion`; otherwise nothing is written and the result carries the current
   * version. A `commandId` seen before returns the first append's events with
   * `duplicate: true` and writes nothing. Bad input (no events, a bad version) throws a
   * `JcError` `E_BAD_APPEND`.
   *
   * @example
   * ```ts
   * const r = await store.append('case-c-1', [{ type: 'accepted', data: {}, meta: { actor: 'u-7' } }], { expectedVersion: 3, commandId: 'cmd-9' });
   * if (r.ok) r.version; // 4
   * else r.currentVersion; // someone else moved the case on
   * ```
   */
  async append(streamId: string, events: NewEvent[], opts: AppendOptions): Promise<AppendResult> {
    if (typeof streamId !== 'string' || !streamId) throw badInput('stream id must be a non-empty string', '流编号应为非空字符串');
    if (!Array.isArray(events) || events.length === 0) throw badInput('no events', '没有事件');
    for (const e of events) if (!e || typeof e.type !== 'string' || !e.type || e.data === undefined) throw badInput('each event needs a type and data', '每个事件都需要 type 和 data');
    const ev = opts?.expectedVersion;
    if (!(ev === 'any' || ev === 'none' || (typeof ev === 'number' && Number.isInteger(ev) && ev >= 0))) {
      throw badInput('expectedVersion must be a version ≥ 0, "none" or "any"', 'expectedVersion 应为 ≥ 0 的版本、"none" 或 "any"');
    }
    const commandId = opts.commandId ?? events[0].meta?.commandId;
    const streamType = opts.streamType ?? streamId.split('-')[0];
    for (let attempt = 0; ; attempt++) {
      try {
        const out = await this.engine.transaction((tx) => this.appendIn(tx, streamId, streamType, events, ev, commandId, attempt > 0));
        if (!out.duplicate) this.notifyLocal();
        return out;
      } catch (e) {
        if (e instanceof Conflict) return { ok: false, error: versionConflict(streamId, ev, e.current), currentVersion: e.current };
        // Two appends with one new command id at once: the loser retries and finds the winner's result.
        if ((e as { code?: string }).code === '23505' && commandId && attempt < 3) continue;
        throw e;
      }
    }
  }

  /** The first result of a command id seen before, or null. */
  private async priorResult(tx: Sql, commandId: string): Promise<(AppendResult & { ok: true }) | null> {
    const prior = await tx.query<{ stream_id: string; from_version: number; to_version: number }>(
      'SELECT stream_id, from_version, to_version FROM jc_commands WHERE command_id = $1', [commandId]);
    if (!prior.length) return null;
    const p = prior[0];
    const rows = await tx.query<EventRow>(`SELECT ${COLUMNS} FROM jc_events WHERE stream_id = $1 AND version BETWEEN $2 AND $3 ORDER BY version`,
      [p.stream_id, p.from_version, p.to_version]);
    return { ok: true, version: Number(p.to_version), events: rows.map(toEvent), duplicate: true };
  }

  /**
   * One append in its transaction, in two statements on the happy path: move the stream row
   * (on a server also taking the position lock and queueing the notification), then insert
   * the events and the command row together. A command id seen before is looked up only when
   * the stream did not move, or on a retry after a unique violation of the command id.
   */
  private async appendIn(tx: Sql, streamId: string, streamType: string, events: NewEvent[], ev: AppendOptions['expectedVersion'], commandId: string | undefined, checkFirst: boolean): Promise<AppendResult & { ok: true }> {
    if (commandId && checkFirst) {
      const prior = await this.priorResult(tx, commandId);
      if (prior) return prior;
    }
    const n = events.length;
    // On a server, positions are taken under this lock, held to commit, so they follow commit
    // order. It is taken by the statement that inserts the events (not the stream row's), so
    // that it covers one round trip and the commit: the shortest section that keeps the order.
    const server = this.engine.kind === 'postgres';
    const extra = server ? `, pg_notify('${CHANNEL}', '')::text AS notified` : '';
    let rows: { version: number }[];
    if (ev === 'none' || ev === 0) {
      rows = await tx.query(`INSERT INTO jc_streams (stream_id, stream_type, version) VALUES ($1, $2, $3) ON CONFLICT (stream_id) DO NOTHING RETURNING version${extra}`, [streamId, streamType, n]);
    } else if (ev === 'any') {
      rows = await tx.query(`INSERT INTO jc_streams (stream_id, stream_type, version) VALUES ($1, $2, $3)
        ON CONFLICT (stream_id) DO UPDATE SET version = jc_streams.version + $3, updated_at = now() RETURNING version${extra}`, [streamId, streamType, n]);
    } else {
      rows = await tx.query(`UPDATE jc_streams SET version = version + $2, updated_at = now() WHERE stream_id = $1 AND version = $3 RETURNING version${extra}`, [streamId, n, ev]);
    }
    if (!rows.length) {
      if (commandId && !checkFirst) {
        const prior = await this.priorResult(tx, commandId);
        if (prior) return prior;
      }
      const cur = await tx.query<{ version: number }>('SELECT version FROM jc_streams WHERE stream_id = $1', [streamId]);
      throw new Conflict(cur.length ? Number(cur[0].version) : 0);
    }
    const last = Number(rows[0].version);
    const params: unknown[] = [commandId ?? null, streamId, last - n + 1, last];
    const values: string[] = [];
    const now = Date.now();
    events.forEach((e, i) => {
      const b = params.length;
      values.push(`($${b + 1}::text, $${b + 2}::text, $${b + 3}::int, $${b + 4}::text, $${b + 5}::int, $${b + 6}::json, $${b + 7}::json, $${b + 8}::float8, $${b + 9}::text)`);
      const meta = commandId && e.meta?.commandId === undefined ? { ...e.meta, commandId } : e.meta ?? {};
      params.push(streamId, streamType, last - n + 1 + i, e.type, e.schemaVersion ?? 1, JSON.stringify(e.data), JSON.stringify(meta), e.time ?? now, e.hash ?? null);
    });
    const inserted = await tx.query<EventRow>(
      // The lock row is produced before any event row, so every position (the column's default) is taken under it.
      `WITH lk AS MATERIALIZED (SELECT ${server ? `pg_advisory_xact_lock(${POSITION_LOCK})::text` : 'NULL::text'} AS locked),
       ev AS (INSERT INTO jc_events (stream_id, stream_type, version, type, schema_version, data, meta, time, hash)
         SELECT v.* FROM lk CROSS JOIN (VALUES ${values.join(', ')}) AS v(stream_id, stream_type, version, type, schema_version, data, meta, time, hash) ORDER BY v.version RETURNING ${COLUMNS}),
       cmd AS (INSERT INTO jc_commands (command_id, stream_id, from_version, to_version) SELECT $1::text, $2::text, $3::int, $4::int WHERE $1::text IS NOT NULL)
       SELECT * FROM ev ORDER BY version`, params);
    return { ok: true, version: last, events: inserted.map(toEvent), duplicate: false };
  }

  /**
   * A stream's events in version order (from `fromVersion`, default 1). Empty if the stream
   * does not exist.
   *
   * @example
   * ```ts
   * const events = await store.readStream('case-c-1', { fromVersion: 4 });
   * ```
   */
  async readStream(streamId: string, opts: { fromVersion?: number } = {}): Promise<StoredEvent[]> {
    const rows = await this.engine.query<EventRow>(`SELECT ${COLUMNS} FROM jc_events WHERE stream_id = $1 AND version >= $2 ORDER BY version`, [streamId, opts.fromVersion ?? 1]);
    return rows.map(toEvent);
  }

  /**
   * The current version of a stream (0 if it does not exist).
   *
   * @example
   * ```ts
   * await store.streamVersion('case-c-1'); // 7
   * ```
   */
  async streamVersion(streamId: string): Promise<number> {
    const rows = await this.engine.query<{ version: number }>('SELECT version FROM jc_streams WHERE stream_id = $1', [streamId]);
    return rows.length ? Number(rows[0].version) : 0;
  }

  /**
   * The global feed after a position, in commit order. Positions are taken under a lock held
   * to commit, so every position below one a reader sees is already committed: a reader that
   * remembers the last position it saw never skips an event committed late, and a transaction
   * that appends nothing (a long report, another application's work) never holds the feed back.
   *
   * @example
   * ```ts
   * let after = await store.getCheckpoint('cases');
   * for (let b; (b = await store.readFeed({ after, limit: 1000 })).length; after = b.at(-1)!.position) apply(b);
   * ```
   */
  async readFeed(opts: FeedOptions): Promise<StoredEvent[]> {
    const limit = opts.limit ?? 1000;
    const types = opts.streamTypes;
    // One type: `stream_type = $3` walks the (stream_type, position) index in order, no sort.
    const filter = !types ? '' : types.length === 1 ? 'AND stream_type = $3' : 'AND stream_type = ANY($3::text[])';
    // No horizon test (`tx_id < pg_snapshot_xmin(…)`): the position lock already orders commits,
    // and the horizon is the whole cluster's — any open transaction anywhere stalled the feed.
    const rows = await this.engine.query<EventRow>(
      // `jc_events.position`, not `position`: ORDER BY reads an output column's name first, and
      // COLUMNS names `position::float8` so — which made every batch sort all the later rows.
      `SELECT ${COLUMNS} FROM jc_events WHERE position > $1 ${filter} ORDER BY jc_events.position LIMIT $2`,
      !types ? [opts.after, limit] : [opts.after, limit, types.length === 1 ? types[0] : types]);
    return rows.map(toEvent);
  }

  /**
   * Delivers every event after `after`, in commit order, and then each new one as it is
   * committed (LISTEN/NOTIFY on a server, in-process on PGlite, and a poll as a safety net).
   * Deliveries never overlap. Returns the function that stops it.
   *
   * @example
   * ```ts
   * const stop = store.subscribe(0, (events) => events.forEach((e) => project(e)), { streamTypes: ['case'] });
   * stop();
   * ```
   */
  subscribe(after: number, onEvents: (events: StoredEvent[]) => void | Promise<void>, opts: SubscribeOptions = {}): () => void {
    let pos = after;
    let running = false;
    let again = false;
    let stopped = false;
    const pump = async (): Promise<void> => {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          for (;;) {
            if (stopped) return;
            const batch = await this.readFeed({ after: pos, limit: opts.batchSize ?? 1000, streamTypes: opts.streamTypes });
            if (!batch.length) break;
            pos = batch[batch.length - 1].position;
            await onEvents(batch);
          }
        } while (again && !stopped);
      } catch (e) {
        if (!stopped && !this.closed) opts.onError?.(e);
      } finally {
        running = false;
      }
    };
    const wake = () => void pump();
    this.listeners.add(wake);
    let unlisten: (() => Promise<void>) | null = null;
    void this.engine.listen(CHANNEL, wake).then((u) => {
      if (stopped) void u?.();
      else unlisten = u;
    }, (e) => opts.onError?.(e));
    const timer = setInterval(wake, opts.pollMs ?? 1000);
    timer.unref?.();
    void pump();
    return () => {
      stopped = true;
      clearInterval(timer);
      this.listeners.delete(wake);
      void unlisten?.();
    };
  }

  private notifyLocal(): void {
    for (const l of this.listeners) l();
  }

  /**
   * The position a projection has applied up to (0 if it never ran).
   *
   * @example
   * ```ts
   * const after = await store.getCheckpoint('cases');
   * ```
   */
  async getCheckpoint(name: string): Promise<number> {
    const rows = await this.engine.query<{ position: number }>('SELECT position::float8 AS position FROM jc_checkpoints WHERE name = $1', [name]);
    return rows.length ? Number(rows[0].position) : 0;
  }

  /**
   * Records how far a projection has applied the feed.
   *
   * @example
   * ```ts
   * await store.setCheckpoint('cases', batch.at(-1)!.position);
   * ```
   */
  async setCheckpoint(name: string, position: number): Promise<void> {
    await this.engine.query(`INSERT INTO jc_checkpoints (name, position) VALUES ($1, $2)
      ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`, [name, position]);
  }

  /**
   * Saves a projection's state as of a feed position (replacing the previous snapshot).
   *
   * @example
   * ```ts
   * await store.saveSnapshot('cases', position, JSON.stringify(caseStore.snapshot()));
   * ```
   */
  async saveSnapshot(name: string, position: number, data: Uint8Array | string): Promise<void> {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    const param = this.engine.kind === 'postgres' ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
    await this.engine.query(`INSERT INTO jc_snapshots (name, position, data) VALUES ($1, $2, $3)
      ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, data = EXCLUDED.data, updated_at = now()`, [name, position, param]);
  }

  /**
   * The last snapshot saved under a name, or null.
   *
   * @example
   * ```ts
   * const s = await store.loadSnapshot('cases');
   * if (s) JSON.parse(new TextDecoder().decode(s.data));
   * ```
   */
  async loadSnapshot(name: string): Promise<Snapshot | null> {
    need('loadSnapshot', 'name', name, 'string');
    // The bytes in PostgreSQL's binary COPY format, as stored: no hex or base64 text on either
    // engine (PGlite's bytea text parser took seconds for tens of MB; a server's base64 text
    // cost the server its encoding and Node its decoding). COPY takes no parameters: the name
    // is a literal, its quotes doubled (standard_conforming_strings is on by default since 9.1).
    const rows = binaryCopyRows(await this.engine.copyOut(`SELECT position, data FROM jc_snapshots WHERE name = '${name.replace(/'/g, "''")}'`));
    if (!rows.length || !rows[0][0] || !rows[0][1]) return null;
    const [pos, data] = rows[0] as [Uint8Array, Uint8Array];
    return { position: Number(new DataView(pos.buffer, pos.byteOffset, 8).getBigInt64(0)), data };
  }

  /**
   * Gathers the planner's statistics of the events and streams (`ANALYZE`). An import does
   * it when it ends, and opening a store that never had them does it once; call it after
   * other bulk writes, so that the planner walks the feed's index rather than scanning.
   *
   * @example
   * ```ts
   * await store.analyze();
   * ```
   */
  async analyze(): Promise<void> {
    await this.engine.query('ANALYZE jc_events, jc_streams');
  }

  /**
   * Loads a JSON Lines event log in batches (one transaction each, COPY underneath). Each
   * batch commits with the import's progress row, so an import interrupted at any point and
   * run again with the same `name` resumes after the last committed line. A line that is not
   * an event, or not the next version of its stream, is refused with its line number and the
   * rest is loaded. Events of a case line keep their `hash` and the hash chain's `prev`; a canonical
   * case line is read without a full JSON parse (the database's `json` column checks its data,
   * and a batch it refuses is read again line by line).
   *
   * @example
   * ```ts
   * const p = await store.importLog(readLines('history.jsonl'), { name: 'history.jsonl' });
   * console.log(p.events, p.issues.length);
   * ```
   */
  async importLog(lines: AsyncIterable<string | string[]> | Iterable<string | string[]>, opts: ImportOptions = {}): Promise<ImportProgress> {
    const name = opts.name ?? 'import';
    const batchSize = Math.max(1, opts.batchSize ?? 20_000);
    const prior = await this.engine.query<{ lines: number; events: number }>('SELECT lines::float8 AS lines, events::float8 AS events FROM jc_imports WHERE name = $1', [name]);
    const resumedAt = prior.length ? Number(prior[0].lines) : 0;
    const progress: ImportProgress = { lines: resumedAt, events: prior.length ? Number(prior[0].events) : 0, resumedAt, skipped: 0, issues: [] };
    let n = 0;
    let batch = new ImportBatch(resumedAt + 1);
    // One batch in the database while the next is read: reading and COPY overlap.
    let inflight: Promise<void> = Promise.resolve();
    const commit = async (items: ImportBatch): Promise<void> => {
      const count = items.texts.length;
      const upTo = progress.lines + count;
      let out: BatchOutcome;
      try {
        out = await this.engine.transaction((tx) => this.importBatch(tx, name, items, upTo, progress.events));
      } catch (e) {
        if (!items.fast) throw e;
        // A line read on the fast path was not valid JSON after all (the json column refused
        // the batch, and nothing of it was written): read the batch again line by line.
        const again = items.strict();
        out = await this.engine.transaction((tx) => this.importBatch(tx, name, again, upTo, progress.events));
      }
      progress.lines = upTo;
      progress.events += out.stored;
      progress.skipped += out.skipped;
      progress.issues.push(...out.issues);
      opts.onProgress?.({ ...progress, issues: progress.issues.slice() });
    };
    const flush = async () => {
      if (!batch.texts.length) return;
      const items = batch;
      batch = new ImportBatch(items.firstLine + items.texts.length);
      await inflight;
      inflight = commit(items);
      inflight.catch(() => undefined); // awaited below; this only keeps it from being "unhandled" meanwhile
    };
    // Synchronous per line; an await only when a batch is full (an async call per line cost a
    // promise and a microtask each: half the samples of a 500k-line import ran in microtasks).
    const one = (line: string): boolean => {
      n++;
      if (n <= resumedAt) return false;
      if (typeof line !== 'string') throw new JcError(issue('E_BAD_LOG_LINE', `事件日志行无效：第 ${n} 行不是文本`, `invalid event log line: line ${n} is not text`, { row: n }));
      batch.add(line, false);
      return batch.texts.length >= batchSize;
    };
    try {
      for await (const item of lines) {
        if (Array.isArray(item)) {
          for (const line of item) if (one(line)) await flush();
        } else if (one(item)) await flush();
      }
      await flush();
    } catch (e) {
      // The source broke: let the batch in flight finish (or fail) before reporting, so that
      // a run started right after resumes where this one really stopped.
      await inflight.catch(() => undefined);
      throw e;
    }
    await inflight;
    progress.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    await this.engine.query(`INSERT INTO jc_imports (name, lines, events, done) VALUES ($1, $2, $3, true)
      ON CONFLICT (name) DO UPDATE SET done = true, updated_at = now()`, [name, progress.lines, progress.events]);
    // Statistics for what was just written (PGlite has no autovacuum to gather them; on a
    // server they would come later): without them the planner may read a range of the feed
    // as a bitmap scan of every later row and a sort instead of walking the index.
    if (progress.events) await this.analyze();
    if (progress.events) this.notifyLocal();
    return progress;
  }

  /** One import batch: check versions against the streams, COPY the events, move the streams and the progress row. */
  private async importBatch(tx: Sql, name: string, batch: ImportBatch, lines: number, eventsBefore: number): Promise<BatchOutcome> {
    const issues: JcIssue[] = batch.issues.slice();
    let skipped = batch.skipped;
    const current = new Map<string, { version: number; type: string }>();
    for (const r of await tx.query<{ stream_id: string; version: number; stream_type: string }>(
      // The ids as one JSON text, not a text[] parameter: the drivers escape an array element by
      // element in JS (PGlite's serializer was a sixth of its import), JSON.stringify is native.
      'SELECT stream_id, version, stream_type FROM jc_streams WHERE stream_id = ANY(ARRAY(SELECT json_array_elements_text($1::json)))', [JSON.stringify([...new Set(batch.ids)])])) {
      current.set(r.stream_id, { version: Number(r.version), type: r.stream_type });
    }
    const fresh = new Map<string, { version: number; type: string }>();
    // The rows refused by the version check (rare): their bytes are left out of the COPY.
    const refused: number[] = [];
    const { ids, types, versions } = batch;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      const cur = fresh.get(id) ?? current.get(id);
      const expected = (cur?.version ?? 0) + 1;
      if (versions[i] !== expected) {
        issues.push(issue('E_EVENT_ORDER', `事件顺序错误：${id} 版本 ${versions[i]}，应为 ${expected}`,
          `event out of order: ${id} version ${versions[i]}, expected ${expected}`, { row: batch.lineNos[i], column: 'version' }));
        refused.push(i);
        continue;
      }
      fresh.set(id, { version: versions[i], type: cur?.type ?? types[i] });
    }
    skipped += refused.length;
    const stored = ids.length - refused.length;
    if (this.engine.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [POSITION_LOCK]);
    if (stored) {
      let bytes = batch.buf.subarray(0, batch.len);
      if (refused.length) {
        const keep: Buffer[] = [];
        let from = 0;
        for (const i of refused) {
          keep.push(bytes.subarray(from, batch.starts[i]));
          from = i + 1 < ids.length ? batch.starts[i + 1] : batch.len;
        }
        keep.push(bytes.subarray(from));
        bytes = Buffer.concat(keep);
      }
      await tx.copyIn('jc_events', ['stream_id', 'stream_type', 'version', 'type', 'schema_version', 'data', 'meta', 'time', 'hash', 'prev', 'raw'], bytes);
      // Each stream as one [id, type, version] of a JSON text (see the lookup above).
      const moved: [string, string, number][] = [];
      for (const [id, v] of fresh) moved.push([id, v.type, v.version]);
      await tx.query(`INSERT INTO jc_streams (stream_id, stream_type, version)
        SELECT s->>0, s->>1, (s->>2)::int FROM json_array_elements($1::json) AS s
        ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, updated_at = now()`, [JSON.stringify(moved)]);
      if (this.engine.kind === 'postgres') await tx.query(`SELECT pg_notify('${CHANNEL}', '')`);
    }
    await tx.query(`INSERT INTO jc_imports (name, lines, events) VALUES ($1, $2, $3)
      ON CONFLICT (name) DO UPDATE SET lines = EXCLUDED.lines, events = EXCLUDED.events, updated_at = now()`, [name, lines, eventsBefore + stored]);
    return { stored, skipped, issues };
  }

  /**
   * The whole store as JSON Lines, one line per event in feed order (no newline at the end
   * of each string). For an imported log the lines are byte-identical to the input's (blank
   * lines and refused lines are not kept).
   *
   * @example
   * ```ts
   * for await (const line of store.exportLog()) process.stdout.write(`${line}\n`);
   * ```
   */
  async *exportLog(opts: { pageSize?: number } = {}): AsyncIterable<string> {
    const page = opts.pageSize ?? 20_000;
    let after = 0;
    for (;;) {
      const rows = await this.engine.query<{ stream_id: string; stream_type: string; version: number; position: number; type: string; schema_version: number; data: string; meta: string; time: number; hash: string | null; prev: string | null; raw: string | null }>(
        `SELECT stream_id, stream_type, version, position::float8 AS position, type, schema_version, data::text AS data, meta::text AS meta, time, hash, prev, raw
         FROM jc_events WHERE position > $1 ORDER BY jc_events.position LIMIT $2`, [after, page]);
      if (!rows.length) return;
      for (const r of rows) {
        yield rowToLine({
          streamId: r.stream_id, streamType: r.stream_type, version: Number(r.version), type: r.type, schemaVersion: Number(r.schema_version),
          data: r.data, meta: r.meta, time: Number(r.time), hash: r.hash, prev: r.prev, raw: r.raw,
        });
      }
      after = Number(rows[rows.length - 1].position);
    }
  }

  /**
   * Closes the store (the pool or the PGlite instance). Open subscriptions stop delivering.
   *
   * @example
   * ```ts
   * await store.close();
   * ```
   */
  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    await this.engine.close();
  }
}

/**
 * Opens (and migrates) the store: PGlite on `dataDir` (in memory without it) by default, a
 * PostgreSQL server when `url` is given.
 *
 * @example
 * ```ts
 * import { openStore } from '@jiceng/store';
 * const store = await openStore({ dataDir: './.jiceng-data' });
 * const pgStore = await openStore({ url: 'postgres://127.0.0.1:5432/jiceng' });
 * ```
 */
export async function openStore(opts: StoreOptions = {}): Promise<EventStore> {
  const engine = await openEngine(opts);
  try {
    await migrate(engine);
  } catch (e) {
    await engine.close();
    throw e;
  }
  const store = new EventStore(engine);
  // A store filled without statistics (by appends alone, or before imports gathered them):
  // gather them once, so that the planner walks the feed's index rather than scanning.
  const stats = await engine.query<{ tuples: number }>(`SELECT reltuples::float8 AS tuples FROM pg_class WHERE oid = 'jc_events'::regclass`);
  if (stats.length && Number(stats[0].tuples) < 0 && (await engine.query('SELECT 1 FROM jc_events LIMIT 1')).length) await store.analyze();
  return store;
}
