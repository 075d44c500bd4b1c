import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import 'axe-core';
import type AxeCore from 'axe-core';
import '../../src/define.js';
import type { DashboardData, JcDashboard, JcExportDetail } from '../../src/index.js';
import { INDICATORS } from '../../src/index.js';
import { putianData, TOPICS } from '../shared/fixtures.js';
import { intl, root, seen, tableRows, text } from '../shared/helpers.js';

/** axe-core is a UMD script: imported for its side effect, it sets `window.axe`. */
const axe = (window as unknown as { axe: typeof AxeCore }).axe;
const zh = intl('zh-CN');
const en = intl('en-US');

async function dashboard(data: DashboardData, attrs: { lang?: string; theme?: string; mode?: string } = {}) {
  const el = await fixture<JcDashboard>(html`<jc-dashboard style="inline-size: 1280px" lang=${attrs.lang ?? 'zh'}
    theme=${attrs.theme ?? 'light'} mode=${attrs.mode ?? 'standard'} .topics=${TOPICS} .data=${data}></jc-dashboard>`);
  await el.updateComplete;
  return el;
}
const part = (el: JcDashboard, sel: string) => root(el).querySelector(sel)!;
const kpiValues = (el: JcDashboard) => [...root(el).querySelectorAll('jc-kpi')].map((k) => seen(root(k).querySelector('[part=value]')));

