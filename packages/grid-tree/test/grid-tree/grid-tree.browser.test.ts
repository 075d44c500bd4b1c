import { fixture, html, expect, oneEvent, aTimeout, nextFrame } from '@open-wc/testing';
import type { HierarchyIndex } from '@jiceng/core';
import '../../src/define.js';
import type { JcGridTree, JcSelectDetail, JcExpandDetail, JcSearchDetail } from '../../src/index.js';
import { build, cityTree, smallNodes, smallTree, XSS_NAME } from './fixtures.js';

const small = smallTree();

async function mount(tpl = html`<jc-grid-tree search-delay="0"></jc-grid-tree>`, h: HierarchyIndex = small): Promise<JcGridTree> {
  const el = await fixture<JcGridTree>(tpl);
  el.hierarchy = h;
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
  return el;
}

const rowEls = (el: JcGridTree): HTMLElement[] => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.row')];
/** Visible rows in display order (by their vertical position). */
const rows = (el: JcGridTree): HTMLElement[] => {
  const top = (r: HTMLElement) => Number(/translateY\(([-\d.]+)px\)/.exec(r.getAttribute('style') ?? '')?.[1] ?? 0);
  return rowEls(el).sort((a, b) => top(a) - top(b));
};
const names = (el: JcGridTree): string[] => rows(el).map((r) => r.querySelector('.label')!.textContent.trim());
const row = (el: JcGridTree, name: string): HTMLElement => {
  const r = rows(el).find((x) => x.querySelector('.label')!.textContent.trim() === name);
  if (!r) throw new Error(`no row named ${name}; rows: ${names(el).join(', ')}`);
  return r;
};
const focused = (el: JcGridTree): HTMLElement | null => el.shadowRoot!.activeElement as HTMLElement | null;
const focusedName = (el: JcGridTree): string | undefined => focused(el)?.querySelector('.label')?.textContent?.trim();

async function press(el: JcGridTree, key: string): Promise<void> {
  const target = focused(el) ?? el.shadowRoot!.querySelector('[role="tree"]')!;
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
  await el.updateComplete;
}

async function type(el: JcGridTree, text: string): Promise<JcSearchDetail> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
  input.value = text;
  const ev = oneEvent<CustomEvent<JcSearchDetail>>(el, 'jc-search');
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  const e = await ev;
  await el.updateComplete;
  return e.detail;
}

async function clickToggle(el: JcGridTree, name: string): Promise<void> {
  row(el, name).querySelector<HTMLElement>('.toggle')!.click();
  await el.updateComplete;
}

describe('jc-grid-tree rendering', () => {
  it('shows the root expanded with its children, as a tree of treeitems with level, set size and position', async () => {
    const el = await mount();
    expect(names(el)).to.deep.equal(['莆田市', '荔城区', '城厢区', '涵江区']);
    const tree = el.shadowRoot!.querySelector('[role="tree"]')!;
    expect(tree.getAttribute('aria-label')).to.equal('治理层级');
    const root = row(el, '莆田市');
    expect(root.getAttribute('role')).to.equal('treeitem');
    expect(root.getAttribute('aria-level')).to.equal('1');
    expect(root.getAttribute('aria-expanded')).to.equal('true');
    const cx = row(el, '城厢区');
    expect([cx.getAttribute('aria-level'), cx.getAttribute('aria-posinset'), cx.getAttribute('aria-setsize')]).to.deep.equal(['2', '2', '3']);
    expect(cx.getAttribute('aria-expanded')).to.equal('false');
    expect(cx.getAttribute('aria-selected')).to.equal('false');
    // the index is a property, never an attribute
    expect(el.hasAttribute('hierarchy')).to.equal(false);
  });

  it('uses the label attribute as the accessible name', async () => {
    const el = await mount(html`<jc-grid-tree label="选择网格"></jc-grid-tree>`);
    expect(el.shadowRoot!.querySelector('[role="tree"]')!.getAttribute('aria-label')).to.equal('选择网格');
  });

  it('renders nothing but the empty tree before a hierarchy is set', async () => {
    const el = await fixture<JcGridTree>(html`<jc-grid-tree></jc-grid-tree>`);
    expect(rowEls(el)).to.have.length(0);
    expect(el.shadowRoot!.querySelector('[role="tree"]')).to.exist;
  });
});

