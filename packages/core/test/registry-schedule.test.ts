import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addLocalMonths, addLocalWorkingDays, annualFollowUps, chinaWorkingDays, followUpDue, notificationDue, shanghaiDate, startOfShanghaiDay, weekdaysOnly, type RegistryPerson,
} from '@jiceng/core/registry';

const at = (iso: string) => Date.parse(iso);
const person = (over: Partial<RegistryPerson>): RegistryPerson => ({
  id: 'p1', group: 'severe-mental-disorder', node: 'n', person: { name: '张三明' }, enrolledAt: at('2023-01-01T10:00:00+08:00'),
  riskLevel: 1, riskSince: at('2023-01-01T10:00:00+08:00'), unstableSince: NaN, followUps: [], handovers: [],
  legalBases: [], status: 'active', version: 1, ...over,
});

test('the Shanghai date of an instant does not depend on the machine zone', () => {
  assert.deepEqual(shanghaiDate(at('2024-12-31T16:00:00Z')), { y: 2025, m: 1, d: 1 });
  assert.deepEqual(shanghaiDate(at('2024-12-31T15:59:59.999Z')), { y: 2024, m: 12, d: 31 });
  assert.equal(startOfShanghaiDay({ y: 2025, m: 1, d: 1 }), at('2024-12-31T16:00:00Z'));
});

test('stable: 3 months after the last follow-up, clamped to month ends and leap days', () => {
  assert.deepEqual(addLocalMonths({ y: 2023, m: 11, d: 30 }, 3), { y: 2024, m: 2, d: 29 });
  assert.deepEqual(addLocalMonths({ y: 2022, m: 11, d: 30 }, 3), { y: 2023, m: 2, d: 28 });
  assert.deepEqual(addLocalMonths({ y: 2024, m: 11, d: 29 }, 3), { y: 2025, m: 2, d: 28 });
  // follow-up at 23:30 Shanghai on Nov 30 2023 (15:30Z): due by the end of Feb 29 2024, Shanghai time
  const p = person({ followUps: [at('2023-11-30T23:30:00+08:00')] });
  const d = followUpDue(p, at('2024-02-29T23:59:59+08:00'))!;
  assert.deepEqual(d.date, { y: 2024, m: 2, d: 29 });
  assert.equal(d.overdue, false);
  assert.equal(followUpDue(p, at('2024-03-01T00:00:00+08:00'))!.overdue, true);
  assert.equal(d.dueBy, at('2024-03-01T00:00:00+08:00'));
});

test('stable: year boundary — a follow-up on Oct 31 is due Jan 31', () => {
  const p = person({ followUps: [at('2024-10-31T09:00:00+08:00')] });
  assert.deepEqual(followUpDue(p, at('2025-01-31T12:00:00+08:00'))!.date, { y: 2025, m: 1, d: 31 });
  assert.equal(followUpDue(p, at('2025-01-31T12:00:00+08:00'))!.overdue, false);
  assert.equal(followUpDue(p, at('2025-01-31T16:00:00Z'))!.overdue, true, '00:00 Feb 1 in Shanghai');
});

test('unstable (3–5): within 2 weeks of becoming unstable or of the last follow-up', () => {
  const p = person({ riskLevel: 4, unstableSince: at('2024-12-25T08:00:00+08:00'), followUps: [at('2024-11-01T09:00:00+08:00')] });
  const d = followUpDue(p, at('2025-01-08T20:00:00+08:00'))!;
  assert.deepEqual(d.date, { y: 2025, m: 1, d: 8 });
  assert.equal(d.overdue, false);
  assert.equal(followUpDue(p, at('2025-01-09T00:00:00+08:00'))!.overdue, true);
  const q = person({ riskLevel: 3, unstableSince: at('2024-02-10T08:00:00+08:00'), followUps: [at('2024-02-15T09:00:00+08:00')] });
  assert.deepEqual(followUpDue(q, 0)!.date, { y: 2024, m: 2, d: 29 }, 'leap day');
});

test('no schedule for other groups or for people who left', () => {
  assert.equal(followUpDue(person({ group: 'drug-user' }), Date.now()), undefined);
  assert.equal(followUpDue(person({ status: 'left' }), Date.now()), undefined);
});

test('at least 4 follow-ups a year, pro rata to enrolment, leap years counted', () => {
  const quarterly = ['2024-01-15', '2024-04-15', '2024-07-15', '2024-10-15'].map((d) => at(`${d}T10:00:00+08:00`));
  const after = at('2025-01-01T00:00:00+08:00');
  assert.deepEqual(annualFollowUps(person({ followUps: quarterly }), 2024, after), { year: 2024, count: 4, required: 4, below: false });
  assert.equal(annualFollowUps(person({ followUps: quarterly.slice(0, 3) }), 2024, after)!.below, true);
  // the visit at 23:30 on Dec 31 (Shanghai) belongs to 2024, one at 00:30 on Jan 1 to 2025
  const edge = person({ followUps: [...quarterly.slice(0, 3), at('2024-12-31T23:30:00+08:00'), at('2025-01-01T00:30:00+08:00')] });
  assert.equal(annualFollowUps(edge, 2024, at('2025-06-01T00:00:00+08:00'))!.count, 4);
  // enrolled on Jul 2 2024: 183 of 366 days = exactly half a leap year → 2 required
  const half = person({ enrolledAt: at('2024-07-02T00:00:00+08:00'), followUps: quarterly.slice(2) });
  assert.deepEqual(annualFollowUps(half, 2024, after), { year: 2024, count: 2, required: 2, below: false });
  // current year: only quarters already passed count
  const now = at('2024-05-01T00:00:00+08:00');
  assert.equal(annualFollowUps(person({ followUps: quarterly.slice(0, 1) }), 2024, now)!.required, 1);
});

test('a new level-3+ case is notified within 5 working days, holidays and 调休 counted', () => {
  // Friday 2026-11-27 + 5 weekdays = Friday 2026-12-04
  assert.deepEqual(addLocalWorkingDays({ y: 2026, m: 11, d: 27 }, 5, weekdaysOnly), { y: 2026, m: 12, d: 4 });
  // Tuesday 2025-09-30 + 5 working days: Oct 1–8 holiday; Oct 9, 10, 11 (Sat, 调休), 13, 14
  assert.deepEqual(addLocalWorkingDays({ y: 2025, m: 9, d: 30 }, 5, chinaWorkingDays()), { y: 2025, m: 10, d: 14 });
  assert.deepEqual(addLocalWorkingDays({ y: 2025, m: 9, d: 30 }, 5, weekdaysOnly), { y: 2025, m: 10, d: 7 });
  const p = person({ riskLevel: 3, unstableSince: at('2025-09-30T15:00:00+08:00'), notification: { since: at('2025-09-30T15:00:00+08:00') } });
  const d = notificationDue(p, at('2025-10-14T23:59:00+08:00'))!;
  assert.deepEqual(d.date, { y: 2025, m: 10, d: 14 });
  assert.equal(d.overdue, false);
  assert.equal(notificationDue(p, at('2025-10-15T00:00:00+08:00'))!.overdue, true);
  const done = notificationDue({ ...p, notification: { since: p.notification!.since, notifiedAt: at('2025-10-16T09:00:00+08:00') } }, at('2025-11-01T00:00:00+08:00'))!;
  assert.equal(done.overdue, false);
  assert.equal(done.late, true);
});