describe('<jc-dashboard> shows the figures it is given', () => {
  it('every KPI, trend point, category, child, level share and coverage figure equals the input', async () => {
    const data = putianData();
    const el = await dashboard(data);
    expect(text(part(el, '[part=heading]'))).to.equal('莆田市');
    expect(text(part(el, '.period'))).to.equal('2024年12月');
    expect(kpiValues(el)).to.deep.equal(INDICATORS.map((d) => {
      const v = data.kpis[d.id as keyof DashboardData['kpis']]!.value as number;
      return d.format === 'percent' ? zh.pct(v) : `${zh.int(v)}件`;
    }));
    const trend = part(el, 'jc-trend');
    expect(tableRows(trend)).to.deep.equal(data.trend.map((p) => {
      const [y, m] = p.period.split('-');
      return [`${y}年${+m}月`, zh.int(p.cases!), zh.int(p.closed!), zh.pct(p.rate!)];
    }));
    const cats = part(el, 'jc-breakdown.cats');
    const byValue = [...data.breakdown].sort((a, b) => b.value! - a.value!);
    expect([...root(cats).querySelectorAll('button.row')].map((r) => [text(r.querySelector('.label')), seen(r.querySelector('.value'))]))
      .to.deep.equal(byValue.map((b) => [b.label, zh.int(b.value!)]));
    const ranking = part(el, 'jc-ranking');
    const best = [...data.children].sort((a, b) => b.values.banjieRate! - a.values.banjieRate!);
    expect([...root(ranking).querySelectorAll('button.row')].map((r) => [text(r.querySelector('.label')), seen(r.querySelector('.value'))]))
      .to.deep.equal(best.map((c) => [c.name, zh.pct(c.values.banjieRate!)]));
    const levels = part(el, 'jc-breakdown.levels');
    expect([...root(levels).querySelectorAll('li.row')].map((r) => [text(r.querySelector('.label')), seen(r.querySelector('.value'))]))
      .to.deep.equal(data.levels.levels.map((l) => [l.label, zh.pct(l.share!)]));
    expect([...root(el).querySelectorAll('.heads dd')].map((d) => seen(d))).to.deep.equal([zh.pct(0.78), zh.pct(0.95)]);
    expect([...root(el).querySelectorAll('table.cov tbody tr')].map((tr) => [...tr.children].map((c) => seen(c))))
      .to.deep.equal(data.coverage.map((c) => [c.label, zh.int(c.value!), c.total == null ? '' : zh.int(c.total), c.rate == null ? '' : zh.pct(c.rate)]));
  });

  it('names the span the KPIs are compared over while the period is still running, in zh and en', async () => {
    const running = { ...putianData(), period: '2026', until: '2026-03-05 14:20' };
    const el = await dashboard(running);
    expect(text(part(el, '.period'))).to.equal('2026年 · 与上年同期比（截至 03-05 14:20）');
    expect(part(el, 'section').getAttribute('aria-describedby')).to.equal('span');
    expect(text(root(el).getElementById('span'))).to.equal('与上年同期比（截至 03-05 14:20）');
    el.data = { ...running, period: '2026-Q1' };
    await el.updateComplete;
    expect(text(part(el, '[part=span]'))).to.equal('与上季同期比（截至 03-05 14:20）');
    el.data = { ...running, period: '2026-03' };
    await el.updateComplete;
    expect(text(part(el, '[part=span]'))).to.equal('与上月同期比（截至 03-05 14:20）');
    const english = await dashboard(running, { lang: 'en' });
    expect(text(part(english, '.period'))).to.equal('2026 · vs. the same span last year (to 03-05 14:20)');
    expect(text(part(english, '.period'))).not.to.match(/\p{Script=Han}/u);
    // a whole period is compared whole: nothing more is said
    const whole = await dashboard(putianData());
    expect(root(whole).querySelector('[part=span]')).to.equal(null);
    expect(part(whole, 'section').hasAttribute('aria-describedby')).to.equal(false);
  });

  it('flags a coverage of zero in words, not as a quiet 0', async () => {
    const data = putianData();
    data.coverage.push({ id: 'patrolCoverage', label: '巡查覆盖率', value: 0, total: 9796, rate: 0 });
    const el = await dashboard(data);
    const rows = [...root(el).querySelectorAll('table.cov tbody tr')];
    expect(rows.filter((r) => r.classList.contains('zero')).map((r) => text(r.querySelector('th')))).to.deep.equal(['巡查覆盖率']);
    expect(text(root(el).querySelector('.flag'))).to.equal('⚠ 无覆盖：巡查覆盖率');
    el.lang = 'en';
    await el.updateComplete;
    expect(text(root(el).querySelector('.flag'))).to.equal('⚠ None covered: 巡查覆盖率');
  });

  it('shows suppressed figures as “<5”/“—” with the privacy note, never as 0', async () => {
    const data = putianData();
    data.kpis.overdue = { value: null, previous: 3 };
    data.breakdown[0].value = null;
    data.coverage[0].value = null;
    const el = await dashboard(data);
    expect(kpiValues(el)[4]).to.equal('<5');
    expect(seen(root(part(el, 'jc-breakdown.cats')).querySelectorAll('button.row')[9].querySelector('.value'))).to.equal('<5');
    expect(seen(root(el).querySelector('table.cov tbody tr td'))).to.equal('<5');
    expect(text(part(el, '.frame > .note'))).to.contain('并非 0');
    // one note for the page, not one per chart
    expect(root(part(el, 'jc-breakdown.cats')).querySelector('.note')).to.equal(null);
  });

  it('renders hostile names and labels as text', async () => {
    const data = putianData();
    const payload = '<img src=x onerror="window.__jcXss=1">';
    data.node.name = payload;
    data.breakdown[0].label = `<svg onload="window.__jcXss=1">`;
    data.children[0].name = `"><script>window.__jcXss=1</script>`;
    data.coverage[0].label = payload;
    const el = await dashboard(data);
    expect(text(part(el, '[part=heading]'))).to.equal(payload);
    const all = [el, ...root(el).querySelectorAll('jc-trend, jc-breakdown, jc-ranking, jc-kpi')];
    for (const e of all) expect(root(e).querySelector('img, script, svg[onload]')).to.equal(null);
    expect((window as unknown as { __jcXss?: number }).__jcXss).to.equal(undefined);
  });

  it('writes figures for English with English formats', async () => {
    const data = putianData();
    const el = await dashboard(data, { lang: 'en' });
    expect(text(part(el, '.period'))).to.equal('Dec 2024');
    expect(kpiValues(el)[0]).to.equal(en.int(data.kpis.collected!.value!));
    expect(kpiValues(el)[2]).to.equal(en.pct(data.kpis.banjieRate!.value!));
    expect(text(root(el).querySelector('legend'))).to.equal('Period');
    expect(tableRows(part(el, 'jc-trend'))[0][0]).to.equal('Jan 2015');
  });

  it('lets a host translate any string through i18n', async () => {
    const el = await dashboard(putianData());
    el.i18n = { banjieRate: '办结比例', exportCsv: '下载表格' };
    await el.updateComplete;
    expect(text(root(root(el).querySelectorAll('jc-kpi')[2]).querySelector('[part=label]'))).to.equal('办结比例');
    expect(text(part(el, '[part=export]'))).to.equal('下载表格');
  });
});

