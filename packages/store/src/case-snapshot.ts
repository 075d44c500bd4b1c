/**
 * A binary snapshot of core's `CaseStore` (its typed columns as they are in memory, plus the
 * case ids, interned actor ids and the few rare values), so that a restart loads half a
 * million cases in a second or two instead of parsing and re-materialising JSON.
 *
 * The format mirrors `CaseStore`'s internal columns. If core changes them, decoding returns
 * null and the projection rebuilds from the feed — it never restores a wrong state (the test
 * checks that an encoded and decoded store equals the original, field for field).
 * @module
 */
import { CaseStore, type CaseFacts } from '@jiceng/core';
import type { CaseProjectionContext } from './case-projection.js';
import { need } from '@jiceng/core';

type Column = Int8Array | Uint8Array | Uint16Array | Int32Array | Float64Array;
const CTORS = { Int8Array, Uint8Array, Uint16Array, Int32Array, Float64Array } as const;
type CtorName = keyof typeof CTORS;

/** The parts of a `CaseStore` a snapshot holds (its fields at runtime). */
interface Internals {
  facts: CaseFacts;
  cols: Record<string, Column>;
  rows: Map<string, number>;
  rare: Map<number, Record<string, unknown>>;
  actorIds: string[];
  actorIndex: Map<string, number>;
  applied: number;
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
function contextPrint(ctx: CaseProjectionContext): string {
  let h = 0x811c9dc5;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 10, 0x01000193);
  };
  for (let i = 0; i < ctx.hierarchy.size; i++) add(ctx.hierarchy.code(i));
  for (const c of ctx.categories.list) add(c.id);
  return `${ctx.hierarchy.size}:${ctx.categories.list.length}:${(h >>> 0).toString(16)}`;
}

function columnsOf(o: object): [string, Column][] {
  return Object.entries(o).filter((e): e is [string, Column] => ArrayBuffer.isView(e[1]));
}

/**
 * Encodes a case store (made with `keepLog: false`) over `ctx` as bytes.
 *
 * @example
 * ```ts
 * await store.saveSnapshot('cases', position, encodeCaseSnapshot(projection.cases, { hierarchy, categories }));
 * ```
 */
export function encodeCaseSnapshot(cases: CaseStore, ctx: CaseProjectionContext): Uint8Array {
  need('encodeCaseSnapshot', 'cases', cases, 'object', { facts: 'object' });
  need('encodeCaseSnapshot', 'ctx', ctx, 'object', { hierarchy: 'object', categories: 'object' });
  const x = cases as unknown as Internals;
  const n = x.facts.length;
  let offset = 0;
  const parts: [Column, number][] = [];
  const layout = (o: object): [string, CtorName, number][] => columnsOf(o).map(([name, col]) => {
    const at = offset;
    const bytes = n * col.BYTES_PER_ELEMENT;
    parts.push([col, at]);
    offset += Math.ceil(bytes / 8) * 8;
    return [name, col.constructor.name as CtorName, at];
  });
  const header: Header = {
    format: 'jiceng.cases.columns', version: 1, context: contextPrint(ctx), length: n, applied: x.applied, caseIds: x.facts.caseIds, actorIds: x.actorIds,
    rare: [...x.rare.entries()], facts: layout(x.facts), cols: layout(x.cols),
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
 * Decodes {@link encodeCaseSnapshot}'s bytes into a case store over `ctx`, or null when the
 * bytes are not such a snapshot, were made over another hierarchy or category table, or
 * hold columns other than the ones this core has.
 *
 * @example
 * ```ts
 * const cases = decodeCaseSnapshot(snap.data, { hierarchy, categories }) ?? new CaseStore(ctx, { keepLog: false });
 * ```
 */
export function decodeCaseSnapshot(bytes: Uint8Array, ctx: CaseProjectionContext, capacity = 0): CaseStore | null {
  need('decodeCaseSnapshot', 'bytes', bytes, 'bytes');
  need('decodeCaseSnapshot', 'ctx', ctx, 'object', { hierarchy: 'object', categories: 'object' });
  need('decodeCaseSnapshot', 'capacity', capacity, 'count');
  if (bytes.byteLength < 8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) return null;
  const headLength = view.getUint32(4, true);
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headLength))) as Header;
  } catch {
    return null;
  }
  if (header.format !== 'jiceng.cases.columns' || header.version !== 1 || header.context !== contextPrint(ctx)) return null;
  const n = header.length;
  const cases = new CaseStore(ctx, { keepLog: false, capacity: Math.max(n, capacity) });
  const x = cases as unknown as Internals;
  const start = 8 + Math.ceil(headLength / 8) * 8;
  const fill = (target: object, layout: [string, CtorName, number][]): boolean => {
    const have = columnsOf(target);
    if (have.length !== layout.length) return false;
    for (const [name, type, at] of layout) {
      const col = (target as Record<string, Column>)[name];
      if (!col || col.constructor.name !== type) return false;
      const Ctor = CTORS[type];
      const byteStart = bytes.byteOffset + start + at;
      const src = byteStart % Ctor.BYTES_PER_ELEMENT === 0
        ? new Ctor(bytes.buffer as ArrayBuffer, byteStart, n)
        : new Ctor(bytes.slice(start + at, start + at + n * Ctor.BYTES_PER_ELEMENT).buffer);
      col.set(src as never);
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
  return cases;
}
