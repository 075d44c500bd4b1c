/**
 * A binary snapshot of a {@link CaseStore}: its typed columns as they are in memory, plus the
 * case ids, the interned actor ids and the few rare values, so that a restart loads half a
 * million cases in a second or two instead of replaying millions of events or parsing JSON.
 *
 * The format follows `CaseStore`'s columns, whatever they are: every typed column of the store
 * is written with its name and type, and decoding checks that the store it builds has exactly
 * those columns. If the store's columns change (a new one, another type), an older snapshot
 * decodes to `null` and the caller rebuilds from the events — it never restores a wrong state.
 * It lives beside `CaseStore` so that the columns and their snapshot change together.
 *
 * Version 2 (written since) packs what version 1 wrote as in memory: a column that holds one
 * value in every row is that value alone, and each time column is Int32 milliseconds from the
 * report time (the few values that do not fit, exactly, kept apart) — 71 → 51 MB for the
 * generated Putian history's 533,500 cases, which is what a restart reads from the database.
 * Version 1 snapshots still decode.
 * @module
 */
import { badArgument, checkCategoriesArg, checkHierarchyArg, isObj } from './args.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import type { CategoryTable } from './categories.js';
import type { CaseFacts } from './facts.js';
import { CaseStore } from './store.js';

type Column = Int8Array | Uint8Array | Uint16Array | Int32Array | Float64Array;
const CTORS = { Int8Array, Uint8Array, Uint16Array, Int32Array, Float64Array } as const;
type CtorName = keyof typeof CTORS;

/** The fields of a `CaseStore` a snapshot holds (its private fields at runtime: same package). */
interface Internals {
  facts: CaseFacts;
  cols: Record<string, Column> & { broken?: Uint8Array };
  rows: Map<string, number>;
  rare: Map<number, Record<string, unknown>>;
  actorIds: string[];
  actorIndex: Map<string, number>;
  applied: number;
  brokenCases: number;
  log: unknown[] | undefined;
  hierarchy: HierarchyIndex;
  categories: CategoryTable;
}

/**
 * A column's place in the bytes: `[name, type, at]` — its bytes as in memory at `at` (the only
 * form of version 1) — or, since version 2, `[name, type, at, packing]`:
 *  - `['const', v]`: every row holds `v` (no bytes);
 *  - `['delta', base, excAt, excCount]`: a Float64 column as Int32 differences from the Float64
 *    column `base` at `at` (`NAN_MARK` for NaN, `EXC_MARK` for a value kept apart), and the
 *    values kept apart at `excAt`: their rows (Int32) and then, 8-byte aligned, their values (Float64).
 */
type ColumnEntry = [string, CtorName, number] | [string, CtorName, number, Packing];
type Packing = ['const', number] | ['delta', string, number, number];

interface Header {
  format: 'jiceng.cases.columns';
  version: 1 | 2;
  /** The hierarchy and categories the row positions refer to (see {@link contextPrint}). */
  context: string;
  length: number;
  applied: number;
  caseIds: string[];
  actorIds: string[];
  rare: [number, Record<string, unknown>][];
  facts: ColumnEntry[];
  cols: ColumnEntry[];
}

/** Int32 marks in a delta-packed column: the row is NaN, or its value is kept apart. */
const NAN_MARK = -2147483648;
const EXC_MARK = -2147483647;
const pad8 = (bytes: number) => Math.ceil(bytes / 8) * 8;

const MAGIC = 0x3153434a; // 'JCS1'

/** A fingerprint of the node codes and category ids (columns hold their positions, not the codes). */
function contextPrint(hierarchy: HierarchyIndex, categories: CategoryTable): string {
  let h = 0x811c9dc5;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 10, 0x01000193);
  };
  for (let i = 0; i < hierarchy.size; i++) add(hierarchy.code(i));
  for (const c of categories.list) add(c.id);
  return `${hierarchy.size}:${categories.list.length}:${(h >>> 0).toString(16)}`;
}

function columnsOf(o: object): [string, Column][] {
  return Object.entries(o).filter((e): e is [string, Column] => ArrayBuffer.isView(e[1]));
}

/**
 * Encodes a case store as bytes: a small JSON header (the case ids, the actor ids, the rare
 * values, a fingerprint of the store's hierarchy and categories, the column layout) and then
 * each typed column's bytes, 8-byte aligned (constant columns as their value, time columns as
 * Int32 differences from the report time; see the module's note). The store must have been made with
 * `keepLog: false` (a snapshot holds the state, not the events); otherwise, or for anything
 * that is not a `CaseStore`, it throws a `JcError` `E_INVALID_INPUT`.
 *
 * @example
 * ```ts
 * const cases = new CaseStore({ hierarchy, categories }, { keepLog: false });
 * cases.replay(events);
 * const bytes = encodeCaseSnapshot(cases);         // about 100 bytes a case (ids and columns)
 * const back = decodeCaseSnapshot(bytes, { hierarchy, categories });
 * back?.get('PT-0000001')?.status;                 // as in `cases`
 * ```
 */
