import { expect, fixture, html, aTimeout, nextFrame } from '@open-wc/testing';
import '../../src/define.js';
import type { JcMap } from '../../src/index.js';
import { smallMap } from './fixtures.js';

const { hierarchy, geometry } = smallMap();

describe('<jc-map> follows <html lang>', () => {
  afterEach(() => document.documentElement.setAttribute('lang', 'zh-CN'));

  it('renders again in English when the page switches to English, and back', async () => {
    const el = await fixture<JcMap>(html`<jc-map style="inline-size: 900px; --jc-map-height: 400px" .hierarchy=${hierarchy} .geometry=${geometry}></jc-map>`);
    await el.updateComplete;
    await nextFrame();
    const stage = () => el.shadowRoot!.querySelector('.stage')!.getAttribute('aria-label');
    const areas = () => [...el.shadowRoot!.querySelectorAll('[role="option"]')].map((o) => o.textContent.trim());
    expect(stage()).to.equal('全市一张图');
    expect(areas()).to.deep.equal(['城厢区', '涵江区']);
    document.documentElement.setAttribute('lang', 'en');
    await aTimeout(0); // mutation records reach the language controller as a microtask
    await el.updateComplete;
    expect(stage()).to.equal('City map');
    expect(areas()).to.deep.equal(['Chengxiang', 'Hanjiang']);
    document.documentElement.setAttribute('lang', 'zh-CN');
    await aTimeout(0);
    await el.updateComplete;
    expect(stage()).to.equal('全市一张图');
  });
});
