import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { apportion, chooseExactly, createRng, shuffle } from '../src/random.js';

test('createRng: same seed, same sequence; floats in [0, 1)', () => {
  const a = createRng(99);
  const b = createRng(99);
  const c = createRng(100);
  const xs = Array.from({ length: 1000 }, () => a.next());
  assert.deepEqual(Array.from({ length: 1000 }, () => b.next()), xs);
  assert.notDeepEqual(Array.from({ length: 1000 }, () => c.next()), xs);
  for (const x of xs) assert.ok(x >= 0 && x < 1);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(Math.abs(mean - 0.5) < 0.05, `mean ${mean}`);
});

test('apportion: parts add up to the total exactly, respect the minimum and follow the weights', () => {
  fc.assert(fc.property(
    fc.array(fc.double({ min: 0.1, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }),
    fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 5 }),
    (weights, extra, min) => {
      const total = min * weights.length + extra;
      const parts = apportion(total, weights, min);
      assert.equal(parts.reduce((s, p) => s + p, 0), total);
      const wsum = weights.reduce((s, w) => s + w, 0);
      parts.forEach((p, i) => {
        assert.ok(p >= min);
        assert.ok(Math.abs(p - min - (extra * weights[i]) / wsum) < 1 + 1e-9, 'within one of the exact share');
      });
    },
  ));
  assert.throws(() => apportion(5, [1, 1, 1], 2), RangeError);
});

test('chooseExactly: exactly m chosen, never weight 0, always weight Infinity, favouring heavy items', () => {
  const rng = createRng(5);
  const flags = chooseExactly(rng, 10_000, 1_000, (i) => (i % 10 === 0 ? 0 : i < 100 ? Infinity : i < 5_000 ? 4 : 1));
  assert.equal(flags.reduce((s, f) => s + f, 0), 1_000);
  for (let i = 0; i < 10_000; i += 10) assert.equal(flags[i], 0);
  for (let i = 1; i < 100; i++) if (i % 10) assert.equal(flags[i], 1);
  const heavy = flags.slice(100, 5_000).reduce((s, f) => s + f, 0);
  const light = flags.slice(5_000).reduce((s, f) => s + f, 0);
  assert.ok(heavy > 2.5 * light, `${heavy} vs ${light}`);
  assert.throws(() => chooseExactly(rng, 10, 5, (i) => (i < 3 ? 1 : 0)), RangeError);
  assert.throws(() => chooseExactly(rng, 10, 2, (i) => (i < 3 ? Infinity : 1)), RangeError);
});

test('shuffle: a permutation, the same for the same seed', () => {
  const a = shuffle(createRng(3), Array.from({ length: 50 }, (_, i) => i));
  assert.deepEqual([...a].sort((x, y) => x - y), Array.from({ length: 50 }, (_, i) => i));
  assert.deepEqual(shuffle(createRng(3), Array.from({ length: 50 }, (_, i) => i)), a);
});
