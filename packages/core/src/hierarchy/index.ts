/**
 * `@jiceng/core/hierarchy`: the six-level hierarchy — levels, codes, nodes and the pre-order index.
 * `buildHierarchy` checks the nodes against the configuration and builds the index that
 * everything else reads: positions, parents, subtrees as ranges, names and pinyin search.
 * The party overlay is `@jiceng/core/overlay`; files in and out are `@jiceng/core/io`.
 *
 * @example
 * ```ts
 * import { buildHierarchy } from '@jiceng/core/hierarchy';
 * const r = buildHierarchy(config, nodes);
 * if (r.ok) console.log(r.value.size, r.value.search('lcq'));
 * ```
 * @module
 */
export { buildHierarchy, type BuildOptions, checkConfig, type Hierarchy, NODE_COLUMNS } from './build.js';
export { STATISTICAL_TOWN_RANGES, STATISTICAL_VILLAGE_RANGES } from './codes.js';
export { type HierarchyIndex } from './contract.js';
export { checkName, NAME_LIMITS, normalizeName } from './names.js';
export {
  type CodeRange, type CodeRule, type HierarchyConfig, type LevelDef, type NodeInput,
} from './types.js';
