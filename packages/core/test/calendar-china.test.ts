// The official calendar 2016–2026 checked day by day against a second table, written by hand
// here from the notices' text (not generated from the data module): the days off each notice
// names ("X月X日至X日放假") and its make-up working days ("X月X日（星期X）上班").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JcError } from '@jiceng/core';
import { buildDossier, exportEventLog, importEventLog } from '@jiceng/core/cases';
import {
  CHINA_CALENDAR, CHINA_CALENDAR_2025_2026, CHINA_SCHEDULES, calendarFromFile, createCalendar, dueAfter,
  formatInstant, isWorkingDay, addTimeLimit, addWorkingDays, workingMsBetween, parseInstant, type WorkingCalendar,
} from '@jiceng/core/calendar';
import { ACTORS, makeCtx, makeStore, PATHS, runSteps, V1 } from './cases-fixture.js';

type Row = { notice: string; off: string; on: string };
// off: ranges M/D-M/D (or Y/M/D for a day in the year before); on: make-up working days.
const NOTICES: Record<number, Row> = {
  2016: { notice: '国办发明电〔2015〕18号', off: '1/1 2/7-2/13 4/4 5/1-5/2 6/9-6/11 9/15-9/17 10/1-10/7', on: '2/6 2/14 6/12 9/18 10/8 10/9' },
  2017: { notice: '国办发明电〔2016〕17号', off: '1/1-1/2 1/27-2/2 4/2-4/4 5/1 5/28-5/30 10/1-10/8', on: '1/22 2/4 4/1 5/27 9/30' },
  2018: { notice: '国办发明电〔2017〕12号', off: '1/1 2/15-2/21 4/5-4/7 4/29-5/1 6/18 9/24 10/1-10/7', on: '2/11 2/24 4/8 4/28 9/29 9/30' },
  2019: { notice: '国办发明电〔2018〕15号', off: '2018/12/30-2018/12/31 1/1 2/4-2/10 4/5 5/1-5/4 6/7 9/13 10/1-10/7', on: '2018/12/29 2/2 2/3 4/28 5/5 9/29 10/12' },
  2020: { notice: '国办发明电〔2019〕16号', off: '1/1 1/24-2/2 4/4-4/6 5/1-5/5 6/25-6/27 10/1-10/8', on: '1/19 4/26 5/9 6/28 9/27 10/10' },
  2021: { notice: '国办发明电〔2020〕27号', off: '1/1-1/3 2/11-2/17 4/3-4/5 5/1-5/5 6/12-6/14 9/19-9/21 10/1-10/7', on: '2/7 2/20 4/25 5/8 9/18 9/26 10/9' },
  2022: { notice: '国办发明电〔2021〕11号', off: '1/1-1/3 1/31-2/6 4/3-4/5 4/30-5/4 6/3-6/5 9/10-9/12 10/1-10/7', on: '1/29 1/30 4/2 4/24 5/7 10/8 10/9' },
  2023: { notice: '国办发明电〔2022〕16号', off: '2022/12/31 1/1-1/2 1/21-1/27 4/5 4/29-5/3 6/22-6/24 9/29-10/6', on: '1/28 1/29 4/23 5/6 6/25 10/7 10/8' },
  2024: { notice: '国办发明电〔2023〕7号', off: '1/1 2/10-2/17 4/4-4/6 5/1-5/5 6/10 9/15-9/17 10/1-10/7', on: '2/4 2/18 4/7 4/28 5/11 9/14 9/29 10/12' },
  2025: { notice: '国办发明电〔2024〕12号', off: '1/1 1/28-2/4 4/4-4/6 5/1-5/5 5/31-6/2 10/1-10/8', on: '1/26 2/8 4/27 9/28 10/11' },
  2026: { notice: '国办发明电〔2025〕7号', off: '1/1-1/3 2/15-2/23 4/4-4/6 5/1-5/5 6/19-6/21 9/25-9/27 10/1-10/7', on: '1/4 2/14 2/28 5/9 9/20 10/10' },
};

