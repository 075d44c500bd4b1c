/**
 * The shapes of the governance hierarchy: levels as configuration, nodes as input, and the
 * immutable pre-order index every other part of Jiceng reads.
 * @module
 */
import type { LocalizedText } from '../errors/errors.js';

/**
 * How a level's codes look. `length` is the full code length (statistical codes are zero
 * padded to 12 digits), `significant` the number of leading digits that identify the node
 * (the rest are zeros). A child's significant prefix must start with its parent's.
 *
 * @example
 * ```ts
 * const town: CodeRule = { length: 12, significant: 9 };   // 350302001000
 * const grid: CodeRule = { length: 15, significant: 15 };  // 350302001001001
 * ```
 */
export interface CodeRule {
  length: number;
  significant: number;
  /**
   * Usual value ranges of the level's own segment (the digits between the level above's
   * significant prefix and this level's). A code outside every range is reported as a
   * warning, not an error. Omit to accept any non-zero segment.
   */
  ranges?: readonly CodeRange[];
}

/**
 * A usual range of a code segment and what it means, e.g. township digits 100–199 are towns.
 *
 * @example
 * ```ts
 * const towns: CodeRange = { from: 100, to: 199, name: { zh: '镇', en: 'town' } };
 * ```
 */
export interface CodeRange {
  /** Smallest segment value, inclusive. */
  from: number;
  /** Largest segment value, inclusive. */
  to: number;
  name: LocalizedText;
}

/**
 * One level of the hierarchy, as configuration. Putian has six; another city may have five
 * or seven.
 *
 * @example
 * ```ts
 * const grid: LevelDef = {
 *   id: 'grid', name: { zh: '网格', en: 'Grid' },
 *   duties: [{ zh: '信息汇集', en: 'information aggregation' }],
 *   code: { length: 15, significant: 15 },
 * };
 * ```
 */
export interface LevelDef {
  /** Stable id, e.g. `'town'`. */
  id: string;
  /** Display name in zh and en. */
  name: LocalizedText;
  /** The duties of this level (the work list's first column). */
  duties: LocalizedText[];
  /** The rule its codes follow. */
  code: CodeRule;
}

/**
 * A hierarchy configuration: the ordered levels, top first.
 *
 * @example
 * ```ts
 * const cfg: HierarchyConfig = { id: 'demo', levels: [cityLevel, countyLevel, townLevel] };
 * ```
 */
export interface HierarchyConfig {
  /** A name for the configuration, e.g. `'putian'`. */
  id: string;
  levels: LevelDef[];
}

/**
 * One node as loaded from a file or built by a generator.
 *
 * @example
 * ```ts
 * const n: NodeInput = { code: '350302000000', parent: '350300000000', level: 'county', name: '城厢区' };
 * ```
 */
export interface NodeInput {
  /** Unique code; city..village: 12-digit statistical code; grid: village + 3; unit: grid + 3. */
  code: string;
  /** The parent's code, or null for the root. */
  parent: string | null;
  /** The id of the node's level. */
  level: string;
  /** Name in Chinese. */
  name: string;
  /** Name in English, if known. */
  nameEn?: string;
  /**
   * A functional zone: a governance node without a national code (its code is internal,
   * e.g. `3503B1000000`); its children keep their legal codes and are not checked against
   * the zone's prefix but against the zone's own parent.
   */
  zone?: boolean;
  /** ISO date from which the node is valid. */
  validFrom?: string;
  /** ISO date until which the node is valid (exclusive). */
  validTo?: string;
}
