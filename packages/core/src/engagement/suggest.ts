/**
 * Candidate suggestion for dispatch: every active reported member ranked by skill, availability
 * in the order's window, distance in the hierarchy (same grid < same village < same town <
 * farther, from the pre-order index) and current load. A flat index over the members makes one
 * pass with a small top-k; no sort of all members.
 * @module
 */
import type { HierarchyIndex } from '../hierarchy/contract.js';
import { DEFAULT_SERVICE_CATEGORIES, type ServiceCategory } from './rules.js';
import type { EngagementState, MemberState, OrderState } from './state.js';
import { memberEpoch } from './epoch.js';
import { need } from '../errors/args.js';
import { CHINA_UTC_OFFSET_MS } from '../calendar/time.js';
import { ENGAGEMENT, HIERARCHY } from '../shapes.js';

/**
 * The flat arrays over the members that suggestion reads: positions of each member's grid,
 * village and town, a skills bit set and an availability bit set; and the members (their
 * positions in `members`, ascending) of each grid, village and town and of each skill, so a
 * suggestion looks at the order's town and then only as far as it must.
 *
 * @example
 * ```ts
 * const ix = buildCandidateIndex(state, hierarchy);
 * ix.members.length; // every reported member
 * ix.byMid.get(hierarchy.indexOf('350302001001'))?.length; // members of that village
 * ```
 */
export interface CandidateIndex {
  members: MemberState[];
  near: Int32Array;
  mid: Int32Array;
  far: Int32Array;
  skills: Uint32Array;
  days: Uint8Array;
  skillBit: Map<string, number>;
  /** Members of each grid (by hierarchy position), ascending. */
  byNear: Map<number, Int32Array>;
  /** Members of each village, ascending. */
  byMid: Map<number, Int32Array>;
  /** Members of each town, ascending. */
  byFar: Map<number, Int32Array>;
  /** Members with each skill bit, ascending. */
  bySkill: Int32Array[];
}

/**
 * One suggested member and why: `distance` 0 same grid, 1 same village, 2 same town, 3 farther.
 *
 * @example
 * ```ts
 * const c: Candidate = { member: 'pm-1', skill: true, available: true, distance: 1, load: 0 };
 * ```
 */
export interface Candidate {
  member: string;
  skill: boolean;
  available: boolean;
  distance: 0 | 1 | 2 | 3;
  load: number;
}

/** Level ids used for distance. @example `const l: DistanceLevels = { near: 'grid', mid: 'village', far: 'town' };` */
export interface DistanceLevels {
  near: string;
  mid: string;
  far: string;
}
const DEFAULT_LEVELS: DistanceLevels = { near: 'grid', mid: 'village', far: 'town' };

/**
 * Builds the flat index over the state's members (rebuild after members report; loads are
 * read live from the member records).
 *
 * @example
 * ```ts
 * const ix = buildCandidateIndex(store.state, hierarchy);
 * ```
 */
export function buildCandidateIndex(s: EngagementState, h: HierarchyIndex, levels: DistanceLevels = DEFAULT_LEVELS): CandidateIndex {
  need('buildCandidateIndex', 's', s, 'object', ENGAGEMENT);
  need('buildCandidateIndex', 'h', h, 'object', HIERARCHY);
  need('buildCandidateIndex', 'levels', levels, 'object');
  const members = [...s.members.values()];
  const n = members.length;
  const near = new Int32Array(n), mid = new Int32Array(n), far = new Int32Array(n);
  const skills = new Uint32Array(n), days = new Uint8Array(n);
  const skillBit = new Map<string, number>();
  members.forEach((m, i) => {
    const pos = h.indexOf(m.home ?? m.node);
    near[i] = pos < 0 ? -1 : h.ancestorAt(pos, levels.near);
    mid[i] = pos < 0 ? -1 : h.ancestorAt(pos, levels.mid);
    far[i] = pos < 0 ? -1 : h.ancestorAt(pos, levels.far);
    let bits = 0;
    for (const sk of m.skills) {
      let b = skillBit.get(sk);
      if (b === undefined && skillBit.size < 32) skillBit.set(sk, (b = skillBit.size));
      if (b !== undefined) bits |= 1 << b;
    }
    skills[i] = bits >>> 0;
    let d = 0;
    for (const x of m.days) d |= 1 << x;
    days[i] = d;
  });
  const bySkill: Int32Array[] = [];
  for (let b = 0; b < skillBit.size; b++) bySkill.push(listWhere(n, (i) => (skills[i] & (1 << b)) !== 0));
  return { members, near, mid, far, skills, days, skillBit, byNear: groupBy(near), byMid: groupBy(mid), byFar: groupBy(far), bySkill };
}

