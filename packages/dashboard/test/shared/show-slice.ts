// What the dashboard must show for a core dashboardSlice, figure by figure.
import { expect } from '@open-wc/testing';
import { INDICATORS, type JcDashboard } from '../../src/index.js';
import type { DashboardSlice } from '../../../core/src/metrics/index.js';
import { intl, root, seen, tableRows, text } from './helpers.js';

const zh = intl('zh-CN');

/** Checks every figure shown against the slice, with small counts suppressed below `min`. */
export function expectShowsSlice(el: JcDashboard, s: DashboardSlice, min: number) {
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

