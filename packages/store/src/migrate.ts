/**
 * Forward-only migrations: the numbered SQL files in `migrations/`, each applied once, in
 * order, in one transaction with its row in `jc_migrations`.
 * @module
 */
import { readdir, readFile } from 'node:fs/promises';
import type { Engine } from './engine.js';
import { need } from '@jiceng/core/errors';

/** The migrations folder beside `src/` and `dist/`. */
const DIR = new URL('../migrations/', import.meta.url);

/** A lock key for migrations (any constant; other programs must not use it). */
const MIGRATION_LOCK = 7_312_001;

/**
 * The migration files, in order: `NNNN_name.sql`.
 *
 * @example
 * ```ts
 * (await migrationFiles()).map((m) => m.version); // [1, …]
 * ```
 */
export async function migrationFiles(): Promise<{ version: number; name: string; sql: string }[]> {
  const names = (await readdir(DIR)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
  return Promise.all(names.map(async (name) => ({ version: Number(name.slice(0, 4)), name, sql: await readFile(new URL(name, DIR), 'utf8') })));
}

/**
 * Applies the migrations not yet applied (on a server, under an advisory lock so that two
 * processes opening at once do not race). Gives the versions applied now.
 *
 * @example
 * ```ts
 * await migrate(engine); // [1] on a new database, [] after
 * ```
 */
export async function migrate(engine: Engine): Promise<number[]> {
  need('migrate', 'engine', engine, 'object', { transaction: 'function' });
  const files = await migrationFiles();
  return engine.transaction(async (tx) => {
    if (engine.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS jc_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM jc_migrations')).map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const f of files) {
      if (done.has(f.version)) continue;
      await tx.exec(f.sql);
      await tx.query('INSERT INTO jc_migrations (version, name) VALUES ($1, $2)', [f.version, f.name]);
      applied.push(f.version);
    }
    return applied;
  });
}
