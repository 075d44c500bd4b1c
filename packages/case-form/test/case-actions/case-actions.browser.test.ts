import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import type { CaseState } from '@jiceng/core';
import type { CaseAction } from '@jiceng/core/cases';
import type { JcCaseActions, JcCommandDetail } from '../../src/index.js';
import { world, TO_HANDLING, XSS, V1, COUNTY, type World } from '../fixtures.js';

let w: World;
beforeEach(async () => {
  w = await world();
});

const root = (el: JcCaseActions) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: JcCaseActions, sel: string) => root(el).querySelector<T>(sel);
const buttons = (el: JcCaseActions) => [...root(el).querySelectorAll<HTMLButtonElement>('[part="action-button"]')].map((b) => b.dataset.action);

async function mount(state: CaseState, actor: keyof World['actors'], lang = 'zh'): Promise<JcCaseActions> {
  const el = await fixture<JcCaseActions>(html`<jc-case-actions lang=${lang}></jc-case-actions>`);
  el.caseState = { ...state };
  el.actor = w.actors[actor];
  el.context = w.ctx;
  await el.updateComplete;
  return el;
}

async function open(el: JcCaseActions, action: CaseAction): Promise<void> {
  $<HTMLButtonElement>(el, `[data-action="${action}"]`)!.click();
  await el.updateComplete;
}

