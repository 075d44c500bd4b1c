// The dashboard fed by the core's own metrics on a small generated history: what it shows
// must equal what `dashboardSlice` computed, for the node selected by drill-down.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import { dashboardDataFromSlice, INDICATORS, type JcDashboard } from '../src/index.js';
// Core modules by path: the core's barrel also loads the case lifecycle (immer), which
// components never import.
import { buildHierarchy } from '../../core/src/hierarchy/build.js';
import { createCaseFacts, CASE_STATUSES } from '../../core/src/cases/facts.js';
import { createMetrics, dashboardSlice, type DashboardSlice, type Metrics } from '../../core/src/metrics/index.js';
import type { HierarchyConfig, NodeInput } from '../../core/src/hierarchy/types.js';
import { rng } from './fixtures.js';
import { intl, root, seen, tableRows, text } from './helpers.js';

const zh = intl('zh-CN');
const config: HierarchyConfig = {
  id: 'demo4',
  levels: [
    { id: 'city', name: { zh: '市', en: 'city' }, duties: [], code: { length: 12, significant: 4 } },
    { id: 'county', name: { zh: '县区', en: 'county' }, duties: [], code: { length: 12, significant: 6 } },
    { id: 'town', name: { zh: '镇街', en: 'town' }, duties: [], code: { length: 12, significant: 9 } },
    { id: 'village', name: { zh: '村居', en: 'village' }, duties: [], code: { length: 12, significant: 12 } },
  ],
};

function history(): Metrics {
  const nodes: NodeInput[] = [{ code: '350300000000', parent: null, level: 'city', name: '示范市' }];
  for (const c of ['02', '03', '04']) {
    const county = `3503${c}000000`;
    nodes.push({ code: county, parent: '350300000000', level: 'county', name: `${c}区` });
    for (const t of ['001', '002']) {
      const town = `3503${c}${t}000`;
      nodes.push({ code: town, parent: county, level: 'town', name: `${c}区${t}街道` });
      for (const v of ['001', '002', '003']) nodes.push({ code: `3503${c}${t}${v}`, parent: town, level: 'village', name: `${c}-${t}-${v}社区` });
    }
  }
  const built = buildHierarchy(config, nodes);
  if (!built.ok) throw new Error('hierarchy');
  const h = built.value;
  const villages = nodes.filter((n) => n.level === 'village').map((n) => h.indexOf(n.code));
  const towns = nodes.filter((n) => n.level === 'town').map((n) => h.indexOf(n.code));
  const r = rng(42);
  const N = 900, DAY = 86_400_000;
  const start = Date.parse('2024-01-01T00:00:00+08:00'), now = Date.parse('2024-07-01T00:00:00+08:00');
  const f = createCaseFacts(N);
  for (let i = 0; i < N; i++) {
    const at = start + Math.floor(r() * (now - start - DAY));
    f.node[i] = r() < 0.8 ? villages[Math.floor(r() * villages.length)] : towns[Math.floor(r() * towns.length)];
    f.category[i] = Math.floor(r() * 4);
    f.reportedAt[i] = at;
    f.registeredAt[i] = at + 3_600_000;
    f.dueAt[i] = at + 7 * DAY;
    const closeAt = at + Math.floor((1 + r() * 10) * DAY);
    if (r() < 0.93 && closeAt < now) {
      f.status[i] = CASE_STATUSES.indexOf('closed');
      f.closedAt[i] = closeAt;
      const l = r();
      f.closedLevel[i] = l < 0.6 ? 3 : l < 0.95 ? 2 : 1;
      f.satisfaction[i] = 1 + Math.floor(r() * 5);
    } else f.status[i] = CASE_STATUSES.indexOf('handling');
    f.caseIds.push(`c${i}`);
  }
  f.length = N;
  const m = createMetrics({
    hierarchy: h, facts: f, now, closeRateBase: 'collected', patrolledUnits: villages.slice(0, 11),
    categoryNames: [{ zh: '矛盾纠纷', en: 'disputes' }, { zh: '安全隐患', en: 'hazards' }, { zh: '生态环保', en: 'environment' }, { zh: '市容环境', en: 'cityscape' }],
  });
  if (!m.ok) throw new Error('metrics');
  return m.value;
}

const JUNE = { unit: 'month' as const, key: 2024 * 12 + 5 };
const OPTS = { trendRate: 'banjieRate', rankBy: 'banjieRate', trendMonths: 6 };