describe('<jc-dashboard> events: data flows one way', () => {
  it('drills down: a ranking row sends jc-select with the child code, by mouse and keyboard', async () => {
    const data = putianData();
    const before = JSON.stringify(data);
    const el = await dashboard(data);
    const rows = () => [...root(part(el, 'jc-ranking')).querySelectorAll<HTMLButtonElement>('button.row')];
    const second = rows()[1].dataset.code;
    setTimeout(() => rows()[1].click());
    expect((await oneEvent(el, 'jc-select')).detail).to.deep.equal({ code: second });
    rows()[0].focus();
    await sendKeys({ press: 'End' });
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    expect((await oneEvent(el, 'jc-select')).detail).to.deep.equal({ code: rows()[rows().length - 1].dataset.code });
    expect(JSON.stringify(data)).to.equal(before); // the dashboard never changes its data
  });

  it('sends jc-period from the period selector (keyboard) and jc-topic from the topic filter', async () => {
    const el = await dashboard(putianData());
    const month = root(el).querySelector<HTMLInputElement>('input[value=month]')!;
    month.focus();
    setTimeout(() => void sendKeys({ press: 'ArrowRight' }));
    expect((await oneEvent(el, 'jc-period')).detail).to.deep.equal({ period: 'quarter' });
    const topic = root(el).querySelector<HTMLSelectElement>('select[part=topic]')!;
    expect([...topic.options].map((o) => o.text)).to.deep.equal(['全部专题', '疫情防控', '安全生产', '生态环保']);
    topic.focus();
    setTimeout(() => void sendKeys({ press: 'ArrowDown' }));
    expect((await oneEvent(el, 'jc-topic')).detail).to.deep.equal({ topic: 'epidemic' });
    await el.updateComplete;
    expect(text(part(el, '.period'))).to.contain('疫情防控');
  });

  it('reaches every control with Tab', async () => {
    const el = await dashboard(putianData());
    const stops: string[] = [];
    const first = root(el).querySelector<HTMLInputElement>('input[value=month]')!;
    first.focus();
    for (let i = 0; i < 12; i++) {
      let a: Element | null = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      const host = (a?.getRootNode() as ShadowRoot).host;
      stops.push(`${host.localName}:${a!.localName}${a!.getAttribute('part') ? `[${a!.getAttribute('part')}]` : ''}`);
      await sendKeys({ press: 'Tab' });
    }
    expect(stops).to.deep.equal([
      'jc-dashboard:input', 'jc-dashboard:select[topic]', 'jc-dashboard:button[export]',
      'jc-trend:button[tool]', 'jc-trend:button[tool]',
      'jc-breakdown:button[tool]', 'jc-breakdown:button[tool]', 'jc-breakdown:button[row]',
      'jc-ranking:select[indicator]', 'jc-ranking:button[tool]', 'jc-ranking:button[tool]', 'jc-ranking:button[row]',
    ]);
  });

  it('exports the figures shown as CSV through jc-export, formulas neutralised', async () => {
    const data = putianData();
    data.breakdown[0].label = '=HYPERLINK("http://x")';
    const el = await dashboard(data);
    setTimeout(() => (part(el, '[part=export]') as HTMLButtonElement).click());
    const ev = await oneEvent<CustomEvent<JcExportDetail>>(el, 'jc-export');
    ev.preventDefault();
    expect(ev.detail.format).to.equal('csv');
    const csv = ev.detail.text!;
    const lines = csv.split('\r\n');
    expect(lines[0]).to.equal('核心指标');
    expect(lines[2]).to.equal(`采集案件,${data.kpis.collected!.value},${data.kpis.collected!.previous}`);
    expect(csv).to.contain(`${data.trend[5].period.replace('-', '年').replace(/年0?/, '年')}月,${data.trend[5].cases},${data.trend[5].closed},${data.trend[5].rate}`);
    expect(csv).to.contain(`"'=HYPERLINK(""http://x"")",${data.breakdown[0].value}`);
    expect(csv).to.contain(`${data.coverage[2].label},${data.coverage[2].value},${data.coverage[2].total},${data.coverage[2].rate}`);
    // the downloaded file starts with a UTF-8 byte order mark so that spreadsheets read Chinese
    const bytes = new Uint8Array(await ev.detail.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).to.equal('\ufeff' + csv);
  });
});

