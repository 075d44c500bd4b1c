import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import type { BoardLoad, BoardRow } from '@jiceng/core/alerts';
import '../../src/define.js';
import type { JcDispatchBoard, JcAlertCommandDetail } from '../../src/index.js';
import { G1, T0, T1, U1, V1, XSS } from '../shared/fixtures.js';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const key = (target: Element, k: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

const name = (zh: string, en = zh) => ({ zh, en });
const ROWS: BoardRow[] = [
  { caseId: 'C-1', version: 2, waitingFor: 'dispatch', node: U1, place: name('一号楼', 'Block 1'), category: 'city.rubbish', categoryName: name('暴露垃圾', 'Exposed rubbish'), urgency: 'normal', since: T0, deadline: T0 + 3_600_000, targets: [{ node: T1, name: name('镇海街道', 'Zhenhai') }, { node: V1, name: name('英龙社区', 'Yinglong') }, { node: G1, name: name('第一网格', 'Grid 1') }] },
  { caseId: 'C-2', version: 3, waitingFor: 'accept', node: U1, place: name('一号楼', 'Block 1'), category: 'city.rubbish', categoryName: name('暴露垃圾', 'Exposed rubbish'), urgency: 'normal', since: T0, deadline: T0 + 4 * 3_600_000, handler: V1, targets: [] },
  { caseId: 'C-3', version: 1, waitingFor: 'register', node: U1, place: name(XSS), category: null, categoryName: null, urgency: null, since: T0, deadline: NaN, targets: [] },
];
const LOADS: BoardLoad[] = [
  { node: T1, name: name('镇海街道', 'Zhenhai'), waiting: 0, handling: 1, overdue: 0 },
  { node: V1, name: name('英龙社区', 'Yinglong'), waiting: 1, handling: 4, overdue: 2 },
];

async function mount(lang = 'zh', now = T0 + 2 * 3_600_000): Promise<JcDispatchBoard> {
  const el = await fixture<JcDispatchBoard>(html`<jc-dispatch-board lang=${lang} .now=${now}></jc-dispatch-board>`);
  el.rows = ROWS;
  el.loads = LOADS;
  await el.updateComplete;
  return el;
}

describe('<jc-dispatch-board>', () => {
  it('lists waiting cases by deadline with what each waits for, and each body\u2019s load in a table', async () => {
    const el = await mount();
    const items = $$(el, 'li');
    expect(items.map((i) => i.querySelector('.badge')!.textContent)).to.deep.equal(['待派遣', '待受理', '待立案']);
    expect(items[0].textContent).to.contain('时限 03-03 10:00').and.contain('已超时');
    expect(items[1].textContent).to.contain('时限 03-03 13:00').and.not.contain('已超时');
    expect(items[2].textContent).to.contain('无时限').and.contain(XSS);
    expect(items[2].querySelectorAll('img').length).to.equal(0);
    expect($(el, 'caption')!.textContent).to.equal('承办单位负荷');
    expect($$(el, 'tbody tr').map((r) => [...r.children].map((c) => c.textContent).join(' '))).to.deep.equal(['镇海街道 0 1 0', '英龙社区 1 4 2']);
    expect(items[1].querySelectorAll('button').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('dispatches from the board: a menu of the bodies on the path with their load; Escape closes it', async () => {
    const el = await mount();
    $$(el, 'li')[0].focus();
    key(focused(el)!, 'ArrowDown');
    await el.updateComplete;
    expect(focused(el)!.dataset.key).to.equal('C-2');
    key(focused(el)!, 'ArrowUp');
    await el.updateComplete;
    const btn = $<HTMLButtonElement>(el, 'li [data-opens="dispatch"]')!;
    btn.click();
    await el.updateComplete;
    await el.updateComplete;
    const items = $$(el, '[role="menuitem"]');
    expect(items.map((b) => b.textContent.trim())).to.deep.equal(['镇海街道 (待受理 0 · 办理中 1)', '英龙社区 (待受理 1 · 办理中 4)', '第一网格']);
    expect(focused(el)).to.equal(items[0]);
    await expect(el).to.be.accessible();
    key(items[0], 'Escape');
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, '[role="menu"]')).to.equal(null);
    expect(focused(el)).to.equal($(el, 'li [data-opens="dispatch"]'));
    $<HTMLButtonElement>(el, 'li [data-opens="dispatch"]')!.click();
    await el.updateComplete;
    setTimeout(() => $$(el, '[role="menuitem"]')[1].click());
    const ev = await oneEvent<CustomEvent<JcAlertCommandDetail>>(el, 'jc-command');
    expect(ev.detail.command).to.deep.equal({ type: 'dispatch', caseId: 'C-1', expectedVersion: 2, node: V1 });
  });

  it('updates when the rows change, in English too', async () => {
    const el = await mount('en');
    expect($$(el, 'li')[0].textContent).to.contain('To dispatch').and.contain('due 03-03 10:00').and.contain('overdue');
    el.rows = ROWS.slice(1);
    await el.updateComplete;
    expect($$(el, 'li').map((i) => i.dataset.key)).to.deep.equal(['C-2', 'C-3']);
    expect($$(el, 'li')[0].tabIndex).to.equal(0);
    el.rows = [];
    await el.updateComplete;
    expect($(el, '.empty')!.textContent).to.equal('No case waiting');
  });
});
