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

interface Header {
  format: 'jiceng.cases.columns';
  version: 1;
  /** The hierarchy and categories the row positions refer to (see {@link contextPrint}). */
  context: string;
  length: number;
  applied: number;
  caseIds: string[];
  actorIds: string[];
  rare: [number, Record<string, unknown>][];
  facts: [string, CtorName, number][];
  cols: [string, CtorName, number][];
}

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
 * each typed column's bytes, 8-byte aligned. The store must have been made with
 * `keepLog: false` (a snapshot holds the state, not the events); otherwise, or for anything
 * that is not a `CaseStore`, it throws a `JcError` `E_INVALID_INPUT`.
 *
 * @example
 * ```ts
 * const cases = new CaseStore({ hierarchy, categories }, { keepLog: false });
 * cases.replay(events);
 * const bytes = encodeCaseSnapshot(cases);         // about 100 bytes a case
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
  const parts: [Column, number][] = [];
  const layout = (o: object): [string, CtorName, number][] => columnsOf(o).map(([name, col]) => {
    const at = offset;
    parts.push([col, at]);
    offset += Math.ceil((n * col.BYTES_PER_ELEMENT) / 8) * 8;
    return [name, col.constructor.name as CtorName, at];
  });
  const header: Header = {
    format: 'jiceng.cases.columns', version: 1, context: contextPrint(x.hierarchy, x.categories), length: n, applied: x.applied,
    caseIds: x.facts.caseIds.slice(0, n), actorIds: x.actorIds, rare: [...x.rare.entries()], facts: layout(x.facts), cols: layout(x.cols),
  };
  const head = new TextEncoder().encode(JSON.stringify(header));
  const start = 8 + Math.ceil(head.length / 8) * 8;
  const out = new Uint8Array(start + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, head.length, true);
  out.set(head, 8);
  for (const [col, at] of parts) out.set(new Uint8Array(col.buffer, col.byteOffset, n * col.BYTES_PER_ELEMENT), start + at);
  return out;
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
  if (!header || header.format !== 'jiceng.cases.columns' || header.version !== 1 || header.context !== contextPrint(ctx.hierarchy, ctx.categories)) return null;
  const n = header.length;
  if (!Number.isInteger(n) || n < 0 || !Array.isArray(header.caseIds) || header.caseIds.length !== n) return null;
  const start = 8 + Math.ceil(headLength / 8) * 8;
  const cases = new CaseStore(ctx, { keepLog: false, capacity: Math.max(n, opts.capacity ?? 0) });
  const x = cases as unknown as Internals;
  const fill = (target: object, layout: [string, CtorName, number][]): boolean => {
    const have = columnsOf(target);
    if (!Array.isArray(layout) || have.length !== layout.length) return false;
    for (const [name, type, at] of layout) {
      const col = (target as Record<string, Column>)[name];
      if (!col || col.constructor.name !== type || !Object.hasOwn(CTORS, type)) return false;
      const Ctor = CTORS[type];
      const size = n * Ctor.BYTES_PER_ELEMENT;
      if (start + at + size > bytes.byteLength) return false;
      const byteStart = bytes.byteOffset + start + at;
      const src = byteStart % Ctor.BYTES_PER_ELEMENT === 0
        ? new Ctor(bytes.buffer as ArrayBuffer, byteStart, n)
        : new Ctor(bytes.slice(start + at, start + at + size).buffer);
      col.set(src);
    }
    return true;
  };
  if (!fill(x.facts, header.facts) || !fill(x.cols, header.cols)) return null;
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
