// startServer with a city of the host's own (not the demo) and its map passed as `geometry`:
// the map route serves it and Open311 places reports by it — on PGlite, and on PostgreSQL when
// JICENG_TEST_PG_URL is set. Without `geometry` such a city has no map; a bad one is refused.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importGeoJson, type LonLat } from '@jiceng/core/geo';
import { JcError } from '@jiceng/core';
import { startServer, type RunningServer } from '../src/node.js';
import type { ServerConfig } from '../src/config.js';
import { issueToken } from '../src/auth.js';
import { open311KeyHash } from '../src/open311/model.js';
import { AUTH, city, freshPgUrl } from './helpers.js';

const KEY = 'start-test-citizen-key-0123456789';
const engines = [{ name: 'PGlite', pg: false }, ...(process.env.JICENG_TEST_PG_URL ? [{ name: 'PostgreSQL', pg: true }] : [])];

for (const engine of engines) {
  describe(`startServer with a city and its map on ${engine.name}`, () => {
    const dirs: string[] = [];
    const config = async (): Promise<ServerConfig> => {
      const dataDir = mkdtempSync(join(tmpdir(), 'jiceng-start-'));
      dirs.push(dataDir);
      return {
        dataDir, ...(engine.pg ? { databaseUrl: await freshPgUrl(process.env.JICENG_TEST_PG_URL!) } : {}),
        host: '127.0.0.1', port: 0, issuer: AUTH.issuer, audience: AUTH.audience, jwt: { secret: 'test-secret-test-secret-test-secret!' },
        corsOrigins: [], devSignin: false, demo: false, limits: {},
      };
    };
    after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

    const d = city();
    const h = d.city.hierarchy;
    let g = -1;
    for (let p = 0; p < h.size && g < 0; p++) if (h.level(p).id === 'grid' && h.childCount(p) >= 4) g = p;
    const grid = h.code(g);
    // The host's map as a GeoJSON file: one grid (a 0.02° square) and four of its units inside it.
    const ring: LonLat[] = [[119, 25.4], [119.02, 25.4], [119.02, 25.42], [119, 25.42], [119, 25.4]];
    const units = h.children(g).slice(0, 4).map((u, k) => ({ code: h.code(u), at: [119.004 + 0.01 * (k % 2), 25.404 + 0.01 * (k >> 1)] as LonLat }));
    const file = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: grid }, geometry: { type: 'Polygon', coordinates: [ring] } },
        ...units.map((u) => ({ type: 'Feature', properties: { code: u.code }, geometry: { type: 'Point', coordinates: u.at } })),
      ],
    };
    const imported = importGeoJson(file, h, { crs: 'WGS84', file: 'host.geojson' });
    assert.ok(imported.ok, 'the host map imports');

    let s: RunningServer;
    before(async () => {
      s = await startServer(await config(), {
        city: d.city, quiet: true, geometry: imported.value,
        open311: { jurisdictions: [{ id: 'city', node: h.code(0) }], keys: [{ application: 'app', sha256: open311KeyHash(KEY), source: 'citizen', jurisdiction: 'city' }] },
      });
    });
    after(() => s?.close());
    const get = async (path: string, actor: { id: string; roles: { role: string; node: string }[] }) =>
      fetch(new URL(path, s.url), { headers: { authorization: `Bearer ${await issueToken(actor, AUTH)}` } });

    test('the map route serves the imported outline of a node in scope', async () => {
      const r = await get(`/api/geometry/nodes/${grid}`, { id: 'gw', roles: [{ role: 'grid-worker', node: grid }] });
      assert.equal(r.status, 200);
      const body = await r.json() as { features: { properties: { code: string }; geometry: { type: string; coordinates: unknown } }[] };
      assert.deepEqual(body.features.map((f) => f.properties.code), [grid]);
      assert.deepEqual(body.features[0].geometry, { type: 'Polygon', coordinates: [ring] });
    });

    test('Open311 places a report by its coordinates on the imported map: the nearest unit of the grid', async () => {
      const target = units[3];
      const before = s.record.position;
      const body = new URLSearchParams({ api_key: KEY, service_code: 'city.rubbish', lat: String(target.at[1] + 0.0005), long: String(target.at[0] - 0.0004), description: '路口有一堆垃圾' });
      const r = await fetch(new URL('/open311/v2/requests.json', s.url), { method: 'POST', body });
      assert.equal(r.status, 201, await r.clone().text());
      const [row] = await r.json() as { service_request_id: string }[];
      assert.ok(s.record.position > before);
      assert.equal(s.record.cases.get(row.service_request_id)!.node, target.code);
    });

    test('without geometry a city of its own has no map (E_NO_MAP); a bad geometry is refused before anything starts', async () => {
      const bare = await startServer(await config(), { city: d.city, quiet: true });
      try {
        const r = await fetch(new URL(`/api/geometry/nodes/${grid}`, bare.url), { headers: { authorization: `Bearer ${await issueToken({ id: 'gw', roles: [{ role: 'grid-worker', node: grid }] }, AUTH)}` } });
        assert.equal(r.status, 404);
        assert.equal((await r.json() as { error: { code: string } }).error.code, 'E_NO_MAP');
      } finally {
        await bare.close();
      }
      await assert.rejects(startServer(await config(), { city: d.city, quiet: true, geometry: 'grids.geojson' as never }), (e: JcError) => {
        assert.ok(e instanceof JcError);
        assert.equal(e.issue.code, 'E_ARGUMENT');
        assert.match(e.issue.en, /geometry/);
        assert.match(e.issue.zh, /[\u4e00-\u9fff]/);
        return true;
      });
    });
  });
}
