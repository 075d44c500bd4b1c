// The engines every store test runs on: PGlite always, PostgreSQL when JICENG_TEST_PG_URL is
// set (scripts/postgres.sh start). Without it the PostgreSQL tests say so — and under CI=true
// its absence is a failure, not a pass.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type EventStore, type StoreOptions } from '@jiceng/store';

export const PG_URL = process.env.JICENG_TEST_PG_URL;

/** A place for one test's data: a fresh PostgreSQL schema, or a PGlite directory (or memory). */
export interface Place {
  opts: StoreOptions;
  open(): Promise<EventStore>;
  drop(): Promise<void>;
}

export type EngineKind = 'pglite' | 'postgres';

let n = 0;
/** A fresh, empty place on the engine (a schema of its own on PostgreSQL). */
export async function freshPlace(kind: EngineKind, opts: { dir?: boolean; poolSize?: number } = {}): Promise<Place> {
  if (kind === 'postgres') {
    const schema = `t_${process.pid}_${Date.now().toString(36)}_${n++}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const url = `${PG_URL}${PG_URL!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const o: StoreOptions = { url, poolSize: opts.poolSize ?? 20 };
    return {
      opts: o,
      open: () => openStore(o),
      async drop() {
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      },
    };
  }
  const dir = opts.dir ? mkdtempSync(join(tmpdir(), 'jiceng-store-')) : undefined;
  const o: StoreOptions = dir ? { dataDir: dir } : {};
  return { opts: o, open: () => openStore(o), async drop() { if (dir) rmSync(dir, { recursive: true, force: true }); } };
}

/** The engines to run on; registers the "PostgreSQL present" test once per file. */
export function engines(): EngineKind[] {
  test('PostgreSQL is present for the store tests (JICENG_TEST_PG_URL)', (t) => {
    if (PG_URL) return;
    const msg = 'PostgreSQL is ABSENT: JICENG_TEST_PG_URL is unset, so the store tests ran on PGlite only. Start one with: eval "$(bash scripts/postgres.sh start)"';
    if (process.env.CI === 'true' || process.env.CI === '1') assert.fail(`${msg} (under CI this is a failure)`);
    console.warn(`\n⚠ ${msg}\n`);
    t.skip(msg);
  });
  return PG_URL ? ['pglite', 'postgres'] : ['pglite'];
}
