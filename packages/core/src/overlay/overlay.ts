/**
 * The party overlay built against a hierarchy index: records checked against the index,
 * sorted by pre-order position, so that counts and coverage for any subtree take two binary
 * searches.
 * @module
 */
import { fail, issue, JcError, ok, type JcIssue, type Result } from '../errors.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import {
  FACILITY_KINDS,
  ORG_KINDS,
  PAIRING_KINDS,
  PERSON_ROLES,
  pairingTargetsCompound,
  type CompoundInput,
  type CountKey,
  type CoverageDef,
  type CoverageFigure,
  type FacilityInput,
  type OrgInput,
  type OverlayInput,
  type PairingInput,
  type PersonInput,
} from './types.js';

/** The five record lists of an overlay. @example `const k: OverlayPart = 'people';` */
export type OverlayPart = keyof OverlayInput;

/** The record lists in file order. @example `OVERLAY_PARTS[0]; // 'organisations'` */
export const OVERLAY_PARTS: readonly OverlayPart[] = Object.freeze(['organisations', 'people', 'facilities', 'compounds', 'pairings'] as const);

/**
 * Where overlay records came from, per part, so that problems name file, row and column.
 *
 * @example
 * ```ts
 * buildOverlay(h, data, { people: { file: 'people.csv', rows: data.people.map((_, k) => k + 2) } });
 * ```
 */
export type OverlaySources = Partial<Record<OverlayPart, { file?: string; rows?: ArrayLike<number> }>>;

/**
 * Every count key an overlay answers, in display order.
 *
 * @example
 * ```ts
 * for (const k of COUNT_KEYS) console.log(k, overlay.count(0, k));
 * ```
 */
export const COUNT_KEYS: readonly CountKey[] = Object.freeze([
  ...ORG_KINDS.map((k) => `org:${k}` as const),
  ...PERSON_ROLES.map((r) => `role:${r}` as const),
  ...PERSON_ROLES.map((r) => `party:${r}` as const),
  ...FACILITY_KINDS.map((k) => `facility:${k}` as const),
  'compound' as const,
  ...PAIRING_KINDS.map((k) => `pairing:${k}` as const),
]);

/**
 * An overlay checked against one hierarchy index. Counts and coverage of any subtree are
 * answered in O(log n); records are frozen.
 *
 * @example
 * ```ts
 * const r = buildOverlay(h, data);
 * if (r.ok) {
 *   const o = r.value;
 *   o.count(0, 'org:grid-branch');              // grid party branches in the city
 *   o.coverage(town, defs[0]);                  // { numerator, denominator, ratio }
 * }
 * ```
 */
export interface Overlay {
  /** The index the overlay was checked against. */
  readonly index: HierarchyIndex;
  /** The records (frozen). */
  readonly data: Readonly<{ [K in OverlayPart]: readonly Readonly<OverlayInput[K][number]>[] }>;
  /** How many records of a kind lie in the subtree of node i (O(log n)). */
  count(i: number, key: CountKey): number;
  /** Every {@link COUNT_KEYS} count for the subtree of node i. */
  counts(i: number): Record<CountKey, number>;
  /**
   * A coverage figure for the subtree of node i (O(log n) after the first call per
   * definition). Throws a {@link JcError} `E_COVERAGE_DEF` for a definition whose test does
   * not apply to its base (check with {@link checkCoverageDef}).
   */
  coverage(i: number, def: CoverageDef): CoverageFigure;
  /** Records of one part on node i itself, or in its whole subtree. */
  records<K extends OverlayPart>(part: K, i: number, subtree?: boolean): Readonly<OverlayInput[K][number]>[];
  /** The compound with this id, or undefined. */
  compound(id: string): Readonly<CompoundInput> | undefined;
  /** The organisation with this id, or undefined. */
  organisation(id: string): Readonly<OrgInput> | undefined;
}

