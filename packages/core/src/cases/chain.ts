/**
 * A tamper-evident event log: each event line carries `prev`, the SHA-256 of the line before
 * it in its own case (a hash chain per case), and the log ends with a trailer line holding
 * the number of event lines and the SHA-256 of all their hashes in file order. An edited,
 * removed, added or moved line breaks a case's chain (and the checker names the first broken
 * line of that case) or the trailer's digest. Pure and synchronous: SHA-256 from
 * `@noble/hashes`, or any hasher the host injects (the CLI uses Node's, which is faster).
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { JcError, type JcIssue } from '../errors/errors.js';
import type { AnyCaseEvent } from './events.js';
import { caseIssue } from './messages.js';

/**
 * SHA-256 as the chain needs it: of a line's UTF-8 text, as 64 lowercase hex digits, and a
 * running hash for the trailer's digest.
 *
 * @example
 * ```ts
 * import { createHash } from 'node:crypto';
 * const nodeHasher: ChainHasher = {
 *   hex: (text) => createHash('sha256').update(text).digest('hex'),
 *   running: () => { const h = createHash('sha256'); return { update: (t) => void h.update(t), hex: () => h.digest('hex') }; },
 * };
 * ```
 */
export interface ChainHasher {
  hex(text: string): string;
  running(): { update(text: string): void; hex(): string };
}

/**
 * The pure-JavaScript SHA-256 (`@noble/hashes`): synchronous, no I/O, the same digests as
 * any other SHA-256.
 *
 * @example
 * ```ts
 * NOBLE_SHA256.hex('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 * ```
 */
export const NOBLE_SHA256: ChainHasher = Object.freeze({
  hex: (text: string) => bytesToHex(sha256(utf8ToBytes(text))),
  running: () => {
    const h = sha256.create();
    return { update: (text: string) => void h.update(utf8ToBytes(text)), hex: () => bytesToHex(h.digest()) };
  },
});

/** The `chain` value of the trailer line. */
const CHAIN_ID = 'jiceng.cases.sha256';
const TRAILER_START = '{"chain":';
const PREV_MARK = ',"prev":"';
const HEX64 = /^[0-9a-f]{64}$/;

function checkHasher(h: unknown): ChainHasher {
  const x = h as ChainHasher | null;
  if (x === null || typeof x !== 'object' || typeof x.hex !== 'function' || typeof x.running !== 'function') {
    throw new JcError(caseIssue('E_INVALID_INPUT', 'hasher: { hex, running }', 'hasher'));
  }
  return x;
}

/**
 * True if a log line is the chain's trailer (readers skip it: it is no event).
 *
 * @example
 * ```ts
 * isChainTrailer('{"chain":"jiceng.cases.sha256","lines":12,"digest":"…"}'); // true
 * ```
 */
export function isChainTrailer(line: string): boolean {
  return typeof line === 'string' && line.startsWith(TRAILER_START);
}

/**
 * Writes events as chained JSON Lines: {@link ChainWriter.line} gives each event's line with
 * `prev` (the hash of its case's previous line; none on a case's first line), and
 * {@link ChainWriter.trailer} the closing line. Keeps one hash per case.
 *
 * @example
 * ```ts
 * const w = new ChainWriter();
 * let text = '';
 * for (const e of store.events()) text += `${w.line(e)}\n`;
 * text += `${w.trailer()}\n`;
 * ```
 */
export class ChainWriter {
  private readonly heads = new Map<string, string>();
  private readonly hasher: ChainHasher;
  private readonly digest: { update(text: string): void; hex(): string };
  private lines = 0;

  constructor(hasher: ChainHasher = NOBLE_SHA256) {
    this.hasher = checkHasher(hasher);
    this.digest = this.hasher.running();
  }

  /** The line of one event (without its line end). */
  line(e: AnyCaseEvent): string {
    if (e === null || typeof e !== 'object' || typeof e.caseId !== 'string') throw new JcError(caseIssue('E_BAD_EVENT', 'event', 'event'));
    const own = e as AnyCaseEvent & { prev?: string };
    let json: string;
    if (own.prev === undefined) json = JSON.stringify(e);
    else {
      const { prev: _old, ...rest } = own;
      json = JSON.stringify(rest);
    }
    const prev = this.heads.get(e.caseId);
    const text = prev === undefined ? json : `${json.slice(0, -1)}${PREV_MARK}${prev}"}`;
    const h = this.hasher.hex(text);
    this.heads.set(e.caseId, h);
    this.digest.update(h);
    this.lines++;
    return text;
  }

  /** The closing line: the number of event lines and the digest of their hashes. Write it last. */
  trailer(): string {
    return JSON.stringify({ chain: CHAIN_ID, lines: this.lines, digest: this.digest.hex() });
  }
}

