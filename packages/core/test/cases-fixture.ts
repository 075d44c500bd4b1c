// Fixtures for the case-loop tests: a small six-level tree built with the real buildHierarchy,
// actors on its nodes, and a context with the China calendar and a fixed clock.
import { buildHierarchy, CaseStore, type Actor, type HierarchyConfig, type NodeInput } from '@jiceng/core';
import { CHINA_CALENDAR_2025_2026, createCalendar } from '@jiceng/core/calendar';
import {
  buildCategoryTable, createEmpoweredCatalogue, DEFAULT_CASE_POLICY, DEFAULT_CATEGORIES, type CaseContext,
} from '@jiceng/core/cases';

const lvl = (id: string, length: number, significant: number) => ({ id, name: { zh: id, en: id }, duties: [], code: { length, significant } });
export const CONFIG: HierarchyConfig = {
  id: 'cases-six',
  levels: [lvl('city', 12, 4), lvl('county', 12, 6), lvl('town', 12, 9), lvl('village', 12, 12), lvl('grid', 15, 15), lvl('unit', 18, 18)],
};

export const CITY = '350300000000';
export const COUNTY = '350302000000';
export const T1 = '350302101000';
export const T2 = '350302102000';
export const V1 = '350302101001';
export const V2 = '350302101002';
export const G1 = '350302101001001';
export const G2 = '350302101001002';
export const U1 = '350302101001001001';
export const U2 = '350302101001001002';
export const U3 = '350302101001002001';
export const U4 = '350302101002001001';

function nodes(): NodeInput[] {
  const n: NodeInput[] = [
    { code: CITY, parent: null, level: 'city', name: '市' },
    { code: COUNTY, parent: CITY, level: 'county', name: '区' },
    { code: T1, parent: COUNTY, level: 'town', name: '镇一' },
    { code: T2, parent: COUNTY, level: 'town', name: '镇二' },
    { code: V1, parent: T1, level: 'village', name: '村一' },
    { code: V2, parent: T1, level: 'village', name: '村二' },
    { code: G1, parent: V1, level: 'grid', name: '网格一' },
    { code: G2, parent: V1, level: 'grid', name: '网格二' },
    { code: U1, parent: G1, level: 'unit', name: '单元一' },
    { code: U2, parent: G1, level: 'unit', name: '单元二' },
    { code: U3, parent: G2, level: 'unit', name: '单元三' },
    { code: '350302101002001', parent: V2, level: 'grid', name: '网格三' },
    { code: U4, parent: '350302101002001', level: 'unit', name: '单元四' },
  ];
  return n;
}

const h = buildHierarchy(CONFIG, nodes());
if (!h.ok) throw new Error(JSON.stringify(h.errors));
export const hierarchy = h.value;
const cats = buildCategoryTable(DEFAULT_CATEGORIES, CONFIG);
if (!cats.ok) throw new Error(JSON.stringify(cats.errors));
export const categories = cats.value;
const cal = createCalendar(CHINA_CALENDAR_2025_2026);
if (!cal.ok) throw new Error('calendar');
export const calendar = cal.value;

const a = (id: string, role: string, node: string, extra: Record<string, string> = {}): Actor => ({ id, roles: [{ role, node, ...extra }] });
export const ACTORS = {
  unitHead: a('uh1', 'unit-head', U1),
  gw: a('gw1', 'grid-worker', G1),
  gw2: a('gw2', 'grid-worker', G1),
  gwOther: a('gw9', 'grid-worker', '350302101002001'),
  gh: a('gh1', 'grid-head', G1),
  vo: a('vo1', 'village-officer', V1),
  vo2: a('vo2', 'village-officer', V1),
  voOther: a('vo9', 'village-officer', V2),
  to: a('to1', 'town-officer', T1),
  to2: a('to2', 'town-officer', T1),
  toOther: a('to9', 'town-officer', T2),
  co: a('co1', 'county-officer', COUNTY),
  co2: a('co2', 'county-officer', COUNTY),
  city: a('ci1', 'city-officer', CITY),
  city2: a('ci2', 'city-officer', CITY),
  sup: a('su1', 'supervisor', COUNTY),
  hot: a('ho1', 'hotline-operator', CITY),
  citizen: a('cz1', 'citizen', U1),
  dept: a('de1', 'department-officer', T1, { department: '城管' }),
  deptOther: a('de2', 'department-officer', T1, { department: '环保' }),
} satisfies Record<string, Actor>;
export type ActorKey = keyof typeof ACTORS;

/** Monday 2025-03-03 09:00 +08:00, a plain working day. */
export const T0 = Date.parse('2025-03-03T09:00:00+08:00');

