/**
 * A small city for the map tests, built with the real `buildHierarchy` of @jiceng/core: two
 * counties, each with two towns, each with two villages, each with two grids of one unit.
 * Its geometry nests by construction: each area is cut into strips for its children
 * (vertical strips under even depths, horizontal under odd), so a point's area at every level
 * is known exactly.
 */
import type { HierarchyConfig, HierarchyIndex, NodeInput } from '@jiceng/core';
import type { LevelDef } from '@jiceng/core/hierarchy';
import type { AreaGeometry, LonLat } from '@jiceng/core/geo';
// The builder module itself rather than the core barrel (which also loads CSV parsing).
import { buildHierarchy } from '../../../core/src/hierarchy/build.js';

const lv = (id: string, zh: string, en: string, length: number, significant: number): LevelDef => ({ id, name: { zh, en }, duties: [], code: { length, significant } });

/** Six levels as in Putian. */
export const sixLevels: HierarchyConfig = {
  id: 'map-test',
  levels: [
    lv('city', '市', 'City', 12, 4), lv('county', '县区', 'County', 12, 6), lv('town', '镇街', 'Town', 12, 9),
    lv('village', '村居', 'Village', 12, 12), lv('grid', '网格', 'Grid', 15, 15), lv('unit', '单元', 'Unit', 18, 18),
  ],
};

type Box = [number, number, number, number];
/** The city's box: longitude 118.9–119.3, latitude 25.3–25.6. */
export const CITY_BOX: Box = [118.9, 25.3, 119.3, 25.6];

const COUNTIES = [['350302000000', '城厢区', 'Chengxiang'], ['350303000000', '涵江区', 'Hanjiang']] as const;
const pad = (n: number) => String(n).padStart(3, '0');

/** Nodes, parents first, and each area's box by code. */
export function smallCity(): { nodes: NodeInput[]; boxes: Map<string, Box> } {
  const nodes: NodeInput[] = [{ code: '350300000000', parent: null, level: 'city', name: '莆田市', nameEn: 'Putian' }];
  const boxes = new Map<string, Box>([['350300000000', CITY_BOX]]);
  const split = (b: Box, k: number, of: number, depth: number): Box => {
    if (depth % 2 === 0) { const w = (b[2] - b[0]) / of; return [b[0] + k * w, b[1], b[0] + (k + 1) * w, b[3]]; }
    const h = (b[3] - b[1]) / of; return [b[0], b[1] + k * h, b[2], b[1] + (k + 1) * h];
  };
  COUNTIES.forEach(([cc, cn, ce], ci) => {
    nodes.push({ code: cc, parent: '350300000000', level: 'county', name: cn, nameEn: ce });
    boxes.set(cc, split(CITY_BOX, ci, 2, 0));
    for (let t = 1; t <= 2; t++) {
      const tc = `${cc.slice(0, 6)}${pad(t)}000`;
      nodes.push({ code: tc, parent: cc, level: 'town', name: `${cn.slice(0, 2)}${t}镇`, nameEn: `${ce} Town ${t}` });
      boxes.set(tc, split(boxes.get(cc)!, t - 1, 2, 1));
      for (let v = 1; v <= 2; v++) {
        const vc = `${tc.slice(0, 9)}${pad(v)}`;
        nodes.push({ code: vc, parent: tc, level: 'village', name: `${cn.slice(0, 2)}${t}镇${v}村`, nameEn: `${ce} ${t}-${v} Village` });
        boxes.set(vc, split(boxes.get(tc)!, v - 1, 2, 2));
        for (let g = 1; g <= 2; g++) {
          const gc = `${vc}${pad(g)}`;
          nodes.push({ code: gc, parent: vc, level: 'grid', name: `${v}村第${g}网格`, nameEn: `Grid ${t}-${v}-${g}` });
          boxes.set(gc, split(boxes.get(vc)!, g - 1, 2, 3));
          nodes.push({ code: `${gc}001`, parent: gc, level: 'unit', name: `${g}号楼`, nameEn: `Block ${g}` });
        }
      }
    }
  });
  return { nodes, boxes };
}

/** The hierarchy and its geometry (grids as Polygons, the levels above as MultiPolygons). */
export function smallMap(): { hierarchy: HierarchyIndex; geometry: Map<string, AreaGeometry> } {
  const { nodes, boxes } = smallCity();
  const r = buildHierarchy(sixLevels, nodes);
  if (!r.ok) throw new Error(r.errors.map((e) => e.en).join('; '));
  const ring = ([x0, y0, x1, y1]: Box): LonLat[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
  const geometry = new Map<string, AreaGeometry>();
  for (const n of nodes) {
    const b = boxes.get(n.code);
    if (!b) continue;
    geometry.set(n.code, n.level === 'grid' ? { type: 'Polygon', coordinates: [ring(b)] } : { type: 'MultiPolygon', coordinates: [[ring(b)]] });
  }
  return { hierarchy: r.value, geometry };
}

/** The centre of a node's box. */
export function centre(code: string): LonLat {
  const b = smallCity().boxes.get(code)!;
  return [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
}
