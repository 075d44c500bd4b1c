import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHierarchy } from '@jiceng/core';
import { type Hierarchy } from '@jiceng/core/hierarchy';
import { areaContains, buildAreaIndex, importGeoJson, importPointsCsv, toWgs84, fromWgs84, type AreaGeometry, type LonLat } from '@jiceng/core/geo';
import { sixLevels, smallNodes } from './fixtures/small-tree.js';

const built = buildHierarchy(sixLevels, smallNodes);
if (!built.ok) throw new Error('fixture');
const h: Hierarchy = built.value;

const box = (x0: number, y0: number, x1: number, y1: number): LonLat[][] => [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];
const feature = (code: unknown, geometry: unknown) => ({ type: 'Feature', properties: { code }, geometry });
// 镇海街道 holds 镇海社区 (west half) which holds two grids.
const good = {
  type: 'FeatureCollection',
  features: [
    feature('350304001000', { type: 'Polygon', coordinates: box(119.0, 25.4, 119.1, 25.5) }),
    feature('350304001001', { type: 'Polygon', coordinates: box(119.0, 25.4, 119.05, 25.5) }),
    feature('350304001001001', { type: 'Polygon', coordinates: box(119.0, 25.4, 119.05, 25.45) }),
    feature('350304001001002', { type: 'MultiPolygon', coordinates: [box(119.0, 25.45, 119.05, 25.5)] }),
  ],
};

test('GeoJSON keyed by code imports areas in WGS-84 as given', () => {
  const r = importGeoJson(JSON.stringify(good), h, { crs: 'WGS84', file: 'g.geojson' });
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.errors));
  assert.equal(r.value.size, 4);
  assert.deepEqual(r.value.get('350304001001001'), { type: 'Polygon', coordinates: box(119.0, 25.4, 119.05, 25.45) });
});

test('GCJ-02 datasets are converted to WGS-84 at the edge, and back', () => {
  const gcj: LonLat = [119.0249, 25.4284];
  const w = toWgs84(gcj, 'GCJ02');
  assert.ok(Math.abs(w[0] - gcj[0]) > 0.003 && Math.abs(w[0] - gcj[0]) < 0.01, 'the GCJ-02 offset in Putian is a few hundred metres');
  const back = fromWgs84(w, 'GCJ02');
  assert.ok(Math.abs(back[0] - gcj[0]) < 1e-5 && Math.abs(back[1] - gcj[1]) < 1e-5);
  assert.deepEqual(toWgs84(gcj, 'CGCS2000'), gcj);
  const r = importPointsCsv(`code,longitude,latitude\n350304001001001001,${gcj[0]},${gcj[1]}\n`, h, { crs: 'GCJ02' });
  assert.ok(r.ok);
  assert.deepEqual(r.value.get('350304001001001001')!.coordinates, w);
});

const errorsOf = (r: { ok: boolean; errors?: { code: string; row?: number; column?: string; zh: string; en: string }[] }) => {
  assert.equal(r.ok, false);
  for (const e of r.errors!) assert.ok(e.zh && e.en && /[\u4e00-\u9fff]/.test(e.zh), 'every error in Chinese and English');
  return r.errors!.map((e) => [e.code, e.row, e.column]);
};

test('each bad feature is named by number and field, and nothing is returned', () => {
  const bad = {
    type: 'FeatureCollection',
    features: [
      feature('350304001000', { type: 'Polygon', coordinates: box(119.0, 25.4, 119.1, 25.5) }),
      feature('350304001001', { type: 'Polygon', coordinates: [[[119, 25.4], [119.05, 25.4], [119.05, 25.5], [119, 25.5]]] }),
      feature('999999999999', { type: 'Polygon', coordinates: box(119.0, 25.4, 119.05, 25.5) }),
      feature('350304001001001', { type: 'Polygon', coordinates: [[[119, 25.4], [219, 25.4], [119, 25.45], [119, 25.4]]] }),
      feature(undefined, { type: 'Point', coordinates: [119, 25.4] }),
      feature('350304001001001001', { type: 'Polygon', coordinates: box(119.0, 25.4, 119.01, 25.41) }),
      feature('350304001001002', { type: 'LineString', coordinates: [[119, 25.4], [119.1, 25.4]] }),
      feature('350304001000', { type: 'Polygon', coordinates: box(119.0, 25.4, 119.1, 25.5) }),
      { type: 'Nope' },
    ],
  };
  const r = importGeoJson(bad, h, { crs: 'WGS84', file: 'bad.geojson' });
  assert.deepEqual(errorsOf(r), [
    ['E_GEO_RING_OPEN', 2, 'geometry.coordinates[0]'],
    ['E_GEO_UNKNOWN_CODE', 3, 'properties.code'],
    ['E_GEO_COORD', 4, 'geometry.coordinates[0][1]'],
    ['E_GEO_CODE_MISSING', 5, 'properties.code'],
    ['E_GEO_KIND', 6, 'geometry.type'],
    ['E_GEO_TYPE', 7, 'geometry.type'],
    ['E_GEO_DUPLICATE', 8, 'properties.code'],
    ['E_GEO_FEATURE', 9, 'type'],
  ]);
  assert.equal(r.ok ? 0 : r.errors[0].file, 'bad.geojson');
  assert.deepEqual(errorsOf(importGeoJson('{', h, { crs: 'WGS84' })).map((e) => e[0]), ['E_GEO_JSON']);
});

