import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHierarchy } from '@jiceng/core';
import { formatIssue } from '@jiceng/core/errors';
import { areaContains, buildAreaIndex, importGeoJson, importTopoJson, type AreaGeometry } from '@jiceng/core/geo';
import { topology } from 'topojson-server';
import { PUTIAN_SEATS, generatePutian, generatePutianGeometry, putianGeoJson } from '@jiceng/putian';

const data = generatePutian({ seed: 1 });
const geo = generatePutianGeometry(data);
const built = buildHierarchy(data.config, data.nodes);
if (!built.ok) throw new Error('hierarchy');
const h = built.value;

test('every node from city to grid has an area, every unit a point, every facility a point', () => {
  for (const n of data.nodes) {
    if (n.level === 'unit') assert.equal(geo.units.get(n.code)?.type, 'Point', n.code);
    else assert.equal(geo.areas.get(n.code)?.type, n.level === 'grid' ? 'Polygon' : 'MultiPolygon', n.code);
  }
  assert.equal(geo.facilities.size, data.overlay.facilities.length);
});

test('the geometry nests exactly: core import with zero tolerance accepts every grid in its village, …, every unit in its grid', () => {
  const r = importGeoJson(putianGeoJson(geo), h, { crs: 'WGS84', toleranceMetres: 0 });
  assert.ok(r.ok, r.ok ? '' : r.errors.slice(0, 5).map((e) => formatIssue(e, 'en')).join('\n'));
  assert.equal(r.value.size, data.nodes.length);
});

test('as TopoJSON keyed by code (each shared edge one arc), core reads the same areas back and they still nest exactly', () => {
  const areas = putianGeoJson({ ...geo, units: new Map() });
  const topo = topology({ areas });
  const r = importTopoJson(JSON.stringify(topo), h, { crs: 'WGS84', toleranceMetres: 0, file: 'putian.topojson' });
  assert.ok(r.ok, r.ok ? '' : r.errors.slice(0, 5).map((e) => formatIssue(e, 'en')).join('\n'));
  assert.equal(r.value.size, geo.areas.size);
  // every area has the same corners as before (a ring may start at another corner)
  const corners = (g: AreaGeometry) => new Set((g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2).map((p) => `${p[0]},${p[1]}`));
  for (const [code, g] of geo.areas) assert.deepEqual(corners(r.value.get(code) as AreaGeometry), corners(g), code);
});

test('the lookup of every unit point returns its grid', () => {
  const grids = [...geo.areas].filter(([code]) => h.level(h.indexOf(code)).id === 'grid');
  assert.equal(grids.length, 10_439);
  const idx = buildAreaIndex(grids);
  let wrong = 0;
  for (const n of data.nodes) {
    if (n.level !== 'unit') continue;
    const [x, y] = geo.units.get(n.code)!.coordinates;
    if (idx.locate(x, y) !== n.parent) wrong++;
  }
  assert.equal(wrong, 0);
});

test('each facility lies inside the node it serves', () => {
  for (const f of data.overlay.facilities) {
    const [x, y] = geo.facilities.get(f.id)!.coordinates;
    assert.ok(areaContains(geo.areas.get(f.node)!, x, y), `${f.id} in ${f.node}`);
  }
});

test('the map is placed like Putian: each county-level seat lies in its own county, and the city spans the real extent', () => {
  for (const s of PUTIAN_SEATS) assert.ok(areaContains(geo.areas.get(s.code)!, s.at[0], s.at[1]), s.name);
  const city = geo.areas.get('350300000000') as AreaGeometry;
  const xs = (city.coordinates as number[][][][]).flat(2).map((p) => p[0]);
  assert.ok(Math.min(...xs) < 118.5 && Math.max(...xs) > 119.25);
});

test('deterministic from the seed', () => {
  const again = generatePutianGeometry(data);
  for (const code of ['350300000000', '350322000000', data.nodes[500].code, data.nodes.at(-1)!.code]) {
    assert.deepEqual(again.areas.get(code) ?? again.units.get(code), geo.areas.get(code) ?? geo.units.get(code));
  }
  const other = generatePutianGeometry({ ...data, seed: 2 });
  assert.notDeepEqual(other.units.get(data.nodes.at(-1)!.code), geo.units.get(data.nodes.at(-1)!.code));
});
