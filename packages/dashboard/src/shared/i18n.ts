/**
 * Every visible string of the dashboard elements, in Chinese (default) and English. A host
 * overrides any of them through the elements' `i18n` property (a partial object).
 * @module
 */

/**
 * The strings of the dashboard elements. Placeholders in braces (`{n}`) are filled in.
 *
 * @example
 * ```ts
 * const el = document.querySelector('jc-dashboard')!;
 * el.i18n = { banjieRate: '办结比例' } satisfies Partial<DashboardStrings>;
 * ```
 */
export interface DashboardStrings {
  collected: string;
  closed: string;
  banjieRate: string;
  onTimeCloseRate: string;
  overdue: string;
  satisfiedRate: string;
  countUnit: string;
  kpisTitle: string;
  /** What a running year's KPIs are compared with; `{to}` is where both spans end (`03-05 14:20`). */
  spanYear: string;
  /** The same, for a quarter. */
  spanQuarter: string;
  /** The same, for a month. */
  spanMonth: string;
  vsPrevious: string;
  up: string;
  down: string;
  flat: string;
  changeLine: string;
  flatLine: string;
  better: string;
  worse: string;
  noPrevious: string;
  noCompare: string;
  previousValue: string;
  points: string;
  suppressedCount: string;
  suppressedRate: string;
  missing: string;
  suppressedNote: string;
  suppressedShort: string;
  trendTitle: string;
  trendCases: string;
  trendClosed: string;
  trendSummary: string;
  empty: string;
  period: string;
  breakdownTitle: string;
  category: string;
  value: string;
  breakdownSummary: string;
  rankingTitle: string;
  rankBy: string;
  rank: string;
  name: string;
  lagging: string;
  rankingSummary: string;
  lagBelow: string;
  lagAbove: string;
  lagBottom: string;
  levelsTitle: string;
  withinVillage: string;
  withinTown: string;
  level: string;
  share: string;
  coverageTitle: string;
  /** Mark beside a coverage figure of zero. */
  noCoverage: string;
  item: string;
  total: string;
  rate: string;
  periodKind: string;
  month: string;
  quarter: string;
  year: string;
  topic: string;
  allTopics: string;
  exportCsv: string;
  exportChart: string;
  dataTable: string;
  indicator: string;
  current: string;
  previous: string;
  quarterLabel: string;
  yearLabel: string;
}

/**
 * The built-in translations.
 *
 * @example
 * ```ts
 * DASHBOARD_STRINGS.en.banjieRate; // 'Completion rate'
 * ```
 */
