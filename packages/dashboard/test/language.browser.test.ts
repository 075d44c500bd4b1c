import { expect, fixture, html, aTimeout } from '@open-wc/testing';
import '../src/define.js';
import type { JcDashboard, JcKpi } from '../src/index.js';
import { root, text } from './shared/helpers.js';

describe('dashboard elements follow <html lang>', () => {
  afterEach(() => document.documentElement.setAttribute('lang', 'zh-CN'));

  it('render again in English when the page switches to English, and back', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <jc-dashboard></jc-dashboard><jc-kpi label="受理案件" .value=${10} .previous=${8}></jc-kpi>
    </div>`);
    const dash = wrap.querySelector<JcDashboard>('jc-dashboard')!;
    const kpi = wrap.querySelector<JcKpi>('jc-kpi')!;
    const shown = () => [text(root(dash).querySelector('[part=heading]')), text(root(kpi).querySelector('[part=delta]'))];
    expect(shown()[0]).to.equal('暂无数据');
    expect(shown()[1]).to.contain('上升');
    document.documentElement.setAttribute('lang', 'en');
    await aTimeout(0); // mutation records reach the language controller as a microtask
    await Promise.all([dash.updateComplete, kpi.updateComplete]);
    expect(shown()[0]).to.equal('No data');
    expect(shown()[1]).to.contain('up');
    document.documentElement.setAttribute('lang', 'zh-CN');
    await aTimeout(0);
    await Promise.all([dash.updateComplete, kpi.updateComplete]);
    expect(shown()[0]).to.equal('暂无数据');
  });
});