describe('jc-grid-tree expand and collapse', () => {
  it('expands and collapses a node from its arrow, with jc-expand events', async () => {
    const el = await mount();
    const ev = oneEvent<CustomEvent<JcExpandDetail>>(el, 'jc-expand');
    await clickToggle(el, '荔城区');
    expect((await ev).detail).to.deep.equal({ code: '350304000000', expanded: true });
    expect(names(el)).to.deep.equal(['莆田市', '荔城区', '镇海街道', '拱辰街道', '黄石镇', '城厢区', '涵江区']);
    expect(row(el, '荔城区').getAttribute('aria-expanded')).to.equal('true');
    expect(row(el, '拱辰街道').getAttribute('aria-level')).to.equal('3');
    const ev2 = oneEvent<CustomEvent<JcExpandDetail>>(el, 'jc-expand');
    await clickToggle(el, '荔城区');
    expect((await ev2).detail).to.deep.equal({ code: '350304000000', expanded: false });
    expect(names(el)).to.deep.equal(['莆田市', '荔城区', '城厢区', '涵江区']);
  });

  it('shows no arrow and no aria-expanded on a leaf', async () => {
    const el = await mount();
    el.expanded = ['350300000000', '350304000000', '350304001000', '350304001001', '350304001001001'];
    await el.updateComplete;
    const leaf = row(el, '1号楼');
    expect(leaf.hasAttribute('aria-expanded')).to.equal(false);
    expect(leaf.querySelector('.toggle')!.textContent).to.equal('');
  });

  it('takes expansion from outside and reports it back', async () => {
    const el = await mount();
    el.expanded = ['350300000000', '350302000000'];
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['莆田市', '荔城区', '城厢区', '凤凰山街道', '涵江区']);
    expect(el.expanded).to.deep.equal(['350300000000', '350302000000']);
  });

  it('expandTo reveals a deep node and makes it the active row', async () => {
    const el = await mount();
    expect(el.expandTo('350304001001001002')).to.equal(true);
    await el.updateComplete;
    expect(names(el)).to.include('2号楼');
    expect(row(el, '2号楼').getAttribute('tabindex')).to.equal('0');
    expect(el.expandTo('999999999999')).to.equal(false);
  });
});

