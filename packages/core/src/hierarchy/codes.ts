/**
 * Statistical division code ranges (NBS 统计用区划代码): what the township and village
 * segments of a 12-digit code usually mean. Use them in a level's {@link CodeRule.ranges}.
 * @module
 */
import type { CodeRange } from './types.js';

/**
 * Township segment ranges (digits 7–9 of the 12-digit code): 001–099 street 街道,
 * 100–199 town 镇, 200–399 township 乡, 400–599 similar units 类似乡级单位.
 *
 * @example
 * ```ts
 * const town: LevelDef = { id: 'town', name: { zh: '镇街', en: 'Town' }, duties: [],
 *   code: { length: 12, significant: 9, ranges: STATISTICAL_TOWN_RANGES } };
 * ```
 */
export const STATISTICAL_TOWN_RANGES: readonly CodeRange[] = Object.freeze([
  { from: 1, to: 99, name: { zh: '街道', en: 'street' } },
  { from: 100, to: 199, name: { zh: '镇', en: 'town' } },
  { from: 200, to: 399, name: { zh: '乡', en: 'township' } },
  { from: 400, to: 599, name: { zh: '类似乡级单位', en: 'township-like unit' } },
]);

/**
 * Village segment ranges (digits 10–12): 001–199 residents' committee 居委会, 200–399
 * villagers' committee 村委会, 400–599 similar units 类似村级单位.
 *
 * @example
 * ```ts
 * const village: LevelDef = { id: 'village', name: { zh: '村居', en: 'Village' }, duties: [],
 *   code: { length: 12, significant: 12, ranges: STATISTICAL_VILLAGE_RANGES } };
 * ```
 */
export const STATISTICAL_VILLAGE_RANGES: readonly CodeRange[] = Object.freeze([
  { from: 1, to: 199, name: { zh: '居委会', en: "residents' committee" } },
  { from: 200, to: 399, name: { zh: '村委会', en: "villagers' committee" } },
  { from: 400, to: 599, name: { zh: '类似村级单位', en: 'village-like unit' } },
]);
