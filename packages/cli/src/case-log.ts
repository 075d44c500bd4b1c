/**
 * What `jiceng history`, `replay` and `dossier` share: the city the cases live in, and the
 * case event log read and written piece by piece (a full Putian history is about 4.6
 * million lines and more than a gigabyte), with every invalid line reported by number.
 * @module
 */
import { isUtf8 } from 'node:buffer';
import * as nodeCrypto from 'node:crypto';
import { createHash } from 'node:crypto';
import { buildHierarchy, type CaseStore, type HierarchyIndex, type JcIssue, type Lang } from '@jiceng/core';
import { applyMask } from '@jiceng/core/access';
import {
  buildCategoryTable, caseIssue, ChainVerifier, DEFAULT_CATEGORIES, gbt47678Categories, readEventLine, type AnyCaseEvent, type CategoryTable, type ChainHasher,
} from '@jiceng/core/cases';
import { argumentError, formatIssue, isObject, needObject, needString } from '@jiceng/core/errors';
import { importJson } from '@jiceng/core/io';
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
 * exactly as `importEventLog` does. With `onInvalidUtf8`, a line that is not valid UTF-8 is
 * reported by its number and given as an empty line (never silently "repaired" with U+FFFD);
 * without it, invalid bytes decode as U+FFFD.
 *
 * @example
 * ```ts
 * let n = 0;
 * for await (const line of readLines(io, 'log.jsonl', { onInvalidUtf8: (l) => bad.push(l) })) n++;
 * ```
 */
export async function* readLines(io: CliIo, path: string, opts: { onInvalidUtf8?: (line: number) => void } = {}): AsyncGenerator<string> {
  for await (const batch of readLineBatches(io, path, opts)) yield* batch;
}

/**
 * {@link readLines} a piece at a time: the lines of each piece read (about a megabyte), so a
 * caller pays one `await` a piece instead of one a line. The same lines, in the same order;
 * `onInvalidUtf8` is called for a piece's bad lines before the piece is given.
 */
async function* readLineBatches(io: CliIo, path: string, opts: { onInvalidUtf8?: (line: number) => void } = {}): AsyncGenerator<string[]> {
  const chunks: AsyncIterable<Uint8Array> | Uint8Array[] = io.readChunks ? io.readChunks(path) : [await io.readFile(path)];
  yield* splitLines(chunks, opts.onInvalidUtf8);
}

/**
 * Calls `onLine` for each line of the file with its number (a piece at a time: one `await` a
 * piece), and `onBad` for a line that is not valid UTF-8 just before that line (given empty),
 * as {@link readLines} with `onInvalidUtf8` orders them. Resolves to the number of lines.
 */
async function forEachLine(io: CliIo, path: string, onLine: (raw: string, line: number) => void, onBad: (line: number) => void): Promise<number> {
  let line = 0;
  // Bad lines are reported as a piece is read; each is passed on in its place among the lines.
  const bad: number[] = [];
  for await (const batch of readLineBatches(io, path, { onInvalidUtf8: (l) => bad.push(l) })) {
    let next = 0;
    for (const raw of batch) {
      ++line;
      if (next < bad.length && bad[next] === line) onBad(bad[next++]);
      onLine(raw, line);
    }
    bad.length = 0;
  }
  return line;
}

const EMPTY = new Uint8Array(0);

