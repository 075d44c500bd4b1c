import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAccess } from '@jiceng/core/access';
import {
  evolveRegistry, checkFilledForm, decideRegistry, emptyRegistry, EXAMPLE_FORM_SET, registryFigures, type RegistryCommand, type RegistryState,
} from '@jiceng/core/registry';
import { BASIS, small } from './access-fixtures.js';

const h = small();
const TOWN = '350301101000';
const GRID = '350301101001001';
const UNIT = '350301101001001001';
const now = () => Date.parse('2026-03-02T09:00:00+08:00');
const worker = createAccess({ id: 'gw', roles: [{ role: 'grid-worker', node: GRID }] }, h, { now });
const town = createAccess({ id: 'to', roles: [{ role: 'town-officer', node: TOWN }] }, h, { now });
const options = { forms: EXAMPLE_FORM_SET };

function withPeople(n: number): RegistryState {
  let s = emptyRegistry();
  for (let k = 0; k < n; k++) {
    const r = decideRegistry(s, worker, { type: 'enrolled', personId: `p${k}`, group: 'severe-mental-disorder', node: UNIT, person: { name: '张三明' }, legalBasis: BASIS, riskLevel: 1 }, options);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    s = evolveRegistry(s, r.value);
  }
  return s;
}
const treatment = (personId: string, fields: Record<string, string> = { dischargeDate: '2026-03-01', advice: '按时服药' }): RegistryCommand =>
  ({ type: 'handed-over', personId, from: 'hospital', to: 'governance', form: { set: EXAMPLE_FORM_SET.id, form: 'treatment', fields } });

test('the example 一历五单 is labelled as an example, cites its source and has five numbered forms', () => {
  assert.equal(EXAMPLE_FORM_SET.example, true);
  assert.match(EXAMPLE_FORM_SET.source, /闽政办〔2018〕64号/);
  assert.deepEqual(EXAMPLE_FORM_SET.forms.map((f) => f.number), ['单1', '单2', '单3', '单4', '单5']);
  assert.equal(new Set(EXAMPLE_FORM_SET.forms.map((f) => f.to)).size, 5);
});

test('a mental-health hand-over is a typed form: the form, its bodies and its required fields are checked', () => {
  const s = withPeople(1);
  const code = (c: RegistryCommand) => { const r = decideRegistry(s, worker, c, options); return r.ok ? [] : r.errors.map((e) => `${e.code}:${e.column}`); };
  assert.deepEqual(code({ type: 'handed-over', personId: 'p0', from: 'hospital', to: 'governance' }), ['E_FORM_MISSING:form']);
  assert.deepEqual(code({ ...treatment('p0'), from: 'governance', to: 'police' } as RegistryCommand), ['E_FORM_BODIES:to']);
  assert.deepEqual(code(treatment('p0', { dischargeDate: '2026-03-01', colour: 'blue' })), ['E_FORM_FIELD:advice', 'E_FORM_FIELD:colour']);
  assert.deepEqual(code({ ...treatment('p0'), form: { set: 'other', form: 'treatment', fields: {} } } as RegistryCommand), ['E_FORM_SET:form']);
  assert.deepEqual(code(treatment('p0')), []);
  // without a configured set, a form cannot be checked and is refused
  const bare = decideRegistry(s, worker, treatment('p0'));
  assert.equal(!bare.ok && bare.errors[0].code, 'E_FORM_SET');
  assert.deepEqual(checkFilledForm(EXAMPLE_FORM_SET, { set: EXAMPLE_FORM_SET.id, form: 'nope', fields: {} }, 'a', 'b').map((e) => e.code), ['E_FORM_UNKNOWN']);
});

test('hand-overs count in the registry figures, per form, with small counts suppressed', () => {
  let s = withPeople(7);
  for (let k = 0; k < 7; k++) {
    const r = decideRegistry(s, worker, treatment(`p${k}`), options);
    assert.ok(r.ok);
    s = evolveRegistry(s, r.value);
  }
  const risk = decideRegistry(s, worker, { type: 'handed-over', personId: 'p0', from: 'governance', to: 'police', form: { set: EXAMPLE_FORM_SET.id, form: 'risk', fields: { riskLevel: '3', measures: '联合走访' } } }, options);
  assert.ok(risk.ok);
  s = evolveRegistry(s, risk.value);
  const f = registryFigures(town, s, [h.indexOf(TOWN)], options);
  assert.ok(f.ok, JSON.stringify(!f.ok && f.errors));
  assert.equal(f.value[0].handovers, 8);
  // the single risk form is hidden, and so is the only other non-zero cell, or 8 − 7 would give it away
  assert.deepEqual(f.value[0].handoversByForm.risk, { count: null, suppressed: true });
  assert.deepEqual(f.value[0].handoversByForm.treatment, { count: null, suppressed: true });
  assert.deepEqual(f.value[0].handoversByForm.relief, { count: 0, suppressed: false });
});

test('registry CSV: pseudonymous records and hand-overs, checked row by row', async () => {
  const { exportRegistryCsv, checkRegistryCsv } = await import('@jiceng/core/registry');
  let s = withPeople(2);
  const r = decideRegistry(s, worker, treatment('p1'), options);
  assert.ok(r.ok);
  s = evolveRegistry(s, r.value);
  const files = exportRegistryCsv(s);
  assert.doesNotMatch(files['registry.csv'], /张三明/);
  const nodeExists = (c: string) => h.indexOf(c) >= 0;
  const good = checkRegistryCsv(files, { nodeExists, forms: EXAMPLE_FORM_SET });
  assert.ok(good.ok);
  assert.deepEqual(good.value, { records: 2, handovers: 1 });
  const bad = checkRegistryCsv({
    'registry.csv': 'id,group,node,enrolled,risk_level,basis,status\nq1,severe-mental-disorder,999,2026-13-01,7,statutory-duty,active\nq2,drug-user,' + UNIT + ',2026-01-01,2,whim,active\n',
    'handovers.csv': 'person,date,from,to,form\nq9,2026-02-01,hospital,governance,treatment\nq1,2026-02-01,governance,police,treatment\n',
  }, { nodeExists, forms: EXAMPLE_FORM_SET });
  assert.ok(!bad.ok);
  assert.deepEqual(bad.errors.map((e) => `${e.file}:${e.row}:${e.column}:${e.code}`), [
    'registry.csv:2:node:E_UNKNOWN_NODE', 'registry.csv:2:enrolled:E_LIST_DATE', 'registry.csv:2:risk_level:E_BAD_RISK_LEVEL',
    'registry.csv:3:risk_level:E_BAD_RISK_LEVEL', 'registry.csv:3:basis:E_NO_LEGAL_BASIS',
    'handovers.csv:2:person:E_UNKNOWN_PERSON', 'handovers.csv:3:to:E_FORM_BODIES',
  ]);
});
