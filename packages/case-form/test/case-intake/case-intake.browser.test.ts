import { fixture, fixtureSync, html, expect, oneEvent, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { JcCaseIntake, JcSubmitDetail } from '../../src/index.js';
import { world, XSS, G1, type World } from '../fixtures.js';

let w: World;
before(async () => {
  w = await world([{ code: '350302101001003', parent: '350302101001', level: 'grid', name: XSS }]);
});

const root = (el: JcCaseIntake) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: JcCaseIntake, sel: string) => root(el).querySelector<T>(sel);
const errText = (el: JcCaseIntake, field: string) => $(el, `#e-${field}`)?.textContent?.trim();

async function mount(tpl = html`<jc-case-intake></jc-case-intake>`): Promise<JcCaseIntake> {
  const el = await fixture<JcCaseIntake>(tpl);
  el.categories = w.categories;
  el.hierarchy = w.hierarchy;
  await el.updateComplete;
  await aTimeout(0);
  return el;
}

async function typeInto(el: JcCaseIntake, field: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `[data-field="${field}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('blur'));
  await el.updateComplete;
}

async function fillValid(el: JcCaseIntake): Promise<void> {
  el.raw = { category: 'city.rubbish', node: G1, description: '楼道堆放垃圾', urgency: 'normal', source: 'patrol' };
  await el.updateComplete;
}


describe('<jc-case-intake> intake: validation', () => {
  it('blocks an empty submit, shows every required field inline in Chinese and focuses the first', async () => {
    const el = await mount();
    let submitted = false;
    el.addEventListener('jc-submit', () => (submitted = true));
    $<HTMLButtonElement>(el, 'button[part="submit"]')!.click();
    await el.updateComplete;
    await aTimeout(0);
    expect(submitted).to.equal(false);
    expect(errText(el, 'category')).to.equal('事项类别：必填');
    expect(errText(el, 'description')).to.equal('问题描述：必填');
    expect(errText(el, 'node')).to.equal('节点：必填');
    expect(errText(el, 'source')).to.equal('来源：必填');
    expect(errText(el, 'urgency')).to.equal(undefined); // defaults to normal
    const cat = $<HTMLInputElement>(el, '[data-field="category"]')!;
    expect(cat.getAttribute('aria-invalid')).to.equal('true');
    expect(cat.getAttribute('aria-describedby')).to.equal('e-category');
    expect($(el, '#e-category')!.getAttribute('role')).to.equal('alert');
    expect(root(el).activeElement).to.equal(cat);
    expect($(el, '[part="status"]')!.textContent).to.contain('有 4 处需要更正');
  });

  it('speaks English with lang="en"', async () => {
    const el = await mount(html`<jc-case-intake lang="en"></jc-case-intake>`);
    await el.submit();
    expect(errText(el, 'category')).to.equal('category: required');
    expect(errText(el, 'description')).to.equal('description: required');
    expect(errText(el, 'node')).to.equal('node: required');
    expect(errText(el, 'source')).to.equal('source: required');
    expect($(el, 'button[part="submit"]')!.textContent.trim()).to.equal('Submit');
  });

  it('checks every optional field with the core rules, in zh and en, and clears the error once fixed', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const el = await mount(lang === 'en' ? html`<jc-case-intake lang="en"></jc-case-intake>` : undefined);
      await fillValid(el);
      await typeInto(el, 'lat', '91');
      await typeInto(el, 'lng', '200');
      await typeInto(el, 'reporterPhone', 'abc');
      await typeInto(el, 'reporterName', '张三');
      await typeInto(el, 'description', 'x'.repeat(2001));
      await typeInto(el, 'address', 'y'.repeat(501));
      const expected = lang === 'zh'
        ? { lat: '纬度：不能超过 90', lng: '经度：不能超过 180', description: '问题描述：不能超过 2000 个字符', address: '地址：不能超过 500 个字符' }
        : { lat: 'latitude: must be at most 90', lng: 'longitude: must be at most 180', description: 'description: at most 2000 characters', address: 'address: at most 500 characters' };
      for (const [f, msg] of Object.entries(expected)) expect(errText(el, f), f).to.equal(msg);
      expect(errText(el, 'reporterPhone')).to.match(lang === 'zh' ? /^联系电话：格式不正确/ : /^phone: wrong format/);
      expect(el.value).to.equal(null);
      // Consent is needed for a reporter's contact (checked once the other fields are fine).
      await typeInto(el, 'lat', '25.43');
      await typeInto(el, 'lng', 'abc');
      expect(errText(el, 'lng')).to.equal(lang === 'zh' ? '经度：类型不正确' : 'longitude: wrong type, expected number');
      await typeInto(el, 'lng', '');
      expect(errText(el, 'lng')).to.equal(lang === 'zh' ? '坐标：经度和纬度须同时填写' : 'coordinates: give both latitude and longitude');
      await typeInto(el, 'lng', '119.0');
      await typeInto(el, 'reporterPhone', '138 0000 0000');
      await typeInto(el, 'description', '楼道堆放垃圾');
      await typeInto(el, 'address', '');
      await el.submit();
      expect(errText(el, 'consent')).to.match(lang === 'zh' ? /^报告人同意/ : /^consent/);
      expect(root(el).activeElement).to.equal($(el, '[data-field="consent"]'));
      for (const f of ['lat', 'lng', 'reporterPhone', 'description', 'address']) expect(errText(el, f), f).to.equal(undefined);
      $<HTMLInputElement>(el, '[data-field="consent"]')!.click();
      await el.updateComplete;
      expect(errText(el, 'consent')).to.equal(undefined);
      expect(el.value).to.include({ lat: 25.43, lng: 119, reporterPhone: '138 0000 0000', consent: true });
    }
  });

  it('counts each limited field as it is typed, with the unit, and refuses more than the limit in place', async () => {
    const el = await mount();
    const area = $<HTMLTextAreaElement>(el, '[data-field="description"]')!;
    const counter = (f: string) => $(el, `#c-${f}`)?.textContent?.trim();
    expect(counter('description')).to.equal('0/2000 字');
    expect(area.getAttribute('aria-describedby')!.split(' ')).to.include('c-description');
    expect(counter('address')).to.equal('0/500 字');
    expect(counter('reporterName')).to.equal('0/200 字');
    area.focus();
    await sendKeys({ type: '路灯不亮' });
    await el.updateComplete;
    expect(counter('description')).to.equal('4/2000 字');
    el.raw = { ...el.raw, description: '长'.repeat(2000) };
    await el.updateComplete;
    area.focus();
    area.setSelectionRange(2000, 2000);
    await sendKeys({ type: '多' });
    await el.updateComplete;
    expect(area.value.length).to.equal(2000);
    expect(el.raw.description.length).to.equal(2000);
    expect(counter('description')).to.equal('2000/2000 字');
    expect($(el, '#c-description')!.classList.contains('full')).to.equal(true);
    el.lang = 'en';
    await el.updateComplete;
    expect(counter('address')).to.equal('0/500 characters');
  });

  it('does not show a field\'s error before the user leaves it', async () => {
    const el = await mount();
    const d = $<HTMLTextAreaElement>(el, '[data-field="description"]')!;
    d.value = ' ';
    d.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(errText(el, 'description')).to.equal(undefined);
    d.dispatchEvent(new Event('blur'));
    await el.updateComplete;
    expect(errText(el, 'description')).to.equal('问题描述：必填');
  });

  it('filters the category table in a WAI-ARIA combobox', async () => {
    const el = await mount();
    const input = $<HTMLInputElement>(el, '[role="combobox"]')!;
    input.focus();
    input.value = '垃圾';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const options = [...root(el).querySelectorAll('[role="option"]')].map((o) => o.textContent.trim());
    expect(options).to.deep.equal(['暴露垃圾']);
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    const active = input.getAttribute('aria-activedescendant')!;
    expect($(el, `#${active}`)!.textContent.trim()).to.equal('暴露垃圾');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(el.raw.category).to.equal('city.rubbish');
    expect(input.value).to.equal('城市管理 / 暴露垃圾');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
  });

  it('records attachment metadata with the SHA-256 the page computes, and emits the files for upload', async () => {
    const el = await mount();
    await fillValid(el);
    const input = $<HTMLInputElement>(el, 'input[type="file"]')!;
    const dt = new DataTransfer();
    dt.items.add(new File(['abc'], '现场.jpg', { type: 'image/jpeg' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    const [a] = el.raw.attachments;
    expect(a).to.include({ name: '现场.jpg', mime: 'image/jpeg', size: 3, sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' });
    expect($(el, '[part="attachments"]')!.textContent).to.contain('现场.jpg');
    setTimeout(() => void el.submit());
    const ev = await oneEvent<CustomEvent<JcSubmitDetail>>(el, 'jc-submit');
    expect(ev.detail.discover.attachments![0].sha256).to.equal(a.sha256);
    expect(ev.detail.files[a.id].name).to.equal('现场.jpg');
  });
});

describe('<jc-case-intake> intake: submitting', () => {
  it('emits jc-submit with commands the core accepts', async () => {
    const el = await mount();
    await fillValid(el);
    el.raw = { ...el.raw, reporterName: '张三', reporterPhone: '13800000000', consent: true, anonymous: true };
    setTimeout(() => $<HTMLButtonElement>(el, 'button[part="submit"]')!.click());
    const ev = await oneEvent<CustomEvent<JcSubmitDetail>>(el, 'jc-submit');
    const d = ev.detail;
    expect(d.discover).to.deep.equal({ type: 'discover', node: G1, source: 'patrol', description: '楼道堆放垃圾', urgency: 'normal' });
    expect(d.reporter).to.deep.equal({ reporterName: '张三', reporterPhone: '13800000000', consent: true, anonymous: true });
    const r = w.store.execute(d.discover, w.actors.gw, w.ctx);
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    const reg = w.store.execute({ ...d.register, caseId: r.value[0].caseId, expectedVersion: 1 }, w.actors.vo, w.ctx);
    expect(reg.ok, JSON.stringify(reg)).to.equal(true);
  });

  it('can be completed with the keyboard alone', async () => {
    const el = await mount();
    let detail: JcSubmitDetail | undefined;
    el.addEventListener('jc-submit', (e) => (detail = e.detail));
    $<HTMLInputElement>(el, '[role="combobox"]')!.focus();
    await sendKeys({ type: '垃圾' });
    await el.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '楼道堆放垃圾' });
    await sendKeys({ press: 'Tab' }); // the node picker's search box
    await sendKeys({ type: '第一网格' });
    await sendKeys({ press: 'Enter' }); // to the first match
    await el.updateComplete;
    await aTimeout(0);
    await sendKeys({ press: 'Enter' }); // select it
    await el.updateComplete;
    expect(el.raw.node).to.equal(G1);
    // address, lat, lng stay empty; urgency keeps "normal"
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' }); // into the urgency group (on the checked radio)
    expect(root(el).activeElement!.getAttribute('value')).to.equal('normal');
    await sendKeys({ press: 'Tab' }); // into the source group
    await sendKeys({ press: 'ArrowDown' }); // citizen
    await el.updateComplete;
    expect(el.raw.source).to.equal('citizen');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(detail, JSON.stringify(el.issues)).to.not.equal(undefined);
    expect(detail!.intake).to.include({ category: 'city.rubbish', node: G1, description: '楼道堆放垃圾', source: 'citizen', urgency: 'normal' });
  });
});

describe('<jc-case-intake> inside a plain <form>', () => {
  it('is invalid while the intake is, and submits its JSON under its name', async () => {
    // fixtureSync: open-wc waits an animation frame for plain elements, which a background page never gets.
    const form = fixtureSync<HTMLFormElement>(html`<form><jc-case-intake name="case" hide-submit></jc-case-intake><button>go</button></form>`);
    const el = form.querySelector('jc-case-intake')!;
    el.categories = w.categories;
    el.hierarchy = w.hierarchy;
    await el.updateComplete;
    expect(el.form).to.equal(form);
    expect(form.checkValidity()).to.equal(false);
    expect(form.reportValidity()).to.equal(false);
    await el.updateComplete;
    expect(errText(el, 'description')).to.equal('问题描述：必填'); // the invalid event shows the errors
    expect(new FormData(form).get('case')).to.equal(null);
    let submits = 0;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submits++;
    });
    form.requestSubmit();
    expect(submits).to.equal(0);
    await fillValid(el);
    expect(form.checkValidity()).to.equal(true);
    const raw = new FormData(form).get('case');
    const value = JSON.parse(typeof raw === 'string' ? raw : 'null');
    expect(value).to.include({ category: 'city.rubbish', node: G1, source: 'patrol', urgency: 'normal' });
    form.requestSubmit();
    expect(submits).to.equal(1);
    form.reset();
    await el.updateComplete;
    expect(el.raw.description).to.equal('');
    expect(form.checkValidity()).to.equal(false);
  });
});

