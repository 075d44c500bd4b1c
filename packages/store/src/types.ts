/**
 * The records the store reads and writes.
 * @module
 */
import type { JcIssue } from '@jiceng/core';

/**
 * Who did it and why: kept with every event.
 *
 * @example
 * ```ts
 * const m: EventMeta = { actor: 'u-7', role: 'village-officer', commandId: 'cmd-1' };
 * ```
 */
export interface EventMeta {
  /** The user who issued the command. */
  actor?: string;
  /** The role (grant) they acted under. */
  role?: string;
  /** The command that produced the event (idempotency key). */
  commandId?: string;
  /** The request or workflow the command belongs to. */
  correlationId?: string;
  /** The event or command that caused this one. */
  causationId?: string;
  /** Anything else the host keeps (for case events: `roleNode`). */
  [key: string]: unknown;
}

/**
 * An event to append.
 *
 * @example
 * ```ts
 * const e: NewEvent = { type: 'accepted', data: {}, meta: { actor: 'u-7', role: 'village-officer' }, time: Date.now() };
 * ```
 */
export interface NewEvent {
  /** The event type, e.g. `discovered`. */
  type: string;
  /** The payload (plain JSON). */
  data: unknown;
  /** The version of the payload's schema. Default 1. */
  schemaVersion?: number;
  /** Who and why. */
  meta?: EventMeta;
  /** Domain time, epoch ms (a case event's `at`). Default: now. */
  time?: number;
  /** The integrity hash of the event (computed by its producer; the store keeps it). */
  hash?: string;
}

/**
 * An event as stored: its stream, its version there, its global position.
 *
 * @example
 * ```ts
 * const [e] = await store.readStream('case-c-1');
 * e.version; // 1
 * e.position; // its place in the global feed
 * ```
 */
export interface StoredEvent {
  /** The stream, e.g. `case-c-1`. */
  streamId: string;
  /** What kind of stream: `case`, `list`, `registry`, `engagement`, `alerts`, `audit`… */
  streamType: string;
  /** The event's 1-based version in its stream. */
  version: number;
  /** The global position (the feed's order: the order of commits). */
  position: number;
  /** The event type. */
  type: string;
  /** The payload. */
  data: unknown;
  /** The payload's schema version. */
  schemaVersion: number;
  /** Who and why. */
  meta: EventMeta;
  /** Domain time, epoch ms. */
  time: number;
  /** The integrity hash, if the producer gave one. */
  hash: string | null;
  /** When the database recorded it (ISO 8601). */
  recordedAt: string;
}

/**
 * What an append is checked against: the stream's current version, `'none'` (the stream must
 * not exist; same as 0) or `'any'` (no check).
 *
 * @example
 * ```ts
 * const v: ExpectedVersion = 3;
 * ```
 */
export type ExpectedVersion = number | 'any' | 'none';

/**
 * Options of {@link EventStore.append}.
 *
 * @example
 * ```ts
 * const o: AppendOptions = { expectedVersion: 'none', commandId: 'cmd-1', streamType: 'case' };
 * ```
 */
export interface AppendOptions {
  /** Optimistic concurrency: the version the caller decided against. */
  expectedVersion: ExpectedVersion;
  /** Idempotency key: a command id seen before returns the first result and appends nothing. Default: the first event's `meta.commandId`. */
  commandId?: string;
  /** The stream's type. Default: the stream id up to its first `-` (`case-c-1` → `case`). */
  streamType?: string;
}

/**
 * The outcome of an append: the stored events (or, for a repeated command id, the events of
 * its first append, with `duplicate: true`), or a version conflict carrying the current version.
 *
 * @example
 * ```ts
 * const r = await store.append('case-c-1', events, { expectedVersion: 3 });
 * if (!r.ok) console.log(r.error.code, r.currentVersion); // 'E_VERSION_CONFLICT', 4
 * ```
 */
export type AppendResult =
  | { ok: true; version: number; events: StoredEvent[]; duplicate: boolean }
  | { ok: false; error: JcIssue; currentVersion: number };

/**
 * Options of {@link EventStore.readFeed}.
 *
 * @example
 * ```ts
 * const f: FeedOptions = { after: 0, limit: 1000, streamTypes: ['case'] };
 * ```
 */
export interface FeedOptions {
  /** The last position already seen (0 = from the start). */
  after: number;
  /** Most events to return. Default 1000. */
  limit?: number;
  /** Only streams of these types. */
  streamTypes?: string[];
}

/**
 * Options of {@link EventStore.subscribe}.
 *
 * @example
 * ```ts
 * const o: SubscribeOptions = { streamTypes: ['case'], pollMs: 500, onError: console.error };
 * ```
 */
export interface SubscribeOptions {
  /** Only streams of these types. */
  streamTypes?: string[];
  /** Events per delivery. Default 1000. */
  batchSize?: number;
  /** Poll interval as a safety net beside notifications, ms. Default 1000. */
  pollMs?: number;
  /** Called when reading the feed fails (the subscription keeps trying). */
  onError?: (e: unknown) => void;
}

/**
 * A stored snapshot of a projection.
 *
 * @example
 * ```ts
 * const s = await store.loadSnapshot('cases');
 * if (s) new TextDecoder().decode(s.data);
 * ```
 */
export interface Snapshot {
  /** The feed position the snapshot covers. */
  position: number;
  /** The snapshot's bytes (a string saved comes back as its UTF-8 bytes). */
  data: Uint8Array;
}

/**
 * Options of {@link EventStore.importLog}.
 *
 * @example
 * ```ts
 * const o: ImportOptions = { name: 'history.jsonl', batchSize: 50_000, onProgress: (p) => console.log(p.lines) };
 * ```
 */
export interface ImportOptions {
  /** The import's name: its progress row (an interrupted import with the same name resumes). Default `import`. */
  name?: string;
  /** Lines per transaction. Default 20,000. */
  batchSize?: number;
  /** Called after each committed batch. */
  onProgress?: (p: ImportProgress) => void;
}

/**
 * How far an import got.
 *
 * @example
 * ```ts
 * const p: ImportProgress = { lines: 40_000, events: 40_000, skipped: 0, resumedAt: 0, issues: [] };
 * ```
 */
export interface ImportProgress {
  /** Lines of the source committed (including those of earlier, interrupted runs). */
  lines: number;
  /** Events stored by this import (all runs). */
  events: number;
  /** Lines skipped because an earlier run had committed them. */
  resumedAt: number;
  /** Blank lines and refused lines in this run. */
  skipped: number;
  /** Refused lines (bad JSON, not the next version of their stream), with their line number in `row`. */
  issues: JcIssue[];
}