describe('jc-grid-tree search', () => {
  it('filters to matches and their ancestors and highlights the matched text', async () => {
    const el = await mount();
    const d = await type(el, '镇海');
    expect(d.query).to.equal('镇海');
    expect(d.matches).to.deep.equal(['350304001000', '350304001001']);
    expect(d.truncated).to.equal(false);
    expect(names(el)).to.deep.equal(['莆田市', '荔城区', '镇海街道', '镇海社区']);
    const mark = row(el, '镇海街道').querySelector('mark')!;
    expect(mark.textContent).to.equal('镇海');
    expect(row(el, '荔城区').querySelector('mark')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('找到 2 个节点');
  });

  it('finds nodes by pinyin initials', async () => {
    const el = await mount();
    const d = await type(el, 'lcq');
    expect(d.matches).to.deep.equal(['350304000000']);
    expect(names(el)).to.deep.equal(['莆田市', '荔城区']);
    expect(row(el, '荔城区').querySelector('mark')!.textContent).to.equal('荔城区');
  });

  it('finds nodes by code prefix and shows the code with the prefix marked', async () => {
    const el = await mount();
    await type(el, '350304001001001');
    expect(names(el)).to.include.members(['第一网格', '1号楼', '2号楼']);
    const code = row(el, '第一网格').querySelector('.code')!;
    expect(code.querySelector('mark')!.textContent).to.equal('350304001001001');
  });

  it('says so when nothing matches, and shows the whole tree again when cleared', async () => {
    const el = await mount();
    await type(el, '不存在的地方');
    expect(rowEls(el)).to.have.length(0);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('没有匹配的节点');
    const d = await type(el, '');
    expect(d).to.deep.equal({ query: '', matches: [], truncated: false });
    expect(names(el)).to.deep.equal(['莆田市', '荔城区', '城厢区', '涵江区']);
  });

  it('waits for typing to pause (debounced)', async () => {
    const el = await mount(html`<jc-grid-tree search-delay="80"></jc-grid-tree>`);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input')!;
    let events = 0;
    el.addEventListener('jc-search', () => events++);
    for (const v of ['镇', '镇海', '镇海社']) {
      input.value = v;
      input.dispatchEvent(new Event('input'));
      await aTimeout(20);
    }
    expect(events).to.equal(0);
    await aTimeout(150);
    expect(events).to.equal(1);
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['莆田市', '荔城区', '镇海街道', '镇海社区']);
  });

  it('lets the user expand a match inside the filter to see its children', async () => {
    const el = await mount();
    await type(el, '镇海社区');
    await clickToggle(el, '镇海社区');
    expect(names(el)).to.deep.equal(['莆田市', '荔城区', '镇海街道', '镇海社区', '第一网格', '第二网格']);
  });

  it('limits the matches to search-limit and says so', async () => {
    const el = await mount(html`<jc-grid-tree search-delay="0" search-limit="3"></jc-grid-tree>`);
    const d = await type(el, '3503');
    expect(d.matches).to.have.length(3);
    expect(d.truncated).to.equal(true);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('3');
  });
});

