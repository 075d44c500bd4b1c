import { fixture, html, expect } from '@open-wc/testing';
import '../../src/define.js';
import type { JcLedger } from '../../src/index.js';
import { world, XSS, type World } from '../shared/fixtures.js';

let w: World;
beforeEach(async () => {
  w = await world();
});

async function mount(account: string, lang = 'zh', owner = ''): Promise<JcLedger> {
  const el = await fixture<JcLedger>(html`<jc-ledger lang=${lang} owner-name=${owner}></jc-ledger>`);
  el.statement = w.eng.accountStatement(w.store.state, account);
  await el.updateComplete;
  return el;
}
const text = (el: JcLedger, sel: string) => el.shadowRoot!.querySelector(sel)?.textContent?.trim() ?? '';

describe('<jc-ledger>', () => {
  it('shows balance, movements and redemptions of a time-bank account', async () => {
    const el = await mount('time:pm1', 'en');
    expect(text(el, '[data-figure="balance"]')).to.equal('0.5 h');
    const rows = [...el.shadowRoot!.querySelectorAll('[part="movements"] tbody tr')].map((r) => [...r.querySelectorAll('td')].slice(1, 4).map((c) => c.textContent.trim()));
    expect(rows).to.deep.equal([['Service earned', '+1.0 h', '1.0 h'], ['Redemption', '−0.5 h', '0.5 h']]);
    expect(el.shadowRoot!.querySelectorAll('[part="redemptions"] tbody tr').length).to.equal(1);
    expect(text(el, 'h2')).to.equal('Time-bank statement');
  });

  it('shows pending points in Chinese and the owner name it is given', async () => {
    const el = await mount('points:pm1', 'zh', '林*红');
    expect(text(el, 'h2')).to.equal('积分明细');
    expect(text(el, '[data-figure="pending"]')).to.equal('2 分');
    expect(el.shadowRoot!.textContent).to.contain('林*红');
  });

  it('says so without a statement, prints on request, renders memos as text and is axe-clean', async () => {
    const empty = await fixture<JcLedger>(html`<jc-ledger></jc-ledger>`);
    expect(empty.shadowRoot!.textContent).to.contain('暂无账户信息');
    await expect(empty).to.be.accessible();
    const el = await mount('time:pm1');
    expect(el.shadowRoot!.textContent).to.contain(XSS);
    expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0);
    await expect(el).to.be.accessible();
    let printed = 0;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept only to put it back on window below
    const original = window.print;
    window.print = () => { printed++; };
    (el.shadowRoot!.querySelector('[part="print-button"]') as HTMLButtonElement).click();
    window.print = original;
    expect(printed).to.equal(1);
    el.noPrintButton = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="print-button"]')).to.equal(null);
  });
});