const DAY = 86_400_000;
const ymd = (year: number, md: string) => {
  const p = md.split('/').map(Number);
  const [y, m, d] = p.length === 3 ? p : [year, p[0], p[1]];
  return Date.UTC(y, m - 1, d) / DAY;
};
function expand(year: number, list: string): Set<number> {
  const out = new Set<number>();
  for (const part of list.split(' ')) {
    const [a, b = a] = part.split('-');
    for (let d = ymd(year, a); d <= ymd(year, b); d++) out.add(d);
  }
  return out;
}
const noon = (day: number) => day * DAY + 4 * 3_600_000; // 12:00 +08:00
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

const built = createCalendar(CHINA_CALENDAR);
assert.ok(built.ok);
const cal = built.value;
const at = parseInstant;
const due = (start: string, amount: number, unit: 'workDays' | 'workHours' | 'calendarDays', c: WorkingCalendar = cal) => {
  const r = dueAfter(c, at(start), { amount, unit });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  return formatInstant(r.value.at);
};

test('every year 2016–2026 is covered and cites its notice', () => {
  assert.deepEqual(CHINA_CALENDAR.years, Object.keys(NOTICES).map(Number));
  for (const s of CHINA_SCHEDULES) {
    assert.equal(s.notices[0].number, NOTICES[s.year].notice, String(s.year));
    assert.equal(s.notices[0].title, `国务院办公厅关于${s.year}年部分节假日安排的通知`);
    assert.ok(s.notices.every((n) => n.date < `${s.year}-12-31`), `${s.year}: notice dated before the year ends`);
  }
  // The two later notices that changed a year.
  assert.equal(CHINA_SCHEDULES.find((s) => s.year === 2019)!.notices[1].number, '国办发明电〔2019〕4号');
  assert.equal(CHINA_SCHEDULES.find((s) => s.year === 2020)!.notices[1].number, '国办发明电〔2020〕1号');
});

for (const [y, row] of Object.entries(NOTICES)) {
  const year = Number(y);
  test(`${year}: every day of the year is working or not as the notice says`, () => {
    const off = expand(year, row.off);
    const on = expand(year, row.on);
    for (const d of on) assert.ok([0, 6].includes(new Date(d * DAY).getUTCDay()), `${dateOf(d)}: a make-up day is a weekend day`);
    for (const d of on) assert.equal(isWorkingDay(cal, noon(d)), true, `${dateOf(d)} 调休上班`);
    for (const d of off) assert.equal(isWorkingDay(cal, noon(d)), false, `${dateOf(d)} 放假`);
    const first = Date.UTC(year, 0, 1) / DAY;
    const last = Date.UTC(year + 1, 0, 1) / DAY;
    for (let d = first; d < last; d++) {
      if (off.has(d) || on.has(d)) continue;
      const weekday = ![0, 6].includes(new Date(d * DAY).getUTCDay());
      // A day named by the next year's notice (its New Year holiday) is checked there.
      const next = NOTICES[year + 1];
      if (next && (expand(year + 1, next.off).has(d) || expand(year + 1, next.on).has(d))) continue;
      assert.equal(isWorkingDay(cal, noon(d)), weekday, `${dateOf(d)}: an ordinary ${weekday ? 'weekday' : 'weekend day'}`);
    }
  });
}

test('2020: the Spring Festival runs to 2 Feb (国办发明电〔2020〕1号); Sat 1 Feb is no longer a make-up day', () => {
  assert.equal(isWorkingDay(cal, at('2020-01-31T10:00:00+08:00')), false);
  assert.equal(isWorkingDay(cal, at('2020-02-01T10:00:00+08:00')), false);
  assert.equal(isWorkingDay(cal, at('2020-02-03T10:00:00+08:00')), true);
  assert.equal(due('2020-01-23T10:00:00+08:00', 1, 'workDays'), '2020-02-03T17:30:00+08:00');
});

