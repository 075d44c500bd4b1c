/**
 * A small six-level city, the default categories, the China working calendar and actors on
 * its nodes — all built with the real core — plus helpers to run a case through the loop.
 */
import type { Actor, CaseContext, CaseStore, CategoryTable, HierarchyIndex, NodeInput } from '@jiceng/core';
import { loadElements } from './setup.js';

/** A text that would run script if it were ever parsed as HTML. */
export const XSS = '<img src=x onerror=window.__pwned=1>';

export const CITY = '350300000000';
export const COUNTY = '350302000000';
export const T1 = '350302101000';
export const V1 = '350302101001';
export const G1 = '350302101001001';
export const G2 = '350302101001002';
export const U1 = '350302101001001001';

export interface World {
  core: typeof import('@jiceng/core');
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
  const lvl = (id: string, zh: string, en: string, length: number, significant: number) => ({ id, name: { zh, en }, duties: [], code: { length, significant } });
  const config = {
    id: 'case-form-test',
    levels: [lvl('city', '市', 'City', 12, 4), lvl('county', '县区', 'County', 12, 6), lvl('town', '镇街', 'Town', 12, 9),
      lvl('village', '村居', 'Village', 12, 12), lvl('grid', '网格', 'Grid', 15, 15), lvl('unit', '单元', 'Unit', 18, 18)],
  };
  const nodes: NodeInput[] = [
    { code: CITY, parent: null, level: 'city', name: '莆田市', nameEn: 'Putian' },
    { code: COUNTY, parent: CITY, level: 'county', name: '城厢区', nameEn: 'Chengxiang' },
    { code: T1, parent: COUNTY, level: 'town', name: '龙桥街道', nameEn: 'Longqiao' },
    { code: V1, parent: T1, level: 'village', name: '沟边社区', nameEn: 'Goubian' },
    { code: G1, parent: V1, level: 'grid', name: '第一网格', nameEn: 'Grid 1' },
    { code: G2, parent: V1, level: 'grid', name: '第二网格', nameEn: 'Grid 2' },
    { code: U1, parent: G1, level: 'unit', name: '1号楼', nameEn: 'Building 1' },
    ...extraNodes,
  ];
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