describe('jc-grid-tree selection', () => {
  it('single: a click selects one node and replaces the previous one', async () => {
    const el = await mount();
    const ev = oneEvent<CustomEvent<JcSelectDetail>>(el, 'jc-select');
    row(el, '荔城区').click();
    const d = (await ev).detail;
    expect(d.code).to.equal('350304000000');
    expect(d.codes).to.deep.equal(['350304000000']);
    expect(d.positions).to.deep.equal([small.indexOf('350304000000')]);
    await el.updateComplete;
    row(el, '城厢区').click();
    await el.updateComplete;
    expect(el.selected).to.deep.equal(['350302000000']);
    expect(row(el, '荔城区').getAttribute('aria-selected')).to.equal('false');
    expect(row(el, '城厢区').getAttribute('aria-selected')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[role="tree"]')!.hasAttribute('aria-multiselectable')).to.equal(false);
  });

  it('multiple: clicks toggle nodes in and out', async () => {
    const el = await mount(html`<jc-grid-tree selection="multiple"></jc-grid-tree>`);
    expect(el.shadowRoot!.querySelector('[role="tree"]')!.getAttribute('aria-multiselectable')).to.equal('true');
    row(el, '荔城区').click();
    row(el, '涵江区').click();
    await el.updateComplete;
    expect(el.selected).to.deep.equal(['350304000000', '350303000000']);
    const ev = oneEvent<CustomEvent<JcSelectDetail>>(el, 'jc-select');
    row(el, '荔城区').click();
    expect((await ev).detail.codes).to.deep.equal(['350303000000']);
    await el.updateComplete;
    expect(row(el, '荔城区').getAttribute('aria-selected')).to.equal('false');
  });

  it('scope: checking a node checks its subtree; ancestors become mixed; unchecking a child splits the scope', async () => {
    const el = await mount(html`<jc-grid-tree selection="scope"></jc-grid-tree>`);
    el.expanded = ['350300000000', '350304000000'];
    await el.updateComplete;
    const ev = oneEvent<CustomEvent<JcSelectDetail>>(el, 'jc-select');
    row(el, '荔城区').click();
    expect((await ev).detail.codes).to.deep.equal(['350304000000']);
    await el.updateComplete;
    expect(row(el, '荔城区').getAttribute('aria-checked')).to.equal('true');
    expect(row(el, '拱辰街道').getAttribute('aria-checked')).to.equal('true');
    expect(row(el, '莆田市').getAttribute('aria-checked')).to.equal('mixed');
    expect(row(el, '城厢区').getAttribute('aria-checked')).to.equal('false');
    expect(row(el, '荔城区').hasAttribute('aria-selected')).to.equal(false);
    row(el, '拱辰街道').click();
    await el.updateComplete;
    expect(row(el, '荔城区').getAttribute('aria-checked')).to.equal('mixed');
    expect(el.selected).to.deep.equal(['350304001000', '350304100000']);
    // checking every county checks the city, reported as one scope
    row(el, '拱辰街道').click();
    row(el, '城厢区').click();
    row(el, '涵江区').click();
    await el.updateComplete;
    expect(row(el, '莆田市').getAttribute('aria-checked')).to.equal('true');
    expect(el.selected).to.deep.equal(['350300000000']);
  });

  it('takes the selection from outside, in each mode', async () => {
    const el = await mount(html`<jc-grid-tree selection="scope"></jc-grid-tree>`);
    el.selected = ['350302000000'];
    await el.updateComplete;
    expect(row(el, '城厢区').getAttribute('aria-checked')).to.equal('true');
    el.selection = 'multiple';
    await el.updateComplete;
    expect(el.selected).to.deep.equal(['350302000000']);
    expect(row(el, '城厢区').getAttribute('aria-selected')).to.equal('true');
    el.selection = 'single';
    el.selected = ['350303000000', '350302000000'];
    await el.updateComplete;
    expect(el.selected).to.deep.equal(['350303000000']);
  });
});

describe('jc-grid-tree lazy loading', () => {
  const top = build(smallNodes.filter((x) => x.level === 'city' || x.level === 'county'));

  it('shows a busy loading row while the loader runs, then the children it brought', async () => {
    let resolve!: (h: HierarchyIndex) => void;
    const asked: string[] = [];
    const el = await mount(html`<jc-grid-tree></jc-grid-tree>`, top);
    el.loader = (code) => {
      asked.push(code);
      return new Promise<HierarchyIndex>((r) => (resolve = r));
    };
    await el.updateComplete;
    expect(row(el, '荔城区').getAttribute('aria-expanded')).to.equal('false');
    await clickToggle(el, '荔城区');
    expect(asked).to.deep.equal(['350304000000']);
    const loading = rows(el)[2];
    expect(loading.textContent).to.contain('加载中');
    expect(loading.getAttribute('aria-level')).to.equal('3');
    expect(row(el, '荔城区').getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[role="tree"]')!.getAttribute('aria-busy')).to.equal('true');
    resolve(build(smallNodes.filter((x) => x.level !== 'village' && x.level !== 'grid' && x.level !== 'unit')));
    await aTimeout(0);
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['莆田市', '荔城区', '镇海街道', '拱辰街道', '黄石镇', '城厢区', '涵江区']);
    expect(el.shadowRoot!.querySelector('[role="tree"]')!.hasAttribute('aria-busy')).to.equal(false);
    expect(row(el, '荔城区').hasAttribute('aria-busy')).to.equal(false);
  });

  it('a node whose loader brings nothing becomes a leaf; a failed load says so and can be retried', async () => {
    const el = await mount(html`<jc-grid-tree></jc-grid-tree>`, top);
    let fail = true;
    el.loader = async () => {
      if (fail) throw new Error('offline');
    };
    await el.updateComplete;
    await clickToggle(el, '涵江区');
    await aTimeout(0);
    await el.updateComplete;
    expect(rows(el)[4].textContent).to.contain('加载失败');
    await clickToggle(el, '涵江区'); // collapse
    fail = false;
    await clickToggle(el, '涵江区'); // expand again: retried
    await aTimeout(0);
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['莆田市', '荔城区', '城厢区', '涵江区']);
    expect(row(el, '涵江区').hasAttribute('aria-expanded')).to.equal(false);
  });
});

