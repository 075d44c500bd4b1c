/**
 * The `--db` option of `jiceng import` and `jiceng export`: a PGlite data directory or a
 * PostgreSQL URL.
 * @module
 */
import type { StoreOptions } from '@jiceng/store';
import type { CliIo } from '../io.js';

/**
 * The store options for a `--db` value: `postgres://…` or `postgresql://…` is a server,
 * anything else a PGlite data directory (resolved against the working directory).
 *
 * @example
 * ```ts
 * dbOptions('postgres://127.0.0.1/jiceng', io); // { url: 'postgres://127.0.0.1/jiceng' }
 * dbOptions('.jiceng-data', io);                // { dataDir: '/home/me/.jiceng-data' }
 * ```
 */
export function dbOptions(db: string, io: CliIo): StoreOptions {
  return /^postgres(ql)?:\/\//.test(db) ? { url: db } : { dataDir: io.resolve(db) };
}

/**
 * A `--db` value safe to print: the password of a URL replaced by `***`.
 *
 * @example
 * ```ts
 * shownDb('postgres://me:secret@host/db'); // 'postgres://me:***@host/db'
 * ```
 */
export function shownDb(db: string): string {
  return db.replace(/^(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