async function type(el: JcCaseActions, name: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `[data-afield="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function pick(el: JcCaseActions, name: string, value: string): Promise<void> {
  $<HTMLInputElement>(el, `[data-afield="${name}"][value="${value}"]`)!.click();
  await el.updateComplete;
}

describe('<jc-case-actions>: what is offered', () => {
  it('offers each role only what it may do in each state', async () => {
    const id = w.run(TO_HANDLING.slice(0, 1));
    // discovered: the village officer registers/rejects/merges; the grid worker and a citizen cannot.
    expect(buttons(await mount(w.store.get(id)!, 'vo'))).to.have.members(['register', 'reject', 'linkDuplicate']);
    const none = await mount(w.store.get(id)!, 'citizen');
    expect(buttons(none)).to.deep.equal([]);
    expect(root(none).textContent).to.contain('您目前没有可对此案件执行的操作');
    w.run(TO_HANDLING.slice(1, 3), id);
    // dispatched to the village: the grid worker of the case accepts, returns or escalates.
    expect(buttons(await mount(w.store.get(id)!, 'gw'))).to.have.members(['accept', 'return', 'escalate']);
    w.run([['gw', { type: 'accept' }], ['gw', { type: 'reportHandled', result: '已调解' }]], id);
    // handled by gw for the village: neither gw, nor gw2 of the same grid, nor the village may verify; the town may.
    expect(buttons(await mount(w.store.get(id)!, 'gw'))).to.not.include('verify');
    expect(buttons(await mount(w.store.get(id)!, 'gw2'))).to.not.include('verify');
    expect(buttons(await mount(w.store.get(id)!, 'vo'))).to.not.include('verify');
    expect(buttons(await mount(w.store.get(id)!, 'to'))).to.include('verify');
    // the county supervisor supervises and records accountability, nothing else.
    expect(buttons(await mount(w.store.get(id)!, 'sup'))).to.have.members(['supervise', 'recordAccountability']);
  });

  it('takes any string from i18n, field labels included', async () => {
    const id = w.run(TO_HANDLING.slice(0, 3));
    const el = await mount(w.store.get(id)!, 'gw');
    el.i18n = { fieldLabels: { reason: '退回原因' }, actionsTitle: '办理' };
    await el.updateComplete;
    await open(el, 'return');
    expect(root(el).querySelector('h2')!.textContent).to.equal('办理');
    expect(root(el).querySelector('label[for="a-return-reason"]')!.textContent).to.contain('退回原因');
  });

  it('uses the host\'s list when no context is given', async () => {
    const id = w.run(TO_HANDLING);
    const el = await fixture<JcCaseActions>(html`<jc-case-actions></jc-case-actions>`);
    el.caseState = w.store.get(id)!;
    el.actions = ['reportProgress', 'reportHandled'];
    await el.updateComplete;
    expect(buttons(el)).to.deep.equal(['reportProgress', 'reportHandled']);
  });
});

describe('<jc-case-actions>: submitting', () => {
  it('starts a panel with the host\'s defaults and focuses what still needs typing, else the submit button', async () => {
    const id = w.run(TO_HANDLING.slice(0, 2));
    const el = await mount(w.store.get(id)!, 'vo');
    el.actionDefaults = { dispatch: { node: V1 } };
    await open(el, 'dispatch');
    await el.updateComplete;
    // the only required field (the target) is filled: focus waits on the submit button
    expect(root(el).activeElement).to.equal($(el, '#panel-dispatch [part="submit"]'));
    setTimeout(() => root(el).activeElement instanceof HTMLButtonElement && (root(el).activeElement as HTMLButtonElement).click());
    const ev = await oneEvent<CustomEvent<JcCommandDetail>>(el, 'jc-command');
    expect(ev.detail.command).to.deep.equal({ type: 'dispatch', caseId: id, expectedVersion: 2, node: V1 });
    expect(w.store.execute(ev.detail.command, w.actors.vo, w.ctx).ok).to.equal(true);
    // a panel with an empty required field focuses that field
    el.caseState = { ...w.store.get(id)! };
    el.actor = w.actors.gw;
    await el.updateComplete;
    await open(el, 'return');
    await el.updateComplete;
    expect(root(el).activeElement).to.equal($(el, '[data-afield="reason"]'));
  });

  it('validates with the core schema before emitting, and emits a command the core applies', async () => {
    const id = w.run([...TO_HANDLING, ['gw', { type: 'reportHandled', result: '已清理' }]]);
    const el = await mount(w.store.get(id)!, 'to');
    await open(el, 'verify');
    let emitted = 0;
    el.addEventListener('jc-command', () => emitted++);
    $<HTMLButtonElement>(el, '[part="action-panel"] [part="submit"]')!.click();
    await el.updateComplete;
    expect(emitted).to.equal(0);
    expect(root(el).querySelector('#ae-verify-passed')!.textContent).to.equal('核查结论：必填');
    expect(root(el).querySelector('#ae-verify-note')!.textContent).to.equal('说明：必填');
    expect(root(el).activeElement).to.equal($(el, '[data-afield="passed"]'));
    await pick(el, 'passed', 'no');
    await type(el, 'note', '杂物未清理干净');
    setTimeout(() => $<HTMLButtonElement>(el, '[part="action-panel"] [part="submit"]')!.click());
    const ev = await oneEvent<CustomEvent<JcCommandDetail>>(el, 'jc-command');
    expect(ev.detail.command).to.deep.equal({ type: 'verify', caseId: id, expectedVersion: 5, passed: false, note: '杂物未清理干净' });
    const r = w.store.execute(ev.detail.command, w.actors.to, w.ctx);
    el.showResult(r);
    el.caseState = { ...w.store.get(id)! };
    await el.updateComplete;
    expect(r.ok).to.equal(true);
    expect(w.store.get(id)!.rework).to.equal(1);
    expect($(el, '[part="status"]')!.textContent).to.equal('操作已完成');
    expect($(el, '[part="action-panel"]')).to.equal(null);
  });

  it('shows a refused command\'s message in place and keeps everything typed', async () => {
    const id = w.run(TO_HANDLING.slice(0, 2));
    const el = await mount(w.store.get(id)!, 'vo', 'en');
    await open(el, 'dispatch');
    expect($(el, '[part="action-panel"]')!.textContent).to.contain('Time limit: 10 working days');
    el.shadowRoot!.querySelector('jc-grid-tree')!.dispatchEvent(new CustomEvent('jc-select', { detail: { codes: [COUNTY], code: COUNTY, positions: [] } }));
    await el.updateComplete;
    await type(el, 'department', '城管');
    await type(el, 'note', '请尽快处理');
    setTimeout(() => $<HTMLButtonElement>(el, '[part="action-panel"] [part="submit"]')!.click());
    const ev = await oneEvent<CustomEvent<JcCommandDetail>>(el, 'jc-command');
    const r = w.store.execute(ev.detail.command, w.actors.vo, w.ctx); // a village officer cannot reach the county
    expect(r.ok).to.equal(false);
    el.showResult(r);
    await el.updateComplete;
    const err = root(el).querySelector('#dispatch-e-node')!;
    expect(err.getAttribute('role')).to.equal('alert');
    expect(err.textContent).to.match(/^outside your scope|^this category is not handled at this level/);
    expect($<HTMLInputElement>(el, '[data-afield="department"]')!.value).to.equal('城管');
    expect($<HTMLTextAreaElement>(el, '[data-afield="note"]')!.value).to.equal('请尽快处理');
    // A refusal without a field (another user changed the case meanwhile) is shown above the button.
    const stale = { ok: false as const, errors: [w.core.caseIssue('E_STALE_VERSION', '2 ≠ 3')] };
    el.result = stale; // the property does what showResult does
    await el.updateComplete;
    expect(el.result).to.equal(stale);
    expect($(el, '[part="action-panel"] .error[role="alert"]')!.textContent).to.contain('the case has changed since you loaded it');
    expect($<HTMLTextAreaElement>(el, '[data-afield="note"]')!.value).to.equal('请尽快处理');
    // and then succeeds with the right target
    el.shadowRoot!.querySelector('jc-grid-tree')!.dispatchEvent(new CustomEvent('jc-select', { detail: { codes: [V1], code: V1, positions: [] } }));
    await el.updateComplete;
    setTimeout(() => $<HTMLButtonElement>(el, '[part="action-panel"] [part="submit"]')!.click());
    const ev2 = await oneEvent<CustomEvent<JcCommandDetail>>(el, 'jc-command');
    const r2 = w.store.execute(ev2.detail.command, w.actors.vo, w.ctx);
    expect(r2.ok, JSON.stringify(r2)).to.equal(true);
  });

  it('takes the dispatch target from its tree without the tree\'s jc-select reaching the page', async () => {
    const id = w.run(TO_HANDLING.slice(0, 2));
    const el = await mount(w.store.get(id)!, 'vo');
    await open(el, 'dispatch');
    let heard = 0;
    const listen = () => heard++;
    document.addEventListener('jc-select', listen);
    try {
      // what the tree sends when the user picks a node: bubbling and composed
      el.shadowRoot!.querySelector('jc-grid-tree')!.dispatchEvent(new CustomEvent('jc-select', { detail: { codes: [V1], code: V1, positions: [] }, bubbles: true, composed: true }));
      await el.updateComplete;
      expect(heard).to.equal(0);
      setTimeout(() => $<HTMLButtonElement>(el, '[part="action-panel"] [part="submit"]')!.click());
      const ev = await oneEvent<CustomEvent<JcCommandDetail>>(el, 'jc-command');
      expect(ev.detail.command).to.include({ type: 'dispatch', node: V1 });
    } finally {
      document.removeEventListener('jc-select', listen);
    }
  });

  it('keeps an action\'s typing in the draft across a reload', async () => {
    const mem = new Map<string, string>();
    const storage = { getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, v: string) => void mem.set(k, v), removeItem: (k: string) => void mem.delete(k) };
    const id = w.run(TO_HANDLING);
    const el = await fixture<JcCaseActions>(html`<jc-case-actions draft-key="act" .storage=${storage}></jc-case-actions>`);
    Object.assign(el, { caseState: w.store.get(id), actor: w.actors.gw, context: w.ctx });
    await el.updateComplete;
    await open(el, 'requestExtension');
    await type(el, 'limit.amount', '3');
    await type(el, 'reason', '当事人外出');
    el.remove();
    const again = await fixture<JcCaseActions>(html`<jc-case-actions draft-key="act" .storage=${storage}></jc-case-actions>`);
    Object.assign(again, { caseState: w.store.get(id), actor: w.actors.gw, context: w.ctx });
    await again.updateComplete;
    await open(again, 'requestExtension');
    expect($<HTMLTextAreaElement>(again, '[data-afield="reason"]')!.value).to.equal('当事人外出');
    expect($<HTMLInputElement>(again, '[data-afield="limit.amount"]')!.value).to.equal('3');
  });

  it('renders typed script-like text as text and has no axe violations', async () => {
    const id = w.run(TO_HANDLING);
    const el = await mount(w.store.get(id)!, 'gw');
    await open(el, 'reportProgress');
    await type(el, 'note', XSS);
    await expect(el).to.be.accessible();
    setTimeout(() => $<HTMLButtonElement>(el, '[part="action-panel"] [part="submit"]')!.click());
    const ev = await oneEvent<CustomEvent<JcCommandDetail>>(el, 'jc-command');
    el.showResult({ ok: false, errors: [w.core.issue('E_TEST', XSS, XSS)] });
    await el.updateComplete;
    expect(ev.detail.command.note).to.equal(XSS);
    expect(root(el).querySelectorAll('img').length).to.equal(0);
    expect((window as unknown as Record<string, unknown>).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });
});