/** Number of values v in a sorted array with lo ≤ v < hi. */
function rangeCount(sorted: Int32Array, lo: number, hi: number): number {
  return lowerBound(sorted, hi) - lowerBound(sorted, lo);
}
function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sorts (position, payload) pairs by position: returns positions and payloads, both sorted. */
function sortByPosition(pos: ArrayLike<number>, payload: ArrayLike<number>): { pos: Int32Array; payload: Int32Array } {
  const m = pos.length;
  const keys = new Float64Array(m);
  for (let j = 0; j < m; j++) keys[j] = pos[j]! * 4294967296 + payload[j]!;
  keys.sort();
  const p = new Int32Array(m);
  const q = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    p[j] = Math.floor(keys[j]! / 4294967296);
    q[j] = keys[j]! - p[j]! * 4294967296;
  }
  return { pos: p, payload: q };
}

const COLS: Record<string, string> = { partyMember: 'party_member', partnerOrg: 'partner_org' };
const KIND_LISTS = {
  organisations: ORG_KINDS as readonly string[],
  facilities: FACILITY_KINDS as readonly string[],
  pairings: PAIRING_KINDS as readonly string[],
};

/**
 * Checks a coverage definition: its test must apply to its base (`branch` and `pairing` of
 * compound kinds to compounds; `partyMember` to role holders; `org`, `facility`, `role` and
 * node pairings to nodes; `org` also to compounds, through their branch).
 *
 * @example
 * ```ts
 * checkCoverageDef({ ...def, of: { role: 'grid-head' }, test: { facility: 'service-station' } }); // [issue E_COVERAGE_DEF]
 * ```
 */
export function checkCoverageDef(def: CoverageDef): JcIssue[] {
  const t = def.test;
  const of = def.of;
  const okay =
    'nodes' in of
      ? 'org' in t || 'facility' in t || 'role' in t || ('pairing' in t && t.pairing.every((k) => !pairingTargetsCompound(k)))
      : 'compounds' in of
        ? 'branch' in t || 'org' in t || ('pairing' in t && t.pairing.every((k) => pairingTargetsCompound(k)))
        : 'partyMember' in t;
  return okay
    ? []
    : [issue('E_COVERAGE_DEF', `覆盖率“${def.name.zh}”的条件不适用于其统计对象`, `coverage "${def.name.en}": its test does not apply to what it counts`, { column: def.id })];
}

/**
 * Checks overlay records against a hierarchy index — ids unique per part, kinds and roles
 * known, node codes present in the index, organisation parents and compound branches
 * present, pairing targets present (node codes, or compound ids for leader/member pairings)
 * — and indexes them by pre-order position. All problems are reported at once; with any
 * error there is no overlay.
 *
 * @example
 * ```ts
 * const r = buildOverlay(h, { organisations: [{ id: 'o1', kind: 'grid-branch', node: '350304001001001', name: '一网格党支部' }],
 *   people: [], facilities: [], compounds: [], pairings: [] });
 * if (r.ok) r.value.count(0, 'org:grid-branch'); // 1
 * ```
 */
