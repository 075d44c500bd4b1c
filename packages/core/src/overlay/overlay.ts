/**
 * The party overlay built against a hierarchy index: records checked against the index,
 * sorted by pre-order position, so that counts and coverage for any subtree take two binary
 * searches.
 * @module
 */
import { fail, issue, JcError, ok, type JcIssue, type Result } from '../errors/errors.js';
import { CodeTable } from '../hierarchy/codetable.js';
import { checkName, NAME_LIMITS, normalizeName } from '../hierarchy/names.js';
import { argumentError, isObject, needIndex, needObject } from '../errors/args.js';
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
 * answered in O(log n). The records are copies of the input (read-only lists), so later
 * changes to the caller's objects do not reach it.
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
  /** The records (copies of the input; the lists are frozen, the records typed read-only). */
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
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Record indices ordered by position (stable counting sort; positions lie in [0, n)). */
function sortByPosition(pos: Int32Array, n: number): { pos: Int32Array; rec: Int32Array } {
  const m = pos.length;
  const next = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) next[pos[k] + 1]++;
  for (let i = 0; i < n; i++) next[i + 1] += next[i];
  const sp = new Int32Array(m);
  const rec = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const slot = next[pos[k]]++;
    sp[slot] = pos[k]!;
    rec[slot] = k;
  }
  return { pos: sp, rec };
}

/** Record ids of one part: unique check and lookup, on a {@link CodeTable}. */
class IdIndex {
  readonly #keys: string[];
  readonly #table: CodeTable;
  constructor(n: number) {
    this.#keys = new Array<string>(n);
    this.#table = new CodeTable(n, this.#keys);
  }
  /** Adds record k under id; returns the earlier record with that id, or -1. */
  add(id: string, k: number): number {
    this.#keys[k] = id;
    return this.#table.add(k, id);
  }
  get(id: string): number | undefined {
    const k = this.#table.get(id);
    return k < 0 ? undefined : k;
  }
  has(id: string): boolean {
    return this.#table.get(id) >= 0;
  }
}

