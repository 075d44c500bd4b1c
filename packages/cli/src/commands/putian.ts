/**
 * `jiceng putian`: generates Putian and prints its counts.
 * @module
 */
import { formatPutianSummary, generatePutian, putianSummary } from '@jiceng/putian';
import { EXIT, parseCommandArgs, usageError, type Command } from '../command.js';

/**
 * `jiceng putian [--seed N] [--summary] [--lang en]`: generates the Putian dataset (same
 * seed, same data; default seed 1) and prints the counts per level and per kind
 * (`--summary`: only the counts, which is all it prints without an output directory).
 *
 * @example
 * ```ts
 * const io = memoryIo();
 * await putianCommand.run(['--seed', '7', '--lang', 'en'], io);  // 0
 * io.stdout();   // 'Putian grassroots governance data …'
 * ```
 */
export const putianCommand: Command = {
  name: 'putian',
  summary: { zh: '生成莆田市数据集并输出各层级、各类数量', en: 'Generate the Putian dataset and print its counts per level and kind' },
  usage: 'jiceng putian [--seed N] [--summary] [--lang en]',
  async run(args, io) {
    const p = parseCommandArgs(putianCommand, args, { seed: { type: 'string' }, summary: { type: 'boolean' } }, io, { max: 0 });
    if (!p.ok) return p.exit;
    const { lang } = p;
    const seedText = (p.values.seed as string | undefined) ?? '1';
    if (!/^-?\d{1,10}$/.test(seedText) || !Number.isSafeInteger(Number(seedText))) {
      return usageError(putianCommand, io, lang, { zh: `--seed 应为整数，而不是 ${seedText}`, en: `--seed must be an integer, not ${seedText}` });
    }
    const data = generatePutian({ seed: Number(seedText) });
    io.out(`${formatPutianSummary(putianSummary(data), lang)}\n`);
    return EXIT.ok;
  },
};
