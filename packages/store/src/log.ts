/**
 * The event log as JSON Lines and its rows: a case event line is core's format
 * (`caseId, version, type, at, actor, role, roleNode, data`, then `hash` if any); an event
 * of another stream is `stream, streamType, version, type, schemaVersion, at, meta, data`,
 * then `hash`. A line that is not in its canonical form is kept verbatim, so the export of
 * an import is byte-identical.
 * @module
 */
import { isChainTrailer, issue, type JcIssue } from '@jiceng/core';
import { argumentError, FINITE, TEXT } from '@jiceng/core';

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
  /** The line itself when it is not the canonical form of the other columns. */
  raw: string | null;
}

const CASE_META = new Set(['actor', 'role', 'roleNode']);
const q = JSON.stringify;

/** The canonical case line (core's `exportEventLog` order, then `hash`). */
function caseLine(caseId: string, version: number, type: string, at: number, m: Record<string, unknown>, data: string, hash: string | null): string {
  const h = hash === null ? '' : `,"hash":${q(hash)}`;
  return `{"caseId":${q(caseId)},"version":${version},"type":${q(type)},"at":${q(at)},"actor":${q(m.actor)},"role":${q(m.role)},"roleNode":${q(m.roleNode)},"data":${data}${h}}`;
}

/** The canonical line of an event of any other stream. */
function otherLine(r: Omit<LogRow, 'raw'>): string {
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
  if (isCaseShaped(r.streamId, r.streamType, r.schemaVersion, meta)) return caseLine(r.streamId.slice(5), r.version, r.type, r.time, meta, r.data, r.hash);
  return otherLine(r);
}

function bad(line: number, en: string, zh: string): { row: null; issue: JcIssue } {
  return { row: null, issue: issue('E_BAD_LOG_LINE', `事件日志行无效：${zh}`, `invalid event log line: ${en}`, { row: line }) };
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
    return { row: { streamId: `chain-${digest}`, streamType: 'chain', version: 1, type: 'chain.trailer', schemaVersion: 1, data: 'null', meta: '{}', time: 0, hash: null, raw: line }, issue: null };
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
    const base = { streamId: `case-${v.caseId}`, streamType: 'case', version, type, schemaVersion: 1, meta: q(meta), time: at, hash };
    // The fast path: a canonical line's data is the text between its prefix and its end.
    const head = caseLine(v.caseId, version, type, at, meta, '', null).slice(0, -1);
    const tail = hash === null ? '}' : `,"hash":${q(hash)}}`;
    if (line.startsWith(head) && line.endsWith(tail) && Object.keys(v).length === (hash === null ? 8 : 9)) {
      return { row: { ...base, data: line.slice(head.length, line.length - tail.length), raw: null }, issue: null };
    }
    const data = q(v.data);
    const canonical = caseLine(v.caseId, version, type, at, meta, data, hash);
    return { row: { ...base, data, raw: canonical === line ? null : line }, issue: null };
  }
  if (typeof v.stream === 'string' && v.stream) {
    const streamType = typeof v.streamType === 'string' && v.streamType ? v.streamType : v.stream.split('-')[0];
    const schemaVersion = typeof v.schemaVersion === 'number' ? v.schemaVersion : 1;
    const meta = v.meta && typeof v.meta === 'object' ? v.meta : {};
    const row = { streamId: v.stream, streamType, version, type, schemaVersion, data: q(v.data), meta: q(meta), time: at, hash };
    const canonical = rowToLine({ ...row, raw: null });
    return { row: { ...row, raw: canonical === line ? null : line }, issue: null };
  }
  return bad(n, 'neither caseId nor stream', '既无 caseId 也无 stream');
}