export function encodeCaseSnapshot(cases: CaseStore): Uint8Array {
  if (!(cases instanceof CaseStore)) throw badArgument('cases', ' CaseStore', 'a CaseStore');
  const x = cases as unknown as Internals;
  if (x.log !== undefined) throw badArgument('cases', '以 keepLog: false 创建的案件库', 'a case store made with keepLog: false');
  const n = x.facts.length;
  let offset = 0;
  const parts: [ArrayBufferView, number][] = [];
  const place = (data: ArrayBufferView): number => {
    const at = offset;
    parts.push([data, at]);
    offset += pad8(data.byteLength);
    return at;
  };
  // The delta base: the first Float64 column (the report time), kept as it is.
  const all = [...columnsOf(x.facts), ...columnsOf(x.cols)];
  const baseEntry = all.find(([, col]) => col instanceof Float64Array);
  const layout = (o: object): ColumnEntry[] => columnsOf(o).map(([name, col]): ColumnEntry => {
    const type = col.constructor.name as CtorName;
    const rows = col.subarray(0, n);
    if (!(rows instanceof Float64Array) && n > 0 && rows.every((v) => v === rows[0])) return [name, type, -1, ['const', rows[0]]];
    if (rows instanceof Float64Array && baseEntry && baseEntry[1] !== col) {
      const packed = deltaPack(rows, (baseEntry[1] as Float64Array).subarray(0, n));
      if (packed) {
        const at = place(packed.deltas);
        const excAt = place(packed.excRows);
        place(packed.excValues);
        return [name, type, at, ['delta', baseEntry[0], excAt, packed.excRows.length]];
      }
    }
    return [name, type, place(rows)];
  });
  const header: Header = {
    format: 'jiceng.cases.columns', version: 2, context: contextPrint(x.hierarchy, x.categories), length: n, applied: x.applied,
    caseIds: x.facts.caseIds.slice(0, n), actorIds: x.actorIds, rare: [...x.rare.entries()], facts: layout(x.facts), cols: layout(x.cols),
  };
  const head = new TextEncoder().encode(JSON.stringify(header));
  const start = 8 + pad8(head.length);
  const out = new Uint8Array(start + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, head.length, true);
  out.set(head, 8);
  for (const [data, at] of parts) out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), start + at);
  return out;
}

/**
 * A Float64 column as Int32 differences from `base`, row by row, when the difference is an
 * integer that gives the value back exactly (`base + d`, -0 and all); NaN as {@link NAN_MARK};
 * any other value kept apart (row and value). Null when more than a quarter of the rows would
 * be kept apart (the column is then written as it is).
 */
function deltaPack(col: Float64Array, base: Float64Array): { deltas: Int32Array; excRows: Int32Array; excValues: Float64Array } | null {
  const n = col.length;
  const deltas = new Int32Array(n);
  const excRows: number[] = [];
  const excValues: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = col[i];
    if (v !== v) {
      deltas[i] = NAN_MARK;
      continue;
    }
    const d = v - base[i];
    if (d > EXC_MARK && d <= 2147483647 && Number.isInteger(d) && Object.is(base[i] + d, v)) {
      deltas[i] = d;
    } else {
      deltas[i] = EXC_MARK;
      excRows.push(i);
      excValues.push(v);
      if (excRows.length > n / 4) return null;
    }
  }
  return { deltas, excRows: Int32Array.from(excRows), excValues: Float64Array.from(excValues) };
}

/**
 * Decodes {@link encodeCaseSnapshot}'s bytes into a new case store over `ctx` (made with
 * `keepLog: false` and room for at least `capacity` cases), or `null` when the bytes are not
 * such a snapshot, were made over another hierarchy or category table, or hold columns other
 * than the ones this version of `CaseStore` has — the caller then rebuilds from the events.
 * A `bytes` that is not a `Uint8Array` throws a `JcError` `E_INVALID_INPUT`.
 *
 * @example
 * ```ts
 * const cases = decodeCaseSnapshot(bytes, { hierarchy, categories }, { capacity: 600_000 })
 *   ?? new CaseStore({ hierarchy, categories }, { keepLog: false }); // then replay the events
 * ```
 */
