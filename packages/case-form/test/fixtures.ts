/**
 * A small six-level city, the default categories, the China working calendar and actors on
 * its nodes — all built with the real core — plus helpers to run a case through the loop.
 */
import type { Actor, CaseStore, HierarchyIndex, NodeInput } from '@jiceng/core';
import type { CaseContext, CategoryTable } from '@jiceng/core/cases';
import { loadElements } from './setup.js';
import { CONFIG, NODES, COUNTY, T1, V1, G1, U1 } from './city.js';

/** A text that would run script if it were ever parsed as HTML. */
export const XSS = '<img src=x onerror=window.__pwned=1>';

export { CITY, COUNTY, T1, V1, G1, G2, U1 } from './city.js';

export interface World {
  core: Awaited<ReturnType<typeof loadElements>>;
  hierarchy: HierarchyIndex;
  categories: CategoryTable;
  ctx: CaseContext;
  store: CaseStore;
  actors: Record<string, Actor>;
  /** Runs commands on one case (filling caseId and expectedVersion); throws on a refusal. */
  run(steps: [string, Record<string, unknown>][], caseId?: string): string;
}

export async function world(extraNodes: NodeInput[] = []): Promise<World> {
  const core = await loadElements();
  const config = CONFIG;
  const nodes: NodeInput[] = [...NODES, ...extraNodes];
  const h = core.buildHierarchy(config, nodes);
  if (!h.ok) throw new Error(JSON.stringify(h.errors));
  const cats = core.buildCategoryTable(core.DEFAULT_CATEGORIES, config);
  if (!cats.ok) throw new Error(JSON.stringify(cats.errors));
  const cal = core.createCalendar(core.CHINA_CALENDAR_2025_2026);
  if (!cal.ok) throw new Error('calendar');
  let now = Date.parse('2025-03-03T09:00:00+08:00');
  let n = 0;
  const ctx: CaseContext = {
    hierarchy: h.value, categories: cats.value, calendar: cal.value, policy: core.DEFAULT_CASE_POLICY,
    catalogue: core.createEmpoweredCatalogue({}), clock: () => (now += 3 * 3_600_000), newId: () => `c-${++n}`,
  };
  const a = (id: string, name: string, role: string, node: string): Actor => ({ id, name, roles: [{ role, node }] });
  const actors = {
    gw: a('gw1', '林网格', 'grid-worker', G1),
    gw2: a('gw2', '陈网格', 'grid-worker', G1),
    vo: a('vo1', '黄书记', 'village-officer', V1),
    to: a('to1', '郑干部', 'town-officer', T1),
    to2: a('to2', '吴干部', 'town-officer', T1),
    co: a('co1', '方科长', 'county-officer', COUNTY),
    sup: a('su1', '督查员', 'supervisor', COUNTY),
    citizen: a('cz1', '群众', 'citizen', U1),
  };
  const store = new core.CaseStore({ hierarchy: h.value, categories: cats.value });
  const run: World['run'] = (steps, caseId = '') => {
    let id = caseId;
    for (const [who, cmd] of steps) {
      const full = cmd.type === 'discover' ? cmd : { ...cmd, caseId: id, expectedVersion: store.get(id)?.version ?? 0 };
      const r = store.execute(full, actors[who as keyof typeof actors], ctx);
      if (!r.ok) throw new Error(`${who} ${String(cmd.type)}: ${r.errors.map((e) => `${e.code} ${e.en}`).join('; ')}`);
      id = r.value[0].caseId;
    }
    return id;
  };
  return { core, hierarchy: h.value, categories: cats.value, ctx, store, actors, run };
}

/** From discovery to registration, dispatch and acceptance of a neighbour dispute in G1. */
export const TO_HANDLING: [string, Record<string, unknown>][] = [
  ['gw', { type: 'discover', node: U1, source: 'citizen', description: '楼道堆放杂物引发邻里纠纷', reporter: '张三丰' }],
  ['vo', { type: 'register', category: 'dispute.neighbour', urgency: 'normal', description: '邻里因楼道堆物发生纠纷' }],
  ['vo', { type: 'dispatch', node: V1 }],
  ['gw', { type: 'accept' }],
];
