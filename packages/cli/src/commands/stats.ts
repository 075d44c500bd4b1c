/**
 * `jiceng stats`: replays a case event log (JSON Lines) over a hierarchy and prints the
 * indicators of a node — whole, or by category, by closing level, by child or by month.
 * @module
 */
import {
  buildHierarchy, CaseStore, createMetrics, periodOf, type HierarchyConfig, type HierarchyIndex, type Lang, type LocalizedText, type Metrics,
} from '@jiceng/core';
import { createAccess, DEFAULT_ROLE_RULES, scopedFacts } from '@jiceng/core/access';
import { buildCategoryTable, DEFAULT_CATEGORIES, gbt47678Categories } from '@jiceng/core/cases';
import { formatIssue, issue } from '@jiceng/core/errors';
import { importJson } from '@jiceng/core/io';
import {
  categoryOptions, describePeriod, type CloseRateBase, type IndicatorDef, type IndicatorValue, type MetricsOptions,
} from '@jiceng/core/metrics';
import { buildOverlay, standardCoverage } from '@jiceng/core/overlay';
import { CHINA_UTC_OFFSET_MS } from '@jiceng/core/calendar';
import { displayWidth, generatePutian } from '@jiceng/putian';
import { EXIT, parseCommandArgs, usageError, type Command } from '../command.js';
import { parseAs } from './dossier.js';
import type { CliIo } from '../io.js';
import { issueLine, scanEventLog } from '../case-log.js';

const BY = ['category', 'level', 'month', 'child'] as const;
type By = (typeof BY)[number];
const BASES: readonly CloseRateBase[] = ['collected', 'registered', 'dueToClose'];

const T = {
  title: { zh: '基层治理统计', en: 'Grassroots governance statistics' },
  asOf: { zh: '截至', en: 'as of' },
  cases: { zh: '案件', en: 'cases' },
  events: { zh: '事件', en: 'events' },
  skipped: { zh: '跳过的无效行', en: 'invalid lines skipped' },
  indicator: { zh: '指标', en: 'Indicator' },
  value: { zh: '数值', en: 'Value' },
  parts: { zh: '分子 / 分母', en: 'Numerator / denominator' },
  definition: { zh: '口径', en: 'Definition' },
  category: { zh: '类别', en: 'Category' },
  level: { zh: '办结层级', en: 'Closed at level' },
  share: { zh: '占比', en: 'Share' },
  atOrBelow: { zh: '本级及以下占比', en: 'Share at or below' },
  month: { zh: '月份', en: 'Month' },
  child: { zh: '下级', en: 'Child' },
} satisfies Record<string, LocalizedText>;

/** Display width: CJK and full-width characters take two columns (the Putian summary's rule). */
const width = displayWidth;

/**
 * Aligned plain-text columns: the first (and, with `textLast`, the last) left-aligned, the others right-aligned.
 *
 * @example
 * ```ts
 * columns([['区', '数'], ['荔城区', '12']]); // '区       数\n荔城区  12'
 * ```
 */
export function columns(rows: string[][], textLast = false): string {
  const n = Math.max(...rows.map((r) => r.length));
  const w = Array.from({ length: n }, (_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  return rows.map((r) => r.map((cell, c) => {
    const pad = ' '.repeat(w[c] - width(cell));
    return c === 0 || (textLast && c === n - 1) ? cell + pad : pad + cell;
  }).join('  ').trimEnd()).join('\n');
}

const num = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 1 }));

/** An indicator value for people: counts grouped, percents with two decimals, hours with one. */
function show(d: IndicatorDef, v: IndicatorValue | undefined): string {
  if (!v || v.value === null) return '—';
  switch (d.unit) {
    case 'percent': return `${v.value.toFixed(2)}%`;
    case 'hours': return `${v.value.toFixed(1)} h`;
    case 'score': return v.value.toFixed(2);
    default: return num(v.value);
  }
}