export function buildOverlay(index: HierarchyIndex, input: OverlayInput, sources: OverlaySources = {}): Result<Overlay> {
  const errors: JcIssue[] = [];
  const at = (part: OverlayPart, k: number, field: string): Omit<JcIssue, 'code' | 'zh' | 'en'> => {
    const src = sources[part];
    // From a file: the CSV column and row; in memory: the field path, e.g. people[3].node.
    const w: Omit<JcIssue, 'code' | 'zh' | 'en'> = { column: src?.rows ? (COLS[field] ?? field) : `${part}[${k}].${field}` };
    if (src?.file !== undefined) w.file = src.file;
    if (src?.rows) w.row = src.rows[k];
    return w;
  };
  const PART_ZH: Record<OverlayPart, string> = { organisations: '党组织', people: '人员', facilities: '阵地设施', compounds: '小区', pairings: '结对' };
  const positions: Record<OverlayPart, Int32Array> = {
    organisations: new Int32Array(0),
    people: new Int32Array(0),
    facilities: new Int32Array(0),
    compounds: new Int32Array(0),
    pairings: new Int32Array(0),
  };
  const ids: Record<OverlayPart, Map<string, number>> = {
    organisations: new Map(),
    people: new Map(),
    facilities: new Map(),
    compounds: new Map(),
    pairings: new Map(),
  };
  const parts = {} as { [K in OverlayPart]: Readonly<OverlayInput[K][number]>[] };

  for (const part of OVERLAY_PARTS) {
    const list = (input[part] ?? []) as unknown as readonly Record<string, unknown>[];
    const pos = new Int32Array(list.length).fill(-1);
    positions[part] = pos;
    const seen = ids[part];
    list.forEach((rec, k) => {
      const id = rec.id;
      if (typeof id !== 'string' || id === '') {
        errors.push(issue('E_MISSING_FIELD', `${PART_ZH[part]}缺少必填字段：id`, `${part}: missing required field: id`, at(part, k, 'id')));
      } else if (seen.has(id)) {
        errors.push(issue('E_DUPLICATE_ID', `${PART_ZH[part]} id “${id}” 重复`, `${part}: duplicate id "${id}"`, at(part, k, 'id')));
      } else seen.set(id, k);
      if (part !== 'pairings') {
        const name = rec.name;
        if (typeof name !== 'string' || name.trim() === '') {
          errors.push(issue('E_MISSING_FIELD', `${PART_ZH[part]}缺少必填字段：名称`, `${part}: missing required field: name`, at(part, k, 'name')));
        }
        const node = rec.node;
        const p = typeof node === 'string' ? index.indexOf(node) : -1;
        if (typeof node !== 'string' || node === '') {
          errors.push(issue('E_MISSING_FIELD', `${PART_ZH[part]}缺少必填字段：节点编码`, `${part}: missing required field: node`, at(part, k, 'node')));
        } else if (p < 0) {
          errors.push(issue('E_UNKNOWN_NODE', `节点编码 ${node} 不在层级中`, `node code ${node} is not in the hierarchy`, at(part, k, 'node')));
        }
        pos[k] = p;
      }
      if (part === 'organisations' || part === 'facilities' || part === 'pairings') {
        const kinds = KIND_LISTS[part];
        if (typeof rec.kind !== 'string' || !kinds.includes(rec.kind)) {
          errors.push(issue('E_UNKNOWN_KIND', `未知类型“${String(rec.kind ?? '')}”，应为：${kinds.join('、')}`,
            `unknown kind "${String(rec.kind ?? '')}"; expected one of ${kinds.join(', ')}`, at(part, k, 'kind')));
        }
      }
      if (part === 'people') {
        if (typeof rec.role !== 'string' || !(PERSON_ROLES as readonly string[]).includes(rec.role)) {
          errors.push(issue('E_UNKNOWN_ROLE', `未知角色“${String(rec.role ?? '')}”，应为：${PERSON_ROLES.join('、')}`,
            `unknown role "${String(rec.role ?? '')}"; expected one of ${PERSON_ROLES.join(', ')}`, at(part, k, 'role')));
        }
        if (typeof rec.partyMember !== 'boolean') {
          errors.push(issue('E_MISSING_FIELD', '缺少必填字段：是否党员', 'missing required field: partyMember', at(part, k, 'partyMember')));
        }
      }
      if (part === 'pairings' && (typeof rec.partner !== 'string' || rec.partner.trim() === '')) {
        errors.push(issue('E_MISSING_FIELD', '结对缺少必填字段：结对方', 'pairing: missing required field: partner', at(part, k, 'partner')));
      }
    });
    parts[part] = list.map((r) => Object.freeze({ ...r })) as never;
  }
  // References between records.
  input.organisations?.forEach((o, k) => {
    if (o.parent !== undefined && o.parent !== '' && !ids.organisations.has(o.parent)) {
      errors.push(issue('E_UNKNOWN_REF', `上级党组织 ${o.parent} 不存在`, `parent organisation ${o.parent} does not exist`, at('organisations', k, 'parent')));
    }
  });
  input.compounds?.forEach((c, k) => {
    if (c.branch !== undefined && c.branch !== '' && !ids.organisations.has(c.branch)) {
      errors.push(issue('E_UNKNOWN_REF', `小区党支部 ${c.branch} 不存在`, `compound party branch ${c.branch} does not exist`, at('compounds', k, 'branch')));
    }
  });
  const pairPos = positions.pairings;
  input.pairings?.forEach((p, k) => {
    if (typeof p.target !== 'string' || p.target === '') {
      errors.push(issue('E_MISSING_FIELD', '结对缺少必填字段：对象', 'pairing: missing required field: target', at('pairings', k, 'target')));
      return;
    }
    if (!(PAIRING_KINDS as readonly string[]).includes(p.kind)) return;
    if (pairingTargetsCompound(p.kind)) {
      const c = ids.compounds.get(p.target);
      if (c === undefined) {
        errors.push(issue('E_UNKNOWN_REF', `结对对象小区 ${p.target} 不存在`, `pairing target compound ${p.target} does not exist`, at('pairings', k, 'target')));
      } else pairPos[k] = positions.compounds[c]!;
    } else {
      const t = index.indexOf(p.target);
      if (t < 0) {
        errors.push(issue('E_UNKNOWN_NODE', `结对对象节点 ${p.target} 不在层级中`, `pairing target node ${p.target} is not in the hierarchy`, at('pairings', k, 'target')));
      } else pairPos[k] = t;
    }
  });
  if (errors.length > 0) return fail(errors);
  return ok(new OverlayImpl(index, parts, positions, ids));
}

