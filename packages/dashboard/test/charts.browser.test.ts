import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { JcBreakdown, JcKpi, JcRanking, JcTrend, RankingItem, TrendPoint } from '../src/index.js';
import { intl, root, seen, tableRows, text } from './shared/helpers.js';

const { int: zhIntF, pct: zhPct } = intl('zh-CN');
const zhInt = { format: zhIntF };

describe('<jc-kpi>', () => {
  it('shows the figure, the previous one, and the change with an arrow and in words', async () => {
    const el = await fixture<JcKpi>(html`<jc-kpi label="受理案件" unit="件" .value=${4410} .previous=${4302}></jc-kpi>`);
    expect(text(root(el).querySelector('[part=value]'))).to.equal(`${zhInt.format(4410)}件`);
    const delta = root(el).querySelector('[part=delta]')!;
    expect(text(delta.querySelector('.arrow'))).to.equal('▲');
    expect(delta.querySelector('.arrow')!.getAttribute('aria-hidden')).to.equal('true');
    expect(text(delta)).to.contain('上升 +108').and.contain('+2.5%').and.contain('向好');
    expect(text(root(el).querySelector('.prev'))).to.equal(`上期 ${zhInt.format(4302)}`);
  });

  it('says “worse” when a lower-is-better figure rises, and writes rate changes in points', async () => {
    const over = await fixture<JcKpi>(html`<jc-kpi label="超期" better="lower" .value=${12} .previous=${9}></jc-kpi>`);
    expect(text(root(over).querySelector('[part=delta]'))).to.contain('变差');
    expect(root(over).querySelector('[part=delta]')!.classList.contains('bad')).to.equal(true);
    const rate = await fixture<JcKpi>(html`<jc-kpi label="办结率" format="percent" .value=${0.995} .previous=${0.991}></jc-kpi>`);
    expect(text(root(rate).querySelector('[part=value]'))).to.equal(zhPct(0.995));
    expect(text(root(rate).querySelector('[part=delta]'))).to.contain('+0.4 个百分点');
  });

  it('shows a suppressed figure as “<5” with an explanation, never as 0', async () => {
    const el = await fixture<JcKpi>(html`<jc-kpi label="超期" .value=${null} .previous=${7}></jc-kpi>`);
    const v = root(el).querySelector('[part=value]')!;
    expect(seen(v)).to.equal('<5');
    expect(text(v)).not.to.match(/^0/);
    expect(text(v)).to.contain('少于 5 件');
    expect(text(root(el).querySelector('.note'))).to.contain('并非 0');
    expect(text(root(el).querySelector('[part=delta]'))).to.contain('无法比较');
    const first = await fixture<JcKpi>(html`<jc-kpi label="采集" .value=${12}></jc-kpi>`);
    expect(text(root(first).querySelector('[part=delta]'))).to.equal('较上期 无上期数据');
  });

  it('speaks English with English number formatting', async () => {
    const el = await fixture<JcKpi>(html`<jc-kpi lang="en" label="Collected" .value=${12345} .previous=${12000}></jc-kpi>`);
    expect(text(root(el).querySelector('[part=value]'))).to.equal('12,345');
    expect(text(root(el).querySelector('[part=delta]'))).to.equal('▲ up +345 (+2.9%) vs previous · better');
  });
});

const POINTS: TrendPoint[] = [
  { period: '2024-01', cases: 4210, closed: 4180, rate: 0.9929 },
  { period: '2024-02', cases: 3980, closed: 3975, rate: 0.9987 },
  { period: '2024-03', cases: null, closed: null, rate: null },
  { period: '2024-04', cases: 4620, closed: 4588, rate: 0.9931 },
];

