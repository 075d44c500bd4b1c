/**
 * The built-in measures and indicators, as data. Formulas follow the national
 * digital-urban-management practice (结案率 = closed / due-to-close; checked against
 * Tianmen's 2016-12 bulletin) and Putian's headline 办结率 (closed / all collected).
 * @module
 */
import { argumentError, isList, isObject } from '../errors/args.js';
import type { LocalizedText } from '../errors/errors.js';
import type { LevelDef } from '../hierarchy/types.js';
import type { Expr, MeasureDef } from './measure.js';

/** How an indicator's value reads. @example `const u: IndicatorUnit = 'percent';` */
export type IndicatorUnit = 'count' | 'percent' | 'hours' | 'score';

/**
 * An indicator: a ratio of two measures (or a plain count, or the median of a measure's
 * values), with its unit. Measures may be case measures or node measures (patrol,
 * organisation coverage).
 *
 * @example
 * ```ts
 * const closeRate: IndicatorDef = {
 *   code: 'closeRate', name: { zh: '结案率', en: 'close rate' }, unit: 'percent',
 *   numerator: 'closed', denominator: 'dueToClose', better: 'higher',
 * };
 * ```
 */
export interface IndicatorDef {
  code: string;
  name: LocalizedText;
  unit: IndicatorUnit;
  /** Measure code of the numerator (for a median: the measure whose values are the sample). */
  numerator: string;
  /** Measure code of the denominator; omitted for counts and medians. */
  denominator?: string;
  /** `'median'`: computed on demand from the rows (not additive, so not in whole-tree columns). */
  aggregate?: 'ratio' | 'median';
  /** Which direction is good (used by rankings and composite scores). */
  better?: 'higher' | 'lower';
  /** How it is defined, in words (states the denominator). */
  note?: LocalizedText;
}

/** The denominators 办结率 may use. @example `const b: CloseRateBase = 'collected'; // Putian's published figure` */
export type CloseRateBase = 'collected' | 'registered' | 'dueToClose';

const H = 3_600_000;
const age: Expr = { div: [{ sub: ['asOf', 'reportedAt'] }, H] };

/**
 * Backlog age buckets in hours, `[from, to)`: under 1 day, 1–3 days, 3–7 days, 7–30 days,
 * 30 days and more (age = as-of time − reported time, open cases only).
 *
 * @example
 * ```ts
 * BACKLOG_BUCKETS.map((b) => b.code); // ['backlog:lt1d', 'backlog:1to3d', …]
 * ```
 */
export const BACKLOG_BUCKETS: readonly { code: string; name: LocalizedText; from: number; to: number }[] = [
  { code: 'backlog:lt1d', name: { zh: '积压不足1天', en: 'open < 1 day' }, from: 0, to: 24 },
  { code: 'backlog:1to3d', name: { zh: '积压1-3天', en: 'open 1–3 days' }, from: 24, to: 72 },
  { code: 'backlog:3to7d', name: { zh: '积压3-7天', en: 'open 3–7 days' }, from: 72, to: 168 },
  { code: 'backlog:7to30d', name: { zh: '积压7-30天', en: 'open 7–30 days' }, from: 168, to: 720 },
  { code: 'backlog:ge30d', name: { zh: '积压30天以上', en: 'open ≥ 30 days' }, from: 720, to: 1e15 },
];

const n = (zh: string, en: string): LocalizedText => ({ zh, en });

/**
 * The built-in case measures. `closedAtOrBelow:<level id>` is generated for every level of
 * the hierarchy configuration (closed by a body of that level or a lower one).
 *
 * @example
 * ```ts
 * const measures = builtinMeasures(hierarchy.config.levels);
 * measures.find((m) => m.code === 'dueToClose');
 * ```
 */
