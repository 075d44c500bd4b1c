/**
 * `@jiceng/store`, Jiceng's system of record: one PostgreSQL schema on two engines — PGlite
 * (embedded, the default: a data directory in Node, no server to install) and a PostgreSQL
 * server through `pg`. Streams of events with optimistic concurrency and idempotent command
 * ids, a global feed that never skips a late commit, checkpoints and snapshots for
 * projections, and bulk import/export of the JSON Lines event log.
 *
 * @example
 * ```ts
 * import { openStore } from '@jiceng/store';
 * const store = await openStore({ dataDir: './.jiceng-data' });
 * const r = await store.append('case-c-1', [{ type: 'discovered', data: {} }], { expectedVersion: 'none' });
 * await store.close();
 * ```
 * @module
 */
export * from './types.js';
export { EventStore, openStore, versionConflict, type StoreOptions } from './store.js';
export { openEngine, copyField, type Engine, type EngineOptions, type Sql } from './engine.js';
export { migrate, migrationFiles } from './migrate.js';
export { fastCaseRow, lineToRow, rowToLine, type LogRow } from './log.js';
export { CaseProjection, caseSnapshotBytes, casesFromSnapshotBytes, toCaseEvent, type CaseProjectionContext, type CaseProjectionOptions } from './case-projection.js';
