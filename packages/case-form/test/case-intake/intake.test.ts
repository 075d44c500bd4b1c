import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateIntake, intakeCommands } from '../../src/case-intake/intake.js';
import { buildActionCommand, isRequired } from '../../src/case-actions/actions.js';
import { validateCommand } from '@jiceng/core/cases';

const good = {
  category: 'city.rubbish', node: '350304001001001', description: '楼道堆放垃圾', urgency: 'normal' as const,
  source: 'patrol' as const, consent: false, anonymous: false,
};

test('a complete intake passes and splits into discover + register', () => {
  const r = validateIntake(good);
  assert.ok(r.ok);
  const c = intakeCommands(r.value);
  assert.equal(c.discover.type, 'discover');
  assert.equal(c.register.category, 'city.rubbish');
  assert.equal(validateCommand(c.discover).ok, true);
  assert.equal(validateCommand({ ...c.register, caseId: 'c1', expectedVersion: 1 }).ok, true);
});

test('every missing required field is reported at once, in zh and en, with the field in column', () => {
  const r = validateIntake({ category: '', node: '', description: '  ', consent: false, anonymous: false });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(r.errors.map((e) => e.column).sort(), ['category', 'description', 'node', 'source', 'urgency']);
  const d = r.errors.find((e) => e.column === 'description')!;
  assert.equal(d.zh, '问题描述：必填');
  assert.equal(d.en, 'description: required');
});

test('reporter contact needs consent; anonymous reporters keep their name out of the event', () => {
  const r = validateIntake({ ...good, source: 'citizen', reporterName: '张三', reporterPhone: '13800000000' });
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.errors[0].column, 'consent');
  const ok = validateIntake({ ...good, reporterName: '张三', consent: true, anonymous: true });
  assert.ok(ok.ok);
  if (ok.ok) assert.equal(intakeCommands(ok.value).discover.reporter, undefined);
  const named = validateIntake({ ...good, reporterName: '张三', consent: true });
  if (named.ok) assert.equal(intakeCommands(named.value).discover.reporter, '张三');
});

test('coordinates are range-checked by the core schema and come in pairs; phones have a format', () => {
  const r = validateIntake({ ...good, lat: 91, lng: 200, reporterPhone: 'abc', consent: true });
  assert.equal(r.ok, false);
  if (r.ok) return;
  const by = Object.fromEntries(r.errors.map((e) => [e.column, e]));
  assert.equal(by.lat.zh, '纬度：不能超过 90');
  assert.equal(by.lng.en, 'longitude: must be at most 180');
  assert.match(by.reporterPhone.zh, /^联系电话：格式不正确/);
  const half = validateIntake({ ...good, lat: 25 });
  assert.equal(half.ok, false);
  if (!half.ok) assert.equal(half.errors[0].column, 'lng');
});

test('action commands take required-ness from the core schemas', () => {
  assert.equal(isRequired('verify', 'note'), true);
  assert.equal(isRequired('accept', 'note'), false);
  assert.equal(isRequired('requestExtension', 'limit.amount'), true);
  assert.equal(isRequired('supervise', 'limit.amount'), false);
  const cmd = buildActionCommand('requestExtension', { id: 'c1', version: 5 }, { 'limit.amount': '3', reason: '材料待补' });
  assert.deepEqual(cmd, { type: 'requestExtension', caseId: 'c1', expectedVersion: 5, reason: '材料待补', limit: { amount: 3, unit: 'workDays' } });
  assert.equal(validateCommand(cmd).ok, true);
  const sup = buildActionCommand('supervise', { id: 'c1', version: 5 }, { note: '请加快' });
  assert.deepEqual(sup, { type: 'supervise', caseId: 'c1', expectedVersion: 5, note: '请加快' });
  const v = buildActionCommand('verify', { id: 'c1', version: 5 }, { passed: 'no', note: '' });
  assert.equal(v.passed, false);
  const r = validateCommand(v);
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.errors[0].column, 'note');
});