export function builtinMeasures(levels: readonly LevelDef[]): MeasureDef[] {
  if (!isList(levels) || levels.length === 0 || levels.some((l) => !isObject(l) || typeof l.id !== 'string' || !isObject(l.name))) {
    throw argumentError('builtinMeasures', 'levels', { zh: '层级定义数组（config.levels）', en: 'an array of level definitions (config.levels)' });
  }
  const base: MeasureDef[] = [
    { code: 'collected', name: n('采集数', 'collected'), where: { always: true } },
    { code: 'registered', name: n('立案数', 'registered'), where: { by: 'registeredAt' } },
    { code: 'closed', name: n('办结数', 'closed'), where: { by: 'closedAt' } },
    { code: 'open', name: n('在办数', 'open'), where: { all: [{ ref: 'registered' }, { not: { ref: 'closed' } }, { not: { status: ['rejected', 'duplicate', 'void'] } }] } },
    { code: 'overdue', name: n('超期在办数', 'overdue'), where: { all: [{ ref: 'open' }, { cmp: ['dueAt', '<', 'asOf'] }] } },
    { code: 'dueToClose', name: n('应结案数', 'due to close'), where: { all: [{ ref: 'registered' }, { not: { status: ['duplicate', 'void'] } }, { any: [{ ref: 'closed' }, { cmp: ['dueAt', '<=', 'asOf'] }] }] } },
    { code: 'closedOnTime', name: n('按期结案数', 'closed on time'), where: { all: [{ ref: 'closed' }, { not: { cmp: ['closedAt', '>', 'dueAt'] } }] } },
    { code: 'reworked', name: n('返工案件数', 'reworked'), where: { all: [{ ref: 'dueToClose' }, { cmp: ['rework', '>', 0] }] } },
    { code: 'handled', name: n('处置数', 'handled'), where: { by: 'handledAt' } },
    { code: 'handledOnTime', name: n('按时处置数', 'handled on time'), where: { all: [{ ref: 'handled' }, { not: { cmp: ['handledAt', '>', 'dueAt'] } }] } },
    { code: 'dispatched', name: n('派遣数', 'dispatched'), where: { by: 'dispatchedAt' } },
    { code: 'dispatchedOnTime', name: n('及时派遣数', 'dispatched on time'), where: { all: [{ ref: 'dispatched' }, { not: { cmp: ['dispatchedAt', '>', 'dispatchDueAt'] } }] } },
    { code: 'handlingTimed', name: n('有处置时长的案件数', 'cases with a handling time'), where: { all: [{ ref: 'handled' }, { ref: 'dispatched' }] } },
    { code: 'handlingHours', name: n('处置时长合计(小时)', 'handling hours, total'), where: { ref: 'handlingTimed' }, value: { div: [{ sub: ['handledAt', 'dispatchedAt'] }, H] } },
    { code: 'closeHours', name: n('办结时长合计(小时)', 'hours to close, total'), where: { ref: 'closed' }, value: { div: [{ sub: ['closedAt', 'reportedAt'] }, H] } },
    { code: 'rated', name: n('回访评价数', 'rated'), where: { cmp: ['satisfaction', '>', 0] } },
    { code: 'satisfactionSum', name: n('满意度合计', 'satisfaction, total'), where: { ref: 'rated' }, value: 'satisfaction' },
    { code: 'satisfied', name: n('满意数', 'satisfied'), where: { cmp: ['satisfaction', '>=', 4] } },
    { code: 'escalated', name: n('上报案件数', 'escalated'), where: { all: [{ ref: 'registered' }, { cmp: ['escalations', '>', 0] }] } },
  ];
  const perLevel: MeasureDef[] = levels.map((l, k) => ({
    code: `closedAtOrBelow:${l.id}`,
    name: n(`${l.name.zh}及以下办结数`, `closed at ${l.name.en} level or below`),
    where: { all: [{ ref: 'closed' }, { cmp: ['closedLevel', '>=', k] }] },
  }));
  const backlog: MeasureDef[] = BACKLOG_BUCKETS.map((b) => ({
    code: b.code, name: b.name,
    where: { all: [{ ref: 'open' }, { cmp: [age, '>=', b.from] }, { cmp: [age, '<', b.to] }] },
  }));
  return [...base, ...perLevel, ...backlog];
}