export const DASHBOARD_STRINGS: { zh: DashboardStrings; en: DashboardStrings } = {
  zh: {
    collected: '采集案件',
    closed: '办结案件',
    banjieRate: '办结率',
    onTimeCloseRate: '按期结案率',
    overdue: '超期在办',
    satisfiedRate: '满意率',
    countUnit: '件',
    kpisTitle: '核心指标',
    spanYear: '与上年同期比（截至 {to}）',
    spanQuarter: '与上季同期比（截至 {to}）',
    spanMonth: '与上月同期比（截至 {to}）',
    vsPrevious: '较上期',
    up: '上升',
    down: '下降',
    flat: '持平',
    changeLine: '较上期{dir} {abs}{rel}',
    flatLine: '与上期持平',
    better: '向好',
    worse: '变差',
    noPrevious: '无上期数据',
    noCompare: '无法比较',
    previousValue: '上期 {v}',
    points: '{n} 个百分点',
    suppressedCount: '<5',
    suppressedRate: '—',
    missing: '—',
    suppressedNote: '“<5”与“—”表示该数字所依据的案件少于 5 件，为保护个人隐私不予显示，并非 0。',
    suppressedShort: '少于 5 件，已隐藏',
    trendTitle: '案件趋势',
    trendCases: '采集数',
    trendClosed: '办结数',
    trendSummary: '{from}至{to}，每期采集 {min} 至 {max} 件；最近一期（{last}）采集 {cases} 件，办结率 {rate}。',
    empty: '暂无数据',
    period: '周期',
    breakdownTitle: '类别分布',
    category: '类别',
    value: '数值',
    breakdownSummary: '共 {n} 个类别，最多的是{top}（{topValue}），最少的是{bottom}（{bottomValue}）。',
    rankingTitle: '下级排名',
    rankBy: '排序指标',
    rank: '名次',
    name: '名称',
    lagging: '落后',
    rankingSummary: '{n} 个下级按{indicator}排序；落后 {k} 个{names}。{rule}',
    lagBelow: '低于 {t} 为落后。',
    lagAbove: '高于 {t} 为落后。',
    lagBottom: '末 {n} 名为落后（须比中位数差 {gap}及以上）。',
    levelsTitle: '各级办结占比',
    withinVillage: '小事不出村',
    withinTown: '大事不出镇',
    level: '层级',
    share: '占比',
    coverageTitle: '组织覆盖',
    noCoverage: '无覆盖',
    item: '项目',
    total: '总数',
    rate: '覆盖率',
    periodKind: '统计周期',
    month: '月',
    quarter: '季',
    year: '年',
    topic: '专题',
    allTopics: '全部专题',
    exportCsv: '导出 CSV',
    exportChart: '导出{title}',
    dataTable: '{title}数据表',
    indicator: '指标',
    current: '本期',
    previous: '上期',
    quarterLabel: '{y}年第{q}季度',
    yearLabel: '{y}年',
  },
  en: {
    collected: 'Cases collected',
    closed: 'Cases closed',
    banjieRate: 'Completion rate',
    onTimeCloseRate: 'On-time close rate',
    overdue: 'Overdue',
    satisfiedRate: 'Satisfaction rate',
    countUnit: '',
    kpisTitle: 'Key figures',
    spanYear: 'vs. the same span last year (to {to})',
    spanQuarter: 'vs. the same span last quarter (to {to})',
    spanMonth: 'vs. the same span last month (to {to})',
    vsPrevious: 'vs previous period',
    up: 'up',
    down: 'down',
    flat: 'unchanged',
    changeLine: '{dir} {abs}{rel} vs previous',
    flatLine: 'unchanged vs previous',
    better: 'better',
    worse: 'worse',
    noPrevious: 'no previous figure',
    noCompare: 'not comparable',
    previousValue: 'previous {v}',
    points: '{n} pp',
    suppressedCount: '<5',
    suppressedRate: '—',
    missing: '—',
    suppressedNote: '“<5” and “—” mark figures based on fewer than 5 cases, hidden to protect privacy; they are not zero.',
    suppressedShort: 'fewer than 5 cases, hidden',
    trendTitle: 'Case trend',
    trendCases: 'Collected',
    trendClosed: 'Closed',
    trendSummary: '{from} to {to}: {min} to {max} cases collected per period; in the latest ({last}) {cases} cases, completion rate {rate}.',
    empty: 'No data',
    period: 'Period',
    breakdownTitle: 'Cases by category',
    category: 'Category',
    value: 'Value',
    breakdownSummary: '{n} categories; the largest is {top} ({topValue}), the smallest {bottom} ({bottomValue}).',
    rankingTitle: 'Ranking of sub-areas',
    rankBy: 'Rank by',
    rank: 'Rank',
    name: 'Name',
    lagging: 'Lagging',
    rankingSummary: '{n} sub-areas ranked by {indicator}; {k} lagging{names}. {rule}',
    lagBelow: 'Below {t} is lagging.',
    lagAbove: 'Above {t} is lagging.',
    lagBottom: 'The bottom {n} are lagging (only if {gap} or more worse than the median).',
    levelsTitle: 'Share closed at each level',
    withinVillage: 'Small matters kept in the village',
    withinTown: 'Major matters kept in the town',
    level: 'Level',
    share: 'Share',
    coverageTitle: 'Organisation coverage',
    noCoverage: 'None covered',
    item: 'Item',
    total: 'Total',
    rate: 'Coverage',
    periodKind: 'Period',
    month: 'Month',
    quarter: 'Quarter',
    year: 'Year',
    topic: 'Topic',
    allTopics: 'All topics',
    exportCsv: 'Export CSV',
    exportChart: 'Export {title} as',
    dataTable: '{title}: data table',
    indicator: 'Indicator',
    current: 'This period',
    previous: 'Previous period',
    quarterLabel: 'Q{q} {y}',
    yearLabel: '{y}',
  },
};

/** Fills `{key}` placeholders: the shared `fill` of `@jiceng/ui`. @example `fill('{n} 个', { n: 3 }); // '3 个'` */
export { fill } from '@jiceng/ui';
