import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PointBins } from '../../src/map/bins.js';
import { buildScene, mercator, projectInPlace, unmercator } from '../../src/map/scene.js';
import { classOf } from '../../src/map/layers.js';
import { smallMap } from './fixtures.js';

let s = 11;
const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
const xy = new Float64Array(2 * 5000);
for (let k = 0; k < xy.length; k += 2) { xy[k] = 1000 * rnd() ** 2; xy[k + 1] = 600 * rnd(); }
const bins = new PointBins(xy);

test('each level counts every point once, in the cell that holds it, at the mean of its points', () => {
  for (const l of [0, 3, 7, 12]) {
    const lv = bins.level(l);
    assert.equal(lv.counts.reduce((a, b) => a + b, 0), 5000);
    const dim = 2 ** l, cell = bins.side / dim;
    const want = new Map<number, { n: number; x: number; y: number }>();
    for (let k = 0; k < xy.length; k += 2) {
      const key = Math.min(dim - 1, Math.floor((xy[k + 1] - bins.y0) / cell)) * dim + Math.min(dim - 1, Math.floor((xy[k] - bins.x0) / cell));
      const w = want.get(key) ?? { n: 0, x: 0, y: 0 };
      w.n++; w.x += xy[k]; w.y += xy[k + 1];
      want.set(key, w);
    }
    assert.deepEqual([...lv.keys], [...want.keys()].sort((a, b) => a - b));
    lv.keys.forEach((key, c) => {
      const w = want.get(key)!;
      assert.equal(lv.counts[c], w.n);
      assert.ok(Math.abs(lv.meanX[c] - w.x / w.n) < 1e-9 && Math.abs(lv.meanY[c] - w.y / w.n) < 1e-9);
    });
    assert.equal(lv.max, Math.max(...[...want.values()].map((w) => w.n)));
  }
});

test('a box query visits exactly the non-empty cells that meet the box', () => {
  const lv = bins.level(6), dim = 64, cell = bins.side / dim;
  const seen: number[] = [];
  bins.forEachIn(lv, 100, 50, 420, 333, (c) => seen.push(lv.keys[c]));
  const want = [...lv.keys].filter((key) => {
    const row = Math.floor(key / dim), col = key - row * dim;
    const x0 = bins.x0 + col * cell, y0 = bins.y0 + row * cell;
    return x0 + cell > 100 && x0 <= 420 && y0 + cell > 50 && y0 <= 333;
  });
  assert.deepEqual(seen, want);
  const none: number[] = [];
  bins.forEachIn(lv, -500, -500, -400, -400, (c) => none.push(c));
  assert.deepEqual(none, []);
});

test('the nearest computed level stands in for one not yet binned', () => {
  const b = new PointBins(Float64Array.of(0, 0, 5, 5));
  assert.equal(b.nearest(4), undefined);
  b.level(2);
  b.level(9);
  assert.equal(b.nearest(4)!.level, 2);
  assert.equal(b.nearest(7)!.level, 9);
  assert.equal(b.has(4), false);
});

test('Web Mercator: forward, inverse and in place agree', () => {
  const [x, y] = mercator(119.02, 25.43);
  assert.ok(Math.abs(x - 13249245.8) < 1 && Math.abs(y - 2928653.6) < 1);
  const [lon, lat] = unmercator(x, y);
  assert.ok(Math.abs(lon - 119.02) < 1e-9 && Math.abs(lat - 25.43) < 1e-9);
  const p = Float64Array.of(119.02, 25.43);
  projectInPlace(p, 100, 200);
  assert.ok(Math.abs(p[0] - (x - 100)) < 1e-6 && Math.abs(p[1] - (y - 200)) < 1e-6);
});

test('the scene holds every area by position with its box, and its levels with their typical size', () => {
  const { hierarchy, geometry } = smallMap();
  const scene = buildScene(hierarchy, geometry);
  assert.equal(scene.areas, geometry.size);
  assert.deepEqual(scene.areaLevels, [0, 1, 2, 3, 4]);
  const i = hierarchy.indexOf('350303000000'), [ox, oy] = scene.origin;
  const [x0, y0] = mercator(119.1, 25.3), [x1, y1] = mercator(119.3, 25.6);
  assert.deepEqual([...scene.box.slice(i * 4, i * 4 + 4)].map((v) => Math.round(v)), [x0 - ox, y0 - oy, x1 - ox, y1 - oy].map((v) => Math.round(v)));
  const unit = hierarchy.indexOf('350302001001001001');
  assert.ok(Number.isNaN(scene.box[unit * 4]), 'a unit has no area');
  assert.equal(scene.areaRing[unit + 1] - scene.areaRing[unit], 0);
  // Each area's rings: one ring of five vertices (a closed box).
  assert.equal((scene.areaRing[i + 1] - scene.areaRing[i]) / 2, 1);
  assert.equal(scene.ringStart[scene.areaRing[i] + 1] - scene.ringStart[scene.areaRing[i]], 5);
  assert.ok(scene.typicalSize[1] > scene.typicalSize[4] * 3);
});

test('choropleth classes: n breaks make n + 1 classes', () => {
  assert.deepEqual([0.5, 0.9, 0.94, 0.95, 0.99, 1].map((v) => classOf(v, [0.9, 0.95, 0.99])), [0, 1, 1, 2, 3, 3]);
});