test('a child outside its parent beyond the tolerance is refused; within it, accepted', () => {
  const out = structuredClone(good);
  // The second grid sticks out 0.001° (~100 m) east of its community.
  out.features[3] = feature('350304001001002', { type: 'Polygon', coordinates: box(119.0, 25.45, 119.051, 25.5) });
  assert.deepEqual(errorsOf(importGeoJson(out, h, { crs: 'WGS84' })), [['E_GEO_OUTSIDE_PARENT', 4, 'geometry']]);
  assert.ok(importGeoJson(out, h, { crs: 'WGS84', toleranceMetres: 150 }).ok);
});

test('CSV points: rows named exactly, and checked against the areas already known', () => {
  const areas = importGeoJson(good, h, { crs: 'WGS84' });
  assert.ok(areas.ok);
  const csv = 'code,longitude,latitude\n350304001001001001,119.01,25.41\n350304001001001002,119.09,25.41\n350304001001002001,abc,25.46\n350304001001002001,119.01,95\nnope,119.01,25.41\n';
  const r = importPointsCsv(csv, h, { crs: 'WGS84', file: 'units.csv', existing: areas.value });
  assert.deepEqual(errorsOf(r), [
    ['E_GEO_COORD', 4, 'longitude'],
    ['E_GEO_COORD', 5, 'latitude'],
    ['E_GEO_UNKNOWN_CODE', 6, 'code'],
  ]);
  // With the syntax fixed, the unit at 119.09 lies outside its grid (119.00–119.05).
  const r2 = importPointsCsv('code,longitude,latitude\n350304001001001001,119.01,25.41\n350304001001001002,119.09,25.41\n', h, { crs: 'WGS84', file: 'units.csv', existing: areas.value });
  assert.deepEqual(errorsOf(r2), [['E_GEO_OUTSIDE_PARENT', 3, 'geometry']]);
  assert.deepEqual(errorsOf(importPointsCsv('code,lon,lat\n', h, { crs: 'WGS84' })).map((e) => e[2]), ['longitude', 'latitude']);
});

test('the area index finds the area holding a point, including holes and multipolygons, as a linear scan does', () => {
  const areas = new Map<string, AreaGeometry>([
    ['ring', { type: 'Polygon', coordinates: [...box(0, 0, 3, 3), [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]]] }],
    ['hole', { type: 'Polygon', coordinates: box(1, 1, 2, 2) }],
    ['two', { type: 'MultiPolygon', coordinates: [box(4, 0, 5, 1), box(4, 2, 5, 3)] }],
    ['tri', { type: 'Polygon', coordinates: [[[6, 0], [9, 0], [6, 3], [6, 0]]] }],
  ]);
  const idx = buildAreaIndex(areas);
  assert.equal(idx.size, 4);
  assert.equal(idx.locate(0.5, 0.5), 'ring');
  assert.equal(idx.locate(1.5, 1.5), 'hole');
  assert.equal(idx.locate(4.5, 2.5), 'two');
  assert.equal(idx.locate(4.5, 1.5), undefined);
  assert.equal(idx.locate(6.5, 0.5), 'tri');
  assert.equal(idx.locate(8.5, 2.5), undefined, 'inside the box of the triangle, outside the triangle');
  assert.equal(idx.locate(-1, 0.5), undefined);
  // Random points agree with a scan of every area.
  let s = 7;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let k = 0; k < 2000; k++) {
    const x = rnd() * 10 - 0.5, y = rnd() * 4 - 0.5;
    const scan = [...areas].find(([, g]) => areaContains(g, x, y))?.[0];
    assert.equal(idx.locate(x, y), scan, `${x},${y}`);
  }
});
