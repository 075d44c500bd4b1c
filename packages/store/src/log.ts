/**
 * The event log as JSON Lines and its rows: a case event line is core's format
 * (`caseId, version, type, at, actor, role, roleNode, data`, then `hash` if any, then the hash
 * chain's `prev` if any); an event
 * of another stream is `stream, streamType, version, type, schemaVersion, at, meta, data`,
 * then `hash`. A line that is not in its canonical form is kept verbatim, so the export of
 * an import is byte-identical.
 * @module
 */
import { type JcIssue } from '@jiceng/core';
import { isChainTrailer } from '@jiceng/core/cases';
import { issue, argumentError, FINITE, TEXT } from '@jiceng/core/errors';

/** One event as the store's columns (what a log line turns into). */
export interface LogRow {
  streamId: string;
  streamType: string;
  version: number;
  type: string;
  schemaVersion: number;
  /** The data as JSON text. */
  data: string;
  /** The metadata as JSON text. */
  meta: string;
  time: number;
  hash: string | null;
  /** The hash chain's `prev` of a case line (core's `ChainWriter`), if any. */
  prev: string | null;
  /** The line itself when it is not the canonical form of the other columns. */
  raw: string | null;
}

const CASE_META = new Set(['actor', 'role', 'roleNode']);
const q = JSON.stringify;

/** The canonical case line (core's `exportEventLog` order, then `hash`, then the chain's `prev`). */
function caseLine(caseId: string, version: number, type: string, at: number, m: Record<string, unknown>, data: string, hash: string | null, prev: string | null): string {
  const h = hash === null ? '' : `,"hash":${q(hash)}`;
  const p = prev === null ? '' : `,"prev":${q(prev)}`;
  return `{"caseId":${q(caseId)},"version":${version},"type":${q(type)},"at":${q(at)},"actor":${q(m.actor)},"role":${q(m.role)},"roleNode":${q(m.roleNode)},"data":${data}${h}${p}}`;
}

/** The canonical line of an event of any other stream. */
function otherLine(r: Omit<LogRow, 'raw' | 'prev'>): string {
  const h = r.hash === null ? '' : `,"hash":${q(r.hash)}`;
  return `{"stream":${q(r.streamId)},"streamType":${q(r.streamType)},"version":${r.version},"type":${q(r.type)},"schemaVersion":${r.schemaVersion},"at":${q(r.time)},"meta":${r.meta},"data":${r.data}${h}}`;
}

/** True when an event of a case stream can be written as a case line (its meta is exactly actor, role, roleNode). */
function isCaseShaped(streamId: string, streamType: string, schemaVersion: number, meta: Record<string, unknown>): boolean {
  if (streamType !== 'case' || !streamId.startsWith('case-') || schemaVersion !== 1) return false;
  const keys = Object.keys(meta);
  return keys.length === 3 && keys.every((k) => CASE_META.has(k) && typeof meta[k] === 'string');
}

/**
 * The log line of a stored row: the kept original, or the canonical form.
 *
 * @example
 * ```ts
 * rowToLine(lineToRow(line, 1).row!) === line; // true for any valid line
 * ```
 */
export function rowToLine(r: LogRow): string {
  // Once per exported row: two typeof checks, no field table.
  if (typeof r !== 'object' || r === null || typeof r.streamId !== 'string' || (r.raw === null && typeof r.meta !== 'string')) {
    throw argumentError('rowToLine', 'r', { zh: '事件表的一行（LogRow）', en: 'a row of the event table (LogRow)' });
  }
  if (r.raw !== null) return r.raw;
  const meta = JSON.parse(r.meta) as Record<string, unknown>;
  if (isCaseShaped(r.streamId, r.streamType, r.schemaVersion, meta)) return caseLine(r.streamId.slice(5), r.version, r.type, r.time, meta, r.data, r.hash, r.prev);
  return otherLine(r);
}

function bad(line: number, en: string, zh: string): { row: null; issue: JcIssue } {
  return { row: null, issue: issue('E_BAD_LOG_LINE', `事件日志行无效：${zh}`, `invalid event log line: ${en}`, { row: line }) };
}

/** A string of a canonical line: no quote, backslash, control character or surrogate, so its JSON text is itself. */
const STR = '([^"\\\\\\u0000-\\u001f\\ud800-\\udfff]*)';
/** The head of a canonical case line, up to its data (integers that print back as written). */
const CASE_HEAD = new RegExp(`^\\{"caseId":"${STR}","version":([1-9]\\d{0,8}),"type":"${STR}","at":(0|-?[1-9]\\d{0,14}),"actor":"${STR}","role":"${STR}","roleNode":"${STR}","data":`);
const PREV_TAIL = /,"prev":"([0-9a-f]{64})"\}$/;
const HASH_TAIL = new RegExp(`,"hash":"${STR}"$`);