describe('jc-grid-tree keyboard', () => {
  async function focusRow(el: JcGridTree, name: string): Promise<void> {
    row(el, name).click();
    await el.updateComplete;
  }

  it('has exactly one tab stop: the active row', async () => {
    const el = await mount();
    const stops = rowEls(el).filter((r) => r.getAttribute('tabindex') === '0');
    expect(stops.map((r) => r.querySelector('.label')!.textContent)).to.deep.equal(['莆田市']);
  });

  it('Down and Up move between visible rows', async () => {
    const el = await mount();
    await focusRow(el, '莆田市');
    await press(el, 'ArrowDown');
    expect(focusedName(el)).to.equal('荔城区');
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    expect(focusedName(el)).to.equal('涵江区');
    await press(el, 'ArrowDown'); // last row: stays
    expect(focusedName(el)).to.equal('涵江区');
    await press(el, 'ArrowUp');
    expect(focusedName(el)).to.equal('城厢区');
    expect(focused(el)!.getAttribute('tabindex')).to.equal('0');
  });

  it('Right expands a closed node, then moves to its first child; on a leaf it does nothing', async () => {
    const el = await mount();
    await focusRow(el, '荔城区');
    await press(el, 'ArrowRight');
    expect(row(el, '荔城区').getAttribute('aria-expanded')).to.equal('true');
    expect(focusedName(el)).to.equal('荔城区');
    await press(el, 'ArrowRight');
    expect(focusedName(el)).to.equal('镇海街道');
    await focusRow(el, '黄石镇');
    await press(el, 'ArrowRight');
    expect(focusedName(el)).to.equal('黄石镇');
  });

  it('Left collapses an open node, then moves to its parent', async () => {
    const el = await mount();
    el.expanded = ['350300000000', '350304000000'];
    await el.updateComplete;
    await focusRow(el, '拱辰街道');
    await press(el, 'ArrowLeft');
    expect(focusedName(el)).to.equal('荔城区');
    await press(el, 'ArrowLeft');
    expect(row(el, '荔城区').getAttribute('aria-expanded')).to.equal('false');
    expect(focusedName(el)).to.equal('荔城区');
    await press(el, 'ArrowLeft');
    expect(focusedName(el)).to.equal('莆田市');
  });

  it('Home and End go to the first and last visible rows', async () => {
    const el = await mount();
    await focusRow(el, '城厢区');
    await press(el, 'End');
    expect(focusedName(el)).to.equal('涵江区');
    await press(el, 'Home');
    expect(focusedName(el)).to.equal('莆田市');
  });

  it('* expands every sibling of the focused node', async () => {
    const el = await mount();
    await focusRow(el, '荔城区');
    const events: JcExpandDetail[] = [];
    el.addEventListener('jc-expand', (e) => events.push(e.detail));
    await press(el, '*');
    expect(row(el, '荔城区').getAttribute('aria-expanded')).to.equal('true');
    expect(row(el, '城厢区').getAttribute('aria-expanded')).to.equal('true');
    expect(names(el)).to.include('凤凰山街道');
    expect(events.map((e) => e.code)).to.deep.equal(['350304000000', '350302000000']); // 涵江区 has no children
    expect(focusedName(el)).to.equal('荔城区');
  });

  it('type-ahead moves to the next row whose name starts with the typed characters', async () => {
    const el = await mount(html`<jc-grid-tree lang="en"></jc-grid-tree>`);
    await focusRow(el, 'Putian');
    await press(el, 'h');
    expect(focusedName(el)).to.equal('Hanjiang');
    await press(el, 'c'); // 'hc' matches nothing: stays
    await aTimeout(700); // the typed buffer resets after a pause
    await press(el, 'c');
    expect(focusedName(el)).to.equal('Chengxiang');
    await aTimeout(700);
    await press(el, 'l');
    await press(el, 'i');
    expect(focusedName(el)).to.equal('Licheng');
  });

  it('Enter and Space select the focused node', async () => {
    const el = await mount(html`<jc-grid-tree selection="multiple"></jc-grid-tree>`);
    await focusRow(el, '莆田市'); // the click selected the city
    await press(el, 'ArrowDown');
    let ev = oneEvent<CustomEvent<JcSelectDetail>>(el, 'jc-select');
    await press(el, 'Enter');
    expect((await ev).detail.code).to.equal('350304000000');
    await press(el, 'ArrowDown');
    ev = oneEvent<CustomEvent<JcSelectDetail>>(el, 'jc-select');
    await press(el, ' ');
    expect((await ev).detail.codes).to.deep.equal(['350300000000', '350304000000', '350302000000']);
    await press(el, ' ');
    expect(el.selected).to.deep.equal(['350300000000', '350304000000']);
  });

  it('Down from the search box enters the tree at the first match', async () => {
    const el = await mount();
    await type(el, '拱辰');
    const input = el.shadowRoot!.querySelector('input')!;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await el.updateComplete;
    await el.updateComplete;
    expect(focusedName(el)).to.equal('拱辰街道');
  });

  it('keeps focus on the active row while it scrolls out of view and back', async () => {
    const el = await mount(html`<jc-grid-tree style="--jc-grid-tree-height: 300px"></jc-grid-tree>`, cityTree(3));
    el.expanded = ['350300000000', '350301000000', '350301001000', '350301001001', '350301001002'];
    await el.updateComplete;
    await focusRow(el, '1区1镇1村');
    const active = focused(el)!;
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    scroller.scrollTop = 1500;
    await aTimeout(50);
    await el.updateComplete;
    expect(rows(el).filter((r) => r.getBoundingClientRect().bottom > scroller.getBoundingClientRect().top).map((r) => r.textContent)).not.to.include(active.textContent);
    expect(names(el)).to.include('第7区'); // scrolled to the end of the list …
    expect(focused(el) === active, 'same focused element').to.equal(true); // … yet focus stayed on the row
    scroller.scrollTop = 0;
    await aTimeout(50);
    await el.updateComplete;
    expect(focused(el) === active, 'same focused element after scrolling back').to.equal(true);
    await press(el, 'ArrowDown');
    expect(focusedName(el)).to.equal('1村1网格');
  });
});