describe('<jc-case-intake> in a disabled fieldset', () => {
  it('disables its controls with the fieldset', async () => {
    const form = fixtureSync<HTMLFormElement>(html`<form><fieldset disabled><jc-case-intake name="c"></jc-case-intake></fieldset></form>`);
    const el = form.querySelector('jc-case-intake')!;
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '[data-field="description"]')!.disabled).to.equal(true);
    expect($<HTMLButtonElement>(el, 'button[part="submit"]')!.disabled).to.equal(true);
    form.querySelector('fieldset')!.disabled = false;
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '[data-field="description"]')!.disabled).to.equal(false);
  });
});

describe('<jc-case-intake> drafts', () => {
  it('restores what was typed after a reload and clears it on a successful submit', async () => {
    const mem = new Map<string, string>();
    const storage = { getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, v: string) => void mem.set(k, v), removeItem: (k: string) => void mem.delete(k) };
    const first = await fixture<JcCaseIntake>(html`<jc-case-intake draft-key="t1" .storage=${storage}></jc-case-intake>`);
    first.categories = w.categories;
    await first.updateComplete;
    await typeInto(first, 'description', '井盖缺失');
    await typeInto(first, 'address', '胜利路 12 号');
    first.remove();
    const second = await fixture<JcCaseIntake>(html`<jc-case-intake draft-key="t1" .storage=${storage}></jc-case-intake>`);
    second.categories = w.categories;
    second.hierarchy = w.hierarchy;
    await second.updateComplete;
    expect($<HTMLTextAreaElement>(second, '[data-field="description"]')!.value).to.equal('井盖缺失');
    expect($<HTMLInputElement>(second, '[data-field="address"]')!.value).to.equal('胜利路 12 号');
    expect($(second, '[part="status"]')!.textContent).to.contain('已恢复');
    second.raw = { ...second.raw, category: 'facility.manhole', node: G1, source: 'patrol' };
    await second.updateComplete;
    expect(mem.size).to.equal(1);
    expect(await second.submit()).to.equal(true);
    expect(mem.size).to.equal(0);
  });

  it('uses localStorage by default', async () => {
    localStorage.removeItem('jc-case-form:t2');
    const el = await fixture<JcCaseIntake>(html`<jc-case-intake draft-key="t2"></jc-case-intake>`);
    await typeInto(el, 'description', '路灯不亮');
    expect(JSON.parse(localStorage.getItem('jc-case-form:t2')!).intake.description).to.equal('路灯不亮');
    localStorage.removeItem('jc-case-form:t2');
  });
});

