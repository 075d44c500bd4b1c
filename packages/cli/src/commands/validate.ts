/**
 * `jiceng validate`: checks hierarchy files (CSV sets and Jiceng JSON documents) and prints
 * every problem with file, row, column, code and message.
 * @module
 */
import { basename, dirname, join } from 'node:path';
import {
  CSV_FILES,
  decodeText,
  formatIssue,
  importCsv,
  importJson,
  issue,
  type CsvFiles,
  type Dataset,
  type HierarchyConfig,
  type JcIssue,
  type Lang,
  type LocalizedText,
  type Result,
} from '@jiceng/core';
import { putianConfig } from '@jiceng/putian';
import { EXIT, parseCommandArgs, usageError, type Command } from '../command.js';
import type { CliIo } from '../io.js';
import { checkListTarget, isListTarget, splitListTargets } from '../lists-files.js';

/** What one check covers: a directory's CSV set, or one JSON document. */
type Target =
  | { kind: 'csv'; dir: string; files: string[] }
  | { kind: 'json'; path: string }
  | { kind: 'config'; path: string };

/** The outcome of one check: its problems and, if it passed, what it holds. */
interface Checked {
  label: string;
  errors: JcIssue[];
  warnings: JcIssue[];
  passed?: LocalizedText;
}

const CSV_NAMES = new Set<string>([...Object.values(CSV_FILES).map((f) => f.file), 'config.json']);
const isCsvSetFile = (name: string): boolean => name.toLowerCase().endsWith('.csv') || name === 'config.json';

/** Expands the paths into check targets; unknown paths are returned apart. */
async function collect(paths: string[], io: CliIo): Promise<{ targets: Target[]; missing: string[]; problems: JcIssue[] }> {
  const targets: Target[] = [];
  const missing: string[] = [];
  const problems: JcIssue[] = [];
  const sets = new Map<string, Set<string>>();
  const addToSet = (dir: string, file: string): void => {
    let set = sets.get(dir);
    if (!set) {
      set = new Set();
      sets.set(dir, set);
      targets.push({ kind: 'csv', dir, files: [] });
    }
    set.add(file);
  };
  for (const p of paths) {
    const kind = await io.kind(p);
    if (kind === null) {
      missing.push(p);
    } else if (kind === 'dir') {
      const names = await io.readDir(p);
      const relevant = names.filter((n) => isCsvSetFile(n) || n.toLowerCase().endsWith('.json'));
      if (relevant.length === 0) {
        problems.push(issue('E_NO_FILES', '目录中没有 CSV 或 JSON 文件', 'the directory holds no CSV or JSON file', { file: p }));
      }
      for (const n of relevant) {
        if (isCsvSetFile(n)) addToSet(p, n);
        else targets.push({ kind: 'json', path: join(p, n) });
      }
    } else if (isCsvSetFile(basename(p))) {
      // A CSV file is checked with its set: nodes.csv and config.json beside it come along.
      const dir = dirname(p);
      addToSet(dir, basename(p));
      for (const sibling of ['nodes.csv', 'config.json']) {
        if ((await io.kind(join(dir, sibling))) === 'file') addToSet(dir, sibling);
      }
    } else if (p.toLowerCase().endsWith('.json')) {
      targets.push({ kind: 'json', path: p });
    } else {
      problems.push(issue('E_FILE_TYPE', '不是 CSV 或 JSON 文件', 'not a CSV or JSON file', { file: p }));
    }
  }
  // A set of just config.json (say, beside a JSON document) is a configuration to check.
  const out = targets.map((t): Target => {
    if (t.kind !== 'csv') return t;
    const files = [...sets.get(t.dir)!].sort();
    return files.some((f) => f !== 'config.json') ? { ...t, files } : { kind: 'config', path: join(t.dir, 'config.json') };
  });
  return { targets: out, missing, problems };
}

/** Reads and checks a level configuration (a `config.json`, or the file given with --config). */
async function readConfig(path: string, io: CliIo): Promise<Result<HierarchyConfig>> {
  const bytes = await io.readFile(path);
  // The CSV importer checks a config.json it is given; alone, it also misses nodes.csv.
  const r = importCsv({ 'config.json': bytes });
  const at = (e: JcIssue): JcIssue => ({ ...e, file: path });
  const errors = r.ok ? [] : r.errors.filter((e) => e.code !== 'E_MISSING_FILE').map(at);
  const warnings = r.warnings.map(at);
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, value: JSON.parse(decodeText(bytes).text) as HierarchyConfig, warnings };
}

const nf = (n: number): string => n.toLocaleString('en-US');

function holds(d: Dataset): LocalizedText {
  const size = d.hierarchy.size;
  const people = d.overlay.data.people.length;
  return { zh: `${nf(size)} 个节点，${nf(people)} 条人员记录`, en: `${nf(size)} node${size === 1 ? '' : 's'}, ${nf(people)} people` };
}

