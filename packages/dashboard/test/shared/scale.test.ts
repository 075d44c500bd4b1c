// The charts' own scales place every tick and point where d3-scale put them: the same domain
// after nice(), the same ticks, the same positions (clamped or not), for arbitrary domains.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as d3 from 'd3-scale';
import { scaleLinear, scalePoint } from '../../src/shared/scale.js';

// what the charts draw: counts up to millions, rates in thousandths, pixel ranges
const num = fc.integer({ min: -1e7, max: 1e7 });
const small = fc.integer({ min: -2000, max: 2000 }).map((v) => v / 1000);

test('scaleLinear: nice(n), ticks(n) and positions are d3-scale\'s', () => {
  fc.assert(fc.property(fc.oneof(num, small), fc.oneof(num, small), num, num, fc.integer({ min: 0, max: 12 }), fc.boolean(), fc.array(fc.oneof(num, small), { maxLength: 8 }),
    (d0, d1, r0, r1, n, clamp, xs) => {
      const ref = d3.scaleLinear().domain([d0, d1]).range([r0, r1]).clamp(clamp);
      const ours = scaleLinear([d0, d1], [r0, r1], clamp);
      assert.deepEqual(ours.ticks(n), ref.ticks(n));
      ref.nice(n); ours.nice(n);
      assert.deepEqual(ours.domain(), ref.domain());
      assert.deepEqual(ours.ticks(5), ref.ticks(5));
      for (const x of [...xs, d0, d1, 0]) assert.equal(ours(x), ref(x));
    }), { numRuns: 2000 });
});

test('scaleLinear: a missing value has no position; a zero-width domain maps to the middle', () => {
  const s = scaleLinear([3, 3], [0, 100]);
  assert.equal(s(3), 50);
  assert.equal(s(NaN), undefined);
  assert.deepEqual(scaleLinear([0, 87], [200, 0]).nice(5).domain(), [0, 100]);
});

test('scalePoint with padding places each value where d3-scale does', () => {
  fc.assert(fc.property(fc.uniqueArray(fc.string(), { maxLength: 40 }), num, num, fc.double({ min: 0, max: 3, noNaN: true }), (keys, a, b, p) => {
    const ref = d3.scalePoint<string>().domain(keys).range([a, b]).padding(p);
    const ours = scalePoint(keys, [a, b], p);
    for (const k of keys) assert.equal(ours(k), ref(k));
    assert.equal(ours('\u0000absent'), ref('\u0000absent'));
  }), { numRuns: 1000 });
});
