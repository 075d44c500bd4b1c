/**
 * The two engines behind one interface: PGlite (PostgreSQL in WebAssembly, in-process, one
 * connection) and a PostgreSQL server through a `pg` pool. The store speaks only this
 * interface, so the SQL is the same on both.
 * @module
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { argumentError, need } from '@jiceng/core/errors';

/**
 * A connection that runs SQL: parameters are `$1…`, rows come back as plain objects.
 *
 * @example
 * ```ts
 * const rows = await sql.query<{ n: number }>('SELECT 1::int AS n');
 * ```
 */
export interface Sql {
  /** Runs one statement with parameters; gives its rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters (a migration file). */
  exec(text: string): Promise<void>;
  /** `COPY table (columns) FROM` the given text or its UTF-8 bytes (PostgreSQL's text format, one row a line). */
  copyIn(table: string, columns: readonly string[], text: string | Uint8Array): Promise<void>;
  /**
   * `COPY (select) TO` this process in PostgreSQL's binary COPY format: the bytes as they come
   * (read them with the store's internal `binaryCopyRows`). No parameters: the select must quote its own literals.
   */
  copyOut(select: string): Promise<Uint8Array>;
}

/**
 * An open database: {@link Sql} plus transactions, notifications and close.
 *
 * @example
 * ```ts
 * const engine = await openEngine({});           // in-memory PGlite
 * await engine.transaction((tx) => tx.query('SELECT 1'));
 * await engine.close();
 * ```
 */
export interface Engine extends Sql {
  /** `pglite` (embedded, one connection) or `postgres` (a server through a pool). */
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction (READ COMMITTED): committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Listens to a PostgreSQL notification channel (a server only; PGlite returns null). */
  listen(channel: string, onNotify: () => void): Promise<(() => Promise<void>) | null>;
  /** Closes the pool or the PGlite instance. */
  close(): Promise<void>;
}

/**
 * Where the store lives: a PGlite data directory (or memory when neither is given), or a
 * PostgreSQL URL.
 *
 * @example
 * ```ts
 * const a: EngineOptions = { dataDir: './.jiceng-data' };
 * const b: EngineOptions = { url: 'postgres://127.0.0.1:5432/jiceng', poolSize: 16 };
 * ```
 */
export interface EngineOptions {
  /** A PGlite data directory (created if missing). Omitted with `url` omitted: in memory. */
  dataDir?: string;
  /** A PostgreSQL connection URL (`postgres://…`): the server engine. */
  url?: string;
  /** Connections in the pool (server engine). Default 10. */
  poolSize?: number;
}

/** Escapes one value for PostgreSQL's COPY text format (`\N` for null). */
export function copyField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') throw argumentError('copyField', 'v', { zh: '文本、数或空值', en: 'a string, a number or null' });
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : v;
}

/**
 * The rows of PostgreSQL's binary COPY format (what {@link Sql.copyOut} gives): each row its
 * fields' raw bytes (views into `bytes`, no copy), null for SQL NULL. Throws a JcError-shaped
 * argument error on bytes that are not that format.
 *
 * @example
 * ```ts
 * const [[position, data]] = binaryCopyRows(await engine.copyOut("SELECT position, data FROM jc_snapshots WHERE name = 'cases'"));
 * new DataView(position!.buffer, position!.byteOffset).getBigInt64(0); // big-endian int8
 * ```
 */
export function binaryCopyRows(bytes: Uint8Array): (Uint8Array | null)[][] {
  const bad = () => argumentError('binaryCopyRows', 'bytes', { zh: 'PostgreSQL 二进制 COPY 数据', en: "PostgreSQL's binary COPY data" });
  if (!(bytes instanceof Uint8Array) || bytes.byteLength < 21) throw bad();
  for (let i = 0; i < COPY_SIGNATURE.length; i++) if (bytes[i] !== COPY_SIGNATURE[i]) throw bad();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 15;
  at += 4 + view.getUint32(at);
  const rows: (Uint8Array | null)[][] = [];
  for (;;) {
    if (at + 2 > bytes.byteLength) throw bad();
    const n = view.getInt16(at);
    at += 2;
    if (n === -1) return rows;
    const row: (Uint8Array | null)[] = [];
    for (let f = 0; f < n; f++) {
      if (at + 4 > bytes.byteLength) throw bad();
      const len = view.getInt32(at);
      at += 4;
      if (len === -1) {
        row.push(null);
        continue;
      }
      if (len < 0 || at + len > bytes.byteLength) throw bad();
      row.push(bytes.subarray(at, at + len));
      at += len;
    }
    rows.push(row);
  }
}
/** `PGCOPY\n\377\r\n\0`, then a 32-bit flags field and the header extension's length. */
const COPY_SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00];

