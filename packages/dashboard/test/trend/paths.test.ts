import { test } from 'node:test';
import assert from 'node:assert/strict';
import { areaPath, linePath } from '../../src/trend/paths.js';

const x = (_: unknown, i: number) => i * 10;

test('a line breaks at a missing point instead of dropping to zero', () => {
  assert.equal(linePath([5, 7, null, 2, 4], x, (v) => v), 'M0,5L10,7M30,2L40,4');
  assert.equal(linePath([null, null], x, (v) => v), '');
});

test('an area closes each run of defined points down to the baseline', () => {
  assert.equal(areaPath([5, 7, null, 2], x, (v) => v, 100), 'M0,5L10,7L10,100L0,100ZM30,2L30,100L30,100Z');
});

test('coordinates are rounded to hundredths', () => {
  assert.equal(linePath([1 / 3], () => 2 / 3, (v) => v), 'M0.67,0.33');
});
