/**
 * Standard coverage indicators of the party overlay, as data.
 * @module
 */
import { argumentError, isList, needObject } from '../errors/args.js';
import type { HierarchyConfig } from '../hierarchy/types.js';
import type { CoverageDef } from './types.js';

/**
 * Which level ids play which part, for {@link standardCoverage}.
 *
 * @example
 * ```ts
 * const roles: CoverageLevels = { grid: 'grid', unit: 'unit', governance: ['city', 'county', 'town', 'village'] };
 * ```
 */
export interface CoverageLevels {
  /** The grid level's id. */
  grid: string;
  /** The unit (building) level's id. */
  unit: string;
  /** Levels that should each have a social governance centre. */
  governance: readonly string[];
}

/**
 * The standard coverage indicators: grids with a grid party branch, units with a party
 * group, grids with a grid head, party-member grid heads and unit heads, compounds with a
 * party branch and with a linked leader or member, and governance-centre coverage per level.
 *
 * @example
 * ```ts
 * const defs = standardCoverage(config, { grid: 'grid', unit: 'unit', governance: ['city', 'county', 'town', 'village'] });
 * defs.map((d) => overlay.coverage(0, d).ratio);
 * ```
 */
export function standardCoverage(config: HierarchyConfig, levels: CoverageLevels): CoverageDef[] {
  needObject('standardCoverage', 'config', config);
  if (!Array.isArray(config.levels)) throw argumentError('standardCoverage', 'config.levels', { zh: '层级数组', en: 'an array of levels' });
  needObject('standardCoverage', 'levels', levels);
  for (const k of ['grid', 'unit'] as const) if (typeof levels[k] !== 'string') throw argumentError('standardCoverage', `levels.${k}`, { zh: '层级 id', en: 'a level id' });
  if (!isList(levels.governance) || levels.governance.some((g) => typeof g !== 'string')) throw argumentError('standardCoverage', 'levels.governance', { zh: '层级 id 数组', en: 'an array of level ids' });
  const defs: CoverageDef[] = [
    {
      id: 'grid-party-branch', of: { nodes: levels.grid }, test: { org: 'grid-branch' },
      name: { zh: '网格党支部覆盖率', en: 'Grids with a grid party branch' },
      numerator: { zh: '建有网格党支部的网格数', en: 'grids with a grid party branch on them' },
      denominator: { zh: '网格总数', en: 'all grids' },
    },
    {
      id: 'unit-party-group', of: { nodes: levels.unit }, test: { org: 'unit-group' },
      name: { zh: '单元党小组覆盖率', en: 'Units with a party group' },
      numerator: { zh: '建有单元党小组的单元数', en: 'units with a unit party group on them' },
      denominator: { zh: '单元总数', en: 'all units' },
    },
    {
      id: 'grid-head', of: { nodes: levels.grid }, test: { role: 'grid-head' },
      name: { zh: '网格长配备率', en: 'Grids with a grid head' },
      numerator: { zh: '配有网格长的网格数', en: 'grids with at least one grid head' },
      denominator: { zh: '网格总数', en: 'all grids' },
    },
    {
      id: 'party-grid-head', of: { role: 'grid-head' }, test: { partyMember: true },
      name: { zh: '党员网格长占比', en: 'Grid heads who are party members' },
      numerator: { zh: '党员网格长人数', en: 'grid heads who are party members' },
      denominator: { zh: '网格长总人数', en: 'all grid heads' },
    },
    {
      id: 'party-unit-head', of: { role: 'unit-head' }, test: { partyMember: true },
      name: { zh: '党员单元长占比', en: 'Unit heads who are party members' },
      numerator: { zh: '党员单元长人数', en: 'unit heads who are party members' },
      denominator: { zh: '单元长总人数', en: 'all unit heads' },
    },
    {
      id: 'compound-branch', of: { compounds: true }, test: { branch: true },
      name: { zh: '小区党支部覆盖率', en: 'Compounds with a party branch' },
      numerator: { zh: '建有党支部的小区数', en: 'compounds with a party branch' },
      denominator: { zh: '小区总数', en: 'all compounds' },
    },
    {
      id: 'compound-linked', of: { compounds: true }, test: { pairing: ['leader-compound', 'member-compound'] },
      name: { zh: '小区挂钩联系覆盖率', en: 'Compounds with a linked leader or member' },
      numerator: { zh: '有领导干部或共建单位成员挂钩的小区数', en: 'compounds linked to a leader or a partner-unit member' },
      denominator: { zh: '小区总数', en: 'all compounds' },
    },
  ];
  for (const id of levels.governance) {
    const l = config.levels.find((x) => x.id === id);
    if (!l) continue;
    defs.push({
      id: `governance-centre:${id}`, of: { nodes: id }, test: { facility: 'governance-centre' },
      name: { zh: `${l.name.zh}级社会治理中心覆盖率`, en: `${l.name.en} nodes with a social governance centre` },
      numerator: { zh: `建有社会治理中心的${l.name.zh}数`, en: `${l.name.en} nodes with a governance centre` },
      denominator: { zh: `${l.name.zh}总数`, en: `all ${l.name.en} nodes` },
    });
  }
  return defs;
}