describe('jc-grid-tree badges', () => {
  it('shows a number per node from a Map with colour bands, never colour alone', async () => {
    const el = await mount();
    el.badges = new Map([
      ['350304000000', 12],
      ['350302000000', 3],
      ['350303000000', 80],
    ]);
    el.badgeThresholds = { warn: 10, bad: 50 };
    await el.updateComplete;
    const b = row(el, '荔城区').querySelector('[part~="badge"]')!;
    expect(b.getAttribute('part')).to.equal('badge badge-warn');
    expect(b.textContent).to.contain('12');
    expect(b.textContent).to.contain('预警');
    expect(row(el, '城厢区').querySelector('[part~="badge"]')!.getAttribute('part')).to.equal('badge badge-ok');
    expect(row(el, '涵江区').querySelector('[part~="badge"]')!.textContent).to.contain('告警');
    expect(row(el, '莆田市').querySelector('[part~="badge"]')).to.equal(null);
  });

  it('reads values by position, with thresholds where higher is better', async () => {
    const el = await mount(html`<jc-grid-tree lang="en"></jc-grid-tree>`);
    const values = new Float64Array(small.size).fill(NaN);
    values[small.indexOf('350304000000')] = 0.995;
    values[small.indexOf('350302000000')] = 0.9;
    el.badges = { values, thresholds: { warn: 0.98, bad: 0.95, higherIsBetter: true } };
    el.badgeFormat = (v) => `${(v * 100).toFixed(1)}%`;
    await el.updateComplete;
    expect(row(el, 'Licheng').querySelector('.badge')!.textContent).to.equal('99.5%');
    expect(row(el, 'Chengxiang').querySelector('.badge')!.getAttribute('part')).to.equal('badge badge-bad');
    expect(row(el, 'Chengxiang').querySelector('.badge')!.textContent).to.equal('90.0% (alarm)');
  });
});

