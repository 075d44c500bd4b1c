// TopoJSON keyed by code: arcs decoded (plain and quantized), shared edges shared exactly, and
// each bad geometry named by its number in the object and its field, like every import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHierarchy } from '@jiceng/core';
import { type Hierarchy } from '@jiceng/core/hierarchy';
import { importGeoJson, importTopoJson, type LonLat } from '@jiceng/core/geo';
import { sixLevels, smallNodes } from './fixtures/small-tree.js';

const built = buildHierarchy(sixLevels, smallNodes);
if (!built.ok) throw new Error('fixture');
const h: Hierarchy = built.value;

const box = (x0: number, y0: number, x1: number, y1: number): LonLat[][] => [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];
// 镇海街道 (town) holds 镇海社区 (village, the west half), which holds two grids, one above the
// other: the edge at latitude 25.45 is one arc, used forwards by the lower grid and reversed by
// the upper one.
const plainArcs = [
  [[119.0, 25.45], [119.05, 25.45]],
  [[119.05, 25.45], [119.05, 25.4], [119.0, 25.4], [119.0, 25.45]],
  [[119.05, 25.45], [119.05, 25.5], [119.0, 25.5], [119.0, 25.45]],
  [[119.0, 25.4], [119.1, 25.4], [119.1, 25.5], [119.0, 25.5], [119.0, 25.4]],
];
const objects = (geometries: unknown[]) => ({ areas: { type: 'GeometryCollection', geometries } });
const poly = (code: string, arcs: number[][]) => ({ type: 'Polygon', properties: { code }, arcs });
const good = [
  poly('350304001000', [[3]]),
  poly('350304001001', [[1, ~2]]),
  poly('350304001001001', [[0, 1]]),
  { type: 'MultiPolygon', id: '350304001001002', arcs: [[[~0, ~2]]] },
];
const plain = { type: 'Topology', arcs: plainArcs, objects: objects(good) };
// the same, quantized: positions in steps of 0.05° from (119, 25.4), delta-encoded
const quantized = {
  type: 'Topology', transform: { scale: [0.05, 0.05], translate: [119, 25.4] },
  arcs: [[[0, 1], [1, 0]], [[1, 1], [0, -1], [-1, 0], [0, 1]], [[1, 1], [0, 1], [-1, 0], [0, -1]], [[0, 0], [2, 0], [0, 2], [-2, 0], [0, -2]]],
  objects: objects(good),
};

const near = (a: unknown, b: unknown): boolean => (Array.isArray(a) && Array.isArray(b)
  ? a.length === b.length && a.every((v, i) => near(v, b[i]))
  : typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : a === b);

test('TopoJSON keyed by code (properties.code, else id) imports the same areas as the GeoJSON of its rings, plain or quantized', () => {
  const r = importTopoJson(JSON.stringify(plain), h, { crs: 'WGS84', file: 'g.topojson' });
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.errors));
  assert.deepEqual([...r.value.keys()], ['350304001000', '350304001001', '350304001001001', '350304001001002']);
  assert.deepEqual(r.value.get('350304001001001'), { type: 'Polygon', coordinates: [[[119.0, 25.45], [119.05, 25.45], [119.05, 25.4], [119.0, 25.4], [119.0, 25.45]]] });
  assert.deepEqual(r.value.get('350304001001002'), { type: 'MultiPolygon', coordinates: [[[[119.05, 25.45], [119.0, 25.45], [119.0, 25.5], [119.05, 25.5], [119.05, 25.45]]]] });
  assert.deepEqual(r.value.get('350304001000'), { type: 'Polygon', coordinates: box(119.0, 25.4, 119.1, 25.5) });
  const q = importTopoJson(quantized, h, { crs: 'WGS84', object: 'areas' });
  assert.ok(q.ok, q.ok ? '' : JSON.stringify(q.errors));
  for (const [code, g] of r.value) assert.ok(near(q.value.get(code)!.coordinates, g.coordinates), `${code}: quantized decodes to the same positions`);
  // and what a GeoJSON of the same rings gives
  const geo = importGeoJson({ type: 'FeatureCollection', features: [...r.value].map(([code, geometry]) => ({ type: 'Feature', properties: { code }, geometry })) }, h, { crs: 'WGS84' });
  assert.ok(geo.ok);
  assert.deepEqual(geo.value, r.value);
});

