/**
 * The small city the tests and stories use: six levels as in Putian and a few nodes down to
 * two buildings. Plain data (types only from the core), so both the browser tests (which load
 * the core late) and the stories can import it.
 */
import type { HierarchyConfig, NodeInput } from '@jiceng/core';

const lvl = (id: string, zh: string, en: string, length: number, significant: number) => ({ id, name: { zh, en }, duties: [], code: { length, significant } });

export const CONFIG: HierarchyConfig = {
  id: 'case-form-city',
  levels: [lvl('city', '市', 'City', 12, 4), lvl('county', '县区', 'County', 12, 6), lvl('town', '镇街', 'Town', 12, 9),
    lvl('village', '村居', 'Village', 12, 12), lvl('grid', '网格', 'Grid', 15, 15), lvl('unit', '单元', 'Unit', 18, 18)],
};

export const CITY = '350300000000';
export const COUNTY = '350302000000';
export const T1 = '350302101000';
export const V1 = '350302101001';
export const G1 = '350302101001001';
export const G2 = '350302101001002';
export const U1 = '350302101001001001';

export const NODES: readonly NodeInput[] = [
  { code: CITY, parent: null, level: 'city', name: '莆田市', nameEn: 'Putian' },
  { code: COUNTY, parent: CITY, level: 'county', name: '城厢区', nameEn: 'Chengxiang' },
  { code: T1, parent: COUNTY, level: 'town', name: '龙桥街道', nameEn: 'Longqiao' },
  { code: V1, parent: T1, level: 'village', name: '沟边社区', nameEn: 'Goubian' },
  { code: G1, parent: V1, level: 'grid', name: '第一网格', nameEn: 'Grid 1' },
  { code: G2, parent: V1, level: 'grid', name: '第二网格', nameEn: 'Grid 2' },
  { code: U1, parent: G1, level: 'unit', name: '1号楼', nameEn: 'Building 1' },
  { code: '350302101001001002', parent: G1, level: 'unit', name: '2号楼', nameEn: 'Building 2' },
];
