import { expect } from '@open-wc/testing';
import { defineElement, definedVersion, resolveLang } from '@jiceng/ui';

describe('defineElement', () => {
  it('registers once and ignores a second load of the same tag', () => {
    class A extends HTMLElement {}
    class B extends HTMLElement {}
    expect(defineElement('jc-test-a', A, '1.0.0')).to.equal(true);
    expect(defineElement('jc-test-a', B, '1.0.0')).to.equal(false);
    expect(customElements.get('jc-test-a')).to.equal(A);
    expect(definedVersion('jc-test-a')).to.equal('1.0.0');
  });
});

describe('resolveLang', () => {
  it('speaks Chinese by default and English when the element or an ancestor asks', () => {
    const wrap = document.createElement('div');
    const el = document.createElement('span');
    wrap.append(el);
    document.body.append(wrap);
    expect(resolveLang(el)).to.equal('zh');
    wrap.lang = 'en-GB';
    expect(resolveLang(el)).to.equal('en');
    wrap.remove();
  });
});

describe('resolveLang and a lang set as a property', () => {
  it('an element whose lang property is set (without the attribute) speaks that language', () => {
    const wrap = document.createElement('div');
    wrap.lang = 'zh-CN';
    const el = document.createElement('span');
    Object.defineProperty(el, 'lang', { value: 'en', configurable: true }); // like a non-reflecting Lit property
    wrap.append(el);
    document.body.append(wrap);
    expect(el.hasAttribute('lang')).to.equal(false);
    expect(resolveLang(el)).to.equal('en');
    wrap.remove();
  });
});