describe('<jc-case-intake> safety and accessibility', () => {
  afterEach(() => {
    delete (window as unknown as Record<string, unknown>).__pwned;
  });

  it('renders script-like text in every field as text', async () => {
    const el = await mount();
    for (const f of ['description', 'address', 'reporterName', 'reporterPhone', 'lat', 'lng']) await typeInto(el, f, XSS);
    const cat = $<HTMLInputElement>(el, '[role="combobox"]')!;
    cat.value = XSS;
    cat.dispatchEvent(new Event('input'));
    const dt = new DataTransfer();
    dt.items.add(new File(['x'], `${XSS}.png`, { type: 'image/png' }));
    const fi = $<HTMLInputElement>(el, 'input[type="file"]')!;
    fi.files = dt.files;
    fi.dispatchEvent(new Event('change'));
    await new Promise((r) => setTimeout(r, 50));
    el.raw = { ...el.raw, node: '350302101001003' }; // a node whose name is the payload
    await el.submit();
    await aTimeout(0);
    expect(root(el).querySelectorAll('img').length).to.equal(0);
    expect($(el, '[part="attachments"]')!.textContent).to.contain(XSS);
    expect(root(el).querySelector('output')!.textContent).to.contain(XSS);
    expect((window as unknown as Record<string, unknown>).__pwned).to.equal(undefined);
  });

  it('has no axe violations, empty and with errors shown', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    await el.submit();
    await aTimeout(0);
    await expect(el).to.be.accessible();
  });
});