/** The positions 0‥n-1 for which `keep` holds, ascending. */
function listWhere(n: number, keep: (i: number) => boolean): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep(i)) out.push(i);
  return Int32Array.from(out);
}

/** The positions of each value ≥ 0 of `of`, ascending (slices of one array). */
function groupBy(of: Int32Array): Map<number, Int32Array> {
  const count = new Map<number, number>();
  for (const v of of) if (v >= 0) count.set(v, (count.get(v) ?? 0) + 1);
  const all = new Int32Array(of.length);
  const start = new Map<number, number>();
  const out = new Map<number, Int32Array>();
  let at = 0;
  for (const [v, c] of count) {
    start.set(v, at);
    out.set(v, all.subarray(at, at + c));
    at += c;
  }
  for (let i = 0; i < of.length; i++) {
    const v = of[i];
    if (v < 0) continue;
    const k = start.get(v) as number;
    all[k] = i;
    start.set(v, k + 1);
  }
  return out;
}

// The index cached per state, valid while no member has reported since it was built (a member
// reporting again replaces their record in place of the old one, leaving members.size as it was).
const cache = new WeakMap<EngagementState, { epoch: number; size: number; h: HierarchyIndex; ix: CandidateIndex }>();

/**
 * Options of {@link suggestCandidates}.
 *
 * @example
 * ```ts
 * const o: SuggestOptions = { limit: 3, offsetMs: CHINA_UTC_OFFSET_MS };
 * ```
 */
export interface SuggestOptions {
  /** How many to suggest (default 5). */
  limit?: number;
  categories?: readonly ServiceCategory[];
  /** UTC offset of the calendar, for the weekday of the window (default +08:00). */
  offsetMs?: number;
  levels?: DistanceLevels;
  /** A prebuilt index (else one is built and cached per state). */
  index?: CandidateIndex;
}

/**
 * The best members to dispatch `order` to, best first: those with the category's skill, then
 * those who serve on the window's weekday, then the nearest, then the least loaded (ties by
 * reporting order). Members who withdrew, who already declined the order, or who ordered it
 * are left out.
 *
 * @example
 * ```ts
 * suggestCandidates(store.state, store.state.orders.get('o-1')!, hierarchy, { limit: 3 })[0].member;
 * ```
 */