describe('jc-grid-tree language', () => {
  it('speaks English through lang, names included, and takes i18n overrides', async () => {
    const el = await mount(html`<jc-grid-tree lang="en"></jc-grid-tree>`);
    expect(names(el)).to.deep.equal(['Putian', 'Licheng', 'Chengxiang', 'Hanjiang']);
    expect(el.shadowRoot!.querySelector('[role="tree"]')!.getAttribute('aria-label')).to.equal('Governance hierarchy');
    expect(el.shadowRoot!.querySelector('input')!.getAttribute('placeholder')).to.equal('Name, code or pinyin initials');
    el.i18n = { label: 'Choose a grid' };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="tree"]')!.getAttribute('aria-label')).to.equal('Choose a grid');
  });

  it("follows the page's language", async () => {
    const wrap = await fixture(html`<div lang="en-GB"><jc-grid-tree></jc-grid-tree></div>`);
    const el = wrap.querySelector('jc-grid-tree')!;
    el.hierarchy = small;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('input')!.getAttribute('aria-label')).to.equal('Search the hierarchy');
  });
});

describe('jc-grid-tree page language', () => {
  afterEach(() => document.documentElement.setAttribute('lang', 'zh-CN'));
  it('follows a change of the page language after it rendered', async () => {
    const el = await mount();
    expect(el.shadowRoot!.querySelector('input')!.getAttribute('placeholder')).to.equal('名称、编码或拼音首字母');
    document.documentElement.setAttribute('lang', 'en');
    await aTimeout(0);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('input')!.getAttribute('placeholder')).to.equal('Name, code or pinyin initials');
    expect(names(el)[1]).to.equal('Licheng');
  });
});

describe('jc-grid-tree theming', () => {
  it('takes custom properties and exposes parts', async () => {
    const wrap = await fixture(html`<div>
      <style>
        .themed { --jc-grid-tree-row-bg: rgb(1, 2, 3); }
        .themed::part(label) { color: rgb(4, 5, 6); }
        .themed::part(toggle) { color: rgb(7, 8, 9); }
        .themed::part(search) { border-color: rgb(10, 11, 12); }
      </style>
      <jc-grid-tree class="themed"></jc-grid-tree>
    </div>`);
    const el = wrap.querySelector('jc-grid-tree')!;
    el.hierarchy = small;
    el.badges = new Map([['350304000000', 1]]);
    await el.updateComplete;
    const r = row(el, '城厢区');
    expect(getComputedStyle(r).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(r.querySelector('.label')!).color).to.equal('rgb(4, 5, 6)');
    expect(getComputedStyle(r.querySelector('.toggle')!).color).to.equal('rgb(7, 8, 9)');
    expect(getComputedStyle(el.shadowRoot!.querySelector('input')!).borderTopColor).to.equal('rgb(10, 11, 12)');
    for (const p of ['row', 'label', 'toggle', 'badge']) expect(r.parentElement!.querySelector(`[part~="${p}"]`), p).to.exist;
  });

  it('switches to the dark palette with theme="dark"', async () => {
    const el = await mount();
    const light = getComputedStyle(el).backgroundColor;
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(13, 17, 23)');
    expect(light).to.equal('rgb(255, 255, 255)');
  });
});