describe('<jc-trend>', () => {
  it('draws an SVG image described by a summary and holds every figure in its data table', async () => {
    const el = await fixture<JcTrend>(html`<jc-trend .points=${POINTS}></jc-trend>`);
    const svg = root(el).querySelector('svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    const summary = root(el).getElementById(svg.getAttribute('aria-describedby')!)!;
    expect(text(summary)).to.contain('2024年1月至2024年4月').and.contain(zhInt.format(4620)).and.contain(zhPct(0.9931));
    expect(tableRows(el)).to.deep.equal([
      ['2024年1月', zhInt.format(4210), zhInt.format(4180), zhPct(0.9929)],
      ['2024年2月', zhInt.format(3980), zhInt.format(3975), zhPct(0.9987)],
      ['2024年3月', '<5', '<5', '—'],
      ['2024年4月', zhInt.format(4620), zhInt.format(4588), zhPct(0.9931)],
    ]);
    // The suppressed month is a gap in the lines, not a drop to zero: two segments.
    const caseLine = svg.querySelectorAll('path')[1].getAttribute('d')!;
    expect(caseLine.match(/M/g)!.length).to.equal(2);
  });

  it('labels each axis tick once, whole counts only, and starts the rate axis at zero', async () => {
    const few: TrendPoint[] = [
      { period: '2026-10', cases: 1, closed: 0, rate: 0.97 },
      { period: '2026-11', cases: 2, closed: 1, rate: 0.99 },
      { period: '2026-12', cases: 1, closed: 1, rate: 0.98 },
    ];
    const el = await fixture<JcTrend>(html`<jc-trend .points=${few}></jc-trend>`);
    const groups = [...root(el).querySelectorAll('svg > g')];
    const labels = (g: Element) => [...g.querySelectorAll('text')].map((t) => text(t));
    const counts = labels(groups[1]), rates = labels(groups[2]);
    expect(counts).to.deep.equal(['0', '1', '2']);
    expect(new Set(rates).size).to.equal(rates.length);
    // the lowest rate tick (largest y) reads 0 %, the highest 100 %
    const byY = [...groups[2].querySelectorAll('text')].sort((a, b) => +b.getAttribute('y')! - +a.getAttribute('y')!).map((t) => text(t));
    expect(byY[0]).to.equal(zhPct(0));
    expect(byY[byY.length - 1]).to.equal(zhPct(1));
  });

  it('places the highest month at the top of the count axis and a lower one below it', async () => {
    const el = await fixture<JcTrend>(html`<jc-trend .points=${POINTS}></jc-trend>`);
    const d = root(el).querySelectorAll('svg path')[1].getAttribute('d')!;
    const ys = [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => +m[2]);
    expect(ys.length).to.equal(3);
    expect(ys[2]).to.be.below(ys[0]); // 4620 above 4210
    expect(ys[1]).to.be.above(ys[0]); // 3980 below 4210
  });

  it('exports a standalone SVG with resolved colours and text escaped', async () => {
    // eslint-disable-next-line lit/attribute-value-entities -- the unencoded markup is the hostile label under test
    const el = await fixture<JcTrend>(html`<jc-trend label="<img src=x onerror=alert(1)>" .points=${POINTS}></jc-trend>`);
    const svgText = el.toSVG()!;
    expect(svgText).to.match(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).not.to.contain('var(--');
    expect(svgText).to.contain('&lt;img src=x onerror=alert(1)&gt;');
    const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.querySelector('img')).to.equal(null);
  });

  it('exports a PNG through jc-export that a host can take over', async () => {
    const el = await fixture<JcTrend>(html`<jc-trend exportable .points=${POINTS}></jc-trend>`);
    const png = [...root(el).querySelectorAll('button')].find((b) => text(b).endsWith('PNG'))!;
    setTimeout(() => png.click());
    const ev = await oneEvent(el, 'jc-export');
    ev.preventDefault();
    expect(ev.detail.format).to.equal('png');
    expect(ev.detail.blob.type).to.equal('image/png');
    const bytes = new Uint8Array(await ev.detail.blob.arrayBuffer());
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).to.equal('PNG');
  });
});

const CATS = [
  { code: 'safety', label: '安全生产', value: 640 },
  { code: 'env', label: '生态环保', value: 812 },
  { code: 'x', label: '<script>alert(1)</script>', value: 12 },
  { code: 'rare', label: '疫情防控', value: null },
];

