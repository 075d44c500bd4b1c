import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CASE_STATUSES } from '@jiceng/core';
import {
  createAccess, filterCases, scopedFacts, scopedMetrics, scopedRows, scopeOf, DEFAULT_ROLE_RULES,
} from '@jiceng/core/access';
import { createCaseFacts, type CaseFacts } from '@jiceng/core/cases';
import { type Hierarchy } from '@jiceng/core/hierarchy';
import { small } from './access-fixtures.js';

const h = small();
const TOWN = '350301101000';
const GRID = '350301101001001';
const OTHER_GRID = '350302102002002';

function facts(hier: Hierarchy): CaseFacts {
  // one case on every unit
  const units: number[] = [];
  for (let i = 0; i < hier.size; i++) if (hier.level(i).id === 'unit') units.push(i);
  const f = createCaseFacts(units.length);
  units.forEach((u, k) => {
    f.node[k] = u;
    f.caseIds[k] = `c${k}`;
    f.status[k] = CASE_STATUSES.indexOf(k % 2 ? 'closed' : 'handling');
  });
  f.length = units.length;
  return f;
}

test('a grid worker sees exactly the subtree of her grid', () => {
  const s = scopeOf({ id: 'w', roles: [{ role: 'grid-worker', node: GRID }] }, h, DEFAULT_ROLE_RULES);
  const g = h.indexOf(GRID);
  for (let i = 0; i < h.size; i++) assert.equal(s.inScope(i), i >= g && i < h.ends[g], h.code(i));
  assert.deepEqual(s.roots(), [g]);
});

test('nested grants fold into the ancestor; disjoint grants stay apart and sorted', () => {
  const s = scopeOf(
    { id: 'o', roles: [{ role: 'grid-worker', node: OTHER_GRID }, { role: 'grid-head', node: GRID }, { role: 'town-officer', node: TOWN }] },
    h, DEFAULT_ROLE_RULES,
  );
  assert.deepEqual(s.roots().map((i) => h.code(i)), [TOWN, OTHER_GRID]);
  assert.equal(s.inScope(h.indexOf(GRID)), true);
  assert.equal(s.inScope(0), false, 'the city is not in scope');
});

test('unknown roles and nodes give nothing and are reported', () => {
  const s = scopeOf({ id: 'x', roles: [{ role: 'king', node: TOWN }, { role: 'grid-worker', node: '999999999999' }] }, h, DEFAULT_ROLE_RULES);
  assert.equal(s.roots().length, 0);
  assert.deepEqual(s.warnings.map((w) => w.code), ['E_UNKNOWN_ROLE', 'E_UNKNOWN_NODE']);
  for (let i = 0; i < h.size; i++) assert.equal(s.inScope(i), false);
});

test('a citizen sees only the cases he reported', () => {
  const a = createAccess({ id: 'citizen-7', roles: [{ role: 'citizen', node: TOWN }] }, h);
  const cases = [
    { id: 'c1', node: GRID, reporterId: 'citizen-7' },
    { id: 'c2', node: GRID, reporterId: 'citizen-8' },
    { id: 'c3', node: OTHER_GRID, reporterId: 'citizen-7' },
    { id: 'c4', node: GRID },
  ];
  assert.deepEqual(filterCases(a, cases).map((c) => c.id), ['c1', 'c3']);
  assert.equal(a.scope.inScope(h.indexOf(TOWN)), false, 'holding citizen on a town gives no node scope');
});

test('filterCases keeps cases in scope, by code or by position', () => {
  const a = createAccess({ id: 't', roles: [{ role: 'town-officer', node: TOWN }] }, h);
  const cases = [
    { id: 'in', node: GRID }, { id: 'pos', node: h.indexOf(GRID) + 1 }, { id: 'out', node: OTHER_GRID },
    { id: 'nonode' }, { id: 'bad', node: 'nope' },
  ];
  assert.deepEqual(filterCases(a, cases).map((c) => c.id), ['in', 'pos']);
});

test('scoped facts hold only in-scope rows, and metrics refuse nodes outside the scope', () => {
  const f = facts(h);
  const a = createAccess({ id: 'v', roles: [{ role: 'village-officer', node: '350301101001' }] }, h);
  const s = scopedFacts(a, f);
  assert.equal(s.length, 4, 'a village has 2 grids × 2 units');
  const rows = Array.from(scopedRows(a, f));
  assert.deepEqual(rows, Array.from({ length: f.length }, (_, i) => i).filter((i) => a.scope.inScope(f.node[i])));
  assert.deepEqual(s.caseIds, rows.map((i) => f.caseIds[i]));
  assert.deepEqual(Array.from(s.status.subarray(0, 4)), rows.map((i) => f.status[i]), 'columns are copied row for row');
  for (let i = 0; i < s.length; i++) assert.ok(a.scope.inScope(s.node[i]));
  const m = scopedMetrics(a, f, (sf) => {
    const c = new Float64Array(h.size);
    for (let i = 0; i < sf.length; i++) for (let n = sf.node[i]; n >= 0; n = h.parents[n]) c[n]++;
    return c;
  });
  const v = m.at(h.indexOf('350301101001'));
  assert.deepEqual(v, { ok: true, value: 4, warnings: [] });
  const town = m.at(h.indexOf(TOWN));
  assert.equal(town.ok, false, 'an ancestor of the scope is refused, not given a partial count');
  assert.equal(!town.ok && town.errors[0].code, 'E_OUT_OF_SCOPE');
  const other = m.at(h.indexOf(OTHER_GRID));
  assert.equal(!other.ok && other.errors[0].code, 'E_OUT_OF_SCOPE');
  assert.equal(!m.at(-1).ok && !m.at(h.size).ok, true);
  assert.deepEqual(m.roots(), [h.indexOf('350301101001')]);
});

test('citizen facts come from their own reports only', () => {
  const f = facts(h);
  const a = createAccess({ id: 'citizen-1', roles: [{ role: 'citizen', node: TOWN }] }, h);
  const s = scopedFacts(a, f, (row) => (row === 3 ? 'citizen-1' : 'someone'));
  assert.deepEqual(s.caseIds, ['c3']);
  assert.equal(scopedFacts(a, f).length, 0, 'without reporter ids a citizen sees no facts');
});