describe('jc-grid-tree accessibility', () => {
  it('has no axe violations: default, searched, scope with badges, dark', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    await type(el, '镇海');
    await expect(el).to.be.accessible();
    const scope = await mount(html`<jc-grid-tree selection="scope" theme="dark"></jc-grid-tree>`);
    scope.badges = new Map([['350304000000', 60]]);
    scope.badgeThresholds = { warn: 10, bad: 50 };
    scope.selected = ['350304001000'];
    scope.expanded = ['350300000000', '350304000000'];
    await scope.updateComplete;
    await expect(scope).to.be.accessible();
  });
});

describe('jc-grid-tree security', () => {
  it('shows a node name as text, never as HTML', async () => {
    (window as unknown as { __pwned?: number }).__pwned = undefined;
    const el = await mount();
    el.expanded = ['350300000000', '350304000000', '350304001000'];
    await el.updateComplete;
    const r = row(el, XSS_NAME);
    expect(r.querySelector('.label')!.textContent).to.equal(XSS_NAME);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    // highlighted by a search too
    await type(el, 'img');
    expect(row(el, XSS_NAME).querySelector('mark')!.textContent).to.equal('img');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    await aTimeout(50);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});

describe('jc-grid-tree at city scale', () => {
  it('keeps the DOM bounded with 150,000 nodes all expanded, and reaches the last one', async () => {
    const city = cityTree(14);
    expect(city.size).to.be.greaterThan(150_000);
    const el = await mount(html`<jc-grid-tree style="--jc-grid-tree-height: 500px"></jc-grid-tree>`, city);
    const all: string[] = [];
    for (let i = 0; i < city.size; i++) if (city.ends[i] > i + 1) all.push(city.code(i));
    el.expanded = all;
    await el.updateComplete;
    expect(rowEls(el).length).to.be.greaterThan(10).and.lessThan(100);
    const canvas = el.shadowRoot!.querySelector<HTMLElement>('.canvas')!;
    expect(canvas.getBoundingClientRect().height).to.equal(city.size * 28);
    await focusFirst(el);
    await press(el, 'End');
    expect(focusedName(el)).to.equal(city.name(city.size - 1));
    expect(focused(el)!.getAttribute('aria-posinset')).to.equal('14');
    expect(rowEls(el).length).to.be.lessThan(100);
    // scrolling through the middle keeps it bounded too
    el.shadowRoot!.querySelector<HTMLElement>('.scroller')!.scrollTop = 2_000_000;
    await aTimeout(50);
    await el.updateComplete;
    expect(rowEls(el).length).to.be.lessThan(100);
  });

  it('scales the scroll range beyond 10 million pixels and still reaches every row', async () => {
    const city = cityTree(14);
    const el = await mount(html`<jc-grid-tree row-height="70" style="--jc-grid-tree-height: 500px"></jc-grid-tree>`, city);
    const all: string[] = [];
    for (let i = 0; i < city.size; i++) if (city.ends[i] > i + 1) all.push(city.code(i));
    el.expanded = all;
    await el.updateComplete;
    const canvas = el.shadowRoot!.querySelector<HTMLElement>('.canvas')!;
    expect(canvas.getBoundingClientRect().height).to.equal(10_000_000); // 152,272 × 70 px would be 10.7 M
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    const inView = (r: HTMLElement) => {
      const a = r.getBoundingClientRect();
      const b = scroller.getBoundingClientRect();
      return a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
    };
    await focusFirst(el);
    await press(el, 'End');
    expect(focusedName(el)).to.equal(city.name(city.size - 1));
    expect(inView(focused(el)!)).to.equal(true);
    // the middle of the scroll range shows the middle of the list
    scroller.scrollTop = (10_000_000 - scroller.clientHeight) / 2;
    await aTimeout(50);
    await el.updateComplete;
    const shown = rows(el).filter(inView).map((r) => Number(r.dataset.pos)); // all expanded: row index = position
    const mid = Math.floor(city.size / 2);
    expect(Math.abs(shown[0] - mid)).to.be.lessThan(20);
  });

  async function focusFirst(el: JcGridTree): Promise<void> {
    rows(el)[0].click();
    await el.updateComplete;
  }
});
