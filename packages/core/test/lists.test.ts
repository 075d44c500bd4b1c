import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  evolveListsChecked, citing, emptyLists, empoweredMismatches, fundingBySource, replayLists, responsibilitiesOf, rollUpProjects,
  sectorSummary, workListFromLevels, workListOf, type ListContext, type ListEvent, type Project,
} from '../src/lists/index.js';
import { h } from './metrics-fixture.js';

const ctx: ListContext = {
  levels: h.config.levels.map((l) => l.id),
  nodeExists: (code) => h.indexOf(code) >= 0,
  categoryExists: (id) => ['dispute', 'city.illegal-building'].includes(id),
};
const at = '2024-03-01T09:00:00+08:00';
const project = (id: string, owner: string, status: Project['status'], progress: number, funding: [string, number][], sector: Project['sector'] = 'resources'): ListEvent => ({
  type: 'list.upserted', kind: 'projects', at,
  record: { id, name: { zh: id, en: id }, owner, sector, status, progress, funding: funding.map(([source, amount]) => ({ source, amount })), milestones: [{ id: 'M1', title: '完成设计', due: '2024-06-30' }], policies: ['P2'] },
});
const log: ListEvent[] = [
  { type: 'list.upserted', kind: 'policies', at, record: { id: 'P1', kind: 'overall', title: { zh: '网格化治理总体方案', en: 'overall plan' } } },
  { type: 'list.upserted', kind: 'policies', at, record: { id: 'P2', kind: 'sector', sector: 'resources', title: { zh: '资源重整方案', en: 'resource plan' } } },
  { type: 'list.upserted', kind: 'work', at, record: { id: 'W1', level: 'village', duty: { zh: '信息汇聚', en: 'information convergence' }, frequency: 'daily', policies: ['P1'] } },
  { type: 'list.upserted', kind: 'work', at, record: { id: 'W2', level: 'village', role: 'grid-worker', duty: { zh: '网格巡查', en: 'patrol' }, policies: [] } },
  { type: 'list.upserted', kind: 'work', at, record: { id: 'W3', level: 'village', role: 'unit-head', duty: { zh: '日常访查', en: 'visits' }, policies: [] } },
  { type: 'list.upserted', kind: 'sectors', at, record: { id: 'S1', sector: 'digital', title: { zh: '全市一张图', en: 'one map' }, owner: '350300000000', status: 'active', policies: ['P1'] } },
  { type: 'list.upserted', kind: 'responsibilities', at, record: { id: 'R1', level: 'town', kind: 'duty', matter: { zh: '矛盾调处', en: 'mediation' }, categories: ['dispute'], policies: [] } },
  { type: 'list.upserted', kind: 'responsibilities', at, record: { id: 'R2', level: 'town', kind: 'power', matter: { zh: '违法建设查处', en: 'illegal building' }, categories: ['city.illegal-building'], policies: [] } },
  { type: 'list.upserted', kind: 'empowered', at, record: { id: 'E1', node: '350302001000', category: 'city.illegal-building', matter: { zh: '违法建设查处', en: 'illegal building' }, since: '2022-01-01', policies: ['P1'] } },
  project('PA', '350302001000', 'active', 10, [['区级财政', 300_000], ['社会资本', 100_000]]),
  project('PB', '350302001001', 'active', 30, [['区级财政', 100_000]]),
  project('PC', '350303100000', 'active', 20, [], 'digital'),
  project('PD', '350302002000', 'cancelled', 10, [['镇级财政', 50_000]]),
  { type: 'project.progressed', id: 'PA', progress: 50, at: '2024-04-01T10:00:00+08:00' },
  { type: 'project.status', id: 'PB', status: 'completed', at: '2024-05-01T10:00:00+08:00' },
  { type: 'project.milestone', id: 'PB', milestone: 'M1', done: '2024-04-20', at: '2024-04-20T10:00:00+08:00' },
];