class PgliteEngine implements Engine {
  readonly kind = 'pglite' as const;
  constructor(private readonly db: PGlite) {}

  private static wrap(q: Pick<PGlite, 'query' | 'exec'>): Sql {
    return {
      async query<T>(text: string, params: unknown[] = []) {
        return (await q.query<T>(text, params)).rows;
      },
      async exec(text: string) {
        await q.exec(text);
      },
      async copyIn(table, columns, text) {
        await q.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob([text as BlobPart]) });
      },
      async copyOut(select) {
        const r = await q.query(`COPY (${select}) TO '/dev/blob' WITH (FORMAT binary)`);
        return r.blob ? new Uint8Array(await r.blob.arrayBuffer()) : new Uint8Array(0);
      },
    };
  }

  query<T>(text: string, params?: unknown[]): Promise<T[]> {
    return PgliteEngine.wrap(this.db).query<T>(text, params);
  }
  exec(text: string): Promise<void> {
    return PgliteEngine.wrap(this.db).exec(text);
  }
  copyIn(table: string, columns: readonly string[], text: string | Uint8Array): Promise<void> {
    return PgliteEngine.wrap(this.db).copyIn(table, columns, text);
  }
  copyOut(select: string): Promise<Uint8Array> {
    return PgliteEngine.wrap(this.db).copyOut(select);
  }
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(PgliteEngine.wrap(tx as unknown as PGlite)));
  }
  async listen(): Promise<null> {
    return null;
  }
  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}

class PostgresEngine implements Engine {
  readonly kind = 'postgres' as const;
  constructor(private readonly pool: pg.Pool) {}

  private static wrap(c: pg.Pool | pg.PoolClient): Sql {
    return {
      async query<T>(text: string, params: unknown[] = []) {
        return (await c.query(text, params)).rows as T[];
      },
      async exec(text: string) {
        await c.query(text);
      },
      async copyIn(table, columns, text) {
        await copyViaClient(c, table, columns, text);
      },
      async copyOut(select) {
        const client = c instanceof pg.Pool ? await c.connect() : c;
        try {
          const chunks: Buffer[] = [];
          const stream = client.query(copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT binary)`));
          for await (const chunk of stream) chunks.push(chunk as Buffer);
          const all = Buffer.concat(chunks);
          return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
        } finally {
          if (client !== c) (client).release();
        }
      },
    };
  }

  query<T>(text: string, params?: unknown[]): Promise<T[]> {
    return PostgresEngine.wrap(this.pool).query<T>(text, params);
  }
  exec(text: string): Promise<void> {
    return PostgresEngine.wrap(this.pool).exec(text);
  }
  async copyIn(table: string, columns: readonly string[], text: string | Uint8Array): Promise<void> {
    await this.transaction((tx) => tx.copyIn(table, columns, text));
  }
  copyOut(select: string): Promise<Uint8Array> {
    return PostgresEngine.wrap(this.pool).copyOut(select);
  }
  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const out = await fn(PostgresEngine.wrap(client));
      await client.query('COMMIT');
      return out;
    } catch (e) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw e;
    } finally {
      client.release(broken);
    }
  }
  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const client = await this.pool.connect();
    const handler = (m: pg.Notification) => {
      if (m.channel === channel) onNotify();
    };
    client.on('notification', handler);
    await client.query(`LISTEN ${channel}`);
    return async () => {
      client.off('notification', handler);
      try {
        await client.query(`UNLISTEN ${channel}`);
      } finally {
        client.release();
      }
    };
  }
  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** COPY through a pg client with `pg-copy-streams` (the COPY protocol, as psql uses it). */
async function copyViaClient(c: pg.Pool | pg.PoolClient, table: string, columns: readonly string[], text: string | Uint8Array): Promise<void> {
  const client = c instanceof pg.Pool ? await c.connect() : c;
  try {
    const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    await pipeline(Readable.from([typeof text === 'string' ? Buffer.from(text) : text]), stream);
  } finally {
    if (client !== c) (client).release();
  }
}

/**
 * Opens the engine the options name: `url` → a PostgreSQL pool; otherwise PGlite on
 * `dataDir` (or in memory).
 *
 * @example
 * ```ts
 * const engine = await openEngine({ dataDir: './.jiceng-data' });
 * ```
 */
export async function openEngine(opts: EngineOptions): Promise<Engine> {
  need('openEngine', 'opts', opts, 'object', { dataDir: 'string?', url: 'string?', poolSize: 'count?' });
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    pool.on('error', () => {
      /* an idle client lost its server: the next query reports it */
    });
    await pool.query('SELECT 1');
    return new PostgresEngine(pool);
  }
  const db = opts.dataDir ? new PGlite(opts.dataDir) : new PGlite();
  await db.waitReady;
  return new PgliteEngine(db);
}
