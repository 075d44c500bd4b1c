/**
 * Putian's six-level governance model 市—县区—镇街—村居—网格—单元, as a level preset for
 * `@jiceng/core`'s hierarchy, with the duties the seed document gives each level.
 * @module
 */
import { type HierarchyConfig } from '@jiceng/core';
import { STATISTICAL_TOWN_RANGES, STATISTICAL_VILLAGE_RANGES, type LevelDef } from '@jiceng/core/hierarchy';
import { standardCoverage, type CoverageDef } from '@jiceng/core/overlay';

/**
 * The six Putian levels, top first: ids `city`, `county`, `town`, `village`, `grid`, `unit`.
 * City to village use the 12-digit statistical division code (significant digits 4, 6, 9,
 * 12; township and village digits in the usual NBS ranges, others warn); a grid code is the
 * village code plus 3 digits (15), a unit code the grid code plus 3 digits (18).
 *
 * @example
 * ```ts
 * import { PUTIAN_LEVELS } from '@jiceng/putian';
 * PUTIAN_LEVELS.map((l) => l.name.zh).join('—');   // '市—县区—镇街—村居—网格—单元'
 * PUTIAN_LEVELS[4].duties.map((d) => d.zh);        // ['信息汇集', '网格巡查', '便民服务']
 * ```
 */
export const PUTIAN_LEVELS: readonly LevelDef[] = Object.freeze([
  {
    id: 'city',
    name: { zh: '市', en: 'City' },
    duties: [
      { zh: '顶层设计', en: 'Top-level design' },
      { zh: '统筹指挥', en: 'Overall command' },
      { zh: '考核评价', en: 'Assessment and evaluation' },
    ],
    code: { length: 12, significant: 4 },
  },
  {
    id: 'county',
    name: { zh: '县区', en: 'County / District' },
    duties: [
      { zh: '统筹指导', en: 'Overall guidance' },
      { zh: '协同处置', en: 'Collaborative handling' },
      { zh: '督办问效', en: 'Supervision and accountability' },
    ],
    code: { length: 12, significant: 6 },
  },
  {
    id: 'town',
    name: { zh: '镇街', en: 'Town / Subdistrict' },
    duties: [
      { zh: '综合研判', en: 'Comprehensive analysis' },
      { zh: '任务交办', en: 'Task assignment' },
      { zh: '综合执法', en: 'Comprehensive law enforcement' },
    ],
    code: { length: 12, significant: 9, ranges: STATISTICAL_TOWN_RANGES },
  },
  {
    id: 'village',
    name: { zh: '村居', en: 'Village / Community' },
    duties: [
      { zh: '信息汇聚', en: 'Information convergence' },
      { zh: '分类归纳', en: 'Classification' },
      { zh: '初步研处', en: 'Preliminary handling' },
    ],
    code: { length: 12, significant: 12, ranges: STATISTICAL_VILLAGE_RANGES },
  },
  {
    id: 'grid',
    name: { zh: '网格', en: 'Grid' },
    duties: [
      { zh: '信息汇集', en: 'Information aggregation' },
      { zh: '网格巡查', en: 'Grid patrol' },
      { zh: '便民服务', en: 'Convenience services' },
    ],
    code: { length: 15, significant: 15 },
  },
  {
    id: 'unit',
    name: { zh: '单元', en: 'Unit' },
    duties: [
      { zh: '信息采集', en: 'Information collection' },
      { zh: '日常访查', en: 'Daily visits' },
      { zh: '宣传引导', en: 'Publicity and guidance' },
    ],
    code: { length: 18, significant: 18 },
  },
].map((l) => Object.freeze({ ...l, duties: Object.freeze(l.duties.map((d) => Object.freeze(d))) as LevelDef['duties'], code: Object.freeze(l.code) })));

/**
 * The Putian hierarchy configuration: id `'putian'` and the six {@link PUTIAN_LEVELS}.
 *
 * @example
 * ```ts
 * import { buildHierarchy } from '@jiceng/core';
 * import { putianConfig, generatePutian } from '@jiceng/putian';
 * const data = generatePutian({ seed: 1 });
 * const h = buildHierarchy(putianConfig, data.nodes);
 * ```
 */
export const putianConfig: HierarchyConfig = Object.freeze({
  id: 'putian',
  levels: PUTIAN_LEVELS as LevelDef[],
});

/**
 * Putian's standard coverage indicators (core's `standardCoverage` with Putian's level ids):
 * grids with a party branch, units with a party group, grids with a grid head, party-member
 * grid and unit heads, compounds with a branch and with a linked leader or member, and a
 * governance centre on every city, county, town and village node.
 *
 * @example
 * ```ts
 * import { buildHierarchy, buildOverlay } from '@jiceng/core';
 * import { generatePutian, putianCoverage } from '@jiceng/putian';
 * const d = generatePutian();
 * const h = buildHierarchy(d.config, d.nodes);
 * const o = h.ok ? buildOverlay(h.value, d.overlay) : undefined;
 * if (o?.ok) putianCoverage().map((def) => o.value.coverage(0, def).ratio);
 * ```
 */
export function putianCoverage(): CoverageDef[] {
  return standardCoverage(putianConfig, { grid: 'grid', unit: 'unit', governance: ['city', 'county', 'town', 'village'] });
}