/** Loads the hierarchy: a Jiceng JSON document, or the generated Putian. */
async function loadHierarchy(path: string | undefined, io: CliIo, lang: Lang): Promise<{ h: HierarchyIndex; coverage?: MetricsOptions['coverage'] } | { error: string }> {
  if (path !== undefined) {
    if ((await io.kind(path)) !== 'file') return { error: lang === 'en' ? `no such file: ${path}` : `文件不存在：${path}` };
    const r = importJson(await io.readFile(path), { file: path });
    if (!r.ok) return { error: r.errors.slice(0, 20).map((e) => formatIssue(e, lang)).join('\n') };
    const { hierarchy, overlay, config } = r.value;
    return { h: hierarchy, coverage: coverageOf(config, overlay) };
  }
  const data = generatePutian({ seed: 1 });
  const b = buildHierarchy(data.config, data.nodes);
  if (!b.ok) return { error: b.errors.slice(0, 5).map((e) => formatIssue(e, lang)).join('\n') };
  const o = buildOverlay(b.value, data.overlay);
  return o.ok ? { h: b.value, coverage: coverageOf(data.config, o.value) } : { h: b.value };
}

/** Organisation coverage of a six-level-like configuration (grid and unit as the last two levels). */
function coverageOf(config: HierarchyConfig, overlay: NonNullable<MetricsOptions['coverage']>['source']): MetricsOptions['coverage'] {
  const levels = config.levels.map((l) => l.id);
  if (!levels.includes('grid') || !levels.includes('unit')) return undefined;
  const defs = standardCoverage(config, { grid: 'grid', unit: 'unit', governance: levels.filter((l) => l !== 'grid' && l !== 'unit') });
  return { source: overlay, defs };
}

/**
 * `jiceng stats <log.jsonl> [--node CODE] [--by category|level|month|child] [--base collected|registered|dueToClose]
 * [--now ISO] [--hierarchy FILE.json] [--json] [--lang en]`: replays the log with the case
 * store, builds the metrics as of `--now` (default: the last event's time) and prints the
 * node's indicators (default: the root), or one table by category, closing level, child or
 * month. Without `--hierarchy` the generated Putian city (seed 1) is used.
 *
 * @example
 * ```ts
 * const io = memoryIo({ 'log.jsonl': text, 'city.json': json });
 * await statsCommand.run(['log.jsonl', '--hierarchy', 'city.json', '--by', 'month', '--lang', 'en'], io); // 0
 * ```
 */
