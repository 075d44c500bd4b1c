import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LanguageController } from '@jiceng/ui';

class JcLangProbe extends LitElement {
  readonly language = new LanguageController(this);
  override render() {
    return html`<p>${this.language.lang === 'en' ? 'Hello' : '你好'}</p>`;
  }
}
customElements.define('jc-lang-probe', JcLangProbe);

const text = (el: JcLangProbe) => el.shadowRoot!.querySelector('p')!.textContent;

describe('LanguageController', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('renders the element again when <html lang> changes, both ways', async () => {
    document.documentElement.lang = 'zh-CN';
    const el = await fixture<JcLangProbe>(html`<jc-lang-probe></jc-lang-probe>`);
    expect(text(el)).to.equal('你好');
    document.documentElement.lang = 'en';
    await new Promise((r) => setTimeout(r)); // mutation records are delivered as a microtask
    await el.updateComplete;
    expect(text(el)).to.equal('Hello');
    document.documentElement.lang = 'zh-CN';
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(text(el)).to.equal('你好');
  });

  it('follows a container between the page and the element', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><jc-lang-probe></jc-lang-probe></div>`);
    const el = wrap.querySelector('jc-lang-probe') as JcLangProbe;
    wrap.lang = 'en-GB';
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(text(el)).to.equal('Hello');
  });

  it('refuses a host that is not a Lit element', () => {
    expect(() => new LanguageController({} as never)).to.throw(/LanguageController/);
  });
});