const BASE_NAMES: Record<CloseRateBase, LocalizedText> = {
  collected: n('采集总数', 'all collected'),
  registered: n('立案数', 'registered'),
  dueToClose: n('应结案数', 'due to close'),
};

/**
 * The built-in indicators. 办结率 (`banjieRate`) divides by the chosen base, and its note
 * says which; Putian's published 99.46 % uses `'collected'`.
 *
 * @example
 * ```ts
 * const inds = builtinIndicators(hierarchy.config.levels, 'collected');
 * inds.find((d) => d.code === 'banjieRate')!.note!.en; // 'closed / all collected'
 * ```
 */
export function builtinIndicators(levels: readonly LevelDef[], base: CloseRateBase = 'registered'): IndicatorDef[] {
  if (!isList(levels) || levels.length === 0 || levels.some((l) => !isObject(l) || typeof l.id !== 'string' || !isObject(l.name))) {
    throw argumentError('builtinIndicators', 'levels', { zh: '层级定义数组（config.levels）', en: 'an array of level definitions (config.levels)' });
  }
  if (base !== 'registered' && base !== 'collected' && base !== 'dueToClose') throw argumentError('builtinIndicators', 'base', { zh: ' registered、collected 或 dueToClose', en: 'registered, collected or dueToClose' });
  const pct = (code: string, zh: string, en: string, num: string, den: string, better: 'higher' | 'lower' = 'higher', note?: LocalizedText): IndicatorDef =>
    ({ code, name: n(zh, en), unit: 'percent', numerator: num, denominator: den, better, ...(note ? { note } : {}) });
  const count = (code: string, zh: string, en: string, better?: 'higher' | 'lower'): IndicatorDef =>
    ({ code, name: n(zh, en), unit: 'count', numerator: code, ...(better ? { better } : {}) });
  const inds: IndicatorDef[] = [
    count('collected', '采集数', 'collected'),
    count('registered', '立案数', 'registered'),
    count('closed', '办结数', 'closed', 'higher'),
    count('open', '在办数', 'open', 'lower'),
    count('overdue', '超期在办数', 'overdue', 'lower'),
    count('dueToClose', '应结案数', 'due to close'),
    pct('banjieRate', '办结率', 'completion rate', 'closed', base, 'higher',
      n(`办结数 / ${BASE_NAMES[base].zh}`, `closed / ${BASE_NAMES[base].en}`)),
    pct('closeRate', '结案率', 'close rate', 'closed', 'dueToClose', 'higher', n('结案数 / 应结案数', 'closed / due to close')),
    pct('onTimeCloseRate', '按期结案率', 'on-time close rate', 'closedOnTime', 'dueToClose', 'higher', n('按期结案数 / 应结案数', 'closed on time / due to close')),
    pct('reworkRate', '返工率', 'rework rate', 'reworked', 'dueToClose', 'lower', n('返工案件数 / 应结案数', 'reworked cases / due to close')),
    pct('onTimeHandleRate', '按时处置率', 'on-time handling rate', 'handledOnTime', 'handled', 'higher', n('按时处置数 / 处置数', 'handled on time / handled')),
    pct('onTimeDispatchRate', '及时派遣率', 'timely dispatch rate', 'dispatchedOnTime', 'dispatched', 'higher', n('及时派遣数 / 派遣数', 'dispatched on time / dispatched')),
    pct('satisfiedRate', '回访满意率', 'satisfaction rate', 'satisfied', 'rated', 'higher', n('满意(4-5分)数 / 回访评价数', 'rated 4–5 / rated')),
    { code: 'satisfaction', name: n('平均满意度', 'mean satisfaction'), unit: 'score', numerator: 'satisfactionSum', denominator: 'rated', better: 'higher', note: n('1-5分', '1–5 scale') },
    { code: 'avgHandlingHours', name: n('平均处置时长', 'mean handling time'), unit: 'hours', numerator: 'handlingHours', denominator: 'handlingTimed', better: 'lower', note: n('派遣至处置完毕', 'dispatch to handled') },
    { code: 'avgCloseHours', name: n('平均办结时长', 'mean time to close'), unit: 'hours', numerator: 'closeHours', denominator: 'closed', better: 'lower', note: n('采集至办结', 'reported to closed') },
    { code: 'medianHandlingHours', name: n('处置时长中位数', 'median handling time'), unit: 'hours', numerator: 'handlingHours', aggregate: 'median', better: 'lower' },
    { code: 'medianCloseHours', name: n('办结时长中位数', 'median time to close'), unit: 'hours', numerator: 'closeHours', aggregate: 'median', better: 'lower' },
    ...levels.map((l): IndicatorDef => pct(`closedAtOrBelowShare:${l.id}`, `${l.name.zh}及以下办结占比`, `share closed at ${l.name.en} level or below`,
      `closedAtOrBelow:${l.id}`, 'closed', 'higher')),
    ...BACKLOG_BUCKETS.map((b): IndicatorDef => ({ code: b.code, name: b.name, unit: 'count', numerator: b.code, better: 'lower' })),
    pct('patrolCoverage', '单元巡查覆盖率', 'unit patrol coverage', 'patrolledUnits', 'units', 'higher', n('已巡查单元数 / 单元数', 'units patrolled / units')),
  ];
  return inds;
}

