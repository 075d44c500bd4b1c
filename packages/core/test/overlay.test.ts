import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHierarchy, JcError } from '@jiceng/core';
import { type Hierarchy } from '@jiceng/core/hierarchy';
import {
  buildOverlay, checkCoverageDef, standardCoverage, COUNT_KEYS, type CountKey, type CoverageDef, type Overlay, type OverlayInput,
} from '@jiceng/core/overlay';
import { sixLevels, smallNodes } from './fixtures/small-tree.js';
import { smallOverlay } from './fixtures/small-overlay.js';

const hr = buildHierarchy(sixLevels, smallNodes);
assert.ok(hr.ok);
const h: Hierarchy = hr.value;
const at = (code: string) => h.indexOf(code);
function overlay(data: OverlayInput = smallOverlay): Overlay {
  const r = buildOverlay(h, data);
  if (!r.ok) assert.fail(r.errors.map((e) => `${e.code} ${e.column}: ${e.en}`).join('\n'));
  return r.value;
}
const o = overlay();
const defs = standardCoverage(sixLevels, { grid: 'grid', unit: 'unit', governance: ['city', 'county', 'town', 'village'] });
const def = (id: string) => defs.find((d) => d.id === id)!;

/** The naive count: records whose node (or target) lies in the subtree of i. */
function naiveCount(i: number, key: CountKey): number {
  const inside = (code: string) => h.isAncestor(i, at(code));
  const [kind, arg] = key.split(':') as [string, string];
  const d = smallOverlay;
  const compNode = (id: string) => d.compounds.find((c) => c.id === id)!.node;
  switch (kind) {
    case 'org': return d.organisations.filter((x) => x.kind === arg && inside(x.node)).length;
    case 'role': return d.people.filter((x) => x.role === arg && inside(x.node)).length;
    case 'party': return d.people.filter((x) => x.role === arg && x.partyMember && inside(x.node)).length;
    case 'facility': return d.facilities.filter((x) => x.kind === arg && inside(x.node)).length;
    case 'compound': return d.compounds.filter((x) => inside(x.node)).length;
    default: return d.pairings.filter((x) => x.kind === arg && inside(x.kind.endsWith('compound') ? compNode(x.target) : x.target)).length;
  }
}

test('counts of every kind for every subtree agree with a naive scan', () => {
  for (let i = 0; i < h.size; i++) {
    const all = o.counts(i);
    for (const k of COUNT_KEYS) assert.equal(all[k], naiveCount(i, k), `${k} under ${h.code(i)}`);
  }
  assert.equal(o.count(0, 'org:grid-branch'), 2);
  assert.equal(o.count(0, 'party:grid-head'), 2);
  assert.equal(o.count(at('350304000000'), 'pairing:member-compound'), 1, 'c3 lies in the zone, c1 in Licheng');
});

test('coverage figures for the city, a county, a zone and a grid', () => {
  const f = (i: number, id: string) => o.coverage(i, def(id));
  assert.deepEqual(f(0, 'grid-party-branch'), { id: 'grid-party-branch', numerator: 2, denominator: 4, ratio: 0.5 });
  assert.deepEqual(f(0, 'unit-party-group'), { id: 'unit-party-group', numerator: 1, denominator: 4, ratio: 0.25 });
  assert.deepEqual(f(0, 'grid-head'), { id: 'grid-head', numerator: 3, denominator: 4, ratio: 0.75 });
  assert.deepEqual(f(0, 'party-grid-head'), { id: 'party-grid-head', numerator: 2, denominator: 3, ratio: 2 / 3 });
  assert.deepEqual(f(0, 'party-unit-head'), { id: 'party-unit-head', numerator: 1, denominator: 2, ratio: 0.5 });
  assert.deepEqual(f(0, 'compound-branch'), { id: 'compound-branch', numerator: 2, denominator: 3, ratio: 2 / 3 });
  assert.deepEqual(f(0, 'compound-linked'), { id: 'compound-linked', numerator: 2, denominator: 3, ratio: 2 / 3 });
  assert.deepEqual(f(0, 'governance-centre:town'), { id: 'governance-centre:town', numerator: 2, denominator: 4, ratio: 0.5 });
  assert.deepEqual(f(0, 'governance-centre:county'), { id: 'governance-centre:county', numerator: 1, denominator: 3, ratio: 1 / 3 });
  assert.deepEqual(f(0, 'governance-centre:city'), { id: 'governance-centre:city', numerator: 1, denominator: 1, ratio: 1 });
  const lc = at('350304000000');
  assert.deepEqual(f(lc, 'grid-party-branch'), { id: 'grid-party-branch', numerator: 1, denominator: 3, ratio: 1 / 3 });
  assert.deepEqual(f(lc, 'compound-linked'), { id: 'compound-linked', numerator: 1, denominator: 2, ratio: 0.5 });
  assert.deepEqual(f(at('3503B1000000'), 'party-grid-head'), { id: 'party-grid-head', numerator: 1, denominator: 1, ratio: 1 });
  assert.deepEqual(f(at('350302000000'), 'grid-party-branch'), { id: 'grid-party-branch', numerator: 0, denominator: 0, ratio: null });
});

