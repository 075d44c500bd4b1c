import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  describePeriod, parsePeriod, periodKey, periodKeys, periodLabel, periodOf, periodRange, PERIOD_UNITS,
} from '../src/metrics/period.js';

const cst = (s: string) => Date.parse(`${s}+08:00`);

test('periods follow the Shanghai calendar, not the server zone', () => {
  assert.equal(periodLabel(periodOf(cst('2024-03-31T23:59:59'), 'month')), '2024-03');
  assert.equal(periodLabel(periodOf(cst('2024-04-01T00:00:00'), 'month')), '2024-04');
  assert.equal(periodLabel(periodOf(Date.parse('2024-03-31T16:00:00Z'), 'day')), '2024-04-01'); // midnight in Shanghai
  assert.equal(periodLabel(periodOf(cst('2024-12-31T12:00'), 'quarter')), '2024-Q4');
  assert.equal(periodLabel(periodOf(cst('2016-12-15T10:00'), 'year')), '2016');
  assert.equal(new Date(periodRange({ unit: 'month', key: 2024 * 12 + 1 }).from).toISOString(), '2024-01-31T16:00:00.000Z');
  assert.equal(periodRange({ unit: 'month', key: 2024 * 12 + 1 }).to - periodRange({ unit: 'month', key: 2024 * 12 + 1 }).from, 29 * 86_400_000); // leap February
});

test('weeks start on Monday and carry ISO week labels', () => {
  assert.equal(periodLabel(periodOf(cst('2024-01-01T08:00'), 'week')), '2024-W01'); // a Monday
  assert.equal(periodLabel(periodOf(cst('2023-12-31T08:00'), 'week')), '2023-W52'); // the Sunday before
  assert.equal(periodLabel(periodOf(cst('2021-01-01T08:00'), 'week')), '2020-W53'); // a Friday in 2020's last week
  const w = describePeriod(periodOf(cst('2024-03-13T12:00'), 'week'));
  assert.equal(new Date(w.from + 8 * 3_600_000).getUTCDay(), 1);
  assert.equal(w.to - w.from, 7 * 86_400_000);
});

test('labels read back; bad labels are refused', () => {
  fc.assert(fc.property(fc.integer({ min: Date.parse('1990-01-01'), max: Date.parse('2060-01-01') }), fc.constantFrom(...PERIOD_UNITS), (ms, unit) => {
    const p = periodOf(ms, unit);
    assert.deepEqual(parsePeriod(periodLabel(p)), p);
    const r = periodRange(p);
    assert.ok(r.from <= ms && ms < r.to);
    assert.equal(periodKey(r.from, unit), p.key);
    assert.equal(periodKey(r.to - 1, unit), p.key);
  }), { numRuns: 500 });
  for (const bad of ['2024-13', '2024-02-30', '2024-Q5', '2024-W54', '24-01', '']) assert.equal(parsePeriod(bad), null, bad);
});

test('bulk keys equal one-by-one keys, NaN stays NaN', () => {
  const times = Float64Array.from([cst('2024-01-01T00:00'), NaN, cst('2024-01-01T00:00') + 1, cst('2023-12-31T23:59'), cst('2024-06-30T10:00')]);
  for (const unit of PERIOD_UNITS) {
    const keys = periodKeys(times, times.length, unit);
    times.forEach((t, i) => (Number.isNaN(t) ? assert.ok(Number.isNaN(keys[i])) : assert.equal(keys[i], periodKey(t, unit))));
  }
});
