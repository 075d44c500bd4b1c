/**
 * What `jiceng history`, `replay` and `dossier` share: the city the cases live in, and the
 * case event log read and written piece by piece (a full Putian history is about 4.6
 * million lines and more than a gigabyte), with every invalid line reported by number.
 * @module
 */
import {
  applyMask, argumentError, buildCategoryTable, isObject, needObject, needString, buildHierarchy, DEFAULT_CATEGORIES, formatIssue, gbt47678Categories, importJson, readEventLine,
  type AnyCaseEvent, type CaseStore, type CategoryTable, type HierarchyIndex, type JcIssue, type Lang,
} from '@jiceng/core';
import { generatePutian } from '@jiceng/putian';
import { needIo, type CliIo, type FileSink } from './io.js';

/** Requires `'zh'` or `'en'`. */
function needLang(fn: string, lang: unknown): void {
  if (lang !== 'zh' && lang !== 'en') throw argumentError(fn, 'lang', { zh: ' zh 或 en', en: 'zh or en' });
}

/**
 * The lines of a file, without their line ends (`\n`, or `\r\n`), read piece by piece when
 * the I/O can (see {@link CliIo.readChunks}); a UTF-8 byte-order mark is dropped. Line `n`
 * of the file is the `n`-th value, blank lines included, so callers can count line numbers
 * exactly as `importEventLog` does.
 *
 * @example
 * ```ts
 * let n = 0;
 * for await (const line of readLines(io, 'log.jsonl')) n++;
 * ```
 */
export async function* readLines(io: CliIo, path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  const chunks: AsyncIterable<Uint8Array> | Uint8Array[] = io.readChunks ? io.readChunks(path) : [await io.readFile(path)];
  let rest = '';
  for await (const chunk of chunks) {
    const text = rest + decoder.decode(chunk, { stream: true });
    let start = 0;
    let end: number;
    while ((end = text.indexOf('\n', start)) >= 0) {
      yield text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end);
      start = end + 1;
    }
    rest = text.slice(start);
  }
  rest += decoder.decode();
  if (rest !== '') yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

/**
 * Opens `path` for writing piece by piece ({@link CliIo.openWrite}), or — for an I/O
 * without it — a sink that collects the pieces and writes the file once on close.
 *
 * @example
 * ```ts
 * const sink = await openSink(io, 'out/log.jsonl');
 * await sink.write(exportEventLog(events));
 * await sink.close();
 * ```
 */
export async function openSink(io: CliIo, path: string): Promise<FileSink> {
  needIo('openSink', io);
  needString('openSink', 'path', path);
  if (io.openWrite) return io.openWrite(path);
  const parts: string[] = [];
  return {
    write: async (text) => { parts.push(text); },
    close: async () => io.writeFile(path, parts.join('')),
  };
}

/**
 * The hierarchy and category table a case log is read against.
 *
 * @example
 * ```ts
 * const c: CaseCity = { hierarchy, categories };
 * new CaseStore(c);
 * ```
 */
export interface CaseCity {
  hierarchy: HierarchyIndex;
  categories: CategoryTable;
}

/**
 * Loads the city of a case log: a Jiceng JSON document (`--hierarchy FILE.json`), or the
 * generated Putian city (seed 1). The categories are the default social-governance set
 * plus the GB/T 47678 city-management codes. Gives the problems as text in `lang`.
 *
 * @example
 * ```ts
 * const city = await loadCaseCity(io, undefined, 'en');
 * if ('error' in city) io.err(city.error);
 * ```
 */
export async function loadCaseCity(io: CliIo, path: string | undefined, lang: Lang): Promise<CaseCity | { error: string }> {
  needIo('loadCaseCity', io);
  if (path !== undefined) needString('loadCaseCity', 'path', path);
  needLang('loadCaseCity', lang);
  const text = (list: readonly JcIssue[]) => list.slice(0, 20).map((e) => formatIssue(e, lang)).join('\n');
  let hierarchy: HierarchyIndex;
  if (path !== undefined) {
    if ((await io.kind(path)) !== 'file') return { error: lang === 'en' ? `no such file: ${path}` : `文件不存在：${path}` };
    const r = importJson(await io.readFile(path), { file: path });
    if (!r.ok) return { error: text(r.errors) };
    hierarchy = r.value.hierarchy;
  } else {
    const data = generatePutian({ seed: 1 });
    const b = buildHierarchy(data.config, data.nodes);
    if (!b.ok) return { error: text(b.errors) };
    hierarchy = b.value;
  }
  const t = buildCategoryTable([...DEFAULT_CATEGORIES, ...gbt47678Categories()]);
  return t.ok ? { hierarchy, categories: t.value } : { error: text(t.errors) };
}

/**
 * What {@link scanEventLog} read.
 *
 * @example
 * ```ts
 * const s: LogScan = { lines: 12, events: 10, issues: [] };
 * ```
 */
