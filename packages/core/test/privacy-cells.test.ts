import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createAccess, prepareForView, stripForView, suppressCount, suppressSmallCells } from '@jiceng/core/access';
import { small } from './access-fixtures.js';

test('counts from 1 to minCell−1 are suppressed; zero and larger counts are shown', () => {
  assert.deepEqual(suppressSmallCells({ a: 12, b: 0, c: 5, d: 7 }), {
    a: { count: 12, suppressed: false }, b: { count: 0, suppressed: false },
    c: { count: 5, suppressed: false }, d: { count: 7, suppressed: false },
  });
  assert.equal(suppressCount(4), null);
  assert.equal(suppressCount(4, 3), 4);
  assert.equal(suppressCount(0), 0);
});

test('a lone suppressed cell takes the next smallest with it, so a total cannot reveal it', () => {
  const r = suppressSmallCells({ a: 12, b: 3, c: 7, d: 0 });
  assert.equal(r.b.suppressed && r.c.suppressed, true);
  assert.equal(r.a.count, 12);
  assert.equal(r.d.count, 0);
  assert.equal(suppressSmallCells({ a: 12, b: 3 }, { complementary: false }).a.count, 12);
});

test('property: no shown cell is a small count, and no single hidden cell can be derived from the total', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.nat({ max: 30 })), fc.integer({ min: 2, max: 10 }), (counts, minCell) => {
      const r = suppressSmallCells(counts, { minCell });
      const hidden = Object.values(r).filter((c) => c.suppressed).length;
      for (const [k, cell] of Object.entries(r)) {
        if (!cell.suppressed) assert.ok(cell.count === counts[k] && (cell.count === 0 || cell.count >= minCell));
        else assert.equal(cell.count, null);
      }
      const small = Object.values(counts).filter((n) => n > 0 && n < minCell).length;
      const nonZero = Object.values(counts).filter((n) => n > 0).length;
      if (small >= 1 && nonZero >= 2) assert.ok(hidden >= 2, 'one hidden cell alone would be total minus the rest');
    }),
  );
});

test('components receive plain masked records with their view, and can strip again for open views', () => {
  const h = small();
  const a = createAccess({ id: 't', roles: [{ role: 'town-officer', node: '350301101000' }] }, h);
  const rec = { id: 'c1', node: '350301101001001001', reporterName: '张三明', description: '电话13812345678', extra: 'x' };
  const r = prepareForView(a, 'case', [rec], { view: 'wall-screen' });
  assert.ok(r.ok);
  assert.equal(r.value.view, 'wall-screen');
  assert.deepEqual(r.value.records, [{ id: 'c1', node: rec.node, description: '电话138****5678' }]);
  assert.ok(Object.isFrozen(r.value.records));
  assert.deepEqual(stripForView('case', rec, 'wall-screen'), { id: 'c1', node: rec.node, description: '电话138****5678' });
  assert.deepEqual(stripForView('case', rec, 'public'), { id: 'c1', node: rec.node });
  assert.equal(stripForView('special-population', { id: 'p', node: 'x' }, 'public'), undefined);
  assert.deepEqual(stripForView('case', rec, 'staff'), rec);
});
