/**
 * `jiceng import`: bulk-loads a JSON Lines event log into the store (PGlite directory or
 * PostgreSQL), with COPY, in batches, resumable.
 * @module
 */
import { openStore } from '@jiceng/store';
import { EXIT, parseCommandArgs, usageError, type Command } from '../command.js';
import { count, issueLine, readLines } from '../case-log.js';
import { dbOptions, shownDb } from './store-db.js';

/**
 * `jiceng import <log.jsonl> --db <dir|postgres-url> [--batch N] [--lang en]`: loads every
 * line of the log into the store, `--batch` lines (default 20,000) per transaction. Each
 * batch commits with the import's progress (named by the log's absolute path), so an import
 * that was killed resumes after its last committed line when run again. Prints the lines,
 * the events stored and every refused line as `log.jsonl:LINE CODE: message`; exit 0 if
 * every line was stored, 1 if any was refused.
 *
 * @example
 * ```ts
 * await importCommand.run(['history.jsonl', '--db', '.jiceng-data'], nodeIo()); // 0
 * ```
 */
export const importCommand: Command = {
  name: 'import',
  summary: { zh: '把事件日志（JSON Lines）批量导入数据库（PGlite 目录或 PostgreSQL），可断点续传', en: 'Bulk-load a JSON Lines event log into the store (PGlite directory or PostgreSQL), resumable' },
  usage: 'jiceng import <log.jsonl> --db <dir|postgres-url> [--batch N] [--lang en]',
  async run(args, io) {
    const p = parseCommandArgs(importCommand, args, { db: { type: 'string' }, batch: { type: 'string' } }, io, { min: 1, max: 1 });
    if (!p.ok) return p.exit;
    const { lang } = p;
    const en = lang === 'en';
    const path = p.positionals[0];
    const db = p.values.db as string | undefined;
    if (!db) return usageError(importCommand, io, lang, { zh: '缺少 --db', en: 'missing --db' });
    const batch = p.values.batch === undefined ? 20_000 : Number(p.values.batch);
    if (!Number.isInteger(batch) || batch < 1) return usageError(importCommand, io, lang, { zh: '--batch 应为正整数', en: '--batch must be a positive integer' });
    if ((await io.kind(path)) !== 'file') return usageError(importCommand, io, lang, { zh: `文件不存在：${path}`, en: `no such file: ${path}` });
    const store = await openStore(dbOptions(db, io));
    try {
      const started = Date.now();
      const r = await store.importLog(readLines(io, path), {
        name: io.resolve(path),
        batchSize: batch,
        onProgress: (x) => io.err(en ? `\r${count(x.lines)} lines committed` : `\r已提交 ${count(x.lines)} 行`),
      });
      io.err('\n');
      const s = ((Date.now() - started) / 1000).toFixed(1);
      io.out(`${[
        en ? `${path} → ${shownDb(db)}` : `${path} → ${shownDb(db)}`,
        r.resumedAt ? (en ? `resumed after line ${count(r.resumedAt)}` : `从第 ${count(r.resumedAt)} 行之后续传`) : '',
        en ? `lines: ${count(r.lines)}` : `行：${count(r.lines)}`,
        en ? `events stored: ${count(r.events)}` : `已存事件：${count(r.events)}`,
        en ? `refused lines: ${count(r.issues.length)}` : `拒绝的行：${count(r.issues.length)}`,
        en ? `time: ${s} s` : `用时：${s} 秒`,
      ].filter(Boolean).join('\n')}\n`);
      for (const e of r.issues) io.out(`${issueLine(path, e, lang)}\n`);
      return r.issues.length ? EXIT.problems : EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