test('deadlines across Labour Day, the Spring Festival and National Day', () => {
  // Fri 28 Apr 2023 + 1 working day: 29 Apr–3 May off, Thu 4 May is the first working day.
  assert.equal(due('2023-04-28T10:00:00+08:00', 1, 'workDays'), '2023-05-04T17:30:00+08:00');
  // …and Sat 6 May is a make-up day: + 2 working days is Fri 5 May, + 3 is Sat 6 May.
  assert.equal(due('2023-04-28T10:00:00+08:00', 3, 'workDays'), '2023-05-06T17:30:00+08:00');
  // Spring Festival 2016: Fri 5 Feb + 1 → Sat 6 Feb (make-up); + 2 → Sun 14 Feb (make-up).
  assert.equal(due('2016-02-05T09:00:00+08:00', 1, 'workDays'), '2016-02-06T17:30:00+08:00');
  assert.equal(due('2016-02-05T09:00:00+08:00', 2, 'workDays'), '2016-02-14T17:30:00+08:00');
  // Spring Festival 2018: Wed 14 Feb 17:00 + 4 working hours → Thu 22 Feb 11:30.
  assert.equal(due('2018-02-14T17:00:00+08:00', 4, 'workHours'), '2018-02-22T11:30:00+08:00');
  // Spring Festival 2022: Fri 28 Jan + 2 working days → Sat 29, Sun 30 Jan are make-up days.
  assert.equal(due('2022-01-28T10:00:00+08:00', 2, 'workDays'), '2022-01-30T17:30:00+08:00');
  assert.equal(due('2022-01-28T10:00:00+08:00', 3, 'workDays'), '2022-02-07T17:30:00+08:00');
  // Spring Festival 2024 (8 days, 10–17 Feb; 18 Feb a Sunday make-up day).
  assert.equal(due('2024-02-08T16:00:00+08:00', 1, 'workDays'), '2024-02-09T17:30:00+08:00');
  assert.equal(due('2024-02-09T16:00:00+08:00', 1, 'workDays'), '2024-02-18T17:30:00+08:00');
  // National Day 2017 (1–8 Oct; Sat 30 Sep make-up): Fri 29 Sep + 1 → Sat 30 Sep, + 2 → Mon 9 Oct.
  assert.equal(due('2017-09-29T10:00:00+08:00', 1, 'workDays'), '2017-09-30T17:30:00+08:00');
  assert.equal(due('2017-09-29T10:00:00+08:00', 2, 'workDays'), '2017-10-09T17:30:00+08:00');
  // National Day 2019: Mon 30 Sep 16:00 + 3 working hours → Tue 8 Oct 09:30.
  assert.equal(due('2019-09-30T16:00:00+08:00', 3, 'workHours'), '2019-10-08T09:30:00+08:00');
  // National Day 2021 (make-up days Sun 26 Sep and Sat 9 Oct): Thu 30 Sep + 1 → Fri 8 Oct, + 2 → Sat 9 Oct.
  assert.equal(due('2021-09-30T10:00:00+08:00', 1, 'workDays'), '2021-10-08T17:30:00+08:00');
  assert.equal(due('2021-09-30T10:00:00+08:00', 2, 'workDays'), '2021-10-09T17:30:00+08:00');
  // Mid-Autumn + National Day 2023 (29 Sep–6 Oct; Sat 7 and Sun 8 Oct make-up days).
  assert.equal(due('2023-09-28T10:00:00+08:00', 1, 'workDays'), '2023-10-07T17:30:00+08:00');
  // Across the year end of the 2019 notice: Fri 28 Dec 2018 + 1 → Sat 29 Dec 2018 (make-up day).
  assert.equal(due('2018-12-28T10:00:00+08:00', 1, 'workDays'), '2018-12-29T17:30:00+08:00');
  assert.equal(due('2018-12-28T10:00:00+08:00', 2, 'workDays'), '2019-01-02T17:30:00+08:00');
});