describe('<jc-dashboard> accessibility', () => {
  for (const [name, attrs] of [
    ['light', { theme: 'light' }], ['dark', { theme: 'dark' }], ['wall', { mode: 'wall', theme: '' }], ['English', { lang: 'en' }],
  ] as const) {
    it(`has no axe-core violations (${name})`, async () => {
      const data = putianData();
      data.kpis.overdue = { value: null, previous: 3 };
      const el = await dashboard(data, attrs);
      const r = await axe.run(el, { resultTypes: ['violations'] });
      expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).to.deep.equal([]);
    });
  }

  it('draws chart marks with at least 3:1 contrast against the background in light and dark', async () => {
    const lum = (c: string) => {
      const [r, g, b] = c.match(/[\d.]+/g)!.slice(0, 3).map((x) => +x / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: string, b: string) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    for (const theme of ['light', 'dark']) {
      const el = await dashboard(putianData(), { theme });
      const trend = part(el, 'jc-trend');
      const bg = getComputedStyle(trend).backgroundColor;
      const paths = [...root(trend).querySelectorAll('svg path')].slice(1).map((p) => getComputedStyle(p).stroke);
      const bar = getComputedStyle(root(part(el, 'jc-ranking')).querySelector('svg.bar rect')!).fill;
      for (const c of [...paths, bar]) expect(ratio(c, bg), `${theme} ${c} on ${bg}`).to.be.at.least(3);
    }
  });

  it('wall mode is large and dark unless a theme is set', async () => {
    const el = await dashboard(putianData(), { mode: 'wall', theme: '' });
    el.removeAttribute('theme');
    el.theme = undefined;
    el.mode = 'standard';
    await el.updateComplete;
    el.mode = 'wall';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    const kpi = root(el).querySelector('jc-kpi')!;
    expect(parseFloat(getComputedStyle(kpi).fontSize)).to.equal(18);
    expect(kpi.getAttribute('theme')).to.equal('dark');
    el.mode = 'standard';
    await el.updateComplete;
    expect(el.hasAttribute('theme')).to.equal(false);
    expect(parseFloat(getComputedStyle(root(el).querySelector('jc-kpi')!).fontSize)).to.equal(14);
  });

  it('wall mode on a 1920-wide screen: no text under 18 px, names wrap instead of being cut, one screen high', async () => {
    const el = await fixture<JcDashboard>(html`<jc-dashboard style="inline-size: 1900px" lang="en" mode="wall"
      .topics=${TOPICS} .data=${putianData()}></jc-dashboard>`);
    await el.updateComplete;
    // the charts redraw once their ResizeObserver has measured the wall's type size
    const trend = root(el).querySelector('jc-trend')!;
    await new Promise<void>((ok) => { const t = () => (root(trend).querySelector('svg text') ? ok() : requestAnimationFrame(t)); t(); });
    await new Promise<void>((ok) => { const t = () => (parseFloat(getComputedStyle(root(trend).querySelector('svg')!).fontSize) >= 18 ? ok() : requestAnimationFrame(t)); t(); });
    const sizes: [string, number][] = [];
    const cut: string[] = [];
    const walk = (r: ShadowRoot | Element) => {
      for (const e of r.querySelectorAll('*')) {
        if (e.shadowRoot) walk(e.shadowRoot);
        const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
        const box = e.getBoundingClientRect();
        if (!own || box.width <= 1 || box.height <= 1 || e.closest('.jc-visually-hidden')) continue;
        sizes.push([e.textContent.trim().slice(0, 30), parseFloat(getComputedStyle(e).fontSize)]);
        if (e.classList.contains('label') && e.scrollWidth > e.clientWidth + 1) cut.push(e.textContent.trim());
      }
    };
    walk(el.shadowRoot!);
    expect(sizes.filter(([, px]) => px < 18), 'text under 18 px').to.deep.equal([]);
    expect(cut, 'names cut short').to.deep.equal([]);
    expect(el.getBoundingClientRect().height, 'height of the whole dashboard').to.be.at.most(1080);
  });
});