/** Checks every figure shown against the slice, with small counts suppressed below `min`. */
function expectShowsSlice(el: JcDashboard, s: DashboardSlice, min: number) {
  const count = (n: number) => (n > 0 && n < min ? '<5' : zh.int(n));
  const rate = (v: number | null, base: number | null) => (base !== null && base > 0 && base < min ? '—' : v === null ? '—' : zh.pct(v / 100));
  expect(text(root(el).querySelector('[part=heading]'))).to.equal(s.node.name.zh);
  const kpis = [...root(el).querySelectorAll('jc-kpi')].map((k) => seen(root(k).querySelector('[part=value]')));
  expect(kpis).to.deep.equal(INDICATORS.map((d) => {
    const k = s.kpis.find((x) => x.code === d.id)!;
    if (k.unit !== 'percent') { const c = count(k.value!); return c === '<5' ? c : `${c}件`; }
    return rate(k.value, k.denominator);
  }));
  expect(tableRows(root(el).querySelector('jc-trend')!)).to.deep.equal(s.trend.map((p) => [
    `${p.period.label.slice(0, 4)}年${+p.period.label.slice(5)}月`, count(p.collected), count(p.closed), rate(p.rate, p.collected),
  ]));
  const cats = root(el).querySelector('jc-breakdown.cats')!;
  expect([...root(cats).querySelectorAll('button.row')].map((r) => [text(r.querySelector('.label')), seen(r.querySelector('.value'))]))
    .to.deep.equal(s.breakdown.items.map((b) => [b.label.zh, count(b.collected)]));
  const ranking = root(el).querySelector('jc-ranking')!;
  // in the core's order; a suppressed rate is not ranked (its place would reveal it): last
  const hidden = (r: DashboardSlice['ranking']['rows'][number]) => r.value === null || (r.denominator! > 0 && r.denominator! < min);
  const order = [...s.ranking.rows.filter((r) => !hidden(r)), ...s.ranking.rows.filter(hidden)];
  expect([...root(ranking).querySelectorAll('button.row')].map((r) => [text(r.querySelector('.label')), seen(r.querySelector('.value'))]))
    .to.deep.equal(order.map((r) => [r.name.zh, rate(r.value, r.denominator)]));
  const levels = root(el).querySelector('jc-breakdown.levels')!;
  expect([...root(levels).querySelectorAll('li.row')].map((r) => seen(r.querySelector('.value'))))
    .to.deep.equal(s.levels.map((l) => (l.closed > 0 && l.closed < min ? '—' : l.share === null ? '—' : zh.pct(l.share / 100))));
  const village = s.levels.find((l) => l.level === 'village')!, town = s.levels.find((l) => l.level === 'town')!;
  expect([...root(el).querySelectorAll('.heads dd')].map((d) => seen(d)))
    .to.deep.equal([village, town].map((l) => (l.shareAtOrBelow === null ? '—' : zh.pct(l.shareAtOrBelow / 100))));
  expect([...root(el).querySelectorAll('table.cov tbody tr')].map((tr) => [...tr.children].map((c) => seen(c))))
    .to.deep.equal(s.coverage.map((c) => [c.name.zh, zh.int(c.numerator), zh.int(c.denominator!), zh.pct(c.value! / 100)]));
}

describe('<jc-dashboard> on the core’s dashboardSlice', () => {
  it('shows the core’s figures for the city and, after each drill-down, for the chosen child', async () => {
    const m = history();
    const h = m.hierarchy;
    let s = dashboardSlice(m, 0, JUNE, OPTS);
    const el = await fixture<JcDashboard>(html`<jc-dashboard style="inline-size: 1280px" .data=${dashboardDataFromSlice(s, { minCell: 5 })}></jc-dashboard>`);
    // the host's part of the loop: recompute for the selected node and pass the data back
    el.addEventListener('jc-select', (e) => {
      s = dashboardSlice(m, h.indexOf((e as CustomEvent<{ code: string }>).detail.code), JUNE, OPTS);
      el.data = dashboardDataFromSlice(s, { minCell: 5 });
    });
    await el.updateComplete;
    expectShowsSlice(el, s, 5);
    expect(s.kpis.find((k) => k.code === 'collected')!.value).to.be.above(100);
    for (const level of ['county', 'town', 'village']) {
      const ranking = root(el).querySelector('jc-ranking')!;
      const row = root(ranking).querySelector<HTMLButtonElement>('button.row')!;
      setTimeout(() => row.click());
      const ev = await oneEvent(el, 'jc-select');
      expect(ev.detail.code).to.equal(s.node.code);
      expect(s.node.level).to.equal(level);
      await el.updateComplete;
      expectShowsSlice(el, s, 5);
    }
  });
});
