import { fixture, html, expect, aTimeout } from '@open-wc/testing';
import '../src/define.js';
import type { JcLedger, JcServiceBoard } from '../src/index.js';

describe('engagement elements follow <html lang>', () => {
  afterEach(() => document.documentElement.setAttribute('lang', 'zh-CN'));

  it('render again in English when the page switches to English, and back', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><jc-service-board></jc-service-board><jc-ledger></jc-ledger></div>`);
    const board = wrap.querySelector<JcServiceBoard>('jc-service-board')!;
    const ledger = wrap.querySelector<JcLedger>('jc-ledger')!;
    const shown = () => [board.shadowRoot!.querySelector('h2')!.textContent, ledger.shadowRoot!.querySelector('p')!.textContent];
    expect(shown()).to.deep.equal(['服务订单', '暂无账户信息']);
    document.documentElement.setAttribute('lang', 'en');
    await aTimeout(0); // mutation records reach the language controller as a microtask
    await Promise.all([board.updateComplete, ledger.updateComplete]);
    expect(shown()).to.deep.equal(['Service orders', 'No account to show']);
    document.documentElement.setAttribute('lang', 'zh-CN');
    await aTimeout(0);
    await Promise.all([board.updateComplete, ledger.updateComplete]);
    expect(shown()).to.deep.equal(['服务订单', '暂无账户信息']);
  });
});
