// Test fixtures for the access, privacy, registry and audit tests: six-level trees built with
// the real buildHierarchy, actors and records.
import { buildHierarchy, type HierarchyConfig, type NodeInput } from '@jiceng/core';
import { type Hierarchy } from '@jiceng/core/hierarchy';

const lvl = (id: string, zh: string, length: number, significant: number) => ({
  id, name: { zh, en: id }, duties: [], code: { length, significant },
});

export const CONFIG: HierarchyConfig = {
  id: 'test-six',
  levels: [
    lvl('city', '市', 12, 4), lvl('county', '县区', 12, 6), lvl('town', '镇街', 12, 9),
    lvl('village', '村居', 12, 12), lvl('grid', '网格', 15, 15), lvl('unit', '单元', 18, 18),
  ],
};

/**
 * Builds a six-level tree below city 350300000000. `fanout(depth, k)` gives the number of
 * children of the k-th node created at `depth` (0 = city).
 */
export function makeTree(fanout: (depth: number, k: number) => number): Hierarchy {
  const nodes: NodeInput[] = [{ code: '350300000000', parent: null, level: 'city', name: '测试市' }];
  const made = [0, 0, 0, 0, 0, 0];
  const grow = (code: string, depth: number, name: string) => {
    if (depth >= 5) return;
    const n = fanout(depth, made[depth]++);
    for (let c = 1; c <= n; c++) {
      const d = depth + 1;
      let child: string;
      if (d === 1) child = `3503${String(c).padStart(2, '0')}000000`;
      else if (d === 2) child = `${code.slice(0, 6)}${String(100 + c)}000`;
      else if (d === 3) child = `${code.slice(0, 9)}${String(c).padStart(3, '0')}`;
      else child = `${code}${String(c).padStart(3, '0')}`;
      const childName = `${name}${CONFIG.levels[d].name.zh}${c}`;
      nodes.push({ code: child, parent: code, level: CONFIG.levels[d].id, name: childName });
      grow(child, d, childName);
    }
  };
  grow('350300000000', 0, '');
  const r = buildHierarchy(CONFIG, nodes);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.value;
}

/** 1 city, 2 counties, 2 towns each, 2 villages, 2 grids, 2 units: 63 nodes. */
export const small = (): Hierarchy => makeTree(() => 2);

export const T0 = Date.parse('2026-03-02T09:00:00+08:00');

export const BASIS = { basis: 'statutory-duty' as const, articles: ['PIPL 13(1)(3)', 'PIPL 34'], informed: true };
