// The engine's tables past their first allocation: more cases than an engine makes room for
// up front, and more (grid, category) pairs than a page of cluster rings holds — a city's
// worth, where the small tree of the rule tests never reaches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHierarchy, type NodeInput } from '@jiceng/core';
import { AlertEngine, type AlertFinding } from '@jiceng/core/alerts';
import { calendar, categories, CITY, CONFIG, COUNTY, T0, T1, V1 } from './cases-fixture.js';
import { cluster, History, recurrence, ruleSet } from './alerts-fixture.js';

const GRIDS = 160;
const grid = (g: number) => `${V1}${String(g + 1).padStart(3, '0')}`;
const unit = (g: number) => `${grid(g)}001`;
const nodes: NodeInput[] = [
  { code: CITY, parent: null, level: 'city', name: '市' },
  { code: COUNTY, parent: CITY, level: 'county', name: '区' },
  { code: T1, parent: COUNTY, level: 'town', name: '镇' },
  { code: V1, parent: T1, level: 'village', name: '村' },
];
for (let g = 0; g < GRIDS; g++) {
  nodes.push({ code: grid(g), parent: V1, level: 'grid', name: `网格${g + 1}` });
  nodes.push({ code: unit(g), parent: grid(g), level: 'unit', name: `单元${g + 1}` });
}
const built = buildHierarchy(CONFIG, nodes);
if (!built.ok) throw new Error(JSON.stringify(built.errors));
const ctx = { hierarchy: built.value, categories, calendar };
const CATS = categories.list.map((c) => c.id);
const MIN = 60_000;

test('every (grid, category) pair keeps its own cluster window and recurrence time, past the engine\'s first tables (8,480 pairs, 8,483 cases)', () => {
  const pairs = GRIDS * CATS.length;
  assert.ok(pairs > 8192 && pairs + 3 > 1024);
  const h = new History();
  let t = T0;
  // one case in each pair: no pair reaches two cases
  for (let k = 0; k < pairs; k++) h.report(`c${k}`, unit(k % GRIDS), (t += MIN), CATS[Math.floor(k / GRIDS)]);
  // each closed, then a second case in the first pair, in the last, and in the 8,193rd
  for (let k = 0; k < pairs; k++) h.add(`c${k}`, 'closed', (t += MIN));
  const again = [0, pairs - 1, 8192];
  const at: number[] = [];
  for (const k of again) h.report(`again${k}`, unit(k % GRIDS), (t += MIN), CATS[Math.floor(k / GRIDS)]), at.push(t);
  const engine = new AlertEngine(ctx, ruleSet(cluster({ id: 'two', minCases: 2, windowHours: 24 * 30 }), recurrence({ id: 'rc', withinDays: 30 })));
  const found: AlertFinding[] = [];
  for (const e of h.sorted()) for (const f of engine.apply(e)) found.push(f);
  assert.equal(engine.cases, pairs + again.length);
  assert.deepEqual(found.map((f) => [f.rule, f.node, f.category, f.count, f.at, f.caseId ?? null]), again.flatMap((k, i) => [
    ['two', grid(k % GRIDS), CATS[Math.floor(k / GRIDS)], 2, at[i], null],
    ['rc', unit(k % GRIDS), CATS[Math.floor(k / GRIDS)], 1, at[i], `again${k}`],
  ]));
});