export function suggestCandidates(
  s: EngagementState, order: Pick<OrderState, 'node' | 'category' | 'from' | 'resident' | 'declinedBy'>, h: HierarchyIndex, opts: SuggestOptions = {},
): Candidate[] {
  need('suggestCandidates', 's', s, 'object', ENGAGEMENT);
  need('suggestCandidates', 'order', order, 'object', { node: 'string', category: 'string' });
  need('suggestCandidates', 'h', h, 'object', HIERARCHY);
  need('suggestCandidates', 'opts', opts, 'object');
  const levels = opts.levels ?? DEFAULT_LEVELS;
  let ix = opts.index;
  if (!ix) {
    const c = cache.get(s);
    const epoch = memberEpoch(s);
    if (c && c.epoch === epoch && c.size === s.members.size && c.h === h) ix = c.ix;
    else {
      ix = buildCandidateIndex(s, h, levels);
      cache.set(s, { epoch, size: s.members.size, h, ix });
    }
  }
  const limit = Math.max(1, opts.limit ?? 5);
  const cat = (opts.categories ?? DEFAULT_SERVICE_CATEGORIES).find((c) => c.id === order.category);
  const bit = cat === undefined ? undefined : ix.skillBit.get(cat.skill);
  const skillMask = bit === undefined ? 0 : (1 << bit) >>> 0;
  const dayMask = 1 << new Date(order.from + (opts.offsetMs ?? CHINA_UTC_OFFSET_MS)).getUTCDay();
  const pos = h.indexOf(order.node);
  const oNear = pos < 0 ? -2 : h.ancestorAt(pos, levels.near);
  const oMid = pos < 0 ? -2 : h.ancestorAt(pos, levels.mid);
  const oFar = pos < 0 ? -2 : h.ancestorAt(pos, levels.far);
  const skip = new Set([order.resident, ...order.declinedBy]);
  const keys: number[] = [];
  const idx: number[] = [];
  const { members, near, mid, far, skills, days } = ix;
  const LOAD_CAP = 999_999;
  /** Puts member `i` with `key` into the top `limit` if it belongs there (ties: reporting order). */
  const consider = (i: number, key: number): void => {
    let j = keys.length;
    if (j === limit) {
      const K = keys[limit - 1];
      if (key > K || (key === K && i > idx[limit - 1])) return;
      j--;
    }
    const m = members[i];
    if (!m.active || skip.has(m.id)) return;
    while (j > 0 && (keys[j - 1] > key || (keys[j - 1] === key && idx[j - 1] > i))) {
      keys[j] = keys[j - 1];
      idx[j] = idx[j - 1];
      j--;
    }
    keys[j] = key;
    idx[j] = i;
  };
  /** Would a key of at least `base` for member `i` still lose to the last of a full top? */
  const beyond = (base: number, i: number): boolean =>
    keys.length === limit && (keys[limit - 1] < base || (keys[limit - 1] === base && idx[limit - 1] < i));
  const nearOf = (i: number) => near[i] === oNear && oNear >= 0;
  const midOf = (i: number) => mid[i] === oMid && oMid >= 0;
  const farOf = (i: number) => far[i] === oFar && oFar >= 0;
  const baseOf = (i: number, dist: number) =>
    ((skills[i] & skillMask) !== 0 ? 0 : 8_000_000) + ((days[i] & dayMask) !== 0 ? 0 : 4_000_000) + dist * 1_000_000;
  // 1. the members of the order's town, village and grid (a few hundred): every one scored,
  // each once (a member in more than one of them is taken with the widest)
  const seen = (g: Int32Array | undefined, skipIf: (i: number) => boolean) => {
    if (!g) return;
    for (const i of g) {
      if (skipIf(i)) continue;
      const base = baseOf(i, nearOf(i) ? 0 : midOf(i) ? 1 : farOf(i) ? 2 : 3);
      // a load is never negative: a member whose key without it already loses is passed over
      if (beyond(base, i)) continue;
      consider(i, base + Math.min(members[i].load, LOAD_CAP));
    }
  };
  seen(oFar >= 0 ? ix.byFar.get(oFar) : undefined, () => false);
  seen(oMid >= 0 ? ix.byMid.get(oMid) : undefined, farOf);
  seen(oNear >= 0 ? ix.byNear.get(oNear) : undefined, (i) => farOf(i) || midOf(i));
  // 2. everyone farther (distance 3), best tier first: with the skill and available, with the
  // skill, available, neither. Within a tier members come in reporting order, so a tier ends
  // as soon as its least key (load 0) can no longer get in; the search ends at the first tier
  // that cannot.
  for (const hasSkill of [true, false]) {
    if (hasSkill && bit === undefined) continue;
    for (const free of [true, false]) {
      const base = (hasSkill ? 0 : 8_000_000) + (free ? 0 : 4_000_000) + 3_000_000;
      if (beyond(base, -1)) break;
      const from = hasSkill ? ix.bySkill[bit as number] : undefined;
      const n = from ? from.length : members.length;
      for (let k = 0; k < n; k++) {
        const i = from ? from[k] : k;
        if (beyond(base, i)) break;
        if (((skills[i] & skillMask) !== 0) !== hasSkill || ((days[i] & dayMask) !== 0) !== free) continue;
        if (nearOf(i) || midOf(i) || farOf(i)) continue;
        consider(i, base + Math.min(members[i].load, LOAD_CAP));
      }
    }
  }
  return idx.map((i, k) => {
    const key = keys[k];
    return {
      member: members[i].id,
      skill: key < 8_000_000,
      available: key % 8_000_000 < 4_000_000,
      distance: (Math.floor((key % 4_000_000) / 1_000_000)) as 0 | 1 | 2 | 3,
      load: members[i].load,
    };
  });
}