/** Per-part records sorted by position: `pos` ascending and the record index of each. */
interface Sorted {
  pos: Int32Array;
  rec: Int32Array;
}

class OverlayImpl implements Overlay {
  readonly #sorted: Record<OverlayPart, Sorted>;
  readonly #countPos = new Map<CountKey, Int32Array>();
  readonly #coverage = new Map<string, { def: CoverageDef; pos: Int32Array; hits: Int32Array }>();
  readonly #ids: Record<OverlayPart, Map<string, number>>;

  constructor(
    readonly index: HierarchyIndex,
    readonly data: { [K in OverlayPart]: Readonly<OverlayInput[K][number]>[] },
    positions: Record<OverlayPart, Int32Array>,
    ids: Record<OverlayPart, Map<string, number>>,
  ) {
    this.#ids = ids;
    const sorted = {} as Record<OverlayPart, Sorted>;
    for (const part of OVERLAY_PARTS) {
      const pos = positions[part];
      const s = sortByPosition(pos, Int32Array.from(pos, (_, k) => k));
      sorted[part] = { pos: s.pos, rec: s.payload };
    }
    this.#sorted = sorted;
    // Count keys: positions of the records of each kind, ascending.
    const collect = (part: OverlayPart, key: (r: never) => CountKey | undefined, extra?: (r: never) => CountKey | undefined) => {
      const buckets = new Map<CountKey, number[]>();
      const { pos, rec } = sorted[part];
      const list = this.data[part] as never[];
      for (let j = 0; j < pos.length; j++) {
        const r = list[rec[j]!]!;
        for (const k of [key(r), extra?.(r)]) {
          if (k === undefined) continue;
          let b = buckets.get(k);
          if (!b) buckets.set(k, (b = []));
          b.push(pos[j]!);
        }
      }
      for (const [k, b] of buckets) this.#countPos.set(k, Int32Array.from(b));
    };
    collect('organisations', (o: OrgInput) => `org:${o.kind}`);
    collect('people', (p: PersonInput) => `role:${p.role}`, (p: PersonInput) => (p.partyMember ? `party:${p.role}` : undefined));
    collect('facilities', (f: FacilityInput) => `facility:${f.kind}`);
    collect('compounds', () => 'compound');
    collect('pairings', (p: PairingInput) => `pairing:${p.kind}`);
    Object.freeze(this.data);
    Object.freeze(this);
  }

  count(i: number, key: CountKey): number {
    const a = this.#countPos.get(key);
    const end = this.index.ends[i];
    if (end === undefined) throw new JcError(issue('E_NO_NODE', `位置 ${i} 没有节点`, `no node at position ${i}`));
    return a ? rangeCount(a, i, end) : 0;
  }

  counts(i: number): Record<CountKey, number> {
    const out = {} as Record<CountKey, number>;
    for (const k of COUNT_KEYS) out[k] = this.count(i, k);
    return out;
  }