describe('<jc-breakdown>', () => {
  it('shows every category largest first with bars in proportion and suppressed last', async () => {
    const el = await fixture<JcBreakdown>(html`<jc-breakdown .items=${CATS}></jc-breakdown>`);
    const rows = [...root(el).querySelectorAll('button.row')];
    expect(rows.map((r) => text(r.querySelector('.label')))).to.deep.equal(['生态环保', '安全生产', '<script>alert(1)</script>', '疫情防控']);
    expect(rows.map((r) => seen(r.querySelector('.value'))))
      .to.deep.equal([zhInt.format(812), zhInt.format(640), '12', '<5']);
    const widths = rows.map((r) => r.querySelector('rect')?.getAttribute('width') ?? null);
    expect(widths[0]).to.equal('100');
    expect(+widths[1]!).to.be.closeTo((640 / 812) * 100, 1e-9);
    expect(widths[3]).to.equal(null);
    expect(root(el).querySelector('script')).to.equal(null);
    expect(tableRows(el).map((r) => r[1])).to.deep.equal([zhInt.format(812), zhInt.format(640), '12', '<5']);
  });

  it('selects a bar with a click or the keyboard and clears it when chosen again', async () => {
    const el = await fixture<JcBreakdown>(html`<jc-breakdown .items=${CATS}></jc-breakdown>`);
    const rows = () => [...root(el).querySelectorAll<HTMLButtonElement>('button.row')];
    expect(rows().map((r) => r.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    setTimeout(() => rows()[1].click());
    expect((await oneEvent(el, 'jc-category')).detail).to.deep.equal({ code: 'safety' });
    await el.updateComplete;
    expect(rows()[1].getAttribute('aria-pressed')).to.equal('true');
    rows()[0].focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(rows()[1]);
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    expect((await oneEvent(el, 'jc-category')).detail).to.deep.equal({ code: null });
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(rows()[3]);
    setTimeout(() => void sendKeys({ press: ' ' }));
    expect((await oneEvent(el, 'jc-category')).detail).to.deep.equal({ code: 'rare' });
  });
});

const KIDS: RankingItem[] = [
  { code: '350302000000', name: '城厢区', values: { banjieRate: 0.991, overdue: 4 } },
  { code: '350303000000', name: '涵江区', values: { banjieRate: 0.962, overdue: 19 } },
  { code: '350304000000', name: '荔城区', values: { banjieRate: 0.998, overdue: 1 } },
  { code: '350305000000', name: '秀屿区', values: { banjieRate: 0.975, overdue: 11 } },
  { code: '350322000000', name: '仙游县', values: { banjieRate: 0.987, overdue: 6 } },
  { code: '3503B1000000', name: '湄洲岛', values: { banjieRate: null, overdue: null } },
];

describe('<jc-ranking>', () => {
  it('ranks children best first and marks the bottom ones with text and icon', async () => {
    const el = await fixture<JcRanking>(html`<jc-ranking .items=${KIDS} bottom="2"></jc-ranking>`);
    const rows = [...root(el).querySelectorAll('button.row')];
    expect(rows.map((r) => text(r.querySelector('.label')))).to.deep.equal(['荔城区', '城厢区', '仙游县', '秀屿区', '涵江区', '湄洲岛']);
    expect(rows.map((r) => text(r.querySelector('.rank')))).to.deep.equal(['1', '2', '3', '4', '5', '—']);
    expect(rows.map((r) => text(r.querySelector('.lag')))).to.deep.equal(['', '', '', '⚠ 落后', '⚠ 落后', '']);
    expect(text(rows[0].querySelector('.value'))).to.equal(zhPct(0.998));
    expect(text(root(el).querySelector('#summary'))).to.contain('落后 2 个：秀屿区和涵江区').and.contain('末 2 名为落后');
  });

  it('exports the ranking as an SVG picture with its lag marks, names as text', async () => {
    const items = [...KIDS, { code: 'x', name: '<b>甲</b>', values: { banjieRate: 0.5 } }];
    const el = await fixture<JcRanking>(html`<jc-ranking .items=${items} bottom="1"></jc-ranking>`);
    const doc = new DOMParser().parseFromString(el.toSVG()!, 'image/svg+xml');
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).to.include('<b>甲</b>').and.include('⚠ 落后').and.include(zhPct(0.998));
    expect(doc.querySelector('b')).to.equal(null);
  });

  it('marks nobody lagging when the spread is under the gap, and names the gap in the legend', async () => {
    const close: RankingItem[] = ['甲', '乙', '丙', '丁', '戊', '己'].map((name, i) => ({ code: String(i), name, values: { banjieRate: 0.990 - i * 0.0014 } }));
    const el = await fixture<JcRanking>(html`<jc-ranking .items=${close}></jc-ranking>`);
    const marked = () => [...root(el).querySelectorAll('button.row')].filter((r) => r.querySelector('.lag')!.textContent.includes('落后')).map((r) => text(r.querySelector('.label')));
    expect(marked()).to.deep.equal([]);
    expect(text(root(el).querySelector('.rule'))).to.contain('末 3 名').and.contain('1.0 个百分点');
    el.lagGap = 0.003; // the host says 0.3 points matters
    await el.updateComplete;
    expect(marked()).to.deep.equal(['己']);
    expect(text(root(el).querySelector('.rule'))).to.contain('0.3 个百分点');
    el.lang = 'en';
    await el.updateComplete;
    expect(text(root(el).querySelector('.rule'))).to.contain('0.3 pp or more worse than the median');
  });

  it('ranks by another indicator, lower better, against a threshold', async () => {
    const el = await fixture<JcRanking>(html`<jc-ranking .items=${KIDS} indicator="overdue" threshold="10"></jc-ranking>`);
    const rows = [...root(el).querySelectorAll('button.row')];
    expect(rows.map((r) => text(r.querySelector('.label')))).to.deep.equal(['荔城区', '城厢区', '仙游县', '秀屿区', '涵江区', '湄洲岛']);
    expect(rows.filter((r) => r.querySelector('.lag')!.textContent.includes('落后')).map((r) => text(r.querySelector('.label'))))
      .to.deep.equal(['秀屿区', '涵江区']);
    expect(text(root(el).querySelector('.rule'))).to.equal('高于 10 为落后。');
  });

  it('drills down with jc-select from a click or Enter, and changes indicator from its selector', async () => {
    const el = await fixture<JcRanking>(html`<jc-ranking .items=${KIDS}></jc-ranking>`);
    const rows = () => [...root(el).querySelectorAll<HTMLButtonElement>('button.row')];
    setTimeout(() => rows()[2].click());
    expect((await oneEvent(el, 'jc-select')).detail).to.deep.equal({ code: '350322000000' });
    rows()[0].focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    expect((await oneEvent(el, 'jc-select')).detail).to.deep.equal({ code: '350322000000' });
    const select = root(el).querySelector('select')!;
    select.focus();
    setTimeout(() => { select.value = 'overdue'; select.dispatchEvent(new Event('change')); });
    expect((await oneEvent(el, 'jc-indicator')).detail).to.deep.equal({ indicator: 'overdue' });
    await el.updateComplete;
    expect(text(rows()[0].querySelector('.value'))).to.equal('1');
  });
});