test('calendar days 自然日: the start day does not count; a last day off moves to the next working day', () => {
  // Mon 3 Mar 2025 + 15 calendar days → Tue 18 Mar.
  assert.equal(due('2025-03-03T10:00:00+08:00', 15, 'calendarDays'), '2025-03-18T17:30:00+08:00');
  // Thu 25 Sep 2025 + 7 → Thu 2 Oct, a holiday → Thu 9 Oct, the first working day after.
  assert.equal(due('2025-09-25T10:00:00+08:00', 7, 'calendarDays'), '2025-10-09T17:30:00+08:00');
  // Fri 28 Apr 2023 + 8 → Sat 6 May, a make-up working day: it stands.
  assert.equal(due('2023-04-28T10:00:00+08:00', 8, 'calendarDays'), '2023-05-06T17:30:00+08:00');
  // + 1 on a Friday → Saturday, not working → Monday.
  assert.equal(due('2025-03-07T10:00:00+08:00', 1, 'calendarDays'), '2025-03-10T17:30:00+08:00');
  // 0 calendar days: today if it is a working day.
  assert.equal(due('2025-03-07T10:00:00+08:00', 0, 'calendarDays'), '2025-03-07T17:30:00+08:00');
});

test('a date outside the covered years is refused with E_CALENDAR_COVERAGE, zh and en', () => {
  const r = dueAfter(cal, at('2026-12-30T10:00:00+08:00'), { amount: 5, unit: 'workDays' });
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.errors[0].code, 'E_CALENDAR_COVERAGE');
  assert.match(!r.ok ? r.errors[0].zh : '', /覆盖/);
  assert.match(!r.ok ? r.errors[0].en : '', /2027-01-01/);
  const before = dueAfter(cal, at('2015-12-31T10:00:00+08:00'), { amount: 1, unit: 'workHours' });
  assert.equal(!before.ok && before.errors[0].code, 'E_CALENDAR_COVERAGE');
  assert.throws(() => isWorkingDay(cal, at('2027-03-01T10:00:00+08:00')), (e: unknown) => e instanceof JcError && e.issue.code === 'E_CALENDAR_COVERAGE');
  assert.throws(() => addTimeLimit(cal, at('2026-12-31T10:00:00+08:00'), { amount: 1, unit: 'workDays' }), JcError);
  // A deadline inside the covered years is not affected: 2 Dec 2026 + 5 working days.
  assert.equal(due('2026-12-02T10:00:00+08:00', 5, 'workDays'), '2026-12-09T17:30:00+08:00');
  // The narrow calendar covers 2025–2026 only.
  const narrow = createCalendar(CHINA_CALENDAR_2025_2026);
  assert.ok(narrow.ok);
  const old = dueAfter(narrow.value, at('2023-04-28T10:00:00+08:00'), { amount: 1, unit: 'workDays' });
  assert.equal(!old.ok && old.errors[0].code, 'E_CALENDAR_COVERAGE');
});

test("with the host's explicit fallback 'weekdays' the deadline is computed and marked estimated", () => {
  const lenient = createCalendar(CHINA_CALENDAR, { fallback: 'weekdays' });
  assert.ok(lenient.ok);
  const r = dueAfter(lenient.value, at('2026-12-30T10:00:00+08:00'), { amount: 5, unit: 'workDays' });
  assert.ok(r.ok);
  // 31 Dec, then Mon–Fri of 2027 without holidays: 1, 4, 5, 6 Jan.
  assert.deepEqual(r.value, { at: at('2027-01-06T17:30:00+08:00'), estimated: true });
  const inside = dueAfter(lenient.value, at('2026-12-01T10:00:00+08:00'), { amount: 5, unit: 'workDays' });
  assert.ok(inside.ok);
  assert.equal(inside.value.estimated, undefined);
  assert.equal(createCalendar(CHINA_CALENDAR, { fallback: 'guess' as 'weekdays' }).ok, false);
});

