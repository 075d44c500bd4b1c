/**
 * What the server needs of the system of record: the part of `@jiceng/store`'s interface it
 * calls. Any object of this shape will do (the store on PGlite or PostgreSQL, or another
 * implementation of the same contract).
 * @module
 */
import type { JcIssue } from '@jiceng/core';

/**
 * An event to append.
 *
 * @example
 * ```ts
 * const e: NewEvent = { type: 'discovered', data: { node: '350302001001001001', source: 'patrol', description: '…' }, meta: { actor: 'gw-1' } };
 * ```
 */
export interface NewEvent {
  type: string;
  data: unknown;
  schemaVersion?: number;
  meta?: Record<string, unknown>;
  time?: string | number | Date;
}

/**
 * An event as the store keeps it: its stream, its version in the stream and its global
 * position (the feed order).
 *
 * @example
 * ```ts
 * const e: StoredEvent = { streamId: 'case-1', streamType: 'case', version: 1, position: 17, type: 'discovered', data: {}, schemaVersion: 1, meta: {}, time: '…', hash: '…', recordedAt: '…' };
 * ```
 */
export interface StoredEvent {
  streamId: string;
  streamType: string;
  version: number;
  position: number | bigint | string;
  type: string;
  data: unknown;
  schemaVersion: number;
  meta: Record<string, unknown>;
  time: unknown;
  hash: unknown;
  recordedAt: unknown;
}

/**
 * The answer of an append.
 *
 * @example
 * ```ts
 * const r: AppendResult = { ok: false, error, currentVersion: 4 };
 * ```
 */
export type AppendResult =
  | { ok: true; version: number; events: StoredEvent[]; duplicate: boolean }
  | { ok: false; error: JcIssue; currentVersion: number };

/**
 * The store's interface as the server uses it.
 *
 * @example
 * ```ts
 * import { openStore } from '@jiceng/store';
 * const store: EventStorePort = await openStore({ dataDir: './.jiceng-data' });
 * ```
 */
export interface EventStorePort {
  /** Appends to one stream with optimistic concurrency and an idempotent command id. */
  append(
    streamId: string,
    events: NewEvent[],
    opts: { expectedVersion: number | 'any' | 'none'; commandId?: string; streamType?: string },
  ): Promise<AppendResult>;
  /** One stream's events, in version order. */
  readStream(streamId: string, opts?: { fromVersion?: number }): Promise<StoredEvent[]>;
  /** Every stream's events after a global position, in feed order. */
  readFeed(opts: { after: number; limit?: number; streamTypes?: string[] }): Promise<StoredEvent[]>;
  /** Calls `onEvents` with events appended after `after`; gives the unsubscribe function. */
  subscribe(after: number, onEvents: (events: StoredEvent[]) => void): (() => void) | Promise<() => void>;
  /** Closes the store. */
  close(): Promise<void>;
}