export function decodeCaseSnapshot(bytes: Uint8Array, ctx: { hierarchy: HierarchyIndex; categories: CategoryTable }, opts: { capacity?: number } = {}): CaseStore | null {
  if (!(bytes instanceof Uint8Array)) throw badArgument('bytes', ' Uint8Array', 'a Uint8Array');
  if (opts === null || typeof opts !== 'object') throw badArgument('opts', '对象', 'an object');
  if (bytes.byteLength < 8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) return null;
  const headLength = view.getUint32(4, true);
  if (8 + headLength > bytes.byteLength) return null;
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headLength))) as Header;
  } catch {
    return null;
  }
  // ctx is checked (a JcError for a bad one) before the fingerprint reads it: no throwaway store.
  if (!isObj(ctx)) throw badArgument('ctx', ' { hierarchy, categories }', '{ hierarchy, categories }');
  checkHierarchyArg(ctx.hierarchy, 'ctx.hierarchy');
  checkCategoriesArg(ctx.categories, 'ctx.categories');
  if (!header || header.format !== 'jiceng.cases.columns' || (header.version !== 1 && header.version !== 2) || header.context !== contextPrint(ctx.hierarchy, ctx.categories)) return null;
  const n = header.length;
  if (!Number.isInteger(n) || n < 0 || !Array.isArray(header.caseIds) || header.caseIds.length !== n) return null;
  const start = 8 + pad8(headLength);
  const cases = new CaseStore(ctx, { keepLog: false, capacity: Math.max(n, opts.capacity ?? 0) });
  const x = cases as unknown as Internals;
  /** A typed view of `count` elements at `at` (after the header), copied if unaligned; null past the end. */
  const slice = (Ctor: (typeof CTORS)[CtorName], at: number, count: number): Column | null => {
    const size = count * Ctor.BYTES_PER_ELEMENT;
    if (!Number.isInteger(at) || at < 0 || start + at + size > bytes.byteLength) return null;
    const byteStart = bytes.byteOffset + start + at;
    return byteStart % Ctor.BYTES_PER_ELEMENT === 0
      ? new Ctor(bytes.buffer as ArrayBuffer, byteStart, count)
      : new Ctor(bytes.slice(start + at, start + at + size).buffer);
  };
  const deltas: [Float64Array, string, number, number, number][] = [];
  const fill = (target: object, layout: ColumnEntry[]): boolean => {
    const have = columnsOf(target);
    if (!Array.isArray(layout) || have.length !== layout.length) return false;
    for (const [name, type, at, packing] of layout) {
      const col = (target as Record<string, Column>)[name];
      if (!col || col.constructor.name !== type || !Object.hasOwn(CTORS, type)) return false;
      if (packing === undefined) {
        const src = slice(CTORS[type], at, n);
        if (!src) return false;
        col.set(src);
      } else if (header.version !== 2 || !Array.isArray(packing)) {
        return false;
      } else if (packing[0] === 'const' && typeof packing[1] === 'number') {
        col.fill(packing[1], 0, n);
      } else if (packing[0] === 'delta' && col instanceof Float64Array) {
        deltas.push([col, packing[1], at, packing[2], packing[3]]);
      } else {
        return false;
      }
    }
    return true;
  };
  if (!fill(x.facts, header.facts) || !fill(x.cols, header.cols)) return null;
  // The delta columns once their base is in place.
  for (const [col, baseName, at, excAt, excCount] of deltas) {
    const base = (x.facts as unknown as Record<string, Column>)[baseName] ?? x.cols[baseName];
    if (!(base instanceof Float64Array) || deltas.some((d) => d[0] === base) || !Number.isInteger(excCount) || excCount < 0 || excCount > n) return null;
    const d = slice(Int32Array, at, n) as Int32Array | null;
    const rows = slice(Int32Array, excAt, excCount) as Int32Array | null;
    const values = slice(Float64Array, excAt + pad8(excCount * 4), excCount) as Float64Array | null;
    if (!d || !rows || !values) return null;
    for (let i = 0; i < n; i++) {
      const v = d[i];
      col[i] = v === NAN_MARK ? NaN : base[i] + v;
    }
    for (let k = 0; k < excCount; k++) {
      const row = rows[k];
      if (row < 0 || row >= n || d[row] !== EXC_MARK) return null;
      col[row] = values[k];
    }
  }
  x.facts.length = n;
  x.facts.caseIds = header.caseIds;
  for (let i = 0; i < n; i++) x.rows.set(header.caseIds[i], i);
  for (const [row, v] of header.rare) x.rare.set(row, v);
  for (const id of header.actorIds) {
    x.actorIndex.set(id, x.actorIds.length);
    x.actorIds.push(id);
  }
  x.applied = header.applied;
  const broken = x.cols.broken;
  if (broken) for (let i = 0; i < n; i++) x.brokenCases += broken[i];
  return cases;
}