test('bad arguments give a JcError or a failed Result with a code, never a wrong figure', () => {
  const r = dueAfter(cal, at('2025-03-03T10:00:00+08:00'), { amount: 1, unit: 'fortnights' as 'workDays' });
  assert.equal(!r.ok && r.errors[0].code, 'E_BAD_LIMIT');
  assert.throws(() => addTimeLimit(cal, at('2025-03-03T10:00:00+08:00'), { amount: 1, unit: 'weeks' as 'workDays' }), (e: unknown) => e instanceof JcError && e.issue.code === 'E_BAD_LIMIT');
  assert.throws(() => isWorkingDay(cal, NaN), (e: unknown) => e instanceof JcError && e.issue.code === 'E_BAD_TIME');
  assert.throws(() => isWorkingDay({} as WorkingCalendar, 0), (e: unknown) => e instanceof JcError && e.issue.code === 'E_BAD_CALENDAR');
  assert.equal((dueAfter(cal, Infinity, { amount: 1, unit: 'workDays' }) as { errors: { code: string }[] }).errors[0].code, 'E_BAD_TIME');
  for (const amount of [-1, NaN, 1.5]) {
    const bad = dueAfter(cal, at('2025-03-03T10:00:00+08:00'), { amount, unit: 'workDays' });
    assert.equal(!bad.ok && bad.errors[0].code, 'E_BAD_LIMIT', String(amount));
  }
  assert.throws(() => addWorkingDays(cal, 0, 1), JcError); // 1970 lies outside the calendar
  assert.throws(() => workingMsBetween(cal, NaN, 0), JcError);
  const def = createCalendar({ ...CHINA_CALENDAR, years: 'all' as unknown as number[] });
  assert.equal(!def.ok && def.errors[0].code, 'E_BAD_CALENDAR');
});

test('seasonal hours: a Fujian summer afternoon of 15:00–18:00 applies within its date range', () => {
  const summer = createCalendar({ ...CHINA_CALENDAR, seasons: [{ from: '06-01', to: '09-30', hours: [['08:00', '12:00'], ['15:00', '18:00']] }] });
  assert.ok(summer.ok);
  // Mon 7 Jul 2025 16:00 + 3 working hours → 2 h to 18:00, then Tue 09:00.
  assert.equal(due('2025-07-07T16:00:00+08:00', 3, 'workHours', summer.value), '2025-07-08T09:00:00+08:00');
  // A working day in summer ends at 18:00, in winter at 17:30.
  assert.equal(due('2025-07-07T10:00:00+08:00', 1, 'workDays', summer.value), '2025-07-08T18:00:00+08:00');
  assert.equal(due('2025-11-03T10:00:00+08:00', 1, 'workDays', summer.value), '2025-11-04T17:30:00+08:00');
  // Working time within a summer day: 4 h + 3 h.
  assert.equal(workingMsBetween(summer.value, at('2025-07-07T00:00:00+08:00'), at('2025-07-08T00:00:00+08:00')), 7 * 3_600_000);
  const bad = createCalendar({ ...CHINA_CALENDAR, seasons: [{ from: '02-30', to: '09-30', hours: [['15:00', '14:00']] }] });
  assert.equal(bad.ok, false);
  assert.deepEqual(!bad.ok && bad.errors.map((e) => e.code), ['E_BAD_DATE', 'E_BAD_HOURS']);
});

