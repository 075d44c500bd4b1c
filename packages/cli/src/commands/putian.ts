/**
 * `jiceng putian`: generates Putian and prints its counts; with `--out`, writes it as Jiceng
 * JSON and as CSV files.
 * @module
 */
import { join } from 'node:path';
import { buildHierarchy, JcError } from '@jiceng/core';
import { needObject } from '@jiceng/core/errors';
import { emptyOverlayInput, exportCsv, exportJson } from '@jiceng/core/io';
import { buildOverlay } from '@jiceng/core/overlay';
import { formatPutianSummary, generatePutian, putianSummary, type PutianData } from '@jiceng/putian';
import { EXIT, parseCommandArgs, usageError, type Command } from '../command.js';
import { putianListFiles, putianListsText } from '../lists-files.js';

/**
 * The files of a dataset: `putian.json` (the versioned Jiceng JSON document) and the CSV set
 * (`config.json`, `nodes.csv`, `organisations.csv`, `people.csv`, `facilities.csv`,
 * `compounds.csv`, `pairings.csv`; UTF-8 with a BOM so that Excel opens them as UTF-8).
 * Throws if the data does not build (a bug in the generator, never bad user input).
 *
 * @example
 * ```ts
 * const files = putianFiles(generatePutian({ seed: 1 }));
 * Object.keys(files);  // ['putian.json', 'config.json', 'nodes.csv', …]
 * ```
 */
export function putianFiles(data: PutianData): Record<string, string> {
  needObject('putianFiles', 'data', data);
  const h = buildHierarchy(data.config, data.nodes);
  if (!h.ok) throw new JcError(h.errors[0]);
  const o = buildOverlay(h.value, data.overlay ?? emptyOverlayInput());
  if (!o.ok) throw new JcError(o.errors[0]);
  return { 'putian.json': exportJson(h.value, o.value), ...exportCsv(h.value, o.value, { bom: true }) };
}

/**
 * `jiceng putian [--seed N] [--out DIR] [--summary] [--lang en]`: generates the Putian
 * dataset (same seed, same data; default seed 1) and prints the counts per level and per
 * kind. With `--out DIR` it writes the dataset as Jiceng JSON and as CSV (see
 * {@link putianFiles}), plus the lists, the funding ledger and the pseudonymous registry
 * (see `putianListFiles`), into DIR and lists the files; `--summary` prints only the counts
 * (with the policy set 1/4/21/N, the lists and the registry's suppressed totals).
 *
 * @example
 * ```ts
 * const io = memoryIo();
 * await putianCommand.run(['--seed', '7', '--out', 'city', '--lang', 'en'], io);  // 0
 * io.text('city/nodes.csv');   // 'code,parent,level,name,…'
 * ```
 */
export const putianCommand: Command = {
  name: 'putian',
  summary: { zh: '生成莆田市数据集（JSON 与 CSV）并输出各层级、各类数量', en: 'Generate the Putian dataset (JSON and CSV) and print its counts per level and kind' },
  usage: 'jiceng putian [--seed N] [--out DIR] [--summary] [--lang en]',
  async run(args, io) {
    const p = parseCommandArgs(putianCommand, args, { seed: { type: 'string' }, out: { type: 'string' }, summary: { type: 'boolean' } }, io, { max: 0 });
    if (!p.ok) return p.exit;
    const { lang } = p;
    const seedText = (p.values.seed as string | undefined) ?? '1';
    if (!/^-?\d{1,10}$/.test(seedText) || !Number.isSafeInteger(Number(seedText))) {
      return usageError(putianCommand, io, lang, { zh: `--seed 应为整数，而不是 ${seedText}`, en: `--seed must be an integer, not ${seedText}` });
    }
    const out = p.values.out as string | undefined;
    if (out !== undefined && (await io.kind(out)) === 'file') {
      return usageError(putianCommand, io, lang, { zh: `--out 应为目录，而 ${out} 是文件`, en: `--out must be a directory, but ${out} is a file` });
    }
    const data = generatePutian({ seed: Number(seedText) });
    if (out !== undefined) {
      const files = { ...putianFiles(data), ...putianListFiles(data) };
      for (const [name, text] of Object.entries(files)) {
        const path = join(out, name);
        await io.writeFile(path, text);
        if (!p.values.summary) {
          const mb = (Buffer.byteLength(text) / 1048576).toFixed(1);
          io.out(lang === 'en' ? `wrote ${path} (${mb} MB)\n` : `已写入 ${path}（${mb} MB）\n`);
        }
      }
      if (!p.values.summary) io.out('\n');
    }
    io.out(`${formatPutianSummary(putianSummary(data), lang)}\n`);
    io.out(`\n${putianListsText(data, lang)}\n`);
    return EXIT.ok;
  },
};
