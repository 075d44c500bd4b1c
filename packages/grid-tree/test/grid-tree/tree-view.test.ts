import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TreeView, ScopeSelection, isPlaceholder, placeholderParent } from '../../src/grid-tree/tree-view.js';
import { badgeTone, badgeValue } from '../../src/grid-tree/badges.js';
import { smallTree, cityTree } from './fixtures.js';

const h = smallTree();
const at = (code: string) => h.indexOf(code);
const codes = (rows: Int32Array) => [...rows].map((r) => (r < 0 ? `loading:${h.code(placeholderParent(r))}` : h.code(r)));

test('visible rows skip collapsed subtrees and follow pre-order', () => {
  const v = new TreeView(h, false);
  assert.deepEqual(codes(v.rows()), ['350300000000']);
  v.setExpanded(0, true);
  assert.deepEqual(codes(v.rows()), ['350300000000', '350304000000', '350302000000', '350303000000']);
  v.setExpanded(at('350304000000'), true);
  v.setExpanded(at('350304001000'), true);
  assert.deepEqual(codes(v.rows()).slice(0, 9), [
    '350300000000', '350304000000', '350304001000', '350304001001', '350304001002', '350304001003', '350304002000', '350304100000', '350302000000',
  ]);
  // collapsing an ancestor hides its subtree but remembers the inner expansion
  v.setExpanded(at('350304000000'), false);
  assert.equal(v.rows().length, 4);
  v.setExpanded(at('350304000000'), true);
  assert.equal(v.rows().length, 10);
});

test('posinset and setsize count the shown siblings', () => {
  const v = new TreeView(h, false);
  v.setExpanded(0, true);
  v.rows();
  assert.deepEqual(v.siblingInfo(at('350302000000')), [2, 3]);
  assert.deepEqual(v.siblingInfo(0), [1, 1]);
  v.setFilter([at('350302001000')]);
  v.rows();
  assert.deepEqual(v.siblingInfo(at('350302000000')), [1, 1]);
});

test('the filter keeps matches and their ancestors, expanded', () => {
  const v = new TreeView(h, false);
  v.setFilter([at('350304001001'), at('350302001000')]);
  assert.deepEqual(codes(v.rows()), ['350300000000', '350304000000', '350304001000', '350304001001', '350302000000', '350302001000']);
  assert.equal(v.isMatch(at('350304001001')), true);
  assert.equal(v.isMatch(at('350304000000')), false);
  // expanding a match inside the filter shows all its children
  v.setExpanded(at('350304001001'), true);
  assert.deepEqual(codes(v.rows()).slice(3, 6), ['350304001001', '350304001001001', '350304001001002']);
  v.setFilter(null);
  assert.deepEqual(codes(v.rows()), ['350300000000']);
});

test('lazy mode: a non-leaf level without children may be expanded and shows a placeholder while loading', () => {
  const v = new TreeView(h, true);
  const town = at('350304002000'); // a town without children in the fixture
  const unit = at('350304001001001001');
  assert.equal(v.hasChildren(town), true);
  assert.equal(v.needsLoad(town), true);
  assert.equal(v.hasChildren(unit), false); // the last level never loads
  v.expandAncestors(town);
  v.setExpanded(town, true);
  v.loadState[town] = 1;
  v.invalidate();
  const rows = v.rows();
  const k = rows.indexOf(town);
  assert.equal(isPlaceholder(rows[k + 1]), true);
  assert.equal(placeholderParent(rows[k + 1]), town);
  v.loadState[town] = 0;
  v.loaded[town] = 1;
  v.invalidate();
  assert.equal(v.hasChildren(town), false);
  assert.equal(v.rows().some((r) => r < 0), false);
});

test('scope selection: subtree checks, mixed ancestors, topmost roots', () => {
  const s = new ScopeSelection(h);
  const zh = at('350304001000');
  s.set(zh, true);
  assert.equal(s.state(at('350304001001001002')), 'true');
  assert.equal(s.state(at('350304000000')), 'mixed');
  assert.equal(s.state(0), 'mixed');
  assert.deepEqual(s.roots(), [zh]);
  s.set(at('350304001002'), false);
  assert.equal(s.state(zh), 'mixed');
  assert.deepEqual(s.roots().map((p) => h.code(p)), ['350304001001', '350304001003']);
  for (const c of h.children(0)) s.set(c, true);
  assert.equal(s.state(0), 'true');
  assert.deepEqual(s.roots(), [0]);
  s.clear();
  assert.deepEqual(s.roots(), []);
});

test('visible rows of a fully expanded 150k-node city are every node in order', () => {
  const c = cityTree(14);
  const v = new TreeView(c, false);
  v.expanded.fill(1);
  v.invalidate();
  const rows = v.rows();
  assert.equal(rows.length, c.size);
  assert.equal(rows.every((r, i) => r === i), true);
});

test('badges: values from a map or by position, bands both ways', () => {
  assert.equal(badgeValue(new Map([['a', 3]]), 0, 'a'), 3);
  assert.equal(badgeValue({ values: new Float64Array([NaN, 2]) }, 0, 'x'), undefined);
  assert.equal(badgeValue({ values: new Float64Array([NaN, 2]) }, 1, 'x'), 2);
  assert.equal(badgeTone(5, { warn: 10, bad: 50 }), 'ok');
  assert.equal(badgeTone(10, { warn: 10, bad: 50 }), 'warn');
  assert.equal(badgeTone(50, { warn: 10, bad: 50 }), 'bad');
  assert.equal(badgeTone(0.97, { warn: 0.98, bad: 0.95, higherIsBetter: true }), 'warn');
  assert.equal(badgeTone(0.9, { warn: 0.98, bad: 0.95, higherIsBetter: true }), 'bad');
  assert.equal(badgeTone(7, undefined), 'none');
});
