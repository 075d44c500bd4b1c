/**
 * Name search over all nodes: substring, pinyin initials and code prefix. Names are kept as
 * one string in pre-order; the pinyin table is built per distinct character on first use.
 * @module
 */
import { polyphonic } from 'pinyin-pro';

const SEP = '\u0000';

/** Bit mask of the possible pinyin initials (a..z → bit 0..25) of each distinct character. */
const initialsCache = new Map<number, number>();

function letterBit(c: number): number {
  if (c >= 97 && c <= 122) return 1 << (c - 97);
  if (c >= 65 && c <= 90) return 1 << (c - 65);
  return 0;
}

const isHan = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/**
 * Fills the cache for the given characters, every reading of each: Han characters through
 * pinyin-pro in a few bulk calls (one per 2,048 characters), others have no initial.
 */
function learnInitials(chars: Iterable<number>): void {
  const todo: number[] = [];
  for (const c of chars) {
    if (initialsCache.has(c)) continue;
    if (isHan(c)) todo.push(c);
    else initialsCache.set(c, 0);
  }
  for (let from = 0; from < todo.length; from += 2048) {
    const part = todo.slice(from, from + 2048);
    let readings = polyphonic(String.fromCharCode(...part), { pattern: 'first', toneType: 'none', type: 'array' });
    if (readings.length !== part.length) {
      // Not one entry per character: ask character by character.
      readings = part.map((c) => polyphonic(String.fromCharCode(c), { pattern: 'first', toneType: 'none', type: 'array' })[0] ?? []);
    }
    part.forEach((c, j) => {
      let mask = 0;
      for (const r of readings[j] ?? []) mask |= letterBit(r.charCodeAt(0));
      initialsCache.set(c, mask);
    });
  }
}

/**
 * The search tables of one index. Built lazily by the index on the first search.
 * @internal
 */
export class NameSearch {
  readonly #text: string;
  /** starts[i] = offset of name i in the text; starts[n] = text length + 1. */
  readonly #starts: Int32Array;
  #masks: Uint32Array | undefined;

  constructor(names: readonly string[]) {
    this.#text = names.join(SEP).toLowerCase();
    const n = names.length;
    const starts = new Int32Array(n + 1);
    let o = 0;
    for (let i = 0; i < n; i++) {
      starts[i] = o;
      o += names[i].length + 1;
    }
    starts[n] = o;
    this.#starts = starts;
  }

  /** The node whose name covers text offset p (binary search). */
  #nodeAt(p: number): number {
    const s = this.#starts;
    let lo = 0;
    let hi = s.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  byName(query: string, limit: number): number[] {
    const q = query.trim().toLowerCase();
    const out: number[] = [];
    if (q === '' || q.includes(SEP) || limit <= 0) return out;
    const text = this.#text;
    let from = 0;
    for (;;) {
      const p = text.indexOf(q, from);
      if (p < 0) break;
      const i = this.#nodeAt(p);
      out.push(i);
      if (out.length >= limit) break;
      from = this.#starts[i + 1]!;
    }
    return out;
  }

  #initialMasks(): Uint32Array {
    if (this.#masks) return this.#masks;
    const text = this.#text;
    const distinct = new Set<number>();
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c >= 0x3400) distinct.add(c);
    }
    learnInitials(distinct);
    const masks = new Uint32Array(text.length);
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j);
      masks[j] = c >= 0x3400 ? initialsCache.get(c)! : letterBit(c);
    }
    return (this.#masks = masks);
  }

  byInitials(query: string, limit: number): number[] {
    const q = query.trim().toLowerCase();
    const out: number[] = [];
    if (q === '' || !/^[a-z]+$/.test(q) || limit <= 0) return out;
    const masks = this.#initialMasks();
    const m = q.length;
    const bits = new Uint32Array(m);
    for (let k = 0; k < m; k++) bits[k] = 1 << (q.charCodeAt(k) - 97);
    const b0 = bits[0];
    const last = masks.length - m;
    const starts = this.#starts;
    let node = 0;
    for (let p = 0; p <= last; p++) {
      if ((masks[p] & b0) === 0) continue;
      let k = 1;
      while (k < m && (masks[p + k] & bits[k]) !== 0) k++;
      if (k < m) continue;
      while (starts[node + 1] <= p) node++;
      out.push(node);
      if (out.length >= limit) break;
      p = starts[node + 1] - 1; // continue with the next name
    }
    return out;
  }

  byCode(prefix: string, limit: number, codes: readonly string[]): number[] {
    const q = prefix.trim();
    const out: number[] = [];
    // Codes begin with a digit: other queries cannot match, and need no scan.
    if (q === '' || limit <= 0 || q.charCodeAt(0) < 48 || q.charCodeAt(0) > 57) return out;
    for (let i = 0; i < codes.length; i++) {
      if (codes[i].startsWith(q)) {
        out.push(i);
        if (out.length >= limit) break;
      }
    }
    return out;
  }

  search(query: string, limit: number, codes: readonly string[]): number[] {
    const seen = new Set<number>([
      ...this.byName(query, limit),
      ...this.byInitials(query, limit),
      ...this.byCode(query, limit, codes),
    ]);
    return [...seen].sort((a, b) => a - b).slice(0, limit);
  }
}