/** A context whose clock advances one minute per reading and whose ids count up. */
export function makeCtx(over: Partial<CaseContext> = {}): CaseContext & { tick: { now: number } } {
  const tick = { now: T0 };
  let n = 0;
  return {
    hierarchy, categories, calendar, policy: DEFAULT_CASE_POLICY,
    catalogue: createEmpoweredCatalogue({ [T1]: ['city.illegal-building'] }),
    clock: () => (tick.now += 60_000),
    newId: () => `c-${++n}`,
    tick,
    ...over,
  };
}

export function makeStore(): CaseStore {
  return new CaseStore({ hierarchy, categories });
}

/** One step: who, and the command without caseId/expectedVersion (filled from the store). */
export type Step = [ActorKey, Record<string, unknown>];

/** Runs steps on one case; throws on the first refusal (for setting up a state). */
export function runSteps(store: CaseStore, ctx: CaseContext, steps: Step[], caseId = ''): string {
  let id = caseId;
  for (const [who, cmd] of steps) {
    const full = cmd.type === 'discover' ? cmd : { ...cmd, caseId: id, expectedVersion: store.get(id)?.version ?? 0 };
    const r = store.execute(full, ACTORS[who], ctx);
    if (!r.ok) throw new Error(`${who} ${String(cmd.type)}: ${r.errors.map((e) => `${e.code} ${e.en}`).join('; ')}`);
    id = r.value[0].caseId;
  }
  return id;
}

/** The steps from discovery to each state, for a village-handled neighbour dispute. */
export const discover = (node = U1, source = 'patrol'): Step => ['gw', { type: 'discover', node, source, description: '楼道堆放杂物' }];
export const PATHS: Record<string, Step[]> = {};
PATHS.discovered = [discover()];
PATHS.registered = [...PATHS.discovered, ['vo', { type: 'register', category: 'dispute.neighbour', urgency: 'normal', description: '邻里因楼道堆物发生纠纷' }]];
PATHS.dispatched = [...PATHS.registered, ['vo', { type: 'dispatch', node: V1 }]];
PATHS.handling = [...PATHS.dispatched, ['gw', { type: 'accept' }]];
PATHS.extensionPending = [...PATHS.handling, ['gw', { type: 'requestExtension', limit: { amount: 2, unit: 'workDays' }, reason: '当事人外出' }]];
PATHS.suspensionPending = [...PATHS.handling, ['gw', { type: 'requestSuspension', reason: '等待司法鉴定' }]];
PATHS.suspended = [...PATHS.suspensionPending, ['vo', { type: 'decideSuspension', grant: true, reason: '同意' }]];
PATHS.handled = [...PATHS.handling, ['gw', { type: 'reportHandled', result: '已调解，杂物清理' }]];
PATHS.verified = [...PATHS.handled, ['to', { type: 'verify', passed: true, note: '现场核查已清理' }]];
PATHS.followup = [...PATHS.verified, ['vo', { type: 'followUp', satisfaction: 5, recurred: false }]];
PATHS.closed = [...PATHS.followup, ['vo', { type: 'close' }]];
PATHS.rejected = [...PATHS.discovered, ['vo', { type: 'reject', reason: '不属于受理范围' }]];

const PAYLOAD_CATS = ['dispute.neighbour', 'city.rubbish', 'city.illegal-building', 'emergency.accident', 'special.mental'];
/** A valid payload for each command type, varied by `pick` (for the property tests). */
export function payload(type: string, pick: number): Record<string, unknown> {
  switch (type) {
    case 'register': return { category: PAYLOAD_CATS[pick % PAYLOAD_CATS.length], urgency: ['normal', 'urgent', 'critical'][pick % 3], description: '描述' };
    case 'reject': case 'return': case 'requestSuspension': case 'escalate': case 'reopen': return { reason: '理由' };
    case 'linkDuplicate': return { of: `c-${1 + (pick % 3)}` };
    case 'dispatch': return { node: [V1, T1, COUNTY, G1, V2][pick % 5], ...(pick % 7 === 0 ? { person: 'gw2' } : {}) };
    case 'reportProgress': return { note: '进展' };
    case 'requestExtension': return { limit: { amount: 1 + (pick % 3), unit: pick % 2 ? 'workDays' : 'workHours' }, reason: '理由' };
    case 'decideExtension': case 'decideSuspension': return { grant: pick % 3 !== 0, reason: '意见' };
    case 'reportHandled': return { result: '结果' };
    case 'verify': return { passed: pick % 4 !== 0, note: '核查' };
    case 'giveFeedback': return { channel: 'phone', note: '反馈' };
    case 'followUp': return { satisfaction: 1 + (pick % 5), recurred: pick % 9 === 0 };
    case 'supervise': return { note: '督办' };
    case 'recordAccountability': return { person: '某人', measure: '约谈', reason: '超期' };
    default: return {};
  }
}
