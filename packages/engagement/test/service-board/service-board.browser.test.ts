import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Actor } from '@jiceng/core';
import '../../src/define.js';
import type { JcEngagementCommandDetail, JcServiceBoard } from '../../src/index.js';
import { world, XSS, U1, type World } from '../shared/fixtures.js';

let w: World;
let ids = 0;
beforeEach(async () => {
  w = await world();
  ids = 0;
});

const root = (el: JcServiceBoard) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: JcServiceBoard, sel: string) => root(el).querySelector<T>(sel);
/** The actions offered, per order id. */
function offered(el: JcServiceBoard): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const b of root(el).querySelectorAll<HTMLButtonElement>('[part="action-button"]')) (out[b.dataset.order!] ??= []).push(b.dataset.action!);
  return out;
}

async function mount(actor: Actor, lang = 'zh'): Promise<JcServiceBoard> {
  const el = await fixture<JcServiceBoard>(html`<jc-service-board lang=${lang}></jc-service-board>`);
  Object.assign(el, { orders: w.orders(), members: w.members(), actor, suggest: w.suggest, node: U1, now: () => w.clock.now });
  el.newId = () => `id-${++ids}`;
  await el.updateComplete;
  return el;
}

/** Runs what the board emitted on the store and refreshes it, as a host would. */
async function host(el: JcServiceBoard, actor: Actor): Promise<JcEngagementCommandDetail> {
  const ev = await oneEvent<CustomEvent<JcEngagementCommandDetail>>(el, 'jc-command');
  const r = w.store.execute(ev.detail.command, actor);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.errors)}`);
  el.showResult(r);
  el.orders = w.orders();
  await el.updateComplete;
  return ev.detail;
}

describe('<jc-service-board>: roles', () => {
  it('offers each person only the actions their role allows', async () => {
    expect(offered(await mount(w.actors.vo))).to.deep.equal({ 'o-ordered': ['dispatchOrder'] });
    expect(offered(await mount(w.actors.pm1))).to.deep.equal({ 'o-dispatched': ['acceptOrder', 'declineOrder'], 'o-accepted': ['completeOrder'] });
    expect(offered(await mount(w.actors.r1))).to.deep.equal({ 'o-ordered': ['cancelOrder'], 'o-dispatched': ['cancelOrder'], 'o-completed': ['confirmOrder'] });
    expect(offered(await mount(w.actors.pm2))).to.deep.equal({});
    expect($(await mount(w.actors.vo), '[part="order-form"]')).to.not.equal(null, 'staff may order on behalf of residents');
    expect($(await mount({ id: 'x', roles: [{ role: 'auditor', node: U1 }] }), '[part="order-form"]')).to.equal(null);
  });

  it('walks an order from 点单 to confirmation through jc-command events', async () => {
    const r1 = await mount(w.actors.r1);
    $<HTMLDetailsElement>(r1, 'details')!.open = true;
    $<HTMLSelectElement>(r1, 'select[name="category"]')!.value = 'repair';
    $<HTMLTextAreaElement>(r1, 'textarea[name="description"]')!.value = '帮忙修理水龙头';
    setTimeout(() => $<HTMLButtonElement>(r1, 'details [part="submit"]')!.click());
    const placed = await host(r1, w.actors.r1);
    expect(placed.command).to.include({ type: 'placeOrder', order: 'id-1', node: U1, category: 'repair', description: '帮忙修理水龙头' });
    const id = placed.command.order;

    const vo = await mount(w.actors.vo);
    $<HTMLButtonElement>(vo, `[data-order="${id}"][data-action="dispatchOrder"]`)!.click();
    await vo.updateComplete;
    const select = $<HTMLSelectElement>(vo, '[part="action-panel"] select[name="member"]')!;
    expect(select.querySelector('optgroup')!.label).to.equal('推荐');
    expect(select.options[0].textContent).to.contain('林小红').and.to.contain('同网格');
    setTimeout(() => $<HTMLButtonElement>(vo, '[part="action-panel"] [part="submit"]')!.click());
    expect((await host(vo, w.actors.vo)).command).to.include({ type: 'dispatchOrder', member: 'pm1' });

    const pm = await mount(w.actors.pm1);
    setTimeout(() => $<HTMLButtonElement>(pm, `[data-order="${id}"][data-action="acceptOrder"]`)!.click());
    await host(pm, w.actors.pm1);
    $<HTMLButtonElement>(pm, `[data-order="${id}"][data-action="completeOrder"]`)!.click();
    await pm.updateComplete;
    $<HTMLInputElement>(pm, '[part="action-panel"] input[name="hours"]')!.value = '2';
    setTimeout(() => $<HTMLButtonElement>(pm, '[part="action-panel"] [part="submit"]')!.click());
    expect((await host(pm, w.actors.pm1)).command).to.include({ type: 'completeOrder', hours: 2 });

    const res = await mount(w.actors.r1);
    $<HTMLButtonElement>(res, `[data-order="${id}"][data-action="confirmOrder"]`)!.click();
    await res.updateComplete;
    $<HTMLSelectElement>(res, '[part="action-panel"] select[name="rating"]')!.value = '4';
    setTimeout(() => $<HTMLButtonElement>(res, '[part="action-panel"] [part="submit"]')!.click());
    await host(res, w.actors.r1);
    expect(w.store.state.orders.get(id)!.status).to.equal('confirmed');
    expect(w.store.state.accounts.get('time:pm1')!.balance).to.equal(1.5, '1 h earned − 0.5 redeemed + 1 of the 2 served (2 a day)');
    expect($(res, `[data-id="${id}"]`)!.textContent).to.contain('已确认');
  });

  it('shows the host’s refusal, in the element’s language, and keeps the panel open', async () => {
    const el = await mount(w.actors.pm1, 'en');
    $<HTMLButtonElement>(el, '[data-order="o-accepted"][data-action="completeOrder"]')!.click();
    await el.updateComplete;
    // meanwhile the order was completed from another device: the host refuses the stale action
    w.store.execute({ type: 'completeOrder', commandId: 'elsewhere', order: 'o-accepted', hours: 1 }, w.actors.pm1);
    setTimeout(() => $<HTMLButtonElement>(el, '[part="action-panel"] [part="submit"]')!.click());
    const ev = await oneEvent<CustomEvent<JcEngagementCommandDetail>>(el, 'jc-command');
    el.showResult(w.store.execute(ev.detail.command, w.actors.pm1));
    await el.updateComplete;
    const alert = $(el, '[part="action-panel"] [role="alert"]')!;
    expect(alert.textContent).to.contain('the order is not in a state that allows this');
    expect(w.store.state.orders.get('o-accepted')!.hours).to.equal(1, 'nothing changed');
  });
});

describe('<jc-service-board>: keyboard, axe, text', () => {
  it('opens an action from the keyboard, focuses its first field, and Escape returns to the button', async () => {
    const el = await mount(w.actors.vo);
    const btn = $<HTMLButtonElement>(el, '[data-order="o-ordered"][data-action="dispatchOrder"]')!;
    btn.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(btn.getAttribute('aria-expanded')).to.equal('true');
    expect(root(el).activeElement?.getAttribute('name')).to.equal('member');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, '[part="action-panel"]')).to.equal(null);
    expect(root(el).activeElement).to.equal($(el, '[data-order="o-ordered"][data-action="dispatchOrder"]'));
  });

  it('renders user text as text and has no axe violations, closed and open, in zh and en', async () => {
    for (const lang of ['zh', 'en']) {
      const el = await mount(w.actors.vo, lang);
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[data-order="o-ordered"][data-action="dispatchOrder"]')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      expect(root(el).textContent).to.contain(XSS);
      el.showResult({ ok: false, errors: [w.core.issue('E_TEST', XSS, XSS)] });
      await el.updateComplete;
      await expect(el).to.be.accessible();
      expect(root(el).querySelectorAll('img').length).to.equal(0);
    }
    expect((window as unknown as Record<string, unknown>).__pwned).to.equal(undefined);
  });
});