  coverage(i: number, def: CoverageDef): CoverageFigure {
    const end = this.index.ends[i];
    if (end === undefined) throw new JcError(issue('E_NO_NODE', `位置 ${i} 没有节点`, `no node at position ${i}`));
    let t = this.#coverage.get(def.id);
    if (!t || t.def !== def) {
      const bad = checkCoverageDef(def);
      if (bad.length > 0) throw new JcError(bad[0]!);
      t = { def, ...this.#coverageTable(def) };
      this.#coverage.set(def.id, t);
    }
    const lo = lowerBound(t.pos, i);
    const hi = lowerBound(t.pos, end);
    const numerator = t.hits[hi]! - t.hits[lo]!;
    const denominator = hi - lo;
    return { id: def.id, numerator, denominator, ratio: denominator === 0 ? null : numerator / denominator };
  }

  /** Items of the definition's base sorted by position, and a prefix sum of those passing its test. */
  #coverageTable(def: CoverageDef): { pos: Int32Array; hits: Int32Array } {
    const idx = this.index;
    const t = def.test;
    const of = def.of;
    let pos: Int32Array;
    let hit: Uint8Array;
    if ('nodes' in of) {
      const level = idx.config.levels.findIndex((l) => l.id === of.nodes);
      const list: number[] = [];
      for (let i = 0; i < idx.size; i++) if (idx.levelOf[i] === level) list.push(i);
      pos = Int32Array.from(list);
      const mark = new Uint8Array(idx.size);
      const markAll = (part: OverlayPart, accept: (r: never) => boolean) => {
        const { pos: p, rec } = this.#sorted[part];
        const recs = this.data[part] as never[];
        for (let j = 0; j < p.length; j++) if (accept(recs[rec[j]!]!)) mark[p[j]!] = 1;
      };
      if ('org' in t) markAll('organisations', (o: OrgInput) => o.kind === t.org);
      else if ('facility' in t) markAll('facilities', (f: FacilityInput) => f.kind === t.facility);
      else if ('role' in t) markAll('people', (p: PersonInput) => p.role === t.role);
      else if ('pairing' in t) markAll('pairings', (p: PairingInput) => t.pairing.includes(p.kind));
      hit = Uint8Array.from(pos, (i) => mark[i]!);
    } else if ('compounds' in of) {
      const { pos: p, rec } = this.#sorted.compounds;
      pos = p;
      const linked = new Uint8Array(this.data.compounds.length);
      if ('pairing' in t) {
        this.data.pairings.forEach((pr) => {
          if (t.pairing.includes(pr.kind)) {
            const c = this.#ids.compounds.get(pr.target);
            if (c !== undefined) linked[c] = 1;
          }
        });
      }
      hit = Uint8Array.from(rec, (k) => {
        const c = this.data.compounds[k]!;
        if ('branch' in t) return c.branch ? 1 : 0;
        if ('org' in t) return c.branch !== undefined && this.organisation(c.branch)?.kind === t.org ? 1 : 0;
        return linked[k]!;
      });
    } else {
      const role = of.role;
      const { pos: p, rec } = this.#sorted.people;
      const keep: number[] = [];
      for (let j = 0; j < p.length; j++) if (this.data.people[rec[j]!]!.role === role) keep.push(j);
      pos = Int32Array.from(keep, (j) => p[j]!);
      hit = Uint8Array.from(keep, (j) => (this.data.people[rec[j]!]!.partyMember ? 1 : 0));
    }
    const hits = new Int32Array(pos.length + 1);
    for (let j = 0; j < pos.length; j++) hits[j + 1] = hits[j]! + hit[j]!;
    return { pos, hits };
  }

  records<K extends OverlayPart>(part: K, i: number, subtree = false): Readonly<OverlayInput[K][number]>[] {
    const end = subtree ? this.index.ends[i] : i + 1;
    if (this.index.ends[i] === undefined || end === undefined) throw new JcError(issue('E_NO_NODE', `位置 ${i} 没有节点`, `no node at position ${i}`));
    const { pos, rec } = this.#sorted[part];
    const out: Readonly<OverlayInput[K][number]>[] = [];
    const list = this.data[part] as readonly Readonly<OverlayInput[K][number]>[];
    for (let j = lowerBound(pos, i), hi = lowerBound(pos, end); j < hi; j++) out.push(list[rec[j]!]!);
    return out;
  }

  compound(id: string): Readonly<CompoundInput> | undefined {
    const k = this.#ids.compounds.get(id);
    return k === undefined ? undefined : this.data.compounds[k];
  }

  organisation(id: string): Readonly<OrgInput> | undefined {
    const k = this.#ids.organisations.get(id);
    return k === undefined ? undefined : this.data.organisations[k];
  }
}
