// <jc-dashboard> on the generated Putian (146,227 nodes) with a synthetic year of cases:
// the figures shown equal the core's dashboardSlice for the city and for the nodes reached
// by drilling down.
import '../shared/process-stub.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import { dashboardDataFromSlice, type JcDashboard } from '../../src/index.js';
import { buildHierarchy } from '../../../core/src/hierarchy/build.js';
import { createCaseFacts, CASE_STATUSES } from '../../../core/src/cases/facts.js';
import { createMetrics, dashboardSlice } from '../../../core/src/metrics/index.js';
import { generatePutian } from '../../../putian/src/generate.js';
import { rng } from '../shared/fixtures.js';
import { expectShowsSlice } from '../shared/show-slice.js';
import { root } from '../shared/helpers.js';

describe('<jc-dashboard> on the generated Putian', () => {
  it('shows the core’s figures for the city, a county and a town', async function () {
    this.timeout(60000);
    const putian = generatePutian({ seed: 1 });
    const built = buildHierarchy(putian.config, putian.nodes);
    if (!built.ok) throw new Error('hierarchy');
    const h = built.value;
    const UNIT = h.config.levels.length - 1;
    const units: number[] = [];
    for (let i = 0; i < h.size; i++) if (h.levelOf[i] === UNIT) units.push(i);
    const N = 44_000, HOUR = 3_600_000, r = rng(2025);
    const start = Date.parse('2025-01-01T00:00:00+08:00'), now = Date.parse('2026-01-01T00:00:00+08:00');
    const f = createCaseFacts(N);
    for (let i = 0; i < N; i++) {
      const at = start + r() * (now - start - 48 * HOUR);
      f.caseIds.push(`C${i}`);
      f.node[i] = units[Math.floor(r() * units.length)];
      f.category[i] = Math.floor(r() * 6);
      f.reportedAt[i] = at;
      f.registeredAt[i] = at + HOUR;
      f.dueAt[i] = at + 72 * HOUR;
      if (r() < 0.995) {
        f.status[i] = CASE_STATUSES.indexOf('closed');
        f.closedAt[i] = at + r() * 90 * HOUR;
        const l = r();
        f.closedLevel[i] = l < 0.5 ? UNIT - 1 : l < 0.8 ? UNIT - 2 : l < 0.97 ? UNIT - 3 : UNIT - 4;
        f.satisfaction[i] = 3 + Math.floor(r() * 3);
      } else f.status[i] = CASE_STATUSES.indexOf('handling');
    }
    f.length = N;
    const m = createMetrics({
      hierarchy: h, facts: f, now, closeRateBase: 'collected',
      categoryNames: ['矛盾纠纷', '治安隐患', '安全生产', '生态环保', '市容环境', '民生服务'].map((zh) => ({ zh, en: zh })),
    });
    if (!m.ok) throw new Error('metrics');
    const DEC = { unit: 'month' as const, key: 2025 * 12 + 11 };
    const OPTS = { trendRate: 'banjieRate', rankBy: 'banjieRate', trendMonths: 12 };
    let s = dashboardSlice(m.value, 0, DEC, OPTS);
    const el = await fixture<JcDashboard>(html`<jc-dashboard style="inline-size: 1280px" .data=${dashboardDataFromSlice(s, { minCell: 5 })}></jc-dashboard>`);
    el.addEventListener('jc-select', (e) => {
      s = dashboardSlice(m.value, h.indexOf((e as CustomEvent<{ code: string }>).detail.code), DEC, OPTS);
      el.data = dashboardDataFromSlice(s, { minCell: 5 });
    });
    await el.updateComplete;
    expect(s.node.name.zh).to.equal('莆田市');
    expect(s.ranking.rows.length).to.equal(7);
    expectShowsSlice(el, s, 5);
    for (const level of ['county', 'town']) {
      const row = root(root(el).querySelector('jc-ranking')!).querySelector<HTMLButtonElement>('button.row')!;
      setTimeout(() => row.click());
      await oneEvent(el, 'jc-select');
      await el.updateComplete;
      expect(s.node.level).to.equal(level);
      expectShowsSlice(el, s, 5);
    }
  });
});
