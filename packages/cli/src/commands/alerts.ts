/**
 * `jiceng alerts`: replays a case event log with the alert rules on and reports how many
 * alerts each rule raises.
 * @module
 */
import { CaseStore, type JcIssue } from '@jiceng/core';
import { readEventLine, type AnyCaseEvent } from '@jiceng/core/cases';
import { formatIssue } from '@jiceng/core/errors';
import { CHINA_CALENDAR, createCalendar } from '@jiceng/core/calendar';
import { DEFAULT_ALERT_RULES, feedRules, inTimeOrder, replayAlerts, validateAlertRules, type AlertRuleSet } from '@jiceng/core/alerts';
import { EXIT, parseCommandArgs, usageError, type Command } from '../command.js';
import { count, issueLine, loadCaseCity, readLines } from '../case-log.js';

/**
 * `jiceng alerts <log.jsonl> [--hierarchy FILE.json] [--rules FILE.json] [--until YYYY-MM-DD] [--lang en]`:
 * reads the log line by line into a case store over the hierarchy (default the generated
 * Putian city, seed 1), which refuses invalid lines as `jiceng replay` does; puts the valid
 * events in time order (a log written case by case becomes a feed), runs the alert engine
 * over them with the rules (a Jiceng rule-set JSON, checked; default Putian's), moves time on
 * to the start of `--until` (Shanghai time) if given, and prints the alerts raised per rule
 * and in all, then every invalid line. Exit 0 if every line is valid, 1 if any is not or the
 * rules are refused, 2 on a usage error.
 *
 * @example
 * ```ts
 * const io = memoryIo({ 'log.jsonl': text });
 * await alertsCommand.run(['log.jsonl', '--lang', 'en'], io); // 0
 * io.stdout(); // 'log.jsonl: 1,742 lines, 1,742 events, 200 cases\nalerts per rule:\n  grid-cluster …'
 * ```
 */
export const alertsCommand: Command = {
  name: 'alerts',
  summary: { zh: '开启预警规则重放案件事件日志，输出各规则触发的预警数', en: 'Replay a case event log with the alert rules on: alerts raised per rule' },
  usage: 'jiceng alerts <log.jsonl> [--hierarchy FILE.json] [--rules FILE.json] [--until YYYY-MM-DD] [--lang en]',
  async run(args, io) {
    const p = parseCommandArgs(alertsCommand, args, { hierarchy: { type: 'string' }, rules: { type: 'string' }, until: { type: 'string' } }, io, { min: 1, max: 1 });
    if (!p.ok) return p.exit;
    const { lang } = p;
    const en = lang === 'en';
    const path = p.positionals[0];
    if ((await io.kind(path)) !== 'file') return usageError(alertsCommand, io, lang, { zh: `文件不存在：${path}`, en: `no such file: ${path}` });
    const untilText = p.values.until as string | undefined;
    const until = untilText === undefined ? undefined : /^\d{4}-\d{2}-\d{2}$/.test(untilText) ? Date.parse(`${untilText}T00:00:00+08:00`) : NaN;
    if (until !== undefined && !Number.isFinite(until)) {
      return usageError(alertsCommand, io, lang, { zh: `--until 应为 YYYY-MM-DD 日期，而不是 ${untilText}`, en: `--until must be a YYYY-MM-DD date, not ${untilText}` });
    }
    const city = await loadCaseCity(io, p.values.hierarchy as string | undefined, lang);
    if ('error' in city) {
      io.err(`${city.error}\n`);
      return EXIT.problems;
    }
    let rules: AlertRuleSet = DEFAULT_ALERT_RULES;
    const rulesPath = p.values.rules as string | undefined;
    if (rulesPath !== undefined) {
      if ((await io.kind(rulesPath)) !== 'file') return usageError(alertsCommand, io, lang, { zh: `文件不存在：${rulesPath}`, en: `no such file: ${rulesPath}` });
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(await io.readFile(rulesPath)));
      } catch (e) {
        io.err(`${rulesPath}: ${en ? 'not JSON' : '不是 JSON'} (${(e as Error).message})\n`);
        return EXIT.problems;
      }
      const v = validateAlertRules(json, city.hierarchy.config, city.categories);
      if (!v.ok) {
        for (const e of v.errors) io.err(`${formatIssue({ ...e, file: rulesPath }, lang)}\n`);
        return EXIT.problems;
      }
      rules = v.value;
    }
    const cal = createCalendar(CHINA_CALENDAR);
    if (!cal.ok) throw new Error(cal.errors[0].en);

    const store = new CaseStore(city, { keepLog: false });
    const events: AnyCaseEvent[] = [];
    const issues: JcIssue[] = [];
    let lines = 0;
    for await (const raw of readLines(io, path)) {
      const line = ++lines;
      const read = readEventLine(raw, line);
      if (read.issues.length) issues.push(...read.issues);
      if (!read.event) continue;
      const r = store.apply(read.event);
      if (r.ok) events.push(read.event);
      else for (const e of r.errors) issues.push({ ...e, row: line });
    }
    const replay = replayAlerts(inTimeOrder(events), { hierarchy: city.hierarchy, categories: city.categories, calendar: cal.value }, rules, until);
    const names = new Map(feedRules(rules).map((r) => [r.id, r.name]));
    const width = Math.max(...replay.perRule.map((r) => r.rule.length), 5);
    const out = [
      en ? `${path}: ${count(lines)} lines, ${count(replay.events)} events, ${count(replay.cases)} cases` : `${path}：${count(lines)} 行，事件 ${count(replay.events)}，案件 ${count(replay.cases)}`,
      en ? 'alerts per rule:' : '各规则预警数：',
      ...replay.perRule.map((r) => `  ${r.rule.padEnd(width)}  ${count(r.count).padStart(9)}  ${names.get(r.rule)![lang]}`),
      `  ${(en ? 'total' : '合计').padEnd(width)}  ${count(replay.total).padStart(9)}`,
      en ? `invalid lines: ${count(issues.length)}` : `无效行：${count(issues.length)}`,
    ];
    io.out(`${out.join('\n')}\n`);
    for (const e of issues) io.out(`${issueLine(path, e, lang)}\n`);
    return issues.length ? EXIT.problems : EXIT.ok;
  },
};