test('the lists are a fold of their events, the same on every replay', () => {
  const r = replayLists(log, ctx);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  const s = r.value;
  assert.equal(s.version, log.length);
  assert.equal(s.projects.PA.progress, 50);
  assert.deepEqual([s.projects.PB.status, s.projects.PB.progress, s.projects.PB.milestones[0].done], ['completed', 100, '2024-04-20']);
  const again = replayLists(log, ctx);
  assert.ok(again.ok);
  assert.deepEqual(again.value, s);
  const funded = evolveListsChecked(s, { type: 'project.funded', id: 'PC', funding: { source: '市级财政', amount: 20_000 }, at });
  assert.ok(funded.ok);
  assert.deepEqual(funded.value.projects.PC.funding, [{ source: '市级财政', amount: 20_000 }]);
  assert.deepEqual(s.projects.PC.funding, []); // the old state is untouched
});

test('refused events name the problem and change nothing', () => {
  const r = replayLists(log, ctx);
  assert.ok(r.ok);
  const s = r.value;
  const refuse = (e: ListEvent) => {
    const out = evolveListsChecked(s, e, ctx);
    assert.equal(out.ok, false);
    return out.ok ? [] : out.errors.map((x) => [x.code, x.column]);
  };
  assert.deepEqual(refuse({ type: 'list.upserted', kind: 'work', at, record: { id: 'W9', level: 'village', duty: { zh: '巡查', en: 'x' }, policies: ['P9'] } }), [['E_LIST_POLICY_REF', 'policies']]);
  assert.deepEqual(refuse({ type: 'list.upserted', kind: 'work', at, record: { id: 'W9', level: 'street', duty: { zh: '巡查', en: 'x' }, policies: [] } }), [['E_LIST_LEVEL', 'level']]);
  assert.deepEqual(refuse(project('PX', '999', 'active', 10, [])), [['E_LIST_NODE', 'owner']]);
  assert.deepEqual(refuse({ type: 'project.progressed', id: 'PA', progress: 120, at }), [['E_LIST_PROGRESS', 'progress']]);
  assert.deepEqual(refuse({ type: 'project.progressed', id: 'PB', progress: 90, at }), [['E_LIST_PROJECT_CLOSED', 'status']]);
  assert.deepEqual(refuse({ type: 'project.funded', id: 'PA', funding: { source: '市级财政', amount: -5 }, at }), [['E_LIST_FUNDING', 'funding']]);
  assert.deepEqual(refuse({ type: 'list.removed', kind: 'policies', id: 'P1', at }), [['E_LIST_POLICY_IN_USE', 'id']]);
  assert.deepEqual(refuse({ type: 'list.upserted', kind: 'empowered', at, record: { id: 'E2', node: '350302001000', category: 'nope', matter: { zh: '某事', en: 'x' }, policies: [] } }), [['E_LIST_CATEGORY', 'category']]);
  assert.deepEqual(refuse({ type: 'project.milestone', id: 'PA', milestone: 'M7', done: '2024-01-01', at }), [['E_LIST_MILESTONE', 'milestones']]);
  const bad = replayLists([...log.slice(0, 3), { type: 'project.progressed', id: 'NONE', progress: 1, at }], ctx);
  assert.equal(bad.ok, false);
  assert.deepEqual(!bad.ok && [bad.errors[0].code, bad.errors[0].row], ['E_LIST_NOT_FOUND', 4]);
  const removed = evolveListsChecked(s, { type: 'list.removed', kind: 'work', id: 'W3', at }, ctx);
  assert.ok(removed.ok);
  assert.equal(removed.value.work.W3, undefined);
});

test('project figures mean the same at every level: each project counts once, cancelled ones not at all', () => {
  const r = replayLists(log, ctx);
  assert.ok(r.ok);
  const up = rollUpProjects(r.value, h);
  // 甲一街道 (2): PA 400k at 50 %, PB 100k at 100 % → mean 75; budget-weighted 60
  assert.equal(up.budget[2], 500_000);
  assert.equal(up.progress[2], 75);
  assert.equal(up.fundedProgress[2], 60);
  // 甲区 (1) also holds the cancelled PD: it counts neither in the budget nor in progress
  assert.deepEqual([up.budget[1], up.progress[1]], [500_000, 75]);
  // 乙县 (7): PC has no funding; it counts in progress and as unfunded
  assert.deepEqual([up.budget[7], up.progress[7], up.unfunded[7]], [0, 20, 1]);
  assert.ok(Number.isNaN(up.fundedProgress[7]));
  // the city: PC counts here exactly as it does at its county
  assert.deepEqual([up.budget[0], up.progress[0], up.unfunded[0]], [500_000, (50 + 100 + 20) / 3, 1]);
  assert.ok(Number.isNaN(up.progress[6]));
  assert.deepEqual([up.byStatus.active[0], up.byStatus.completed[0], up.byStatus.cancelled[0]], [2, 1, 1]);
  assert.deepEqual(fundingBySource(r.value, h, 0), [
    { source: '区级财政', amount: 400_000, spent: 0, projects: 2, work: 0, checked: false },
    { source: '社会资本', amount: 100_000, spent: 0, projects: 1, work: 0, checked: false },
  ]);
  assert.deepEqual(fundingBySource(r.value, h, 7), []);
});