test('a city adds a year from a JSON file; bad files are refused field by field, zh and en', () => {
  const file = {
    id: 'putian-2027',
    years: [{
      year: 2027,
      notices: [{ title: '国务院办公厅关于2027年部分节假日安排的通知', number: '国办发明电〔2026〕X号', date: '2026-11-01' }],
      holidays: [{ name: { zh: '元旦', en: "New Year's Day" }, from: '2027-01-01', to: '2027-01-03' }],
      workdays: ['2027-01-09'],
    }],
  };
  const def = calendarFromFile(JSON.parse(JSON.stringify(file)));
  assert.ok(def.ok, JSON.stringify(!def.ok && def.errors));
  assert.deepEqual(def.value.years, [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
  const c = createCalendar(def.value);
  assert.ok(c.ok);
  assert.equal(isWorkingDay(c.value, at('2027-01-09T10:00:00+08:00')), true);
  assert.equal(due('2026-12-30T10:00:00+08:00', 2, 'workDays', c.value), '2027-01-04T17:30:00+08:00');
  const bad = calendarFromFile({ years: [{ year: 2027, holidays: [{ name: { zh: '元旦', en: 'x' }, from: '2027-01-01', to: '2027-02-30' }], workdays: ['2027-01-01', 'tomorrow'] }] });
  assert.equal(bad.ok, false);
  const codes = !bad.ok ? bad.errors.map((e) => `${e.code}@${e.column}`) : [];
  assert.deepEqual(codes, ['E_CALENDAR_FILE@years.0.workdays.1']);
  const bad2 = calendarFromFile({ years: [{ year: 2027, holidays: [{ name: { zh: '元旦', en: 'x' }, from: '2027-01-01', to: '2027-02-30' }, { name: { zh: '元旦', en: 'x' }, from: '2027-01-01', to: '2027-01-01' }], workdays: ['2027-01-01', '2028-01-08'] }] });
  const codes2 = !bad2.ok ? bad2.errors.map((e) => `${e.code}@${e.column}`) : [];
  assert.deepEqual(codes2, ['E_BAD_DATE@years.0.holidays.0.to', 'E_BAD_DATE@years.0.workdays.0', 'E_BAD_YEAR@years.0.workdays.1']);
  assert.ok(!bad2.ok && bad2.errors.every((e) => e.zh && e.en && e.zh !== e.en));
  assert.equal(calendarFromFile('nonsense').ok, false);
});

test('an estimated deadline is marked in the event and in the case file', () => {
  const lenient = createCalendar(CHINA_CALENDAR, { fallback: 'weekdays' });
  assert.ok(lenient.ok);
  const c = makeCtx({ calendar: lenient.value });
  c.tick.now = at('2026-12-31T09:00:00+08:00');
  const store = makeStore();
  const id = runSteps(store, c, PATHS.dispatched);
  const events = store.events(id);
  const registered = events.find((e) => e.type === 'registered')!;
  const dispatched = events.find((e) => e.type === 'dispatched')!;
  assert.equal((registered.data as { estimated?: true }).estimated, undefined); // 1 working hour: still 31 Dec
  assert.equal((dispatched.data as { estimated?: true }).estimated, true); // working days into 2027
  const d = buildDossier(events);
  assert.ok(d.ok);
  assert.equal(d.value.entries.find((e) => e.type === 'dispatched')?.sets?.estimated, true);
  // The mark survives the event log (JSON Lines) both ways.
  const back = importEventLog(exportEventLog(events), { validate: true });
  assert.deepEqual(back.issues, []);
  assert.equal((back.events.find((e) => e.type === 'dispatched')!.data as { estimated?: true }).estimated, true);
  // Without the fallback the dispatch is refused and nothing is appended.
  const strict = makeCtx();
  strict.tick.now = at('2026-12-31T09:00:00+08:00');
  const s2 = makeStore();
  const id2 = runSteps(s2, strict, PATHS.registered);
  const before = s2.events(id2).length;
  const r = s2.execute({ type: 'dispatch', node: V1, caseId: id2, expectedVersion: s2.get(id2)!.version }, ACTORS.vo, strict);
  assert.equal(!r.ok && r.errors[0].code, 'E_CALENDAR_COVERAGE');
  assert.equal(s2.events(id2).length, before);
});

test('every export of @jiceng/core/calendar answers arbitrary arguments with a value or a JcError', async () => {
  const fc = (await import('fast-check')).default;
  const all = await import('@jiceng/core/calendar');
  const fns = Object.entries(all).filter(([, f]) => typeof f === 'function') as [string, (...a: unknown[]) => unknown][];
  assert.ok(fns.length > 15);
  const arg = fc.oneof(fc.anything(), fc.double(), fc.constant(cal), fc.constant(CHINA_CALENDAR), fc.record({ amount: fc.double(), unit: fc.string() }));
  fc.assert(fc.property(fc.nat(fns.length - 1), fc.array(arg, { maxLength: 4 }), (i, args) => {
    try {
      fns[i][1](...args);
    } catch (e) {
      assert.ok(e instanceof JcError, `${fns[i][0]}: ${String(e)}`);
    }
  }), { numRuns: 3000 });
});