describe('<jc-case-intake> follows the page and keeps its inner events inside', () => {
  it('re-renders in English when <html lang> changes to en, and back', async () => {
    const html0 = document.documentElement.getAttribute('lang');
    try {
      document.documentElement.setAttribute('lang', 'zh-CN');
      const el = await mount();
      const submit = () => $<HTMLButtonElement>(el, 'button[part="submit"]')!.textContent.trim();
      expect(submit()).to.equal('提交');
      document.documentElement.setAttribute('lang', 'en');
      await aTimeout(0);
      await el.updateComplete;
      expect(submit()).to.equal('Submit');
      expect($(el, '.title')!.textContent.trim()).to.equal('Report a case');
      expect($(el, 'label[for="f-category"]')!.textContent).to.contain('Category');
      document.documentElement.setAttribute('lang', 'zh-CN');
      await aTimeout(0);
      await el.updateComplete;
      expect(submit()).to.equal('提交');
    } finally {
      if (html0 === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.setAttribute('lang', html0);
    }
  });

  it('picks a node in its tree without the tree\'s jc-search, jc-expand or jc-select reaching the page', async () => {
    const heard: string[] = [];
    const listen = (e: Event) => heard.push(e.type);
    const types = ['jc-select', 'jc-search', 'jc-expand'];
    for (const t of types) document.addEventListener(t, listen);
    try {
      const el = await mount();
      const tree = $(el, 'jc-grid-tree[data-field="node"]')!;
      tree.shadowRoot!.querySelector<HTMLInputElement>('input')!.focus();
      await sendKeys({ type: '第一网格' });
      await aTimeout(400); // the tree searches after its delay and reports jc-search
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await aTimeout(0);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.raw.node).to.equal(G1);
      expect(heard).to.deep.equal([]);
    } finally {
      for (const t of types) document.removeEventListener(t, listen);
    }
  });
});
