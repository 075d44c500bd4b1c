/**
 * Story data: a small city, the default categories, the China working calendar and one case
 * per lifecycle state, all made with the real core.
 */
import { buildHierarchy, CaseStore, type Actor } from '@jiceng/core';
import { CHINA_CALENDAR_2025_2026, createCalendar } from '@jiceng/core/calendar';
import {
  buildCategoryTable, createEmpoweredCatalogue, DEFAULT_CASE_POLICY, DEFAULT_CATEGORIES, type CaseContext,
} from '@jiceng/core/cases';
import { CONFIG, NODES } from '../test/city.js';

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; errors: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
export const hierarchy = unwrap(buildHierarchy(CONFIG, NODES));
export const categories = unwrap(buildCategoryTable(DEFAULT_CATEGORIES, CONFIG));
let now = Date.parse('2025-03-03T09:00:00+08:00');
let n = 0;
export const ctx: CaseContext = {
  hierarchy, categories, calendar: unwrap(createCalendar(CHINA_CALENDAR_2025_2026)), policy: DEFAULT_CASE_POLICY,
  catalogue: createEmpoweredCatalogue({}), clock: () => (now += 3 * 3_600_000), newId: () => `2025-${String(++n).padStart(5, '0')}`,
};
const a = (id: string, name: string, role: string, node: string): Actor => ({ id, name, roles: [{ role, node }] });
export const actors = {
  gridWorker: a('gw1', '林网格', 'grid-worker', '350302101001001'),
  // Outside the handling body (the village and the handler's grid): the town verifies.
  verifier: a('to3', '陈干部', 'town-officer', '350302101000'),
  villageOfficer: a('vo1', '黄书记', 'village-officer', '350302101001'),
  townOfficer: a('to1', '郑干部', 'town-officer', '350302101000'),
  townOfficer2: a('to2', '吴干部', 'town-officer', '350302101000'),
  supervisor: a('su1', '督查员', 'supervisor', '350302000000'),
};
type Who = keyof typeof actors;
export const store = new CaseStore({ hierarchy, categories });

function run(steps: [Who, Record<string, unknown>][], caseId = ''): string {
  let id = caseId;
  for (const [who, cmd] of steps) {
    const full = cmd.type === 'discover' ? cmd : { ...cmd, caseId: id, expectedVersion: store.get(id)?.version ?? 0 };
    id = unwrap(store.execute(full, actors[who], ctx))[0].caseId;
  }
  return id;
}

const intake: [Who, Record<string, unknown>][] = [
  ['gridWorker', { type: 'discover', node: '350302101001001001', source: 'citizen', description: '楼道堆放杂物引发邻里纠纷' }],
  ['villageOfficer', { type: 'register', category: 'dispute.neighbour', urgency: 'normal', description: '邻里因楼道堆物发生纠纷' }],
];
/** A registered case, waiting for dispatch. */
export const registered = run(intake);
/** A case the grid worker is handling. */
export const handling = run([...intake, ['villageOfficer', { type: 'dispatch', node: '350302101001' }], ['gridWorker', { type: 'accept' }]]);
/** A case reported handled by the grid worker, waiting for someone else to verify. */
export const handled = run([['gridWorker', { type: 'reportHandled', result: '已调解，杂物清理' }]], run([...intake, ['villageOfficer', { type: 'dispatch', node: '350302101001' }], ['gridWorker', { type: 'accept' }]]));
/** A full history: escalation, rework, supervision, accountability, feedback, follow-up, closing. */
export const closed = run([
  ...intake,
  ['villageOfficer', { type: 'dispatch', node: '350302101001' }],
  ['gridWorker', { type: 'accept' }],
  ['gridWorker', { type: 'escalate', reason: '涉及多户，村级难以调处' }],
  ['townOfficer', { type: 'accept' }],
  ['townOfficer', { type: 'reportHandled', result: '已约谈当事人' }],
  ['villageOfficer', { type: 'verify', passed: false, note: '杂物仍在' }],
  ['supervisor', { type: 'supervise', note: '请三日内整改到位' }],
  ['townOfficer', { type: 'reportHandled', result: '杂物已清运', attachments: [{ id: 'f1', name: '清运后.jpg', mime: 'image/jpeg', size: 184_320 }] }],
  ['villageOfficer', { type: 'verify', passed: true, note: '现场核查已清理' }],
  ['supervisor', { type: 'recordAccountability', person: '村干部甲', measure: '约谈', reason: '首次处置不到位' }],
  ['villageOfficer', { type: 'giveFeedback', channel: 'phone', note: '已电话告知报告人' }],
  ['villageOfficer', { type: 'followUp', satisfaction: 4, recurred: false }],
  ['townOfficer2', { type: 'close', note: '办结归档' }],
]);
export const dossier = unwrap(store.dossier(closed));
