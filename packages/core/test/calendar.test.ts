import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addTimeLimit, addWorkingDays, addWorkingHours, addWorkingMs, createCalendar, formatLocal, isWorkingDay,
  workingMsBetween,
} from '../src/calendar/calendar.js';
import { CHINA_CALENDAR_2025_2026 } from '../src/calendar/china.js';

const r = createCalendar(CHINA_CALENDAR_2025_2026);
assert.ok(r.ok);
const cal = r.value;
const at = (s: string) => Date.parse(s);
const local = (t: number) => formatLocal(cal, t);

test('make-up days 调休 are working days, holidays are not, in both years', () => {
  const table: [string, boolean][] = [
    ['2025-01-01', false], ['2025-01-26', true], ['2025-01-28', false], ['2025-02-04', false], ['2025-02-05', true],
    ['2025-02-08', true], ['2025-04-04', false], ['2025-04-07', true], ['2025-04-27', true], ['2025-05-05', false],
    ['2025-06-02', false], ['2025-06-03', true], ['2025-09-28', true], ['2025-10-08', false], ['2025-10-11', true],
    ['2025-10-12', false], ['2026-01-02', false], ['2026-01-04', true], ['2026-02-14', true], ['2026-02-23', false],
    ['2026-02-24', true], ['2026-02-28', true], ['2026-05-09', true], ['2026-06-19', false], ['2026-09-20', true],
    ['2026-09-25', false], ['2026-10-07', false], ['2026-10-08', true], ['2026-10-10', true],
    ['2025-03-08', false], ['2025-03-10', true],
  ];
  for (const [date, working] of table) assert.equal(isWorkingDay(cal, at(`${date}T10:00:00+08:00`)), working, date);
});

test('the local date is taken at +08:00, whatever the machine zone', () => {
  // 2025-09-27T16:30Z is Sunday 2025-09-28 00:30 in Shanghai: a make-up working day.
  assert.equal(isWorkingDay(cal, at('2025-09-27T16:30:00Z')), true);
  // 2025-10-08T16:30Z is Thursday Oct 9 00:30 local: working; Oct 8 15:59Z is still the holiday.
  assert.equal(isWorkingDay(cal, at('2025-10-08T16:30:00Z')), true);
  assert.equal(isWorkingDay(cal, at('2025-10-08T15:59:00Z')), false);
});

test('working hours skip the lunch break, nights, weekends and the National Day week', () => {
  assert.equal(local(addWorkingHours(cal, at('2025-03-07T17:00:00+08:00'), 2)), '2025-03-10T09:30:00+08:00');
  assert.equal(local(addWorkingHours(cal, at('2025-03-10T11:00:00+08:00'), 2)), '2025-03-10T15:30:00+08:00');
  assert.equal(local(addWorkingHours(cal, at('2025-09-30T16:30:00+08:00'), 4)), '2025-10-09T11:00:00+08:00');
  // Friday Sep 26 17:00 + 1 h reaches the make-up Sunday Sep 28.
  assert.equal(local(addWorkingHours(cal, at('2025-09-26T17:00:00+08:00'), 1)), '2025-09-28T08:30:00+08:00');
  // Spring Festival 2026: Friday Feb 13 17:00 + 2 h → make-up Saturday Feb 14.
  assert.equal(local(addWorkingHours(cal, at('2026-02-13T17:00:00+08:00'), 2)), '2026-02-14T09:30:00+08:00');
  // Adding 0 moves to the next working moment.
  assert.equal(local(addWorkingMs(cal, at('2025-10-03T12:00:00+08:00'), 0)), '2025-10-09T08:00:00+08:00');
});

test('working days: the start day does not count; holidays skipped; make-up days count', () => {
  assert.equal(local(addWorkingDays(cal, at('2025-01-23T10:00:00+08:00'), 3)), '2025-01-27T17:30:00+08:00');
  assert.equal(local(addWorkingDays(cal, at('2025-01-27T10:00:00+08:00'), 1)), '2025-02-05T17:30:00+08:00');
  assert.equal(local(addWorkingDays(cal, at('2025-04-25T10:00:00+08:00'), 1)), '2025-04-27T17:30:00+08:00');
  assert.equal(local(addWorkingDays(cal, at('2026-09-30T10:00:00+08:00'), 2)), '2026-10-09T17:30:00+08:00');
  assert.equal(local(addWorkingDays(cal, at('2025-10-04T10:00:00+08:00'), 0)), '2025-10-09T17:30:00+08:00');
  assert.equal(local(addTimeLimit(cal, at('2025-05-30T09:00:00+08:00'), { amount: 20, unit: 'workDays' })), '2025-06-30T17:30:00+08:00');
});

test('working time between two instants is the inverse of adding it', () => {
  const a = at('2025-09-30T17:00:00+08:00');
  const b = at('2025-10-09T09:00:00+08:00');
  assert.equal(workingMsBetween(cal, a, b), 5_400_000);
  assert.equal(addWorkingMs(cal, a, workingMsBetween(cal, a, b)), b);
  assert.equal(workingMsBetween(cal, b, a), 0);
});

test('bad calendars are refused with codes', () => {
  const bad = createCalendar({ ...CHINA_CALENDAR_2025_2026, holidays: ['2025-02-30'], hours: [['14:00', '12:00']] });
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.deepEqual(bad.errors.map((e) => e.code), ['E_BAD_DATE', 'E_BAD_HOURS']);
  const none = createCalendar({ ...CHINA_CALENDAR_2025_2026, hours: [] });
  assert.equal(none.ok, false);
  if (!none.ok) assert.equal(none.errors[0].code, 'E_NO_WORKING_TIME');
});