test('coverage definitions are data: a custom one works, a mismatched one is refused', () => {
  const custom: CoverageDef = {
    id: 'village-organ', of: { nodes: 'village' }, test: { pairing: ['organ-community', 'department-village'] },
    name: { zh: '村居结对覆盖率', en: 'Villages with a paired organ or department' },
    numerator: { zh: '有结对的村居数', en: 'paired villages' }, denominator: { zh: '村居总数', en: 'all villages' },
  };
  assert.deepEqual(o.coverage(0, custom), { id: 'village-organ', numerator: 2, denominator: 4, ratio: 0.5 });
  const wrong: CoverageDef = { ...custom, id: 'wrong', of: { role: 'grid-head' }, test: { facility: 'service-station' } };
  assert.equal(checkCoverageDef(wrong)[0].code, 'E_COVERAGE_DEF');
  assert.throws(() => o.coverage(0, wrong), (e: unknown) => e instanceof JcError && e.issue.code === 'E_COVERAGE_DEF');
  assert.throws(() => o.coverage(0, { ...custom, id: 'no-level', of: { nodes: 'street' } }), (e: unknown) => e instanceof JcError && e.issue.code === 'E_COVERAGE_DEF');
  for (const d of defs) assert.deepEqual(checkCoverageDef(d), [], d.id);
  for (const d of defs) assert.ok(d.name.zh && d.name.en && d.numerator.zh && d.denominator.en);
});

test('records on a node and in a subtree; lookups by id', () => {
  assert.deepEqual(o.records('people', at('350304001001001')).map((p) => p.id), ['p1', 'p6']);
  assert.deepEqual(o.records('people', at('350304001001001'), true).map((p) => p.id).sort(), ['p1', 'p4', 'p5', 'p6']);
  assert.deepEqual(o.records('organisations', at('350304001001'), true).map((x) => x.id).sort(), ['o-g1', 'o-u1', 'o-v1', 'o-zh']);
  assert.deepEqual(o.records('pairings', at('3503B1000000'), true).map((x) => x.id), ['pr2']);
  assert.equal(o.compound('c1')!.name, '凤凰小区');
  assert.equal(o.organisation('o-g2')!.kind, 'grid-branch');
  assert.equal(o.compound('nope'), undefined);
  assert.ok(Object.isFrozen(o.data.people));
  const input = structuredClone(smallOverlay);
  const mine = overlay(input);
  input.people[0].node = '350302001000';
  input.people.push({ id: 'p9', name: '新', role: 'grid-head', node: '350302001000', partyMember: true });
  assert.equal(mine.data.people[0].node, '350304001001001', "later changes to the caller's records do not reach the overlay");
  assert.equal(mine.count(0, 'role:grid-head'), 3);
  assert.throws(() => o.count(h.size, 'compound'), JcError);
});

test('every problem of overlay records is reported at once and nothing is built', () => {
  const bad: OverlayInput = {
    organisations: [
      { id: 'o1', kind: 'grid-branch', node: '350304001001001', name: '甲' },
      { id: 'o1', kind: 'grid-branch', node: '350304001001002', name: '乙' },
      { id: 'o3', kind: 'branch' as never, node: '999', name: '丙', parent: 'o9' },
    ],
    people: [{ id: 'p1', name: '林一', role: 'mayor' as never, node: '350304001001001', partyMember: 'yes' as never }],
    facilities: [{ id: 'f1', kind: 'governance-centre', node: '350300000000', name: '' }],
    compounds: [{ id: 'c1', node: '350304001001001', name: '小区', branch: 'o7' }],
    pairings: [
      { id: 'pr1', kind: 'leader-compound', partner: '张某', target: 'c9' },
      { id: 'pr2', kind: 'department-village', partner: '', target: '350304100299' },
    ],
  };
  const r = buildOverlay(h, bad);
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(r.errors.map((e) => `${e.code} ${e.column}`), [
    'E_DUPLICATE_ID organisations[1].id',
    'E_UNKNOWN_NODE organisations[2].node',
    'E_UNKNOWN_KIND organisations[2].kind',
    'E_UNKNOWN_ROLE people[0].role',
    'E_MISSING_FIELD people[0].partyMember',
    'E_MISSING_FIELD facilities[0].name',
    'E_MISSING_FIELD pairings[1].partner',
    'E_UNKNOWN_REF organisations[2].parent',
    'E_UNKNOWN_REF compounds[0].branch',
    'E_UNKNOWN_REF pairings[0].target',
    'E_UNKNOWN_NODE pairings[1].target',
  ]);
  for (const e of r.errors) assert.ok(/[\u4e00-\u9fff]/.test(e.zh) && e.en.length > 0);
});

test('file sources give file, row and CSV column names', () => {
  const r = buildOverlay(h, { ...smallOverlay, people: [{ id: 'p1', name: '林', role: 'grid-head', node: 'x', partyMember: true }] }, {
    people: { file: 'people.csv', rows: [2] },
  });
  assert.deepEqual(!r.ok && r.errors.map((e) => [e.file, e.row, e.column, e.code]), [['people.csv', 2, 'node', 'E_UNKNOWN_NODE']]);
});
