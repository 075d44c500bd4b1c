// A small six-level tree, the default categories, the China calendar, actors and a case
// context with a settable clock — the core's own pieces, for driving the elements.
import { buildHierarchy, CaseStore, type Actor, type HierarchyConfig, type NodeInput } from '@jiceng/core';
import { CHINA_CALENDAR_2025_2026, createCalendar } from '@jiceng/core/calendar';
import {
  buildCategoryTable, createEmpoweredCatalogue, DEFAULT_CASE_POLICY, DEFAULT_CATEGORIES, type CaseContext,
} from '@jiceng/core/cases';
import { DEFAULT_ALERT_RULES, type AlertContext, type AlertRow } from '@jiceng/core/alerts';

const lvl = (id: string, length: number, significant: number) => ({ id, name: { zh: id, en: id }, duties: [], code: { length, significant } });
const CONFIG: HierarchyConfig = {
  id: 'alerts-six',
  levels: [lvl('city', 12, 4), lvl('county', 12, 6), lvl('town', 12, 9), lvl('village', 12, 12), lvl('grid', 15, 15), lvl('unit', 18, 18)],
};
export const CITY = '350300000000';
export const COUNTY = '350302000000';
export const T1 = '350302101000';
export const V1 = '350302101001';
export const G1 = '350302101001001';
export const U1 = '350302101001001001';
export const U2 = '350302101001001002';
export const XSS = '<img src=x onerror="window.__pwned=1">';
const nodes: NodeInput[] = [
  { code: CITY, parent: null, level: 'city', name: '莆田市', nameEn: 'Putian' },
  { code: COUNTY, parent: CITY, level: 'county', name: '荔城区', nameEn: 'Licheng' },
  { code: T1, parent: COUNTY, level: 'town', name: '镇海街道', nameEn: 'Zhenhai' },
  { code: V1, parent: T1, level: 'village', name: '英龙社区', nameEn: 'Yinglong' },
  { code: G1, parent: V1, level: 'grid', name: '第一网格', nameEn: 'Grid 1' },
  { code: U1, parent: G1, level: 'unit', name: '一号楼', nameEn: 'Block 1' },
  { code: U2, parent: G1, level: 'unit', name: '二号楼', nameEn: 'Block 2' },
];
const h = buildHierarchy(CONFIG, nodes);
if (!h.ok) throw new Error(JSON.stringify(h.errors));
export const hierarchy = h.value;
const cats = buildCategoryTable(DEFAULT_CATEGORIES, CONFIG);
if (!cats.ok) throw new Error('categories');
export const categories = cats.value;
const cal = createCalendar(CHINA_CALENDAR_2025_2026);
if (!cal.ok) throw new Error('calendar');
export const calendar = cal.value;

const a = (id: string, role: string, node: string): Actor => ({ id, roles: [{ role, node }] });
export const ACTORS = {
  gw: a('gw1', 'grid-worker', G1),
  vo: a('vo1', 'village-officer', V1),
  to: a('to1', 'town-officer', T1),
  monitor: a('monitor', 'alert-monitor', CITY),
};

/** Monday 2025-03-03 09:00 +08:00. */
export const T0 = Date.parse('2025-03-03T09:00:00+08:00');
export const clock = { now: T0 };
let n = 0;
export const caseCtx: CaseContext = {
  hierarchy, categories, calendar, policy: DEFAULT_CASE_POLICY, catalogue: createEmpoweredCatalogue({}),
  clock: () => clock.now, newId: () => `C-${++n}`,
};
let m = 0;
export const alertCtx: AlertContext = { hierarchy, calendar, rules: DEFAULT_ALERT_RULES, clock: () => clock.now, newId: () => `A-${++m}` };
export const newStore = () => new CaseStore({ hierarchy, categories });

/** A hand-made alert row. */
export function row(over: Partial<AlertRow> = {}): AlertRow {
  return {
    id: 'A-1', version: 1, status: 'raised', severity: 'warning', kind: 'cluster', rule: 'grid-cluster',
    ruleName: { zh: '网格内同类事件聚集', en: 'Cases clustering in a grid' }, node: G1, place: { zh: '第一网格', en: 'Grid 1' },
    raisedAt: T0, count: 3, categoryName: { zh: '暴露垃圾', en: 'Exposed rubbish' }, actions: ['acknowledge', 'assign', 'escalate', 'resolve'], ...over,
  };
}