test('a GCJ-02 topology is converted to WGS-84 at the edge', () => {
  const r = importTopoJson(plain, h, { crs: 'GCJ02', toleranceMetres: 50 });
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.errors));
  const [x, y] = (r.value.get('350304001000')!.coordinates as LonLat[][])[0][0];
  const metres = Math.hypot((x - 119) * 100_600, (y - 25.4) * 110_600);
  assert.ok(metres > 300 && metres < 800, `${x}, ${y}: ${Math.round(metres)} m from the GCJ-02 position`);
});

const errorsOf = (r: ReturnType<typeof importTopoJson>) => {
  assert.equal(r.ok, false);
  if (r.ok) return [];
  for (const e of r.errors) assert.ok(e.zh && e.en && /[\u4e00-\u9fff]/.test(e.zh), 'every error in Chinese and English');
  return r.errors.map((e) => [e.code, e.row, e.column]);
};

test('each bad geometry is named by its number in the object and its field, and nothing is returned', () => {
  const bad = {
    type: 'Topology', arcs: [...plainArcs, [[119, 25.4], [300, 25.4], [119, 25.41], [119, 25.4]]],
    objects: objects([
      poly('350304001000', [[3]]),
      poly('350304001001', [[1, 9]]),
      poly('350304001001001', [[0]]),
      poly('999999999999', [[3]]),
      { type: 'LineString', properties: { code: '350304001001002' }, arcs: [0] },
      poly('350304001001002', [[4]]),
      { type: 'Polygon', arcs: [[3]] },
      poly('350304001000', [[3]]),
      'nope',
      poly('350304001001001001', [[0, 1]]),
    ]),
  };
  const r = importTopoJson(bad, h, { crs: 'WGS84', file: 'bad.topojson' });
  assert.deepEqual(errorsOf(r), [
    ['E_GEO_ARC', 2, 'arcs[0]'],
    ['E_GEO_RING_SHORT', 3, 'arcs[0]'],
    ['E_GEO_UNKNOWN_CODE', 4, 'properties.code'],
    ['E_GEO_TYPE', 5, 'type'],
    ['E_GEO_COORD', 6, 'arcs[0][1]'],
    ['E_GEO_CODE_MISSING', 7, 'id'],
    ['E_GEO_DUPLICATE', 8, 'properties.code'],
    ['E_GEO_FEATURE', 9, 'type'],
    ['E_GEO_KIND', 10, 'type'],
  ]);
  assert.equal(r.ok ? '' : r.errors[0].file, 'bad.topojson');
  // the whole file: not JSON, not a Topology, no such object, a bad transform
  for (const [input, opts] of [['{', {}], [{ type: 'FeatureCollection', features: [] }, {}], [plain, { object: 'grids' }],
    [{ ...quantized, transform: { scale: [0.05] } }, {}]] as const) {
    assert.deepEqual(errorsOf(importTopoJson(input, h, { crs: 'WGS84', ...opts })).map((e) => e[0]), ['E_GEO_JSON']);
  }
});

test('a child outside its parent is refused, as in GeoJSON', () => {
  const far = { type: 'Topology', arcs: [...plainArcs, [[119.2, 25.4], [119.3, 25.4], [119.3, 25.45], [119.2, 25.45], [119.2, 25.4]]], objects: objects([poly('350304001000', [[3]]), poly('350304001001', [[4]])]) };
  assert.deepEqual(errorsOf(importTopoJson(far, h, { crs: 'WGS84' })).map((e) => e.slice(0, 2)), [['E_GEO_OUTSIDE_PARENT', 2]]);
});

test('bad arguments are refused with a JcError', () => {
  const jc = (e: { issue?: { code?: string; zh?: string; en?: string } }) => e.issue?.code === 'E_ARGUMENT' && !!(e.issue.zh && e.issue.en);
  assert.throws(() => importTopoJson(plain, h, { crs: 'EPSG:3857' as never }), jc);
  assert.throws(() => importTopoJson(plain, null as never, { crs: 'WGS84' }), jc);
  assert.throws(() => importTopoJson(plain, h, { crs: 'WGS84', object: 3 as never }), jc);
});