export const statsCommand: Command = {
  name: 'stats',
  summary: { zh: '重放案件事件日志并输出指标（结案率、按期结案率、办结率等）', en: 'Replay a case event log and print indicators (close rate, on-time close rate, completion rate…)' },
  usage: 'jiceng stats <log.jsonl> [--node CODE] [--as ROLE@NODECODE] [--by category|level|month|child] [--base collected|registered|dueToClose] [--now ISO] [--hierarchy FILE.json] [--json] [--lang en]',
  async run(args, io) {
    const p = parseCommandArgs(statsCommand, args, {
      node: { type: 'string' }, by: { type: 'string' }, base: { type: 'string' }, now: { type: 'string' },
      hierarchy: { type: 'string' }, json: { type: 'boolean' }, as: { type: 'string' },
    }, io, { min: 1, max: 1 });
    if (!p.ok) return p.exit;
    const { lang } = p;
    const L = (t: LocalizedText) => t[lang];
    const by = p.values.by as string | undefined;
    if (by !== undefined && !(BY as readonly string[]).includes(by)) {
      return usageError(statsCommand, io, lang, { zh: `--by 只能是 ${BY.join('、')}，而不是 ${by}`, en: `--by must be one of ${BY.join(', ')}, not ${by}` });
    }
    const base = (p.values.base as string | undefined) ?? 'registered';
    if (!(BASES as readonly string[]).includes(base)) {
      return usageError(statsCommand, io, lang, { zh: `--base 只能是 ${BASES.join('、')}，而不是 ${base}`, en: `--base must be one of ${BASES.join(', ')}, not ${base}` });
    }
    const nowText = p.values.now as string | undefined;
    if (nowText !== undefined && Number.isNaN(Date.parse(nowText))) {
      return usageError(statsCommand, io, lang, { zh: `--now 不是有效时间：${nowText}`, en: `--now is not a valid time: ${nowText}` });
    }
    const logPath = p.positionals[0];
    if ((await io.kind(logPath)) !== 'file') {
      return usageError(statsCommand, io, lang, { zh: `文件不存在：${logPath}`, en: `no such file: ${logPath}` });
    }

    const loaded = await loadHierarchy(p.values.hierarchy as string | undefined, io, lang);
    if ('error' in loaded) { io.err(`${loaded.error}\n`); return EXIT.problems; }
    const h = loaded.h;
    // --as ROLE@NODE: the figures as that actor may see them — only inside the role's subtree;
    // a node outside it is refused and nothing of it is printed, not even a count.
    const asText = p.values.as as string | undefined;
    const grant = asText === undefined ? undefined : parseAs(asText);
    if (asText !== undefined && !grant) return usageError(statsCommand, io, lang, { zh: `--as 应为 角色@节点编码，而不是 ${asText}`, en: `--as must be ROLE@NODECODE, not ${asText}` });
    if (grant && !DEFAULT_ROLE_RULES.some((r) => r.id === grant.role)) return usageError(statsCommand, io, lang, { zh: `未知角色：${grant.role}`, en: `unknown role: ${grant.role}` });
    if (grant && h.indexOf(grant.node) < 0) return usageError(statsCommand, io, lang, { zh: `节点编码不存在：${grant.node}`, en: `no such node code: ${grant.node}` });
    const access = grant ? createAccess({ id: 'cli', roles: [grant] }, h) : undefined;
    const code = (p.values.node as string | undefined) ?? grant?.node;
    const node = code === undefined ? 0 : h.indexOf(code);
    if (node < 0) return usageError(statsCommand, io, lang, { zh: `节点编码不存在：${code}`, en: `no such node code: ${code}` });
    if (access && !access.scope.inScope(node)) {
      io.err(`${formatIssue(issue('E_OUT_OF_SCOPE', `超出权限范围：${h.code(node)}`, `outside your scope: ${h.code(node)}`), lang)}\n`);
      return EXIT.problems;
    }

    const table = buildCategoryTable([...DEFAULT_CATEGORIES, ...gbt47678Categories()]);
    if (!table.ok) { io.err(`${table.errors.map((e) => formatIssue(e, lang)).join('\n')}\n`); return EXIT.problems; }
    // The log streams through the store line by line: a full history is about a gigabyte.
    const store = new CaseStore({ hierarchy: h, categories: table.value }, { keepLog: false });
    const scan = await scanEventLog(io, logPath, store, { keep: 20 });
    const skipped = scan.issueCount;
    for (const e of scan.issues) io.err(`${issueLine(logPath, e, lang)}\n`);
    if (skipped > scan.issues.length) io.err(lang === 'en' ? `… and ${skipped - scan.issues.length} more\n` : `……另有 ${skipped - scan.issues.length} 条\n`);
    const now = nowText !== undefined ? Date.parse(nowText) : Number.isFinite(scan.lastAt) ? scan.lastAt : Date.now();

    // What this reader may see; the header counts only that (no side door to other areas).
    const seen = access ? scopedFacts(access, store.facts) : store.facts;
    // A case's version is the number of its events applied.
    let eventsSeen = scan.events;
    if (access) {
      eventsSeen = 0;
      for (const id of seen.caseIds) eventsSeen += store.get(id)!.version;
    }
    const built = createMetrics({
      hierarchy: h, facts: seen, now, closeRateBase: base as CloseRateBase,
      ...categoryOptions(table.value).options, ...(loaded.coverage ? { coverage: loaded.coverage } : {}),
    });
    if (!built.ok) { io.err(`${built.errors.map((e) => formatIssue(e, lang)).join('\n')}\n`); return EXIT.problems; }
    const m = built.value;

    const when = new Date(now + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
    const header = [
      `${L(T.title)} — ${lang === 'en' ? h.nameEn(node) : h.name(node)} (${h.code(node)})`,
      `${L(T.asOf)} ${when} (+08:00); ${L(T.cases)} ${num(seen.length)}, ${L(T.events)} ${num(eventsSeen)}${skipped ? `; ${L(T.skipped)} ${num(skipped)}` : ''}`,
    ];
    const body = report(m, node, (by ?? 'none') as By | 'none', lang);
    if (p.values.json) io.out(`${JSON.stringify({ node: h.code(node), asOf: now, cases: seen.length, events: eventsSeen, skipped, ...body.data }, null, 2)}\n`);
    else io.out(`${header.join('\n')}\n\n${body.text}\n`);
    return skipped && store.facts.length === 0 ? EXIT.problems : EXIT.ok;
  },
};

/** The table for one `--by` choice, as text and as data. */
function report(m: Metrics, node: number, by: By | 'none', lang: Lang): { text: string; data: Record<string, unknown> } {
  const L = (t: LocalizedText) => t[lang];
  const defs = new Map(m.indicators.map((d) => [d.code, d]));
  const rate = (code: string, v: IndicatorValue | undefined) => show(defs.get(code)!, v);
  if (by === 'none') {
    const f = m.figures(node, { medians: true });
    const rows = m.indicators.map((d) => {
      const v = f.values[d.code];
      const parts = d.unit === 'count' || v.denominator === null ? '' : d.aggregate === 'median' ? `n = ${num(v.denominator)}` : `${num(v.numerator)} / ${num(v.denominator)}`;
      return [L(d.name), show(d, v), parts, d.note ? L(d.note) : ''];
    });
    return { text: columns([[L(T.indicator), L(T.value), L(T.parts), L(T.definition)], ...rows], true), data: { values: f.values } };
  }
  const codes = ['collected', 'closed', 'closeRate', 'onTimeCloseRate', 'overdue'];
  const head = codes.map((c) => L(defs.get(c)!.name));
  if (by === 'category' || by === 'child') {
    const rows = m.slice(node, { by, codes });
    const lines = rows.filter((r) => r.values.collected.numerator > 0).sort((a, b) => b.values.collected.numerator - a.values.collected.numerator || a.key - b.key)
      .map((r) => [L(r.label), ...codes.map((c) => rate(c, r.values[c]))]);
    return { text: columns([[L(by === 'child' ? T.child : T.category), ...head], ...lines]), data: { rows } };
  }
  if (by === 'level') {
    const rows = m.slice(node, { by: 'closedLevel', codes: ['closed'], empty: true });
    const total = rows.reduce((s, r) => s + r.values.closed.numerator, 0);
    let below = total;
    const lines = rows.map((r) => {
      const share = total ? `${((100 * r.values.closed.numerator) / total).toFixed(2)}%` : '—';
      const cum = total ? `${((100 * below) / total).toFixed(2)}%` : '—';
      below -= r.values.closed.numerator;
      return [L(r.label), num(r.values.closed.numerator), share, cum];
    });
    return { text: columns([[L(T.level), L(defs.get('closed')!.name), L(T.share), L(T.atOrBelow)], ...lines]), data: { rows } };
  }
  // by month: from the first month with a case in the node to the month of `now`, at most 120
  const last = periodOf(m.now, 'month');
  let first = last.key;
  const reported = m.facts.reportedAt;
  for (let i = 0; i < m.facts.length; i++) {
    const k = periodOf(reported[i], 'month').key;
    if (k < first) first = k;
  }
  const count = Math.min(120, last.key - first + 1);
  const series = m.series(node, { unit: 'month', to: last, count, codes });
  const lines = series.map((s) => [s.period.label, ...codes.map((c) => rate(c, s.values[c]))]);
  return { text: columns([[L(T.month), ...head], ...lines]), data: { series, from: describePeriod({ unit: 'month', key: last.key - count + 1 }).label } };
}
