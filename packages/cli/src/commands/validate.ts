/**
 * `jiceng validate`: checks hierarchy files (CSV sets and Jiceng JSON documents) and prints
 * every problem with file, row, column, code and message.
 * @module
 */
import { basename, dirname, join } from 'node:path';
import {
  CaseStore, type HierarchyConfig, type JcIssue, type Lang, type LocalizedText, type Result,
} from '@jiceng/core';
import { formatIssue, issue } from '@jiceng/core/errors';
import { CSV_FILES, decodeText, importCsv, importJson, type CsvFiles, type Dataset } from '@jiceng/core/io';
import { putianConfig } from '@jiceng/putian';
import { EXIT, parseCommandArgs, usageError, type Command } from '../command.js';
import type { CliIo } from '../io.js';
import { checkListTarget, isListTarget, splitListTargets } from '../lists-files.js';
import { loadCaseCity, scanEventLog } from '../case-log.js';

/** What one check covers: a directory's CSV set, or one JSON document. */
type Target =
  | { kind: 'csv'; dir: string; files: string[] }
  | { kind: 'json'; path: string }
  | { kind: 'config'; path: string }
  | { kind: 'log'; path: string };

/** The outcome of one check: its problems and, if it passed, what it holds. */
interface Checked {
  label: string;
  errors: JcIssue[];
  warnings: JcIssue[];
  passed?: LocalizedText;
  /** Errors in all, when more were found than `errors` holds (an event log keeps only those it may print). */
  errorCount?: number;
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
    } else if (p.toLowerCase().endsWith('.jsonl')) {
      targets.push({ kind: 'log', path: p });
    } else {
      problems.push(issue('E_FILE_TYPE', '不是 CSV、JSON 或 JSON Lines 事件日志文件', 'not a CSV, JSON or JSON Lines event log file', { file: p }));
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

/**
 * The largest hierarchy file read, in MB (CSV or JSON; a dataset is held in memory whole).
 * Event logs stream and have no limit.
 *
 * @example
 * ```ts
 * MAX_FILE_MB; // 256
 * ```
 */
export const MAX_FILE_MB = 256;

/**
 * A file's bytes, read piece by piece and given up past {@link MAX_FILE_MB}: a stray
 * gigabyte file is refused in one line instead of exhausting memory.
 */
async function readBounded(io: CliIo, path: string): Promise<Uint8Array | JcIssue> {
  if (!io.readChunks) return io.readFile(path);
  const max = MAX_FILE_MB * 1024 * 1024;
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const c of io.readChunks(path)) {
    size += c.length;
    if (size > max) {
      return issue('E_FILE_TOO_LARGE', `文件超过 ${MAX_FILE_MB} MB，层级数据文件不能更大`, `the file is larger than ${MAX_FILE_MB} MB, the limit for a hierarchy file`, { file: path });
    }
    parts.push(c);
  }
  if (parts.length === 1) return parts[0];
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of parts) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

/** Reads and checks a level configuration (a `config.json`, or the file given with --config). */
async function readConfig(path: string, io: CliIo): Promise<Result<HierarchyConfig>> {
  const bytes = await readBounded(io, path);
  if (!(bytes instanceof Uint8Array)) return { ok: false, errors: [bytes], warnings: [] };
  // The CSV importer checks a config.json it is given; alone, it also misses nodes.csv.
  const r = importCsv({ 'config.json': bytes });
  const at = (e: JcIssue): JcIssue => ({ ...e, file: path });
  const errors = r.ok ? [] : r.errors.filter((e) => e.code !== 'E_MISSING_FILE').map(at);
  const warnings = r.warnings.map(at);
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, value: JSON.parse(decodeText(bytes).text) as HierarchyConfig, warnings };
}

const nf = (n: number): string => n.toLocaleString('en-US');

/**
 * How many problems `validate` lists before it only counts them (`--all` lists every one).
 *
 * @example
 * ```ts
 * LISTED; // 100
 * ```
 */
export const LISTED = 100;

function holds(d: Dataset): LocalizedText {
  const size = d.hierarchy.size;
  const people = d.overlay.data.people.length;
  return { zh: `${nf(size)} 个节点，${nf(people)} 条人员记录`, en: `${nf(size)} node${size === 1 ? '' : 's'}, ${nf(people)} people` };
}

