/**
 * Hierarchies for the grid-tree tests, built with the real `buildHierarchy` of @jiceng/core.
 */
import type { HierarchyConfig, HierarchyIndex, NodeInput } from '@jiceng/core';
import type { LevelDef } from '@jiceng/core/hierarchy';
// The builder module itself rather than the core barrel: the barrel also loads CSV parsing
// (papaparse, CommonJS), which the browser test server cannot serve as ESM.
import { buildHierarchy } from '../../../core/src/hierarchy/build.js';

const lv = (id: string, zh: string, en: string, length: number, significant: number): LevelDef => ({
  id,
  name: { zh, en },
  duties: [],
  code: { length, significant },
});

/** Six levels as in Putian (12-digit statistical codes, then +3 digits per level). */
export const sixLevels: HierarchyConfig = {
  id: 'grid-tree-test',
  levels: [
    lv('city', '市', 'City', 12, 4),
    lv('county', '县区', 'County', 12, 6),
    lv('town', '镇街', 'Town', 12, 9),
    lv('village', '村居', 'Village', 12, 12),
    lv('grid', '网格', 'Grid', 15, 15),
    lv('unit', '单元', 'Unit', 18, 18),
  ],
};

/** A node name that would run script if it were ever parsed as HTML. */
export const XSS_NAME = '<img src=x onerror=window.__pwned=1>';

const n = (code: string, parent: string | null, level: string, name: string, nameEn?: string): NodeInput => ({
  code,
  parent,
  level,
  name,
  ...(nameEn ? { nameEn } : {}),
});

/** The nodes of the small test city, parents first. */
export const smallNodes: NodeInput[] = [
  n('350300000000', null, 'city', '莆田市', 'Putian'),
  n('350304000000', '350300000000', 'county', '荔城区', 'Licheng'),
  n('350302000000', '350300000000', 'county', '城厢区', 'Chengxiang'),
  n('350303000000', '350300000000', 'county', '涵江区', 'Hanjiang'),
  n('350304001000', '350304000000', 'town', '镇海街道', 'Zhenhai'),
  n('350304002000', '350304000000', 'town', '拱辰街道', 'Gongchen'),
  n('350304100000', '350304000000', 'town', '黄石镇', 'Huangshi'),
  n('350304001001', '350304001000', 'village', '镇海社区', 'Zhenhai Community'),
  n('350304001002', '350304001000', 'village', '梅峰社区', 'Meifeng Community'),
  n('350304001003', '350304001000', 'village', XSS_NAME),
  n('350304001001001', '350304001001', 'grid', '第一网格', 'Grid 1'),
  n('350304001001002', '350304001001', 'grid', '第二网格', 'Grid 2'),
  n('350304001001001001', '350304001001001', 'unit', '1号楼', 'Building 1'),
  n('350304001001001002', '350304001001001', 'unit', '2号楼', 'Building 2'),
  n('350302001000', '350302000000', 'town', '凤凰山街道', 'Fenghuangshan'),
];

/** Builds an index or throws with the issues (a test setup error, not behaviour under test). */
export function build(nodes: NodeInput[], config: HierarchyConfig = sixLevels): HierarchyIndex {
  const r = buildHierarchy(config, nodes);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.code} ${e.en}`).join('; '));
  return r.value;
}

/** The small test city (16 nodes). */
export function smallTree(): HierarchyIndex {
  return build(smallNodes);
}

const pad = (v: number, w: number): string => String(v).padStart(w, '0');

/**
 * A city-sized hierarchy: 7 counties × 8 towns × 18 villages × 10 grids × `units` units
 * (1 + 7 + 56 + 1,008 + 10,080 + 10,080·units nodes; units = 14 gives 152,272).
 */
export function cityTree(units = 14): HierarchyIndex {
  const nodes: NodeInput[] = [n('350300000000', null, 'city', '莆田市', 'Putian')];
  for (let c = 1; c <= 7; c++) {
    const cc = `3503${pad(c, 2)}`;
    nodes.push(n(`${cc}000000`, '350300000000', 'county', `第${c}区`, `District ${c}`));
    for (let t = 1; t <= 8; t++) {
      const tc = `${cc}${pad(t, 3)}`;
      nodes.push(n(`${tc}000`, `${cc}000000`, 'town', `${c}区${t}镇`, `Town ${c}.${t}`));
      for (let v = 1; v <= 18; v++) {
        const vc = `${tc}${pad(v, 3)}`;
        nodes.push(n(vc, `${tc}000`, 'village', `${c}区${t}镇${v}村`, `Village ${c}.${t}.${v}`));
        for (let g = 1; g <= 10; g++) {
          const gc = `${vc}${pad(g, 3)}`;
          nodes.push(n(gc, vc, 'grid', `${v}村${g}网格`, `Grid ${g}`));
          for (let u = 1; u <= units; u++) nodes.push(n(`${gc}${pad(u, 3)}`, gc, 'unit', `${g}网格${u}号楼`, `Building ${u}`));
        }
      }
    }
  }
  return build(nodes);
}