/** The case id and `prev` of a line the writer wrote, read without parsing it; else by parsing. */
function caseAndPrev(text: string): { caseId: string; prev: string | undefined } | null {
  const n = text.length;
  if (text.startsWith('{"caseId":"')) {
    const end = text.indexOf('"', 11);
    const id = end < 0 ? '' : text.slice(11, end);
    if (end > 11 && !id.includes('\\')) {
      const marked = n > 75 && text.charCodeAt(n - 1) === 125 && text.charCodeAt(n - 2) === 34 && text.startsWith(PREV_MARK, n - 75);
      if (marked) return { caseId: id, prev: text.slice(n - 66, n - 2) };
      if (!text.includes('"prev"')) return { caseId: id, prev: undefined };
    }
  }
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  const o = v as { caseId?: unknown; prev?: unknown } | null;
  if (o === null || typeof o !== 'object' || typeof o.caseId !== 'string') return null;
  return { caseId: o.caseId, prev: typeof o.prev === 'string' ? o.prev : undefined };
}

/**
 * Checks a chained log line by line ({@link ChainVerifier.line}), then the trailer
 * ({@link ChainVerifier.finish}). Reports the first broken line of each case
 * (`E_CHAIN_BROKEN`; later lines of that case are not reported again), a line without a
 * chain where one is due (`E_CHAIN_MISSING`), and a trailer that is missing, not last or
 * does not match (`E_CHAIN_TAIL`). Blank lines are ignored.
 *
 * @example
 * ```ts
 * const v = new ChainVerifier();
 * text.split('\n').forEach((l, i) => { const p = v.line(l, i + 1); if (p) console.log(p.row, p.code); });
 * const tail = v.finish(); // [] when the chain holds
 * ```
 */
export class ChainVerifier {
  private readonly heads = new Map<string, string>();
  private readonly broken = new Set<string>();
  private readonly hasher: ChainHasher;
  private readonly digest: { update(text: string): void; hex(): string };
  private lines = 0;
  private trailerAt = 0;
  private trailer: { lines?: unknown; digest?: unknown; chain?: unknown } | null = null;
  private afterTrailer = 0;
  private problems = 0;

  constructor(hasher: ChainHasher = NOBLE_SHA256) {
    this.hasher = checkHasher(hasher);
    this.digest = this.hasher.running();
  }

  /** Number of problems found so far (lines and, after `finish`, the trailer). */
  get problemCount(): number {
    return this.problems;
  }

  /** Feeds one line (its text without the line end, and its 1-based number). */
  line(text: string, line: number): JcIssue | undefined {
    if (typeof text !== 'string') throw new JcError(caseIssue('E_INVALID_INPUT', 'line text', 'text'));
    const t = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (t.trim() === '') return undefined;
    if (this.trailer !== null) {
      this.afterTrailer++;
      return undefined;
    }
    if (isChainTrailer(t)) {
      this.trailerAt = line;
      try {
        this.trailer = JSON.parse(t) as typeof this.trailer;
      } catch {
        this.trailer = {};
      }
      return undefined;
    }
    const h = this.hasher.hex(t);
    this.digest.update(h);
    this.lines++;
    const cp = caseAndPrev(t);
    if (cp === null) {
      this.problems++;
      return caseIssue('E_CHAIN_MISSING', undefined, undefined, line);
    }
    const { caseId, prev } = cp;
    if (this.broken.has(caseId)) return undefined;
    const head = this.heads.get(caseId);
    this.heads.set(caseId, h);
    if (prev === head) return undefined;
    this.broken.add(caseId);
    this.problems++;
    if (prev === undefined) return caseIssue('E_CHAIN_MISSING', caseId, 'prev', line);
    return caseIssue('E_CHAIN_BROKEN', caseId, 'prev', line);
  }

  /** Checks the trailer after the last line: the issues (none when the whole chain holds). */
  finish(lastLine: number): JcIssue[] {
    const t = this.trailer;
    let why: string | null = null;
    if (t === null) why = 'no trailer';
    else if (this.afterTrailer > 0) why = `${this.afterTrailer} line(s) after the trailer`;
    else if (t.chain !== CHAIN_ID || typeof t.digest !== 'string' || !HEX64.test(t.digest)) why = 'unreadable trailer';
    else if (t.lines !== this.lines) why = `${this.lines} lines, the trailer says ${String(t.lines)}`;
    else if (t.digest !== this.digest.hex()) why = 'digest differs';
    if (why === null) return [];
    this.problems++;
    return [caseIssue('E_CHAIN_TAIL', why, undefined, this.trailerAt || lastLine)];
  }
}

/**
 * Writes events as a chained JSON Lines log (see {@link ChainWriter}), trailer included —
 * the tamper-evident form of `exportEventLog`.
 *
 * @example
 * ```ts
 * const text = exportChainedLog(store.events());
 * ```
 */
export function exportChainedLog(events: Iterable<AnyCaseEvent>, hasher: ChainHasher = NOBLE_SHA256): string {
  if (events === null || typeof (events)?.[Symbol.iterator] !== 'function') {
    throw new JcError(caseIssue('E_INVALID_INPUT', 'events', 'events'));
  }
  const w = new ChainWriter(hasher);
  let out = '';
  for (const e of events) out += `${w.line(e)}\n`;
  return `${out}${w.trailer()}\n`;
}