async function check(t: Target, io: CliIo, config: HierarchyConfig, opts: { keep: number; hierarchy?: string; lang: Lang }): Promise<Checked> {
  if (t.kind === 'log') return checkLog(t.path, io, opts);
  if (t.kind === 'config') {
    const r = await readConfig(t.path, io);
    return r.ok
      ? { label: t.path, errors: [], warnings: r.warnings, passed: { zh: `${r.value.levels.length} 个层级`, en: `${r.value.levels.length} levels` } }
      : { label: t.path, errors: r.errors, warnings: r.warnings };
  }
  if (t.kind === 'json') {
    const bytes = await readBounded(io, t.path);
    if (!(bytes instanceof Uint8Array)) return { label: t.path, errors: [bytes], warnings: [] };
    const r = importJson(bytes, { file: t.path });
    return r.ok ? { label: t.path, errors: [], warnings: r.warnings, passed: holds(r.value) } : { label: t.path, errors: r.errors, warnings: r.warnings };
  }
  const files: CsvFiles = {};
  const label = t.files.length === 1 ? join(t.dir, t.files[0]) : `${t.dir} (${t.files.join(', ')})`;
  for (const name of t.files) {
    const bytes = await readBounded(io, join(t.dir, name));
    if (!(bytes instanceof Uint8Array)) return { label, errors: [bytes], warnings: [] };
    files[name] = bytes;
  }
  const r = importCsv(files, { config });
  // Name each problem by its path as the user would open it.
  const where = (p: JcIssue): JcIssue => ({ ...p, file: p.file !== undefined && CSV_NAMES.has(p.file) ? join(t.dir, p.file) : p.file ?? t.dir });
  const warnings = r.warnings.map(where);
  return r.ok ? { label, errors: [], warnings, passed: holds(r.value) } : { label, errors: r.errors.map(where), warnings };
}

/**
 * A case event log (JSON Lines), streamed line by line into a case store over the city (the
 * `--hierarchy` document, or the generated Putian city): the problems `jiceng replay`
 * reports, at most `keep` of them held. A binary file is named once (`E_NOT_TEXT`).
 */