/**
 * The row of a canonical case line, read without parsing it as a whole: its head and tail
 * are matched and its data is the text between them. Null when the line is not in that form
 * (then {@link lineToRow} parses it). The data is not checked here: it is valid JSON when the
 * line is, and the database's `json` column refuses it otherwise (the import then reads the
 * batch again with {@link lineToRow}, which reports the line).
 *
 * @example
 * ```ts
 * fastCaseRow('{"caseId":"c-1","version":1,"type":"accepted","at":5,"actor":"u","role":"r","roleNode":"n","data":{}}')?.data; // '{}'
 * ```
 */
export function fastCaseRow(line: string): LogRow | null {
  if (typeof line !== 'string') throw argumentError('fastCaseRow', 'line', TEXT);
  const m = CASE_HEAD.exec(line);
  if (!m || m[1] === '') return null;
  let end = line.length - 1;
  if (line.charCodeAt(end) !== 125 /* } */) return null;
  let prev: string | null = null;
  let hash: string | null = null;
  if (line.endsWith('"}')) {
    const p = PREV_TAIL.exec(line);
    if (p) {
      prev = p[1];
      end = p.index;
    }
    const body = line.slice(0, end);
    const h = HASH_TAIL.exec(body);
    if (h) {
      hash = h[1];
      end = h.index;
    }
  }
  const start = m[0].length;
  if (end <= start) return null;
  return {
    streamId: `case-${m[1]}`, streamType: 'case', version: Number(m[2]), type: m[3], schemaVersion: 1,
    data: line.slice(start, end), meta: `{"actor":"${m[5]}","role":"${m[6]}","roleNode":"${m[7]}"}`, time: Number(m[4]), hash, prev, raw: null,
  };
}

/**
 * Turns one log line into a row (or an issue). Blank lines give neither.
 *
 * @example
 * ```ts
 * const { row, issue } = lineToRow('{"caseId":"c-1","version":1,…}', 1);
 * row?.streamId; // 'case-c-1'
 * ```
 */
export function lineToRow(line: string, n: number): { row: LogRow | null; issue: JcIssue | null } {
  if (typeof line !== 'string') throw argumentError('lineToRow', 'line', TEXT);
  if (!Number.isSafeInteger(n)) throw argumentError('lineToRow', 'n', FINITE);
  if (line.trim() === '') return { row: null, issue: null };
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(line) as Record<string, unknown>;
  } catch (e) {
    return bad(n, (e as Error).message, `不是 JSON（${(e as Error).message}）`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return bad(n, 'not an object', '不是对象');
  // The hash chain's closing line (core's ChainWriter): no event, but part of the file, so it
  // is kept word for word in a stream of its own (named by its digest) and exported in place.
  if (isChainTrailer(line)) {
    const digest = typeof v.digest === 'string' ? v.digest.slice(0, 32) : String(n);
    return { row: { streamId: `chain-${digest}`, streamType: 'chain', version: 1, type: 'chain.trailer', schemaVersion: 1, data: 'null', meta: '{}', time: 0, hash: null, prev: null, raw: line }, issue: null };
  }
  const version = v.version;
  const type = v.type;
  const at = v.at;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return bad(n, 'version must be a positive integer', 'version 应为正整数');
  if (typeof type !== 'string' || !type) return bad(n, 'type missing', '缺少 type');
  if (typeof at !== 'number' || !Number.isFinite(at)) return bad(n, 'at must be a number (epoch ms)', 'at 应为数字（毫秒时间戳）');
  if (v.data === undefined) return bad(n, 'data missing', '缺少 data');
  const hash = typeof v.hash === 'string' ? v.hash : null;
  if (typeof v.caseId === 'string' && v.caseId) {
    const meta = { actor: v.actor, role: v.role, roleNode: v.roleNode };
    if (typeof meta.actor !== 'string' || typeof meta.role !== 'string' || typeof meta.roleNode !== 'string') return bad(n, 'actor, role and roleNode must be strings', 'actor、role、roleNode 应为字符串');
    const prev = typeof v.prev === 'string' ? v.prev : null;
    const data = q(v.data);
    const canonical = caseLine(v.caseId, version, type, at, meta, data, hash, prev);
    return { row: { streamId: `case-${v.caseId}`, streamType: 'case', version, type, schemaVersion: 1, data, meta: q(meta), time: at, hash, prev, raw: canonical === line ? null : line }, issue: null };
  }
  if (typeof v.stream === 'string' && v.stream) {
    const streamType = typeof v.streamType === 'string' && v.streamType ? v.streamType : v.stream.split('-')[0];
    const schemaVersion = typeof v.schemaVersion === 'number' ? v.schemaVersion : 1;
    const meta = v.meta && typeof v.meta === 'object' ? v.meta : {};
    const row = { streamId: v.stream, streamType, version, type, schemaVersion, data: q(v.data), meta: q(meta), time: at, hash, prev: null };
    const canonical = rowToLine({ ...row, raw: null });
    return { row: { ...row, raw: canonical === line ? null : line }, issue: null };
  }
  return bad(n, 'neither caseId nor stream', '既无 caseId 也无 stream');
}
