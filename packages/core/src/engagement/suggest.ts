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
import { need } from '../io/args.js';
import { ENGAGEMENT, HIERARCHY } from '../shapes.js';

/**
 * The flat arrays over the members that suggestion reads: positions of each member's grid,
 * village and town, a skills bit set and an availability bit set.
 *
 * @example
 * ```ts
 * const ix = buildCandidateIndex(state, hierarchy);
 * ix.members.length; // every reported member
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
  return { members, near, mid, far, skills, days, skillBit };
}

const cache = new WeakMap<EngagementState, { size: number; h: HierarchyIndex; ix: CandidateIndex }>();

/**
 * Options of {@link suggestCandidates}.
 *
 * @example
 * ```ts
 * const o: SuggestOptions = { limit: 3, offsetMs: 8 * 3_600_000 };
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
    if (c && c.size === s.members.size && c.h === h) ix = c.ix;
    else {
      ix = buildCandidateIndex(s, h, levels);
      cache.set(s, { size: s.members.size, h, ix });
    }
  }
  const limit = Math.max(1, opts.limit ?? 5);
  const cat = (opts.categories ?? DEFAULT_SERVICE_CATEGORIES).find((c) => c.id === order.category);
  const bit = cat === undefined ? undefined : ix.skillBit.get(cat.skill);
  const skillMask = bit === undefined ? 0 : (1 << bit) >>> 0;
  const dayMask = 1 << new Date(order.from + (opts.offsetMs ?? 8 * 3_600_000)).getUTCDay();
  const pos = h.indexOf(order.node);
  const oNear = pos < 0 ? -2 : h.ancestorAt(pos, levels.near);
  const oMid = pos < 0 ? -2 : h.ancestorAt(pos, levels.mid);
  const oFar = pos < 0 ? -2 : h.ancestorAt(pos, levels.far);
  const skip = new Set([order.resident, ...order.declinedBy]);
  const keys: number[] = [];
  const idx: number[] = [];
  const { members, near, mid, far, skills, days } = ix;
  for (let i = 0; i < members.length; i++) {
    const dist = near[i] === oNear && oNear >= 0 ? 0 : mid[i] === oMid && oMid >= 0 ? 1 : far[i] === oFar && oFar >= 0 ? 2 : 3;
    const base = ((skills[i] & skillMask) !== 0 ? 0 : 8_000_000) + ((days[i] & dayMask) !== 0 ? 0 : 4_000_000) + dist * 1_000_000;
    // a load is never negative: a member whose key without it already loses is passed over
    // without touching its record (most members, once the top-k is full)
    if (keys.length === limit && base >= keys[limit - 1]) continue;
    const m = members[i];
    if (!m.active) continue;
    const key = base + Math.min(m.load, 999_999);
    if (keys.length === limit && key >= keys[limit - 1]) continue;
    if (skip.has(m.id)) continue;
    let j = keys.length < limit ? keys.length : limit - 1;
    while (j > 0 && keys[j - 1] > key) {
      keys[j] = keys[j - 1];
      idx[j] = idx[j - 1];
      j--;
    }
    keys[j] = key;
    idx[j] = i;
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