/**
 * A composite score: a weighted mean of indicator scores (0–100) and grade thresholds.
 * A percent indicator scores its value (or 100 − value when lower is better); other units
 * need `zero` and `full` (the values scoring 0 and 100, linear between, clamped).
 *
 * @example
 * ```ts
 * const score: CompositeDef = {
 *   code: 'assessment', name: { zh: '综合考评', en: 'assessment' },
 *   parts: [{ indicator: 'closeRate', weight: 0.6 }, { indicator: 'avgCloseHours', weight: 0.4, zero: 240, full: 24 }],
 *   grades: DEFAULT_GRADES,
 * };
 * ```
 */
export interface CompositeDef {
  code: string;
  name: LocalizedText;
  parts: { indicator: string; weight: number; zero?: number; full?: number }[];
  /** Highest threshold first; the first whose `min` the score reaches is the grade. */
  grades: { grade: string; min: number }[];
}

/** A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below. @example `DEFAULT_GRADES[0] // { grade: 'A', min: 90 }` */
export const DEFAULT_GRADES: { grade: string; min: number }[] = [
  { grade: 'A', min: 90 }, { grade: 'B', min: 75 }, { grade: 'C', min: 60 }, { grade: 'D', min: 40 }, { grade: 'E', min: -Infinity },
];

/**
 * A default assessment: 结案率 30 %, 按期结案率 30 %, 返工率 15 % (lower is better),
 * 回访满意率 15 %, 及时派遣率 10 %.
 *
 * @example
 * ```ts
 * metrics.score(0, DEFAULT_COMPOSITE); // { score: 87.2, grade: 'B', parts: [...] }
 * ```
 */
export const DEFAULT_COMPOSITE: CompositeDef = {
  code: 'assessment',
  name: n('综合考评', 'overall assessment'),
  parts: [
    { indicator: 'closeRate', weight: 30 },
    { indicator: 'onTimeCloseRate', weight: 30 },
    { indicator: 'reworkRate', weight: 15 },
    { indicator: 'satisfiedRate', weight: 15 },
    { indicator: 'onTimeDispatchRate', weight: 10 },
  ],
  grades: DEFAULT_GRADES,
};