/** `crypto.hash`, where this Node has it (a namespace read: older versions lack the export). */
const oneShotHash = (nodeCrypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/** `buf`'s bytes `start`–`end` as UTF-8 text: `Buffer#utf8Slice` where Node has it (a third of `toString`'s cost per call). */
const utf8Slice: (buf: Buffer, start: number, end: number) => string =
  typeof (Buffer.prototype as { utf8Slice?: unknown }).utf8Slice === 'function'
    ? (buf, start, end) => (buf as Buffer & { utf8Slice(s: number, e: number): string }).utf8Slice(start, end)
    : (buf, start, end) => buf.toString('utf8', start, end);

/**
 * The lines of {@link readLineBatches}, cut from the bytes and decoded one by one. With
 * `onBad`, strictly: a piece of complete lines is checked at once (`isUtf8`, the same strict
 * UTF-8 as a fatal `TextDecoder`, much faster), line by line only where it fails; without it,
 * invalid bytes decode as U+FFFD (a line end is never part of a UTF-8 sequence, so a line
 * decodes alone as it does in the stream). Only the bytes of the line cut by a piece's end
 * are copied.
 */
async function* splitLines(chunks: AsyncIterable<Uint8Array> | Uint8Array[], onBad?: (line: number) => void): AsyncGenerator<string[]> {
  let carry: Uint8Array = EMPTY;
  let line = 0;
  // A UTF-8 byte-order mark opens the first line whatever the size of the first piece.
  let first = true;
  const dropBom = (t: string): number => (first && ((first = false), t.charCodeAt(0) === 0xfeff) ? 1 : 0);
  const strip = (t: string) => (t.charCodeAt(t.length - 1) === 13 ? t.slice(0, -1) : t);
  const decodeLine = (buf: Buffer, start: number, end: number): string => {
    if (first) {
      first = false;
      if (end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) start += 3;
    }
    if (end > start && buf[end - 1] === 13) end--;
    return utf8Slice(buf, start, end);
  };
  const linesOf = (bytes: Uint8Array, out: string[]): void => {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (onBad === undefined || isUtf8(buf)) {
      // Line by line: decoding each line alone is several times faster than the whole piece
      // (one long two-byte string), and an ASCII line stays a one-byte string.
      let start = 0;
      let end: number;
      while ((end = buf.indexOf(10, start)) >= 0) {
        line++;
        out.push(decodeLine(buf, start, end));
        start = end + 1;
      }
      if (start < buf.length) {
        line++;
        out.push(decodeLine(buf, start, buf.length));
      }
      return;
    }
    let start = 0;
    while (start < buf.length) {
      let end = buf.indexOf(10, start);
      if (end < 0) end = buf.length;
      line++;
      const one = buf.subarray(start, end);
      if (isUtf8(one)) {
        const t = one.toString('utf8');
        out.push(strip(dropBom(t) ? t.slice(1) : t));
      } else {
        first = false;
        onBad(line);
        out.push('');
      }
      start = end + 1;
    }
  };
  for await (const chunk of chunks) {
    let bytes = chunk;
    const out: string[] = [];
    if (carry.length) {
      // The line cut by the last piece's end: join it with the start of this piece, alone.
      const nl = bytes.indexOf(10);
      if (nl < 0) {
        carry = concat(carry, bytes);
        continue;
      }
      linesOf(concat(carry, bytes.subarray(0, nl + 1)), out);
      bytes = bytes.subarray(nl + 1);
    }
    const last = bytes.lastIndexOf(10);
    if (last < 0) carry = bytes.slice();
    else {
      linesOf(bytes.subarray(0, last + 1), out);
      carry = bytes.slice(last + 1);
    }
    if (out.length) yield out;
  }
  if (carry.length) {
    const out: string[] = [];
    linesOf(carry, out);
    yield out;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
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
  /** `false` skips the per-line schema check: only for a log whose hash chain was proven (`jiceng replay --verify`). */
  validate?: boolean;
}

/**
 * Reads a JSON Lines event log line by line into `store`, checking every case as the store
 * does (see `CaseStore.ingest`): each line must be valid UTF-8 (`E_BAD_UTF8`), JSON
 * (`E_BAD_JSON`), a valid event whose texts keep the commands' limits (`E_BAD_EVENT`), and
 * follow on its case as the transition table and the loop's invariants allow — the next
 * version (`E_EVENT_ORDER`), a known case (`E_NO_CASE`), a new id for a `discovered`
 * (`E_CASE_EXISTS`), no close without a passed verification and a follow-up, the separation
 * of duties, time never running backwards, known nodes and categories. A refused line is
 * reported with its line number and its case is left uncounted (`E_CASE_BROKEN` for its
 * later lines). `only` restricts the read to one case's lines (other lines are not even
 * parsed, unless they mention the id). `validate: false` skips the per-line schema check:
 * only for a log whose hash chain was proven (`jiceng replay --verify`).
 * `keep` bounds the problems held in memory (a binary file of a gigabyte has millions of
 * "lines", none valid); the total is counted all the same.
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
  if (!isObject(store) || typeof store.ingest !== 'function') throw argumentError('scanEventLog', 'store', { zh: ' CaseStore', en: 'a CaseStore' });
  needObject('scanEventLog', 'opts', opts);
  const issues: JcIssue[] = [];
  const { only, onEvent } = opts;
  const keep = opts.keep ?? Infinity;
  const mention = only === undefined ? undefined : JSON.stringify(only).slice(1, -1);
  const readOpts = { ...(only === undefined ? {} : { only }), validate: opts.validate !== false };
  let events = 0;
  let issueCount = 0;
  let lastAt = -Infinity;
  const note = (p: JcIssue): void => {
    if (issueCount++ < keep) issues.push(p);
  };
  const lines = await forEachLine(io, path, (raw, line) => {
    if (mention !== undefined && !raw.includes(mention)) return;
    const read = readEventLine(raw, line, readOpts);
    if (read.issues.length) {
      for (const p of read.issues) note(p);
      if (read.caseId !== undefined) store.markBroken(read.caseId);
    }
    if (!read.event) return;
    const p = store.ingest(read.event);
    if (p === undefined) {
      events++;
      if (read.event.at > lastAt) lastAt = read.event.at;
      onEvent?.(read.event);
    } else note({ ...p, row: line });
  }, (line) => note(caseIssue('E_BAD_UTF8', undefined, undefined, line)));
  return { lines, events, issues, issueCount, lastAt };
}

/**
 * Checks the hash chain of a log (see `ChainVerifier`) with Node's SHA-256: the first broken
 * line of each case and the trailer's problem, if any. Empty when the whole log is proven.
 *
 * @example
 * ```ts
 * const broken = await verifyChain(io, 'log.jsonl');
 * if (!broken.length) await scanEventLog(io, 'log.jsonl', store, { validate: false });
 * ```
 */
export async function verifyChain(io: CliIo, path: string): Promise<{ lines: number; issues: JcIssue[] }> {
  needIo('verifyChain', io);
  needString('verifyChain', 'path', path);
  const v = new ChainVerifier(NODE_SHA256);
  const issues: JcIssue[] = [];
  const line = await forEachLine(io, path, (raw, n) => {
    const p = v.line(raw, n);
    if (p) issues.push(p);
  }, (n) => issues.push(caseIssue('E_BAD_UTF8', undefined, undefined, n)));
  issues.push(...v.finish(line));
  return { lines: line, issues };
}

/**
 * SHA-256 from `node:crypto` for the chain: the same digests as the core's pure one, faster.
 *
 * @example
 * ```ts
 * new ChainWriter(NODE_SHA256).line(event);
 * ```
 */
export const NODE_SHA256: ChainHasher = Object.freeze({
  // `crypto.hash` (Node ≥ 20.12) hashes a line in one call, at less than half the cost of a `Hash` object.
  hex: typeof oneShotHash === 'function'
    ? (text: string) => oneShotHash('sha256', text, 'hex')
    : (text: string) => createHash('sha256').update(text).digest('hex'),
  running: () => {
    const h = createHash('sha256');
    return { update: (text: string) => void h.update(text), hex: () => h.digest('hex') };
  },
});

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
