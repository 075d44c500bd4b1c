/**
 * `jiceng replay`: rebuilds the cases' state from a JSON Lines event log and reports the
 * counts and every invalid line.
 * @module
 */
import { CASE_STATUS_LABELS, CASE_STATUSES, CaseStore } from '@jiceng/core';
import { EXIT, parseCommandArgs, usageError, type Command } from '../command.js';
import { count, issueLine, loadCaseCity, scanEventLog } from '../case-log.js';

/**
 * `jiceng replay <log.jsonl> [--hierarchy FILE.json] [--lang en]`: reads the log line by line
 * (never the whole file at once) into a case store over the hierarchy (a Jiceng JSON
 * document; default the generated Putian city, seed 1) and prints the lines read, the
 * numbers of cases and events, the cases per status, and then every invalid line as
 * `log.jsonl:LINE CODE: message` — not JSON (`E_BAD_JSON`), not a valid event
 * (`E_BAD_EVENT`, with the field), out of order for its case (`E_EVENT_ORDER`), for an
 * unknown case (`E_NO_CASE`) or a second `discovered` (`E_CASE_EXISTS`). Invalid lines are
 * skipped; the rest is replayed. Exit 0 if every line is valid, 1 if any is not.
 *
 * @example
 * ```ts
 * const io = memoryIo({ 'log.jsonl': text });
 * await replayCommand.run(['log.jsonl', '--lang', 'en'], io); // 0 or 1
 * io.stdout(); // 'log.jsonl: 1,742 lines\ncases: 200\n…'
 * ```
 */
export const replayCommand: Command = {
  name: 'replay',
  summary: { zh: '重放案件事件日志，输出各状态数量并逐条列出无效行', en: 'Replay a case event log: counts per status and every invalid line' },
  usage: 'jiceng replay <log.jsonl> [--hierarchy FILE.json] [--lang en]',
  async run(args, io) {
    const p = parseCommandArgs(replayCommand, args, { hierarchy: { type: 'string' } }, io, { min: 1, max: 1 });
    if (!p.ok) return p.exit;
    const { lang } = p;
    const en = lang === 'en';
    const path = p.positionals[0];
    if ((await io.kind(path)) !== 'file') return usageError(replayCommand, io, lang, { zh: `文件不存在：${path}`, en: `no such file: ${path}` });
    const city = await loadCaseCity(io, p.values.hierarchy as string | undefined, lang);
    if ('error' in city) {
      io.err(`${city.error}\n`);
      return EXIT.problems;
    }
    const store = new CaseStore(city, { keepLog: false });
    const scan = await scanEventLog(io, path, store);

    const perStatus = new Array<number>(CASE_STATUSES.length).fill(0);
    const { status, length } = store.facts;
    for (let r = 0; r < length; r++) perStatus[status[r]]++;
    const lines = [
      en ? `${path}: ${count(scan.lines)} lines` : `${path}：${count(scan.lines)} 行`,
      en ? `cases: ${count(store.size)}` : `案件：${count(store.size)}`,
      en ? `events: ${count(scan.events)}` : `事件：${count(scan.events)}`,
      en ? 'cases per status:' : '各状态案件数：',
      ...CASE_STATUSES.flatMap((s, i) => (perStatus[i] ? [en ? `  ${CASE_STATUS_LABELS[s].en} (${s}): ${count(perStatus[i])}` : `  ${CASE_STATUS_LABELS[s].zh}（${s}）：${count(perStatus[i])}`] : [])),
      en ? `invalid lines: ${count(scan.issues.length)}` : `无效行：${count(scan.issues.length)}`,
    ];
    io.out(`${lines.join('\n')}\n`);
    for (const e of scan.issues) io.out(`${issueLine(path, e, lang)}\n`);
    return scan.issues.length ? EXIT.problems : EXIT.ok;
  },
};
