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
