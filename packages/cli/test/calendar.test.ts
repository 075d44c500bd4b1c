import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXIT, main, memoryIo, parseLimit } from '@jiceng/cli';

async function run(args: string[], files: Record<string, string> = {}) {
  const io = memoryIo(files);
  const code = await main(['calendar', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

test('calendar show lists a year\'s holidays and make-up days with its notice, zh and en', async () => {
  const zh = await run(['show', '2023']);
  assert.equal(zh.code, EXIT.ok);
  assert.match(zh.out, /国办发明电〔2022〕16号，2022-12-08/);
  assert.match(zh.out, /^ {2}劳动节：2023-04-29 至 2023-05-03（共 5 天）$/m);
  assert.match(zh.out, /^ {2}2023-05-06（星期六）$/m);
  const en = await run(['show', '2019', '--lang', 'en']);
  assert.equal(en.code, EXIT.ok);
  assert.match(en.out, /国办发明电〔2019〕4号/); // the notice that changed Labour Day
  assert.match(en.out, /^ {2}Labour Day: 2019-05-01 – 2019-05-04 \(4 days\)$/m);
  assert.match(en.out, /^ {2}2019-05-05 \(Sun\)$/m);
});

test('calendar show of a year outside the calendar is E_CALENDAR_COVERAGE, exit 1', async () => {
  const r = await run(['show', '2027', '--lang', 'en']);
  assert.equal(r.code, EXIT.problems);
  assert.equal(r.out, '');
  assert.match(r.err, /^E_CALENDAR_COVERAGE: the date lies outside the years the calendar covers.*2027 ∉ 2016–2026$/m);
  const zh = await run(['show', '2015']);
  assert.match(zh.err, /E_CALENDAR_COVERAGE: 日期超出工作日历覆盖的年份/);
});

test('calendar due prints the due time in +08:00 for working days, working hours and calendar days', async () => {
  const cases: [string, string, string][] = [
    ['2023-04-28T10:00:00+08:00', '1d', '2023-05-04T17:30:00+08:00'], // over Labour Day 2023
    ['2023-04-28T02:00:00Z', '3d', '2023-05-06T17:30:00+08:00'], // Sat 6 May is a make-up day
    ['2019-09-30T16:00:00+08:00', '3h', '2019-10-08T09:30:00+08:00'], // over National Day 2019
    ['2024-02-09T17:00:00+08:00', '1.5h', '2024-02-18T09:00:00+08:00'], // Spring Festival 2024, 18 Feb a Sunday make-up day
    ['2025-09-25T10:00+08:00', '7cd', '2025-10-09T17:30:00+08:00'], // 2 Oct is a holiday
  ];
  for (const [start, limit, due] of cases) {
    const r = await run(['due', start, limit]);
    assert.equal(r.code, EXIT.ok, `${start} ${limit}: ${r.err}`);
    assert.equal(r.out, `${due}\n`, `${start} + ${limit}`);
  }
});

test('calendar due outside the covered years: an error, or with --fallback weekdays an estimate said on stderr', async () => {
  const r = await run(['due', '2026-12-30T10:00:00+08:00', '5d']);
  assert.equal(r.code, EXIT.problems);
  assert.match(r.err, /E_CALENDAR_COVERAGE.*2027-01-01/);
  const est = await run(['due', '2026-12-30T10:00:00+08:00', '5d', '--fallback', 'weekdays', '--lang', 'en']);
  assert.equal(est.code, EXIT.ok);
  assert.equal(est.out, '2027-01-06T17:30:00+08:00\n');
  assert.match(est.err, /^estimated: /);
});

test('calendar due with a city calendar file adds 2027; a bad file is refused with its field', async () => {
  const file = JSON.stringify({
    years: [{
      year: 2027,
      holidays: [{ name: { zh: '元旦', en: "New Year's Day" }, from: '2027-01-01', to: '2027-01-03' }],
      workdays: [],
    }],
    seasons: [{ from: '06-01', to: '09-30', hours: [['08:00', '12:00'], ['15:00', '18:00']] }],
  });
  const r = await run(['due', '2026-12-30T10:00:00+08:00', '5d', '--calendar', 'putian.json'], { 'putian.json': file });
  assert.equal(r.code, EXIT.ok, r.err);
  assert.equal(r.out, '2027-01-07T17:30:00+08:00\n');
  const summer = await run(['due', '2025-07-07T16:00:00+08:00', '3h', '--calendar', 'putian.json'], { 'putian.json': file });
  assert.equal(summer.out, '2025-07-08T09:00:00+08:00\n');
  const show = await run(['show', '2027', '--calendar', 'putian.json'], { 'putian.json': file });
  assert.match(show.out, /^ {2}元旦：2027-01-01 至 2027-01-03（共 3 天）$/m);
  const bad = await run(['show', '2027', '--calendar', 'bad.json', '--lang', 'en'], { 'bad.json': JSON.stringify({ years: [{ year: 2027, holidays: [], workdays: ['2027-13-01'] }] }) });
  assert.equal(bad.code, EXIT.problems);
  assert.match(bad.err, /^bad\.json \[years\.0\.workdays\.0\] E_BAD_DATE: invalid date, expected YYYY-MM-DD: 2027-13-01$/m);
  const notJson = await run(['show', '2027', '--calendar', 'x.json'], { 'x.json': '{' });
  assert.equal(notJson.code, EXIT.problems);
  assert.match(notJson.err, /E_CALENDAR_FILE/);
  const missing = await run(['show', '2027', '--calendar', 'none.json']);
  assert.equal(missing.code, EXIT.problems);
  assert.match(missing.err, /E_CALENDAR_FILE/);
});

test('calendar: wrong arguments are usage errors (exit 2), in zh and en', async () => {
  for (const args of [
    ['due', '2025-09-25T10:00', '1d'], // no offset
    ['due', '2025-02-30T10:00:00+08:00', '1d'], // no such day
    ['due', '2025-09-25T10:00:00+08:00', '2w'],
    ['due', '2025-09-25T10:00:00+08:00', '-1d'],
    ['due', '2025-09-25T10:00:00+08:00'],
    ['show', 'next'],
    ['when', '2025'],
    ['due', '2025-09-25T10:00:00+08:00', '1d', '--fallback', 'guess'],
  ]) {
    const r = await run(args);
    assert.equal(r.code, EXIT.usage, args.join(' '));
    assert.match(r.err, /用法错误/);
  }
  const en = await run(['due', '2025-09-25T10:00', '1d', '--lang', 'en']);
  assert.match(en.err, /usage error: the start must be an ISO 8601 time with offset/);
  assert.deepEqual(parseLimit('15cd'), { amount: 15, unit: 'calendarDays' });
  assert.equal(parseLimit('1.5d'), undefined);
});
