/**
 * `jiceng history`: writes the generated Putian case history as a JSON Lines event log.
 * @module
 */
import { buildHierarchy } from '@jiceng/core';
import { ChainWriter, type AnyCaseEvent } from '@jiceng/core/cases';
import { formatIssue } from '@jiceng/core/errors';
import { generatePutian, PUTIAN_CASE_COUNTS, PutianScenario } from '@jiceng/putian';
import { EXIT, parseCommandArgs, usageError, type Command } from '../command.js';
import { count, NODE_SHA256, openSink } from '../case-log.js';

/** Events per piece handed to the file (about 1 MB of text). */
const PIECE = 4096;

/**
 * `jiceng history --out FILE.jsonl [--seed N] [--cases N] [--lang en]`: runs the Putian case
 * scenario (default 533,500 cases, of which 530,600 closed, over the generated city of seed
 * 1; `--seed` picks the history, default 1) and writes every event as JSON Lines — one
 * event per line, in the order the cases were walked — streaming the file piece by piece.
 * The log is tamper-evident: each line carries `prev`, the SHA-256 of its case's previous
 * line, and a trailer line closes it with the digest of every line's hash (see `ChainWriter`),
 * so `jiceng replay --verify` can prove it. Prints the numbers of cases, events and closed
 * cases. The log reads back with `jiceng replay` and `importEventLog`.
 *
 * @example
 * ```ts
 * const io = memoryIo();
 * await historyCommand.run(['--cases', '200', '--out', 'log.jsonl', '--lang', 'en'], io); // 0
 * io.stdout(); // 'wrote log.jsonl (0.3 MB)\ncases   200\nevents  1,743\nclosed  199 (99.50%)\n'
 * ```
 */
export const historyCommand: Command = {
  name: 'history',
  summary: { zh: '生成莆田案件历史，写为 JSON Lines 事件日志', en: 'Generate the Putian case history as a JSON Lines event log' },
  usage: 'jiceng history --out FILE.jsonl [--seed N] [--cases N] [--lang en]',
  async run(args, io) {
    const p = parseCommandArgs(historyCommand, args, { seed: { type: 'string' }, cases: { type: 'string' }, out: { type: 'string' } }, io, { max: 0 });
    if (!p.ok) return p.exit;
    const { lang } = p;
    const seedText = (p.values.seed as string | undefined) ?? '1';
    if (!/^-?\d{1,10}$/.test(seedText)) {
      return usageError(historyCommand, io, lang, { zh: `--seed 应为整数，而不是 ${seedText}`, en: `--seed must be an integer, not ${seedText}` });
    }
    const casesText = (p.values.cases as string | undefined) ?? String(PUTIAN_CASE_COUNTS.collected);
    if (!/^\d{1,8}$/.test(casesText) || Number(casesText) < 1) {
      return usageError(historyCommand, io, lang, { zh: `--cases 应为正整数，而不是 ${casesText}`, en: `--cases must be a positive integer, not ${casesText}` });
    }
    const out = p.values.out as string | undefined;
    if (out === undefined) return usageError(historyCommand, io, lang, { zh: '缺少 --out 文件', en: 'missing --out file' });
    if ((await io.kind(out)) === 'dir') {
      return usageError(historyCommand, io, lang, { zh: `--out 应为文件，而 ${out} 是目录`, en: `--out must be a file, but ${out} is a directory` });
    }

    const data = generatePutian({ seed: 1 });
    const built = buildHierarchy(data.config, data.nodes);
    if (!built.ok) throw new Error(built.errors.slice(0, 3).map((e) => formatIssue(e, 'en')).join('; '));
    const sim = new PutianScenario(built.value, { seed: Number(seedText), cases: Number(casesText) });

    const sink = await openSink(io, out);
    let events = 0;
    let closed = 0;
    let bytes = 0;
    let batch: AnyCaseEvent[] = [];
    const chain = new ChainWriter(NODE_SHA256);
    const flush = async (): Promise<void> => {
      // Joined once (a flat string), not concatenated line by line (a rope flattened to count and again to write).
      const lines = new Array<string>(batch.length + 1);
      for (let k = 0; k < batch.length; k++) lines[k] = chain.line(batch[k]);
      lines[batch.length] = '';
      const text = lines.join('\n');
      bytes += Buffer.byteLength(text);
      batch = [];
      await sink.write(text);
    };
    try {
      for (let i = 0; i < sim.cases; i++) {
        // One case at a time (the same events as a whole run), so the file never sits in memory.
        const stream = sim.caseEvents(i);
        for (const e of stream) batch.push(e);
        events += stream.length;
        if (stream[stream.length - 1]?.type === 'closed') closed++;
        if (batch.length >= PIECE) await flush();
      }
      await flush();
      const trailer = `${chain.trailer()}\n`;
      bytes += Buffer.byteLength(trailer);
      await sink.write(trailer);
    } finally {
      await sink.close();
    }
    const mb = (bytes / 1048576).toFixed(1);
    io.out(lang === 'en'
      ? `wrote ${out} (${mb} MB)\ncases   ${count(sim.cases)}\nevents  ${count(events)}\nclosed  ${count(closed)} (${((100 * closed) / sim.cases).toFixed(2)}%)\n`
      : `已写入 ${out}（${mb} MB）\n案件    ${count(sim.cases)}\n事件    ${count(events)}\n已办结  ${count(closed)}（${((100 * closed) / sim.cases).toFixed(2)}%）\n`);
    return EXIT.ok;
  },
};
