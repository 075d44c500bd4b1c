// Geometry import: the shape errors the first geo tests leave out (a missing geometry, a
// ring that is not an array or too short, a polygon without rings, an empty multipolygon, a
// document that is not a FeatureCollection), each named by feature number and field, and an
// import with any of them returns nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHierarchy } from '@jiceng/core';
import { importGeoJson } from '@jiceng/core/geo';
import { sixLevels, smallNodes } from './fixtures/small-tree.js';

const built = buildHierarchy(sixLevels, smallNodes);
if (!built.ok) throw new Error('fixture');
const h = built.value;
const feature = (code: string, geometry: unknown) => ({ type: 'Feature', properties: { code }, geometry });
const box = [[[119.0, 25.4], [119.1, 25.4], [119.1, 25.5], [119.0, 25.5], [119.0, 25.4]]];

test('shape errors are named by feature and field, in Chinese and English, and nothing is imported', () => {
  const r = importGeoJson({
    type: 'FeatureCollection',
    features: [
      feature('350304001000', { type: 'Polygon', coordinates: box }),
      feature('350304001001', null),
      feature('350304001001001', { type: 'Polygon', coordinates: [[[119, 25.4], [119.01, 25.4], [119, 25.4]]] }),
      feature('350304001001002', { type: 'Polygon', coordinates: ['not a ring'] }),
      feature('350304002000', { type: 'Polygon', coordinates: [] }),
      feature('350302000000', { type: 'MultiPolygon', coordinates: [] }),
    ],
  }, h, { crs: 'WGS84', file: 'shapes.geojson' });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(r.errors.map((e) => [e.code, e.row, e.column]), [
    ['E_GEO_GEOMETRY', 2, 'geometry'],
    ['E_GEO_RING_SHORT', 3, 'geometry.coordinates[0]'],
    ['E_GEO_GEOMETRY', 4, 'geometry.coordinates[0]'],
    ['E_GEO_GEOMETRY', 5, 'geometry.coordinates'],
    ['E_GEO_GEOMETRY', 6, 'geometry.coordinates'],
  ]);
  for (const e of r.errors) {
    assert.equal(e.file, 'shapes.geojson');
    assert.match(e.zh, /[\u4e00-\u9fff]/);
    assert.ok(e.en.length > 0 && !/[\u4e00-\u9fff]/.test(e.en));
  }
});

test('a document that is not a FeatureCollection is refused as a whole', () => {
  for (const doc of [{ type: 'Feature' }, { type: 'FeatureCollection', features: {} }, []]) {
    const r = importGeoJson(doc, h, { crs: 'WGS84', file: 'x.geojson' });
    assert.equal(r.ok, false);
    if (!r.ok) assert.deepEqual(r.errors.map((e) => [e.code, e.file]), [['E_GEO_JSON', 'x.geojson']]);
  }
});