const COLS: Record<string, string> = { partyMember: 'party_member', partnerOrg: 'partner_org' };
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
  needObject('checkCoverageDef', 'def', def);
  for (const k of ['of', 'test', 'name'] as const) needObject('checkCoverageDef', `def.${k}`, def[k]);
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
  needIndex('buildOverlay', index);
  needObject('buildOverlay', 'input', input);
  needObject('buildOverlay', 'sources', sources);
  for (const part of OVERLAY_PARTS) {
    const list = input[part];
    if (list !== undefined && !Array.isArray(list)) throw argumentError('buildOverlay', `input.${part}`, { zh: '记录数组', en: 'an array of records' });
    list?.forEach((r: unknown, k: number) => { if (!isObject(r)) throw argumentError('buildOverlay', `input.${part}[${k}]`, { zh: '对象', en: 'an object' }); });
  }
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
  const ids = {} as Record<OverlayPart, IdIndex>;
  for (const part of OVERLAY_PARTS) ids[part] = new IdIndex((input[part] ?? []).length);
  const parts = {} as { [K in OverlayPart]: Readonly<OverlayInput[K][number]>[] };

  // Checks take primitive values, so that each part's loop below reads one record shape.
  const checkId = (part: OverlayPart, id: unknown, k: number) => {
    const seen = ids[part];
    if (typeof id !== 'string' || id === '') {
      errors.push(issue('E_MISSING_FIELD', `${PART_ZH[part]}缺少必填字段：id`, `${part}: missing required field: id`, at(part, k, 'id')));
      return;
    }
    // Ids are keys other records cite: checked, never rewritten.
    const c = checkName(id, NAME_LIMITS.id, { zh: `${PART_ZH[part]} id`, en: `${part}: id` });
    if (c.issue || c.value !== id) {
      const p = c.issue ?? issue('E_ID_SPACE', `${PART_ZH[part]} id “${id}” 首尾不能有空白`, `${part}: id "${id}" must not begin or end with white space`);
      errors.push({ ...p, ...at(part, k, 'id') });
    } else if (seen.add(id, k) !== -1) {
      errors.push(issue('E_DUPLICATE_ID', `${PART_ZH[part]} id “${id}” 重复`, `${part}: duplicate id "${id}"`, at(part, k, 'id')));
    }
  };
  // Names as stored: NFC and trimmed; applied to the copies below.
  const cleaned: { part: OverlayPart; k: number; field: string; value: string }[] = [];
  const checkText = (part: OverlayPart, value: unknown, k: number, field: string, zh: string, optional = false) => {
    if (optional && (value === undefined || value === '')) return;
    if (typeof value !== 'string' || normalizeName(value) === '') {
      errors.push(optional && value !== undefined
        ? issue('E_TYPE', `${PART_ZH[part]}字段 ${zh} 应为文本`, `${part}: ${field} must be a string`, at(part, k, field))
        : issue('E_MISSING_FIELD', `${PART_ZH[part]}缺少必填字段：${zh}`, `${part}: missing required field: ${field}`, at(part, k, field)));
      return;
    }
    const c = checkName(value, NAME_LIMITS.name, { zh: `${PART_ZH[part]}${zh}`, en: `${part}: ${field}` });
    if (c.issue) errors.push({ ...c.issue, ...at(part, k, field) });
    else if (c.value !== value) cleaned.push({ part, k, field, value: c.value });
  };
  const checkNode = (part: OverlayPart, node: unknown, k: number): number => {
    if (typeof node !== 'string' || node === '') {
      errors.push(issue('E_MISSING_FIELD', `${PART_ZH[part]}缺少必填字段：节点编码`, `${part}: missing required field: node`, at(part, k, 'node')));
      return -1;
    }
    const p = index.indexOf(node);
    if (p < 0) errors.push(issue('E_UNKNOWN_NODE', `节点编码 ${node} 不在层级中`, `node code ${node} is not in the hierarchy`, at(part, k, 'node')));
    return p;
  };
  const checkKind = (part: OverlayPart, kinds: readonly string[], value: unknown, k: number, field: 'kind' | 'role') => {
    if (typeof value === 'string' && kinds.includes(value)) return;
    const [code, zh, en] = field === 'kind' ? ['E_UNKNOWN_KIND', '类型', 'kind'] : ['E_UNKNOWN_ROLE', '角色', 'role'];
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the message quotes the rejected value, whatever it is
    errors.push(issue(code, `未知${zh}“${String(value ?? '')}”，应为：${kinds.join('、')}`,
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the message quotes the rejected value, whatever it is
      `unknown ${en} "${String(value ?? '')}"; expected one of ${kinds.join(', ')}`, at(part, k, field)));
  };
  const orgs = input.organisations ?? [];
  positions.organisations = new Int32Array(orgs.length);
  for (let k = 0; k < orgs.length; k++) {
    const r = orgs[k];
    checkId('organisations', r.id, k);
    checkText('organisations', r.name, k, 'name', '名称');
    positions.organisations[k] = checkNode('organisations', r.node, k);
    checkKind('organisations', ORG_KINDS, r.kind, k, 'kind');
  }
  const people = input.people ?? [];
  positions.people = new Int32Array(people.length);
  for (let k = 0; k < people.length; k++) {
    const r = people[k];
    checkId('people', r.id, k);
    checkText('people', r.name, k, 'name', '名称');
    positions.people[k] = checkNode('people', r.node, k);
    checkKind('people', PERSON_ROLES, r.role, k, 'role');
    if (typeof r.partyMember !== 'boolean') {
      errors.push(issue('E_MISSING_FIELD', '缺少必填字段：是否党员', 'missing required field: partyMember', at('people', k, 'partyMember')));
    }
  }
  const facilities = input.facilities ?? [];
  positions.facilities = new Int32Array(facilities.length);
  for (let k = 0; k < facilities.length; k++) {
    const r = facilities[k];
    checkId('facilities', r.id, k);
    checkText('facilities', r.name, k, 'name', '名称');
    positions.facilities[k] = checkNode('facilities', r.node, k);
    checkKind('facilities', FACILITY_KINDS, r.kind, k, 'kind');
  }
  const compounds = input.compounds ?? [];
  positions.compounds = new Int32Array(compounds.length);
  for (let k = 0; k < compounds.length; k++) {
    const r = compounds[k];
    checkId('compounds', r.id, k);
    checkText('compounds', r.name, k, 'name', '名称');
    positions.compounds[k] = checkNode('compounds', r.node, k);
  }
  const pairings = input.pairings ?? [];
  positions.pairings = new Int32Array(pairings.length).fill(-1);
  for (let k = 0; k < pairings.length; k++) {
    const r = pairings[k];
    checkId('pairings', r.id, k);
    checkKind('pairings', PAIRING_KINDS, r.kind, k, 'kind');
    checkText('pairings', r.partner, k, 'partner', '结对方');
    checkText('pairings', r.partnerOrg, k, 'partnerOrg', '结对方单位', true);
  }
  // Copies, so that later changes to the caller's records cannot reach the indexes.
  const copies = {} as Record<OverlayPart, Record<string, unknown>[]>;
  for (const part of OVERLAY_PARTS) copies[part] = (input[part] ?? []).map((r: object) => ({ ...r }));
  for (const c of cleaned) copies[c.part][c.k][c.field] = c.value;
  for (const part of OVERLAY_PARTS) parts[part] = Object.freeze(copies[part]) as never;
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
  readonly #ids: Record<OverlayPart, IdIndex>;

  constructor(
    readonly index: HierarchyIndex,
    readonly data: { [K in OverlayPart]: Readonly<OverlayInput[K][number]>[] },
    positions: Record<OverlayPart, Int32Array>,
    ids: Record<OverlayPart, IdIndex>,
  ) {
    this.#ids = ids;
    const sorted = {} as Record<OverlayPart, Sorted>;
    for (const part of OVERLAY_PARTS) {
      sorted[part] = sortByPosition(positions[part], index.size);
    }
    this.#sorted = sorted;
    // Count keys: positions of the records of each kind, ascending.
    const collect = <R>(part: OverlayPart, keyOf: (r: R) => CountKey | undefined) => {
      const buckets = new Map<CountKey, number[]>();
      const { pos, rec } = sorted[part];
      const list = this.data[part] as unknown as readonly R[];
      for (let j = 0; j < pos.length; j++) {
        const k = keyOf(list[rec[j]]);
        if (k === undefined) continue;
        let b = buckets.get(k);
        if (!b) buckets.set(k, (b = []));
        b.push(pos[j]);
      }
      for (const [k, b] of buckets) this.#countPos.set(k, Int32Array.from(b));
    };
    const keys = <T extends string>(prefix: string, values: readonly T[]) => new Map(values.map((v) => [v as string, `${prefix}:${v}` as CountKey]));
    const orgKey = keys('org', ORG_KINDS);
    const roleKey = keys('role', PERSON_ROLES);
    const partyKey = keys('party', PERSON_ROLES);
    const facilityKey = keys('facility', FACILITY_KINDS);
    const pairingKey = keys('pairing', PAIRING_KINDS);
    collect('organisations', (o: OrgInput) => orgKey.get(o.kind));
    collect('people', (p: PersonInput) => roleKey.get(p.role));
    collect('people', (p: PersonInput) => (p.partyMember ? partyKey.get(p.role) : undefined));
    collect('facilities', (f: FacilityInput) => facilityKey.get(f.kind));
    collect('compounds', () => 'compound');
    collect('pairings', (p: PairingInput) => pairingKey.get(p.kind));
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
      if (bad.length > 0) throw new JcError(bad[0]);
      t = { def, ...this.#coverageTable(def) };
      this.#coverage.set(def.id, t);
    }
    const lo = lowerBound(t.pos, i);
    const hi = lowerBound(t.pos, end);
    const numerator = t.hits[hi] - t.hits[lo];
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
      if (level < 0) {
        throw new JcError(issue('E_COVERAGE_DEF', `覆盖率“${def.name.zh}”引用了未知层级“${of.nodes}”`, `coverage "${def.name.en}" names an unknown level "${of.nodes}"`, { column: def.id }));
      }
      const list: number[] = [];
      for (let i = 0; i < idx.size; i++) if (idx.levelOf[i] === level) list.push(i);
      pos = Int32Array.from(list);
      const mark = new Uint8Array(idx.size);
      const markAll = (part: OverlayPart, accept: (r: never) => boolean) => {
        const { pos: p, rec } = this.#sorted[part];
        const recs = this.data[part] as never[];
        for (let j = 0; j < p.length; j++) if (accept(recs[rec[j]])) mark[p[j]] = 1;
      };
      if ('org' in t) markAll('organisations', (o: OrgInput) => o.kind === t.org);
      else if ('facility' in t) markAll('facilities', (f: FacilityInput) => f.kind === t.facility);
      else if ('role' in t) markAll('people', (p: PersonInput) => p.role === t.role);
      else if ('pairing' in t) markAll('pairings', (p: PairingInput) => t.pairing.includes(p.kind));
      hit = Uint8Array.from(pos, (i) => mark[i]);
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
        const c = this.data.compounds[k];
        if ('branch' in t) return c.branch ? 1 : 0;
        if ('org' in t) return c.branch !== undefined && this.organisation(c.branch)?.kind === t.org ? 1 : 0;
        return linked[k];
      });
    } else {
      const role = of.role;
      const { pos: p, rec } = this.#sorted.people;
      const keep: number[] = [];
      for (let j = 0; j < p.length; j++) if (this.data.people[rec[j]].role === role) keep.push(j);
      pos = Int32Array.from(keep, (j) => p[j]);
      hit = Uint8Array.from(keep, (j) => (this.data.people[rec[j]].partyMember ? 1 : 0));
    }
    const hits = new Int32Array(pos.length + 1);
    for (let j = 0; j < pos.length; j++) hits[j + 1] = hits[j] + hit[j];
    return { pos, hits };
  }

  records<K extends OverlayPart>(part: K, i: number, subtree = false): Readonly<OverlayInput[K][number]>[] {
    const end = subtree ? this.index.ends[i] : i + 1;
    if (this.index.ends[i] === undefined || end === undefined) throw new JcError(issue('E_NO_NODE', `位置 ${i} 没有节点`, `no node at position ${i}`));
    const { pos, rec } = this.#sorted[part];
    const out: Readonly<OverlayInput[K][number]>[] = [];
    const list = this.data[part] as readonly Readonly<OverlayInput[K][number]>[];
    for (let j = lowerBound(pos, i), hi = lowerBound(pos, end); j < hi; j++) out.push(list[rec[j]]);
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
