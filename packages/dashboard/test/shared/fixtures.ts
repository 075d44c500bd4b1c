/**
 * Putian-like dashboard data for tests, stories, screenshots and the benchmark: a
 * deterministic generator (no randomness between runs) with realistic sizes — ten years of
 * monthly trend, ten categories, the real districts of Putian as children.
 */
import type { DashboardData, RankingItem, TrendPoint } from '../../src/shared/types.js';

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PUTIAN_DISTRICTS: [string, string][] = [
  ['350302000000', '城厢区'], ['350303000000', '涵江区'], ['350304000000', '荔城区'],
  ['350305000000', '秀屿区'], ['350322000000', '仙游县'], ['3503B1000000', '湄洲岛国家旅游度假区'],
  ['3503B2000000', '北岸经济开发区'],
];

export const CATEGORIES: [string, string][] = [
  ['dispute', '矛盾纠纷'], ['security', '治安隐患'], ['safety', '安全生产'], ['environment', '生态环保'],
  ['cityscape', '市容环境'], ['livelihood', '民生服务'], ['epidemic', '疫情防控'], ['fire', '消防安全'],
  ['traffic', '道路交通'], ['other', '其他事项'],
];

export const TOPICS = [
  { id: 'epidemic', label: '疫情防控' }, { id: 'safety', label: '安全生产' }, { id: 'environment', label: '生态环保' },
];

/** Children names for a node below the city. */
function childrenOf(code: string, name: string, n: number): [string, string][] {
  return Array.from({ length: n }, (_, i) => [`${code.slice(0, 9)}${String(i + 1).padStart(3, '0')}`, `${name}第${i + 1}片区`]);
}

/**
 * Dashboard data for a node: `scale` is the node's share of the city's cases.
 */
export function putianData(opts: { code?: string; name?: string; seed?: number; months?: number; scale?: number; children?: [string, string][] } = {}): DashboardData {
  const { code = '350300000000', name = '莆田市', seed = 7, months = 120, scale = 1 } = opts;
  const r = rng(seed);
  const trend: TrendPoint[] = [];
  const perMonth = 4446 * scale;
  for (let i = 0; i < months; i++) {
    const y = 2015 + Math.floor(i / 12), m = (i % 12) + 1;
    const season = 1 + 0.12 * Math.sin((m / 12) * 2 * Math.PI) + 0.1 * Math.sin(i / 17);
    const cases = Math.round(perMonth * season * (0.9 + 0.2 * r()));
    const rate = Math.min(1, 0.984 + 0.007 * Math.sin(i / 9) + 0.004 * r() + i * 0.00004);
    const closed = Math.round(cases * rate);
    trend.push({ period: `${y}-${String(m).padStart(2, '0')}`, cases, closed, rate: closed / cases });
  }
  const last = trend[trend.length - 1], prev = trend[trend.length - 2];
  const kids = opts.children ?? (code === '350300000000' ? PUTIAN_DISTRICTS : childrenOf(code, name, 12));
  const children: RankingItem[] = kids.map(([c, n]) => {
    const collected = Math.round((last.cases as number) / kids.length * (0.5 + r()));
    const closeRate = 0.96 + 0.04 * r();
    return {
      code: c, name: n,
      values: {
        collected, closed: Math.round(collected * closeRate), banjieRate: closeRate,
        onTimeCloseRate: 0.9 + 0.09 * r(), overdue: Math.round(collected * 0.01 * r()), satisfiedRate: 0.93 + 0.06 * r(),
      },
    };
  });
  const weights = CATEGORIES.map(() => 0.2 + r());
  const wsum = weights.reduce((a, b) => a + b, 0);
  return {
    node: { code, name },
    period: last.period,
    kpis: {
      collected: { value: last.cases, previous: prev.cases },
      closed: { value: last.closed, previous: prev.closed },
      banjieRate: { value: last.rate, previous: prev.rate },
      onTimeCloseRate: { value: 0.962, previous: 0.958 },
      overdue: { value: Math.round((last.cases as number) * 0.004), previous: Math.round((prev.cases as number) * 0.005) },
      satisfiedRate: { value: 0.978, previous: 0.981 },
    },
    trend,
    breakdown: CATEGORIES.map(([c, l], i) => ({ code: c, label: l, value: Math.round((last.cases as number) * weights[i] / wsum) })),
    children,
    levels: {
      levels: [
        { level: 'unit', label: '单元', closed: Math.round((last.closed as number) * 0.08), share: 0.08 },
        { level: 'grid', label: '网格', closed: Math.round((last.closed as number) * 0.36), share: 0.36 },
        { level: 'village', label: '村居', closed: Math.round((last.closed as number) * 0.34), share: 0.34 },
        { level: 'town', label: '镇街', closed: Math.round((last.closed as number) * 0.17), share: 0.17 },
        { level: 'county', label: '县区', closed: Math.round((last.closed as number) * 0.04), share: 0.04 },
        { level: 'city', label: '市', closed: Math.round((last.closed as number) * 0.01), share: 0.01 },
      ],
      withinVillage: 0.78, withinTown: 0.95,
    },
    coverage: [
      { id: 'grid-branches', label: '网格党支部', value: 7025 },
      { id: 'unit-groups', label: '单元党小组', value: 5904 },
      { id: 'party-grid-heads', label: '党员网格长', value: 6807, total: 9796, rate: 6807 / 9796 },
      { id: 'party-unit-heads', label: '党员单元长', value: 24047, total: 119507, rate: 24047 / 119507 },
      { id: 'vanguard-posts', label: '党员先锋岗', value: 1710 },
      { id: 'governance-centres', label: '社会治理中心', value: 1035, total: 1035, rate: 1 },
    ],
  };
}
