import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { JcAlerts, JcAlertCommandDetail } from '../../src/index.js';
import { row, T0, XSS } from '../shared/fixtures.js';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const key = (target: Element, k: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

async function mount(lang = 'zh'): Promise<JcAlerts> {
  const el = await fixture<JcAlerts>(html`<jc-alerts lang=${lang} .now=${T0 + 3 * 3_600_000} .assignees=${[{ id: 'gw1', name: '张网格' }]}></jc-alerts>`);
  el.alerts = [row(), row({ id: 'A-2', severity: 'critical', rule: 'fire-cluster', ruleName: { zh: '消防隐患聚集', en: 'Fire hazards clustering' }, actions: ['acknowledge'] }), row({ id: 'A-3', status: 'acknowledged', actions: [] })];
  await el.updateComplete;
  return el;
}

describe('<jc-alerts>', () => {
  it('shows each alert as a list item: severity in words, rule, place, age, the actions allowed', async () => {
    const el = await mount();
    expect($(el, 'ul')!.getAttribute('aria-label')).to.equal('预警');
    const items = $$(el, 'li');
    expect(items.length).to.equal(3);
    expect(items[0].textContent).to.contain('警告').and.contain('网格内同类事件聚集 · 第一网格').and.contain('3 小时前').and.contain('3 件');
    expect(items[0].querySelectorAll('button').length).to.equal(4);
    expect(items[1].querySelectorAll('button').length).to.equal(1);
    expect(items[2].querySelectorAll('button').length).to.equal(0);
    expect(items.map((i) => i.tabIndex)).to.deep.equal([0, -1, -1]);
    await expect(el).to.be.accessible();
  });

  it('moves the single tab stop with the arrow keys, Home and End', async () => {
    const el = await mount();
    $$(el, 'li')[0].focus();
    key(focused(el)!, 'ArrowDown');
    await el.updateComplete;
    expect(focused(el)!.dataset.key).to.equal('A-2');
    expect($$(el, 'li').map((i) => i.tabIndex)).to.deep.equal([-1, 0, -1]);
    key(focused(el)!, 'End');
    await el.updateComplete;
    expect(focused(el)!.dataset.key).to.equal('A-3');
    key(focused(el)!, 'Home');
    await el.updateComplete;
    expect(focused(el)!.dataset.key).to.equal('A-1');
    // Buttons of inactive items are out of the tab order.
    expect([...$$(el, 'li')[1].querySelectorAll('button')].map((b) => b.tabIndex)).to.deep.equal([-1]);
  });

  it('sends ready commands; the resolve menu opens, moves with arrows, closes on Escape back to its button', async () => {
    const el = await mount();
    setTimeout(() => $$(el, 'li')[0].querySelector('button')!.click());
    const ack = await oneEvent<CustomEvent<JcAlertCommandDetail>>(el, 'jc-command');
    expect(ack.detail.command).to.deep.equal({ type: 'acknowledge', alertId: 'A-1', expectedVersion: 1 });
    const resolveBtn = $<HTMLButtonElement>(el, 'li [data-opens="resolve"]')!;
    resolveBtn.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(resolveBtn.getAttribute('aria-expanded')).to.equal('true');
    const items = $$(el, '[role="menu"] [role="menuitem"]');
    expect(items.map((b) => b.textContent.trim())).to.deep.equal(['已处置', '误报', '重复', '已过期']);
    expect(focused(el)).to.equal(items[0]);
    key(items[0], 'ArrowDown');
    expect(focused(el)).to.equal(items[1]);
    await expect(el).to.be.accessible();
    key(items[1], 'Escape');
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, '[role="menu"]')).to.equal(null);
    expect(focused(el)).to.equal($(el, 'li [data-opens="resolve"]'));
    $<HTMLButtonElement>(el, 'li [data-opens="resolve"]')!.click();
    await el.updateComplete;
    setTimeout(() => $$(el, '[role="menuitem"]')[1].click());
    const res = await oneEvent<CustomEvent<JcAlertCommandDetail>>(el, 'jc-command');
    expect(res.detail.command).to.deep.equal({ type: 'resolve', reason: 'false-alarm', alertId: 'A-1', expectedVersion: 1 });
    $<HTMLButtonElement>(el, 'li [data-opens="assign"]')!.click();
    await el.updateComplete;
    setTimeout(() => $$(el, '[role="menuitem"]')[0].click());
    const asg = await oneEvent<CustomEvent<JcAlertCommandDetail>>(el, 'jc-command');
    expect(asg.detail.command).to.deep.equal({ type: 'assign', to: 'gw1', alertId: 'A-1', expectedVersion: 1 });
  });

  it('announces new alerts politely in one message — not the first load, not the list', async () => {
    const el = await mount();
    const live = $(el, '[role="status"]')!;
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(live.textContent.trim()).to.equal('');
    el.alerts = [row({ id: 'A-9', severity: 'critical', ruleName: { zh: '消防隐患聚集', en: 'Fire' } }), ...el.alerts];
    await el.updateComplete;
    expect(live.textContent.trim()).to.equal('新预警 1 条：严重 消防隐患聚集 第一网格');
    expect($$(el, 'li')[0].dataset.key).to.equal('A-9');
    // The same list again (e.g. an acknowledged alert): nothing new to announce.
    el.alerts = el.alerts.map((a) => (a.id === 'A-9' ? { ...a, status: 'acknowledged' as const } : a));
    await el.updateComplete;
    expect(live.textContent.trim()).to.equal('新预警 1 条：严重 消防隐患聚集 第一网格');
  });

  it('speaks English on request, shows user text as text, and says when there is nothing', async () => {
    const el = await mount('en');
    expect($$(el, 'li')[0].textContent).to.contain('Warning').and.contain('Cases clustering in a grid · Grid 1').and.contain('3 h ago');
    el.alerts = [row({ ruleName: { zh: XSS, en: XSS }, place: { zh: XSS, en: XSS } })];
    await el.updateComplete;
    expect($$(el, 'li')[0].querySelectorAll('img').length).to.equal(0);
    expect($$(el, 'li')[0].textContent).to.contain(XSS);
    expect((window as unknown as Record<string, unknown>).__pwned).to.equal(undefined);
    el.alerts = [];
    await el.updateComplete;
    expect($(el, '.empty')!.textContent).to.equal('No alerts');
    await expect(el).to.be.accessible();
  });
});
