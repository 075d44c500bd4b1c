import { fixture, html, expect, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ComboboxOption, JcCombobox } from '../../src/index.js';
import '../../src/define.js';

const OPTIONS: ComboboxOption[] = [
  { value: 'city', label: '城市管理' },
  { value: 'city.rubbish', label: '暴露垃圾', text: '城市管理 / 暴露垃圾', hint: '0101', depth: 1 },
  { value: 'city.road', label: '道路破损', text: '城市管理 / 道路破损', depth: 1 },
  { value: 'safety.fire', label: '消防通道堵塞', text: '安全隐患 / 消防通道堵塞', depth: 1 },
];

async function mount(): Promise<{ el: JcCombobox; input: HTMLInputElement; page: HTMLElement }> {
  const page = await fixture<HTMLElement>(html`<div><label for="cb">类别</label>
    <jc-combobox input-id="cb" label="类别" .options=${OPTIONS}></jc-combobox></div>`);
  const el = page.querySelector('jc-combobox')!;
  await el.updateComplete;
  return { el, input: el.querySelector('input')!, page };
}

/** An option's label (its own text, without the quieter hint after it). */
const labelOf = (o: Element) => [...o.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();

const activeText = (el: JcCombobox, input: HTMLInputElement) => {
  const id = input.getAttribute('aria-activedescendant');
  const o = id ? el.querySelector(`#${id}`) : null;
  return o ? labelOf(o) : undefined;
};

describe('<jc-combobox>', () => {
  it('is a WAI-ARIA combobox: labelled, with a listbox it controls, closed at first', async () => {
    const { el, input } = await mount();
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-autocomplete')).to.equal('list');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.labels![0].textContent).to.equal('类别');
    const list = el.querySelector(`#${input.getAttribute('aria-controls')}`)!;
    expect(list.getAttribute('role')).to.equal('listbox');
    expect(list.hasAttribute('hidden')).to.equal(true);
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
  });

  it('filters as the user types and is used with the keyboard alone, focus staying in the text box', async () => {
    const { el, input } = await mount();
    const changes: string[] = [];
    el.addEventListener('jc-change', (e) => changes.push(e.detail.value));
    input.focus();
    await sendKeys({ type: '城市' });
    await el.updateComplete;
    expect([...el.querySelectorAll('[role="option"]')].map(labelOf)).to.deep.equal(['城市管理', '暴露垃圾', '道路破损']);
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(activeText(el, input)).to.equal('城市管理');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(activeText(el, input)).to.equal('暴露垃圾');
    expect(el.querySelector('[aria-selected="true"]')!.id).to.equal(input.getAttribute('aria-activedescendant'));
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' }); // wraps to the last
    await el.updateComplete;
    expect(activeText(el, input)).to.equal('道路破损');
    expect(document.activeElement).to.equal(input);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value).to.equal('city.road');
    expect(input.value).to.equal('城市管理 / 道路破损');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(changes).to.deep.equal(['city.road']);
    // typing over a choice clears it
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(changes).to.deep.equal(['city.road', '']);
  });

  it('closes with Escape without choosing, and says when nothing matches', async () => {
    const { el, input } = await mount();
    input.focus();
    await sendKeys({ type: '没有' });
    await el.updateComplete;
    el.emptyText = '没有匹配的类别';
    await el.updateComplete;
    const options = [...el.querySelectorAll('[role="option"]')];
    expect(options.map((o) => o.textContent.trim())).to.deep.equal(['没有匹配的类别']);
    expect(options[0].getAttribute('aria-disabled')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(el.value).to.equal('');
  });

  it('chooses with a click, and its jc-change does not leave a shadow root it sits in', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const el = document.createElement('jc-combobox');
    el.options = OPTIONS;
    root.append(el);
    await el.updateComplete;
    let outside = 0;
    let inside = '';
    document.addEventListener('jc-change', () => outside++, { once: true });
    root.addEventListener('jc-change', (e) => (inside = (e as CustomEvent<{ value: string }>).detail.value));
    el.querySelector('input')!.click();
    await el.updateComplete;
    (el.querySelectorAll<HTMLElement>('[role="option"]')[3]).click();
    await el.updateComplete;
    await aTimeout(0);
    expect(inside).to.equal('safety.fire');
    expect(outside).to.equal(0);
  });
});
