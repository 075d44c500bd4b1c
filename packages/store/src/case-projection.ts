/**
 * The case projection: core's {@link CaseStore} (per-case state and the facts/metrics
 * columns) kept current from the store's feed, its progress a checkpoint row and its state a
 * snapshot row, so that a restart loads the snapshot and applies only the events after it.
 * @module
 */
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import { CaseStore, type HierarchyIndex, type JcIssue } from '@jiceng/core';
import { decodeCaseSnapshot, encodeCaseSnapshot, type AnyCaseEvent, type CategoryTable } from '@jiceng/core/cases';
import { argumentError, need } from '@jiceng/core/errors';
import type { EventStore } from './store.js';
import type { StoredEvent } from './types.js';

/**
 * The context a case projection needs: the hierarchy and the category table (as for
 * core's `CaseStore`).
 *
 * @example
 * ```ts
 * const ctx: CaseProjectionContext = { hierarchy, categories };
 * ```
 */
export interface CaseProjectionContext {
  hierarchy: HierarchyIndex;
  categories: CategoryTable;
}

/**
 * Options of {@link CaseProjection.open}.
 *
 * @example
 * ```ts
 * const o: CaseProjectionOptions = { name: 'cases', fromSnapshot: true, batchSize: 20_000 };
 * ```
 */
export interface CaseProjectionOptions {
  /** The checkpoint and snapshot name. Default `cases`. */
  name?: string;
  /** Start from the saved snapshot if there is one (default true); false rebuilds from zero. */
  fromSnapshot?: boolean;
  /** Events read per feed page. Default 20,000. */
  batchSize?: number;
  /** Initial row capacity of the facts. */
  capacity?: number;
}

const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);
/** zlib's output pieces: 4 MB, not its 16 kB — a 51 MB snapshot in 13 hops to libuv's threads and back, not 3,200. */
const CHUNK = 1 << 22;
/** `JCZ1`: the bytes after it are a core case snapshot, deflated. */
const DEFLATED = [0x4a, 0x43, 0x5a, 0x31];

/**
 * The bytes {@link CaseProjection.saveSnapshot} stores for a case store: core's
 * `encodeCaseSnapshot`, deflated (zlib level 1, on libuv's threads, not the event loop) behind
 * a 4-byte mark — half the bytes for the database to read back at a restart (51 → 26 MB for
 * the Putian history's 533,500 cases), inflated in about a quarter of a second.
 * {@link CaseProjection.open} reads these and core's bytes as they are (older snapshots).
 * A store that is not a `CaseStore` made with `keepLog: false` rejects with a `JcError` `E_INVALID_INPUT`.
 *
 * @example
 * ```ts
 * const cases = new CaseStore(ctx, { keepLog: false });
 * cases.replay(events);
 * await store.saveSnapshot('cases', position, await caseSnapshotBytes(cases));
 * ```
 */
export async function caseSnapshotBytes(cases: CaseStore): Promise<Uint8Array> {
  const raw = encodeCaseSnapshot(cases);
  const packed = await deflate(raw, { level: 1, chunkSize: CHUNK });
  const out = new Uint8Array(DEFLATED.length + packed.byteLength);
  out.set(DEFLATED);
  out.set(packed, DEFLATED.length);
  return out;
}

/**
 * The case store back from bytes {@link caseSnapshotBytes} made (or core's
 * `encodeCaseSnapshot` bytes as they are, as older snapshots hold): null when they do not
 * inflate or decode, or were made for another hierarchy or category table — fold from zero
 * then. An argument of the wrong kind rejects with a `JcError` `E_ARGUMENT`.
 *
 * @example
 * ```ts
 * const snap = await store.loadSnapshot('cases');
 * const cases = snap && (await casesFromSnapshotBytes(snap.data, { hierarchy, categories }));
 * ```
 */
export async function casesFromSnapshotBytes(data: Uint8Array, ctx: CaseProjectionContext, opts: { capacity?: number } = {}): Promise<CaseStore | null> {
  if (!(data instanceof Uint8Array)) throw argumentError('casesFromSnapshotBytes', 'data', { zh: 'Uint8Array', en: 'a Uint8Array' });
  need('casesFromSnapshotBytes', 'ctx', ctx, 'object', { hierarchy: 'object', categories: 'object' });
  need('casesFromSnapshotBytes', 'opts', opts, 'object', { capacity: 'number?' });
  let body = data;
  if (DEFLATED.every((b, i) => data[i] === b)) {
    try {
      const out = await inflate(data.subarray(DEFLATED.length), { chunkSize: CHUNK });
      body = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    } catch {
      return null;
    }
  }
  // bytes this version cannot read (corrupt, another format) decode to null
  return decodeCaseSnapshot(body, ctx, { capacity: opts.capacity });
}

