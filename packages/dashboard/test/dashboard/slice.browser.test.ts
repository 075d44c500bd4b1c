// The dashboard fed by the core's own metrics on a small generated history: what it shows
// must equal what `dashboardSlice` computed, for the node selected by drill-down.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import { dashboardDataFromSlice, type JcDashboard } from '../../src/index.js';
// Core modules by path: the core's barrel also loads the case lifecycle (immer), which
// components never import.
import { buildHierarchy } from '../../../core/src/hierarchy/build.js';
import { createCaseFacts, CASE_STATUSES } from '../../../core/src/cases/facts.js';
import { createMetrics, dashboardSlice, type Metrics } from '../../../core/src/metrics/index.js';
import type { HierarchyConfig, NodeInput } from '../../../core/src/hierarchy/types.js';
import { rng } from '../shared/fixtures.js';
import { root } from '../shared/helpers.js';
import { expectShowsSlice } from '../shared/show-slice.js';

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

  it('a slice to a point in time says it is compared with the same span of the month before', async () => {
    const until = Date.parse('2024-06-20T09:30:00+08:00');
    const s = dashboardSlice(history(), 0, JUNE, { ...OPTS, until });
    const data = dashboardDataFromSlice(s, { lang: 'en' });
    expect(data.until).to.equal('2024-06-20 09:30');
    const el = await fixture<JcDashboard>(html`<jc-dashboard lang="en" style="inline-size: 1280px" .data=${data}></jc-dashboard>`);
    expect(root(el).querySelector('[part=span]')!.textContent).to.equal('vs. the same span last month (to 06-20 09:30)');
    expect(dashboardDataFromSlice(dashboardSlice(history(), 0, JUNE, OPTS)).until).to.equal(undefined);
  });
});
