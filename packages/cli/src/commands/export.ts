/**
 * `jiceng export`: writes the store's events as a JSON Lines log.
 * @module
 */
import { openStore } from '@jiceng/store';
import { EXIT, parseCommandArgs, usageError, type Command } from '../command.js';
import { openSink } from '../case-log.js';
import { dbOptions } from './store-db.js';

/**
 * `jiceng export --db <dir|postgres-url> [--out FILE] [--lang en]`: every event in the
 * store, in feed order, one JSON line each, to standard output (or `--out`). The export of
 * an imported log is byte-identical to it.
 *
 * @example
 * ```ts
 * await exportCommand.run(['--db', '.jiceng-data', '--out', 'log.jsonl'], nodeIo()); // 0
 * ```
 */
export const exportCommand: Command = {
  name: 'export',
  summary: { zh: '把数据库中的全部事件导出为 JSON Lines 事件日志', en: 'Write every event in the store as a JSON Lines event log' },
  usage: 'jiceng export --db <dir|postgres-url> [--out FILE] [--lang en]',
  async run(args, io) {
    const p = parseCommandArgs(exportCommand, args, { db: { type: 'string' }, out: { type: 'string' } }, io, { max: 0 });
    if (!p.ok) return p.exit;
    const db = p.values.db as string | undefined;
    if (!db) return usageError(exportCommand, io, p.lang, { zh: '缺少 --db', en: 'missing --db' });
    if (!/^postgres(ql)?:\/\//.test(db) && (await io.kind(db)) !== 'dir') {
      return usageError(exportCommand, io, p.lang, { zh: `数据目录不存在：${db}`, en: `no such data directory: ${db}` });
    }
    const out = p.values.out as string | undefined;
    const sink = out ? await openSink(io, out) : { write: async (t: string) => io.out(t), close: async () => {} };
    const store = await openStore(dbOptions(db, io));
    try {
      let chunk = '';
      for await (const line of store.exportLog()) {
        chunk += `${line}\n`;
        if (chunk.length > 1 << 20) {
          await sink.write(chunk);
          chunk = '';
        }
      }
      if (chunk) await sink.write(chunk);
      await sink.close();
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
