import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyLists, importListsCsv, LIST_CSV_FILES, type ListContext } from '../src/lists/index.js';
import { h } from './metrics-fixture.js';

const ctx: ListContext = { levels: h.config.levels.map((l) => l.id), nodeExists: (code) => h.indexOf(code) >= 0, categoryExists: (id) => id === 'dispute' };
const meta = { at: '2024-03-01T09:00:00+08:00', by: 'admin' };
const policies = [
  'id,kind,title_zh,title_en,number,issued,sector',
  'P1,总体方案,网格化基层治理总体方案,Overall plan,莆委办〔2022〕1号,2022-03-01,',
  'P2,sector,"数字赋能方案，含""一张图""",Digital plan,,2022-04-01,数字赋能',
].join('\n');

test('rows become checked upsert events; Chinese aliases, 万 and quoted cells are read', () => {
  const r = importListsCsv({
    'policies.csv': policies,
    'work.csv': 'id,level,role,duty_zh,frequency,policies\nW1,village,,信息汇聚,每日,P1\nW2,village,grid-worker,网格巡查,daily,P1；P2\n',
    'projects.csv': [
      'id,name_zh,owner,sector,status,progress,funding,milestones,policies',
      'PA,邻里中心改造,350302001000,资源重整,进行中,40%,区级财政:30万;社会资本：100000,M1|完成设计|2024-06-30|2024-06-20;M2|竣工|2024-12-31,P2',
    ].join('\n'),
  }, emptyLists(), ctx, meta);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  const { state, events } = r.value;
  assert.equal(events.length, 5);
  assert.deepEqual(events[0], { type: 'list.upserted', kind: 'policies', record: { id: 'P1', kind: 'overall', title: { zh: '网格化基层治理总体方案', en: 'Overall plan' }, number: '莆委办〔2022〕1号', issued: '2022-03-01' }, ...meta });
  assert.equal(state.policies.P2.title.zh, '数字赋能方案，含"一张图"');
  assert.equal(state.policies.P2.sector, 'digital');
  assert.deepEqual(state.work.W2.policies, ['P1', 'P2']);
  assert.equal(state.work.W1.duty.en, '信息汇聚'); // no English given: the Chinese stands in
  assert.deepEqual(state.projects.PA.funding, [{ source: '区级财政', amount: 300_000 }, { source: '社会资本', amount: 100_000 }]);
  assert.deepEqual(state.projects.PA.milestones, [{ id: 'M1', title: '完成设计', due: '2024-06-30', done: '2024-06-20' }, { id: 'M2', title: '竣工', due: '2024-12-31' }]);
  assert.deepEqual([state.projects.PA.status, state.projects.PA.progress, state.projects.PA.sector], ['active', 40, 'resources']);
});

test('every problem names file, row and column; nothing is imported', () => {
  const r = importListsCsv({
    'policies.csv': policies,
    'work.csv': 'id,level,duty_zh,policies\nW1,village,信息汇聚,P9\nW2,street,巡查,\nW1,village,重复,\n',
    'projects.csv': [
      'id,name_zh,owner,status,progress,funding',
      'PA,甲,350302001000,active,50,',
      'PB,乙,350302001000,active,abc,',
      'PC,丙,999999999999,active,10,',
      'PD,丁,350302001000,done,10,区级财政=5',
      'PE,,350302001000,active,10,',
    ].join('\n'),
    'empowered.csv': 'id,node,matter_zh\nE1,350302001000,查处\n',
    'sector-items.csv': 'id,sector,title_zh,status\nS1,digital,"一张图,status\n',
    'notes.csv': 'x\n1\n',
  }, emptyLists(), ctx, meta);
  assert.equal(r.ok, false);
  const got = !r.ok ? r.errors.map((e) => [e.file, e.row, e.column, e.code]) : [];
  assert.deepEqual(got, [
    ['work.csv', 2, 'policies', 'E_LIST_POLICY_REF'],
    ['work.csv', 3, 'level', 'E_LIST_LEVEL'],
    ['work.csv', 4, 'id', 'E_LIST_DUPLICATE_ID'],
    ['sector-items.csv', 2, undefined, 'E_CSV_SYNTAX'],
    ['projects.csv', 3, 'progress', 'E_LIST_NUMBER'],
    ['projects.csv', 4, 'owner', 'E_LIST_NODE'],
    ['projects.csv', 5, 'funding', 'E_LIST_FUNDING'],
    ['projects.csv', 5, 'status', 'E_LIST_ENUM'],
    ['projects.csv', 6, 'name_zh', 'E_CSV_REQUIRED'],
    ['empowered.csv', 1, 'category', 'E_CSV_HEADER'],
  ]);
  const first = !r.ok ? r.errors[0] : undefined;
  assert.ok(first!.zh.includes('P9') && first!.en.includes('P9'));
  assert.deepEqual(!r.ok && r.warnings.map((w) => [w.file, w.code]), [['notes.csv', 'W_LIST_FILE']]);
});

test('the column table documents every file', () => {
  assert.deepEqual(Object.values(LIST_CSV_FILES).map((f) => f.file), ['policies.csv', 'work.csv', 'sector-items.csv', 'projects.csv', 'responsibilities.csv', 'empowered.csv']);
  for (const f of Object.values(LIST_CSV_FILES)) for (const c of f.columns) assert.ok(c.doc.zh && c.doc.en, `${f.file} ${c.header}`);
});