/**
 * A case event as core knows it, from a stored event of a `case-…` stream.
 *
 * @example
 * ```ts
 * const e = toCaseEvent(stored); // { caseId: 'c-1', version: 1, type: 'discovered', at, actor, role, roleNode, data }
 * ```
 */
export function toCaseEvent(e: StoredEvent): AnyCaseEvent {
  // Called once per event as a projection folds: two typeof checks, no field table.
  if (typeof e !== 'object' || e === null || typeof e.streamId !== 'string' || typeof e.meta !== 'object' || e.meta === null) {
    throw argumentError('toCaseEvent', 'e', { zh: '存储的事件（StoredEvent）', en: 'a stored event (StoredEvent)' });
  }
  const m = e.meta;
  return {
    caseId: e.streamId.startsWith('case-') ? e.streamId.slice(5) : e.streamId,
    version: e.version,
    type: e.type,
    at: e.time,
    actor: String(m.actor ?? ''),
    role: String(m.role ?? ''),
    roleNode: typeof m.roleNode === 'string' ? m.roleNode : '',
    data: e.data,
  } as AnyCaseEvent;
}

/**
 * The case facts and state, projected from the store's `case` streams.
 *
 * @example
 * ```ts
 * const p = await CaseProjection.open(store, { hierarchy, categories });
 * await p.catchUp();                    // apply what came since the snapshot
 * p.cases.facts.status;                 // the metrics columns
 * await p.saveSnapshot();               // a restart starts from here
 * ```
 */
export class CaseProjection {
  /** The feed position applied up to. */
  position: number;
  /** Events refused by the fold (out of order for their case), with their feed position in `row`. */
  readonly issues: JcIssue[] = [];

  private constructor(
    private readonly store: EventStore,
    /** The projected cases (core's `CaseStore`, without an event log). */
    readonly cases: CaseStore,
    position: number,
    private readonly name: string,
    private readonly batchSize: number,
    private readonly ctx: CaseProjectionContext,
  ) {
    this.position = position;
  }

  /**
   * Opens the projection: from its snapshot (and the position it covers) when there is one
   * that fits this hierarchy and category table, else empty at position 0. Call {@link CaseProjection.catchUp} to apply the rest.
   *
   * @example
   * ```ts
   * const p = await CaseProjection.open(store, ctx);
   * ```
   */
  static async open(store: EventStore, ctx: CaseProjectionContext, opts: CaseProjectionOptions = {}): Promise<CaseProjection> {
    const name = opts.name ?? 'cases';
    const batch = opts.batchSize ?? 20_000;
    if (opts.fromSnapshot !== false) {
      const snap = await store.loadSnapshot(name);
      // bytes this version cannot read give null: it folds from zero
      const restored = snap && (await casesFromSnapshotBytes(snap.data, ctx, { capacity: opts.capacity }));
      if (snap && restored) return new CaseProjection(store, restored, snap.position, name, batch, ctx);
    }
    return new CaseProjection(store, new CaseStore(ctx, { keepLog: false, capacity: opts.capacity }), 0, name, batch, ctx);
  }

  /**
   * Applies stored events (in feed order) and moves the position.
   *
   * @example
   * ```ts
   * store.subscribe(p.position, (events) => p.apply(events), { streamTypes: ['case'] });
   * ```
   */
  apply(events: StoredEvent[]): void {
    for (const e of events) {
      if (e.position <= this.position) continue;
      if (e.streamType === 'case') {
        const r = this.cases.apply(toCaseEvent(e));
        if (!r.ok) for (const p of r.errors) this.issues.push({ ...p, row: e.position });
      }
      this.position = e.position;
    }
  }

  /**
   * Reads the feed from the projection's position to its end, applies it and records the
   * checkpoint. Gives the number of events applied.
   *
   * @example
   * ```ts
   * await p.catchUp(); // 1_204
   * ```
   */
  async catchUp(): Promise<number> {
    let n = 0;
    for (;;) {
      const batch = await this.store.readFeed({ after: this.position, limit: this.batchSize, streamTypes: ['case'] });
      if (!batch.length) break;
      this.apply(batch);
      n += batch.length;
    }
    await this.store.setCheckpoint(this.name, this.position);
    return n;
  }

  /**
   * Saves the projection's state and position as its snapshot (binary columns, see
   * core's `encodeCaseSnapshot`, deflated: {@link caseSnapshotBytes}) and its checkpoint.
   *
   * @example
   * ```ts
   * await p.saveSnapshot();
   * ```
   */
  async saveSnapshot(): Promise<void> {
    await this.store.saveSnapshot(this.name, this.position, await caseSnapshotBytes(this.cases));
    await this.store.setCheckpoint(this.name, this.position);
  }
}