async function checkLog(path: string, io: CliIo, opts: { keep: number; hierarchy?: string; lang: Lang }): Promise<Checked> {
  // A NUL byte in the first piece: a binary file, not a log of broken lines.
  const chunks = io.readChunks ? io.readChunks(path) : [await io.readFile(path)];
  for await (const first of chunks) {
    const probe = decodeText(first.subarray(0, 65_536), path);
    if (probe.errors.some((e) => e.code === 'E_NOT_TEXT' && e.en.includes('NUL'))) return { label: path, errors: probe.errors, warnings: [] };
    break;
  }
  const city = await loadCaseCity(io, opts.hierarchy, opts.lang);
  if ('error' in city) return { label: path, errors: [issue('E_HIERARCHY', city.error, city.error, { file: opts.hierarchy ?? path })], warnings: [] };
  const store = new CaseStore(city, { keepLog: false });
  const scan = await scanEventLog(io, path, store, { keep: opts.keep });
  const errors = scan.issues.map((p) => ({ ...p, file: path }));
  return scan.issueCount
    ? { label: path, errors, warnings: [], errorCount: scan.issueCount }
    : { label: path, errors, warnings: [], passed: { zh: `${nf(store.size)} 个案件，${nf(scan.events)} 个事件`, en: `${nf(store.size)} cases, ${nf(scan.events)} events` } };
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
 * `jiceng validate <dir-or-files…> [--config config.json] [--hierarchy FILE.json] [--all] [--lang en]`: checks hierarchy
 * files. A directory is checked as one CSV set (`nodes.csv`, `organisations.csv`,
 * `people.csv`, `facilities.csv`, `compounds.csv`, `pairings.csv`, `config.json`) plus each
 * other `*.json` in it as a Jiceng JSON document; CSV files named on the command line form
 * the set of their directory, with the `nodes.csv` and `config.json` beside them; a
 * `config.json` without CSV files is checked as a level configuration. The levels of a CSV
 * set come from its `config.json`, else from `--config`, else Putian's six levels. A
 * `*.jsonl` file is checked as a case event log, streamed line by line (a full history is
 * about a gigabyte) over the `--hierarchy` document or the generated Putian city. Problems
 * are printed as `file:row [column] CODE: message`, the first {@link LISTED} of them and
 * then how many more there are (`--all` prints every one); the totals count them all. A
 * binary file is named once (`E_NOT_TEXT`); a hierarchy file over {@link MAX_FILE_MB} MB is
 * refused (`E_FILE_TOO_LARGE`). Warnings are printed but do not fail. Exit 0 if no errors,
 * 1 if any, 2 on a usage error (such as a path that does not exist).
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
  summary: { zh: '检查层级 CSV/JSON 文件与案件事件日志，列出问题', en: 'Check hierarchy CSV/JSON files and case event logs, listing the problems' },
  usage: 'jiceng validate <dir-or-files…> [--config config.json] [--hierarchy FILE.json] [--all] [--lang en]',
  async run(args, io) {
    const p = parseCommandArgs(validateCommand, args, { config: { type: 'string' }, hierarchy: { type: 'string' }, all: { type: 'boolean' } }, io, { min: 1 });
    if (!p.ok) return p.exit;
    const { lang } = p;
    const { targets: found, missing, problems } = await collect(p.positionals, io);
    const targets = splitListTargets(found);
    if (missing.length > 0) {
      return usageError(validateCommand, io, lang, { zh: `路径不存在：${missing.join('、')}`, en: `no such file or directory: ${missing.join(', ')}` });
    }
    const hierarchy = p.values.hierarchy as string | undefined;
    if (hierarchy !== undefined && (await io.kind(hierarchy)) !== 'file') {
      return usageError(validateCommand, io, lang, { zh: `层级文件不存在：${hierarchy}`, en: `no such hierarchy file: ${hierarchy}` });
    }
    // Problems are printed up to LISTED in all (errors first), unless --all; the totals always count every one.
    const limit = p.values.all ? Infinity : LISTED;
    let printed = 0;
    let unprinted = 0;
    const print = (list: readonly JcIssue[], total = list.length): void => {
      const room = Math.max(0, limit - printed);
      for (const e of list.slice(0, room)) io.out(line(e, lang));
      printed += Math.min(room, list.length);
      unprinted += total - Math.min(room, list.length);
    };
    let config = putianConfig;
    let warnings = 0;
    const configPath = p.values.config as string | undefined;
    if (configPath !== undefined) {
      if ((await io.kind(configPath)) !== 'file') {
        return usageError(validateCommand, io, lang, { zh: `配置文件不存在：${configPath}`, en: `no such config file: ${configPath}` });
      }
      const c = await readConfig(configPath, io);
      print(c.ok ? [] : c.errors);
      print(c.warnings);
      if (!c.ok) return EXIT.problems;
      config = c.value;
      warnings += c.warnings.length;
    }
    let errors = problems.length;
    print(problems);
    for (const t of targets) {
      // An event log keeps only what may still be printed; the rest is counted.
      const c: { label: string; errors: JcIssue[]; warnings: JcIssue[]; errorCount?: number; passed?: LocalizedText } = isListTarget(t)
        ? await checkListTarget(t, io, config)
        : await check(t, io, config, { keep: Math.max(0, limit - printed), lang, ...(hierarchy !== undefined ? { hierarchy } : {}) });
      print(byPlace(c.errors), c.errorCount ?? c.errors.length);
      print(byPlace(c.warnings));
      errors += c.errorCount ?? c.errors.length;
      warnings += c.warnings.length;
      if (c.passed) io.out(lang === 'en' ? `ok ${c.label}: ${c.passed.en}\n` : `通过 ${c.label}：${c.passed.zh}\n`);
    }
    if (unprinted > 0) {
      io.out(lang === 'en'
        ? `… ${nf(unprinted)} more not listed (the first ${nf(LISTED)} are shown; --all lists every one)\n`
        : `……另有 ${nf(unprinted)} 条未列出（只列前 ${nf(LISTED)} 条；--all 列出全部）\n`);
    }
    io.out(lang === 'en'
      ? `${errors === 0 ? 'no errors' : `${nf(errors)} error${errors === 1 ? '' : 's'}`}, ${nf(warnings)} warning${warnings === 1 ? '' : 's'}\n`
      : `${errors === 0 ? '没有错误' : `${nf(errors)} 个错误`}，${nf(warnings)} 个警告\n`);
    return errors > 0 ? EXIT.problems : EXIT.ok;
  },
};
