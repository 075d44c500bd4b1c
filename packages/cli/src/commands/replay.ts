/**
 * `jiceng replay`: rebuilds the cases' state from a JSON Lines event log and reports the
 * counts and every invalid line.
 * @module
 */
import { CASE_STATUSES, CaseStore } from '@jiceng/core';
import { CASE_STATUS_LABELS, DEFAULT_CASE_POLICY } from '@jiceng/core/cases';
import { EXIT, parseCommandArgs, usageError, type Command } from '../command.js';
import { count, issueLine, loadCaseCity, scanEventLog, verifyChain } from '../case-log.js';

/**
 * `jiceng replay <log.jsonl> [--verify] [--hierarchy FILE.json] [--lang en]`: reads the log
 * line by line (never the whole file at once) into a case store over the hierarchy (a Jiceng
 * JSON document; default the generated Putian city, seed 1) and prints the lines read, the
 * numbers of cases and events, the cases per status, the cases left uncounted, and then every
 * invalid line as `log.jsonl:LINE CODE: message` — not UTF-8 (`E_BAD_UTF8`), not JSON
 * (`E_BAD_JSON`), not a valid event or a text beyond its limit (`E_BAD_EVENT`, with the
 * field), out of order for its case (`E_EVENT_ORDER`), for an unknown case (`E_NO_CASE`), a
 * second `discovered` (`E_CASE_EXISTS`), and every event the transition table or the loop's
 * invariants refuse: a close without a passed verification (`E_NOT_VERIFIED`) or follow-up
 * (`E_NO_FOLLOWUP`), a verifier who handled it or is of the handling body
 * (`E_SELF_VERIFY`, `E_HANDLING_BODY_VERIFY`), a follow-up or close by the handler, time
 * running backwards (`E_TIME_BACKWARDS`), an unknown node or category, a role the default
 * permission table does not allow (when the city has its six levels). A case with a refused
 * line is not counted (not in any status, not in 办结率). With `--verify` the hash chain is
 * checked first (the first broken line of each case, and the trailer); only a proven log is
 * then replayed without the per-line schema check (the fast path). Exit 0 if every line is
 * valid (and, with `--verify`, the chain holds), 1 otherwise.
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
  usage: 'jiceng replay <log.jsonl> [--verify] [--hierarchy FILE.json] [--lang en]',
  async run(args, io) {
    const p = parseCommandArgs(replayCommand, args, { hierarchy: { type: 'string' }, verify: { type: 'boolean' } }, io, { min: 1, max: 1 });
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
    const chain = p.values.verify ? await verifyChain(io, path) : undefined;
    const proven = chain !== undefined && chain.issues.length === 0;
    // The default permission table names the six levels; a city with others is checked without roles.
    const levels = new Set(city.hierarchy.config.levels.map((l) => l.id));
    const sixLevels = ['city', 'county', 'town', 'village', 'grid', 'unit'].every((l) => levels.has(l));
    const store = new CaseStore(city, { keepLog: false, ...(sixLevels ? { policy: DEFAULT_CASE_POLICY } : {}) });
    const scan = await scanEventLog(io, path, store, { validate: !proven });

    const perStatus = new Array<number>(CASE_STATUSES.length).fill(0);
    const { status, length, caseIds } = store.facts;
    for (let r = 0; r < length; r++) if (!store.isBroken(caseIds[r])) perStatus[status[r]]++;
    const lines = [
      en ? `${path}: ${count(scan.lines)} lines` : `${path}：${count(scan.lines)} 行`,
      ...(chain === undefined ? [] : [proven
        ? (en ? 'hash chain: verified (fast path: no per-line schema check)' : '哈希链：已验证（快速路径：不逐行校验格式）')
        : (en ? `hash chain: BROKEN (${count(chain.issues.length)} problems)` : `哈希链：已断裂（${count(chain.issues.length)} 处问题）`)]),
      en ? `cases: ${count(store.size - store.brokenCount)}` : `案件：${count(store.size - store.brokenCount)}`,
      en ? `events: ${count(scan.events)}` : `事件：${count(scan.events)}`,
      en ? 'cases per status:' : '各状态案件数：',
      ...CASE_STATUSES.flatMap((s, i) => (perStatus[i] ? [en ? `  ${CASE_STATUS_LABELS[s].en} (${s}): ${count(perStatus[i])}` : `  ${CASE_STATUS_LABELS[s].zh}（${s}）：${count(perStatus[i])}`] : [])),
      en ? `cases not counted (a line refused): ${count(store.brokenCount)}` : `未计入的案件（有无效行）：${count(store.brokenCount)}`,
      en ? `invalid lines: ${count(scan.issues.length)}` : `无效行：${count(scan.issues.length)}`,
    ];
    io.out(`${lines.join('\n')}\n`);
    for (const e of chain?.issues ?? []) io.out(`${issueLine(path, e, lang)}\n`);
    for (const e of scan.issues) io.out(`${issueLine(path, e, lang)}\n`);
    return scan.issues.length || (chain !== undefined && !proven) ? EXIT.problems : EXIT.ok;
  },
};