test('sector summary, work list per level and role, responsibility list, citations', () => {
  const r = replayLists(log, ctx);
  assert.ok(r.ok);
  const s = r.value;
  const sum = sectorSummary(s);
  assert.equal(sum.digital.items, 1);
  assert.equal(sum.digital.itemsByStatus.active, 1);
  assert.deepEqual([sum.resources.projects, sum.resources.budget, sum.resources.progress], [3, 500_000, 75]);
  assert.deepEqual([sum.digital.projects, sum.digital.progress], [1, 20]);
  assert.equal(sum.forces.progress, null);
  assert.deepEqual(workListOf(s, 'village', 'grid-worker').map((w) => w.id), ['W1', 'W2']);
  assert.deepEqual(workListOf(s, 'village').map((w) => w.id), ['W1', 'W2', 'W3']);
  assert.deepEqual(responsibilitiesOf(s, 'town').map((x) => [x.id, x.kind]), [['R2', 'power'], ['R1', 'duty']]);
  assert.deepEqual(citing(s, 'P1'), [{ kind: 'empowered', id: 'E1' }, { kind: 'sectors', id: 'S1' }, { kind: 'work', id: 'W1' }]);
  assert.equal(citing(s, 'P2').length, 4);
  assert.equal(emptyLists().version, 0);
});

test('the work list can be seeded from the duties of each level', () => {
  const levels = [
    { id: 'town', duties: [{ zh: '综合研判', en: 'analysis' }, { zh: '任务交办', en: 'assignment' }] },
    { id: 'village', duties: [{ zh: '信息汇聚', en: 'convergence' }] },
  ];
  const r = replayLists(workListFromLevels(levels, at, 'admin'), ctx);
  assert.ok(r.ok);
  assert.deepEqual(workListOf(r.value, 'town').map((w) => [w.id, w.duty.zh]), [['W-town-1', '综合研判'], ['W-town-2', '任务交办']]);
  assert.deepEqual(workListOf(r.value, 'village').map((w) => w.id), ['W-village-1']);
  assert.equal(replayLists(workListFromLevels([{ id: 'street', duties: [{ zh: '巡查', en: 'x' }] }], at), ctx).ok, false); // no such level
});

test('empowered-matter items are checked against the lifecycle catalogue', async () => {
  const { buildCategoryTable, createEmpoweredCatalogue, DEFAULT_CATEGORIES, isEmpowered } = await import('../src/cases/categories.js');
  const table = buildCategoryTable(DEFAULT_CATEGORIES);
  assert.ok(table.ok);
  const r = replayLists(log, ctx);
  assert.ok(r.ok);
  const id = table.value.list.find((c) => c.parent >= 0 && table.value.list[c.parent].id === 'city')!.id;
  const catalogue = createEmpoweredCatalogue({ '350302001000': ['city'], '350303100000': [id] });
  const warn = empoweredMismatches(r.value, catalogue, (node, cat) => isEmpowered(catalogue, table.value, node, cat));
  // E1 (illegal building under 'city' for 350302001000) is covered by its parent category; 350303100000's entry has no item
  assert.deepEqual(warn.map((w) => [w.code, w.column]), [['W_LIST_UNLISTED', 'city'], ['W_LIST_UNLISTED', id]]);
  const none = empoweredMismatches(r.value, new Map(), () => false);
  assert.deepEqual(none.map((w) => [w.code, w.column]), [['W_LIST_NOT_EMPOWERED', 'E1']]);
});