async function check(t: Target, io: CliIo, config: HierarchyConfig): Promise<Checked> {
  if (t.kind === 'config') {
    const r = await readConfig(t.path, io);
    return r.ok
      ? { label: t.path, errors: [], warnings: r.warnings, passed: { zh: `${r.value.levels.length} 个层级`, en: `${r.value.levels.length} levels` } }
      : { label: t.path, errors: r.errors, warnings: r.warnings };
  }
  if (t.kind === 'json') {
    const r = importJson(await io.readFile(t.path), { file: t.path });
    return r.ok ? { label: t.path, errors: [], warnings: r.warnings, passed: holds(r.value) } : { label: t.path, errors: r.errors, warnings: r.warnings };
  }
  const files: CsvFiles = {};
  for (const name of t.files) files[name] = await io.readFile(join(t.dir, name));
  const r = importCsv(files, { config });
  // Name each problem by its path as the user would open it.
  const where = (p: JcIssue): JcIssue => ({ ...p, file: p.file !== undefined && CSV_NAMES.has(p.file) ? join(t.dir, p.file) : p.file ?? t.dir });
  const label = t.files.length === 1 ? join(t.dir, t.files[0]) : `${t.dir} (${t.files.join(', ')})`;
  const warnings = r.warnings.map(where);
  return r.ok ? { label, errors: [], warnings, passed: holds(r.value) } : { label, errors: r.errors.map(where), warnings };
}

/** Problems in reading order: by file, then row (stable, so causes on one row keep their order). */
function byPlace(list: readonly JcIssue[]): JcIssue[] {
  return [...list].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.row ?? 0) - (b.row ?? 0));
}

function line(p: JcIssue, lang: Lang): string {
  const warn = p.severity === 'warning' ? (lang === 'en' ? ' (warning)' : '（警告）') : '';
  return `${formatIssue(p, lang)}${warn}\n`;
}

/**
 * `jiceng validate <dir-or-files…> [--config config.json] [--lang en]`: checks hierarchy
 * files. A directory is checked as one CSV set (`nodes.csv`, `organisations.csv`,
 * `people.csv`, `facilities.csv`, `compounds.csv`, `pairings.csv`, `config.json`) plus each
 * other `*.json` in it as a Jiceng JSON document; CSV files named on the command line form
 * the set of their directory, with the `nodes.csv` and `config.json` beside them; a
 * `config.json` without CSV files is checked as a level configuration. The levels of a CSV
 * set come from its `config.json`, else from `--config`, else Putian's six levels. Every
 * problem is printed as `file:row [column] CODE: message`; warnings are printed but do not
 * fail. Exit 0 if no errors, 1 if any, 2 on a usage error (such as a path that does not
 * exist).
 *
 * @example
 * ```ts
 * const io = memoryIo({ 'data/nodes.csv': 'code,parent,level,name\n3503,,city,莆田市\n' });
 * await validateCommand.run(['data', '--lang', 'en'], io);   // 1
 * io.stdout();  // 'data/nodes.csv:2 [code] E_CODE_LENGTH: …'
 * ```
 */
export const validateCommand: Command = {
  name: 'validate',
  summary: { zh: '检查层级 CSV/JSON 文件，逐条列出问题', en: 'Check hierarchy CSV/JSON files and list every problem' },
  usage: 'jiceng validate <dir-or-files…> [--config config.json] [--lang en]',
  async run(args, io) {
    const p = parseCommandArgs(validateCommand, args, { config: { type: 'string' } }, io, { min: 1 });
    if (!p.ok) return p.exit;
    const { lang } = p;
    const { targets: found, missing, problems } = await collect(p.positionals, io);
    const targets = splitListTargets(found);
    if (missing.length > 0) {
      return usageError(validateCommand, io, lang, { zh: `路径不存在：${missing.join('、')}`, en: `no such file or directory: ${missing.join(', ')}` });
    }
    let config = putianConfig;
    let warnings = 0;
    const configPath = p.values.config as string | undefined;
    if (configPath !== undefined) {
      if ((await io.kind(configPath)) !== 'file') {
        return usageError(validateCommand, io, lang, { zh: `配置文件不存在：${configPath}`, en: `no such config file: ${configPath}` });
      }
      const c = await readConfig(configPath, io);
      for (const e of c.ok ? [] : c.errors) io.out(line(e, lang));
      for (const w of c.warnings) io.out(line(w, lang));
      if (!c.ok) return EXIT.problems;
      config = c.value;
      warnings += c.warnings.length;
    }
    let errors = problems.length;
    for (const e of problems) io.out(line(e, lang));
    for (const t of targets) {
      const c = isListTarget(t) ? await checkListTarget(t, io, config) : await check(t, io, config);
      for (const e of byPlace(c.errors)) io.out(line(e, lang));
      for (const w of byPlace(c.warnings)) io.out(line(w, lang));
      errors += c.errors.length;
      warnings += c.warnings.length;
      if (c.passed) io.out(lang === 'en' ? `ok ${c.label}: ${c.passed.en}\n` : `通过 ${c.label}：${c.passed.zh}\n`);
    }
    io.out(lang === 'en'
      ? `${errors === 0 ? 'no errors' : `${nf(errors)} error${errors === 1 ? '' : 's'}`}, ${nf(warnings)} warning${warnings === 1 ? '' : 's'}\n`
      : `${errors === 0 ? '没有错误' : `${nf(errors)} 个错误`}，${nf(warnings)} 个警告\n`);
    return errors > 0 ? EXIT.problems : EXIT.ok;
  },
};