export interface LogScan {
  /** Lines in the file, blank ones included. */
  lines: number;
  /** Events applied to the store. */
  events: number;
  /** The lines that were skipped, the first `keep` of them (see {@link scanEventLog}): `row` is the line number (1-based). */
  issues: JcIssue[];
  /** How many problems there were in all, kept or not. */
  issueCount: number;
  /** The latest event time (epoch ms) among the events applied, or `-Infinity` if none. */
  lastAt: number;
}

/**
 * Options of {@link scanEventLog}.
 *
 * @example
 * ```ts
 * const opts: ScanOptions = { keep: 100, onEvent: (e) => console.log(e.caseId) };
 * ```
 */
export interface ScanOptions {
  /** Read only this case's lines (other lines are not even parsed, unless they mention the id). */
  only?: string;
  /** Keep at most this many problems (the rest are only counted in `issueCount`); default all. */
  keep?: number;
  /** Called with every event applied to the store, in file order. */
  onEvent?: (e: AnyCaseEvent) => void;
}

/**
 * Reads a JSON Lines event log line by line into `store`: each line must be JSON
 * (`E_BAD_JSON`), a valid event (`E_BAD_EVENT`) and fit its case's stream — the next
 * version (`E_EVENT_ORDER`), a known case (`E_NO_CASE`), a new id for a `discovered`
 * (`E_CASE_EXISTS`). Lines that do not are skipped and reported with their line number.
 * `only` restricts the read to one case's lines (other lines are not even parsed, unless
 * they mention the id); `keep` bounds the problems held in memory (a binary file of a
 * gigabyte has millions of "lines", none valid), the total is counted all the same.
 *
 * @example
 * ```ts
 * const store = new CaseStore(city, { keepLog: false });
 * const { events, issues } = await scanEventLog(io, 'log.jsonl', store);
 * ```
 */
export async function scanEventLog(io: CliIo, path: string, store: CaseStore, opts: ScanOptions = {}): Promise<LogScan> {
  needIo('scanEventLog', io);
  needString('scanEventLog', 'path', path);
  if (!isObject(store) || typeof store.apply !== 'function') throw argumentError('scanEventLog', 'store', { zh: ' CaseStore', en: 'a CaseStore' });
  needObject('scanEventLog', 'opts', opts);
  const issues: JcIssue[] = [];
  const { only, onEvent } = opts;
  const keep = opts.keep ?? Infinity;
  const mention = only === undefined ? undefined : JSON.stringify(only).slice(1, -1);
  let lines = 0;
  let events = 0;
  let issueCount = 0;
  let lastAt = -Infinity;
  const note = (p: JcIssue): void => {
    if (issueCount++ < keep) issues.push(p);
  };
  for await (const raw of readLines(io, path)) {
    const line = ++lines;
    if (mention !== undefined && !raw.includes(mention)) continue;
    const read = readEventLine(raw, line, only === undefined ? {} : { only });
    for (const p of read.issues) note(p);
    if (!read.event) continue;
    const r = store.apply(read.event);
    if (r.ok) {
      events++;
      if (read.event.at > lastAt) lastAt = read.event.at;
      onEvent?.(read.event);
    } else for (const p of r.errors) note({ ...p, row: line });
  }
  return { lines, events, issues, issueCount, lastAt };
}

/**
 * Numbers as people read them: `4,312,345`.
 *
 * @example
 * ```ts
 * count(533500); // '533,500'
 * ```
 */
export const count = (n: number): string => {
  if (typeof n !== 'number' || Number.isNaN(n)) throw argumentError('count', 'n', { zh: '数', en: 'a number' });
  return n.toLocaleString('en-US');
};

/**
 * One invalid line as printed: `log.jsonl:LINE CODE: message`. The JSON parser's message
 * quotes the text it choked on: phone and ID numbers in it are masked.
 *
 * @example
 * ```ts
 * issueLine('log.jsonl', caseIssue('E_EVENT_ORDER', 'c1 v3', 'version', 12), 'en');
 * // 'log.jsonl:12 [version] E_EVENT_ORDER: event version out of order: c1 v3'
 * ```
 */
export function issueLine(path: string, p: JcIssue, lang: Lang): string {
  needString('issueLine', 'path', path);
  if (!isObject(p) || typeof p.code !== 'string' || typeof p.zh !== 'string' || typeof p.en !== 'string') throw argumentError('issueLine', 'p', { zh: ' JcIssue', en: 'a JcIssue' });
  needLang('issueLine', lang);
  const q = p.code === 'E_BAD_JSON' ? { ...p, zh: applyMask('text', p.zh) as string, en: applyMask('text', p.en) as string } : p;
  return `${path}:${formatIssue(q, lang)}`;
}
