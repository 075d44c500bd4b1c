// The API in process (app.request): every route through the typed client, every error
// status, the command path (versions, command ids) and the live feed — on PGlite, and on
// PostgreSQL when JICENG_TEST_PG_URL is set.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { Validator } from '@seriousme/openapi-schema-validator';
import { ENGINES, fails, harness, type Harness } from './helpers.js';
import { createApp } from '../src/app.js';
import type { JicengClient } from '../src/client.js';
import type { FeedItemBody } from '../src/schemas.js';
import { toWgs84, type AreaGeometry } from '@jiceng/core/geo';

for (const engine of ENGINES) {
  describe(`API on ${engine.name}`, () => {
    let hs: Harness;
    const hits = new Set<string>();
    let unit: string, grid: string, village: string, town: string, otherTown: string;
    before(async () => {
      // the map: squares (GCJ-02) for a town and its first two villages, made on first request
      hs = await harness(engine, { log: (e) => hits.add(`${e.method} ${e.route}`), geometry: () => ({ crs: 'GCJ02', areas: mapAreas() }) });
      ({ unit, grid, village, town, otherTown } = hs.places());
    });
    after(() => hs.close());

    const as = (person: string): Promise<JicengClient> => hs.as(person);
    const square = (x: number, y: number, d: number): AreaGeometry => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });
    let mapBuilt = 0;
    const mapAreas = (): Map<string, AreaGeometry> => {
      mapBuilt++;
      const h = hs.demo.city.hierarchy;
      const [v1, v2] = h.children(h.indexOf(town));
      return new Map([[town, square(119, 25.4, 0.1)], [h.code(v1), square(119, 25.4, 0.05)], [h.code(v2), square(119.05, 25.4, 0.05)], [otherTown, square(118.8, 25.4, 0.1)]]);
    };

    /** Records a case at the unit and registers it: gives its id and version. */
    async function newCase(note = '楼道堆放杂物') {
      const gw = await as(`gw-${grid}`);
      const d = await gw.discover({ type: 'discover', node: unit, source: 'patrol', description: note });
      const vo = await as(`vi1-${village}`);
      const r = await vo.command(d.caseId, { type: 'register', caseId: d.caseId, expectedVersion: 1, category: 'city.rubbish', urgency: 'normal', description: note });
      return { id: d.caseId, version: r.version };
    }

    test('no token: 401; a bad or foreign token: 401', async () => {
      for (const path of ['/api/me', '/api/cases', `/api/metrics/dashboard?node=${town}`, '/api/feed']) {
        const r = await hs.req(path);
        assert.equal(r.status, 401, path);
        const b = await r.json();
        assert.equal(b.error.code, 'E_UNAUTHENTICATED');
        assert.ok(b.error.zh && b.error.en);
      }
      assert.equal((await hs.req('/api/me', { token: 'not.a.token' })).status, 401);
      const { SignJWT } = await import('jose');
      const forged = await new SignJWT({ grants: ['city-officer@350300000000'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('x')
        .setIssuer('jiceng-test').setAudience('jiceng-api').setExpirationTime('1h').sign(new TextEncoder().encode('another-secret-another-secret-12345'));
      const r = await hs.req('/api/me', { token: forged });
      assert.equal(r.status, 401);
      assert.equal((await r.json()).error.code, 'E_BAD_TOKEN');
    });

    test('the caller is built from the token alone: its grants, its scope', async () => {
      const me = await (await as(`to1-${town}`)).me();
      assert.deepEqual(me.grants, [{ role: 'town-officer', node: town }]);
      assert.deepEqual(me.scope.map((n) => n.code), [town]);
    });

    test('hierarchy: node, children, path, search; unknown node 404', async () => {
      const c = await as(`to1-${town}`);
      const n = await c.node(town);
      assert.equal(n.level, 'town');
      const kids = await c.children(town);
      assert.equal(kids.length, n.childCount);
      assert.ok(kids.every((k) => k.parent === town));
      const path = await c.path(unit);
      assert.equal(path.at(-1)!.code, unit);
      assert.equal(path[0].parent, null);
      const found = await c.search(n.name.zh.slice(0, 2), 5);
      assert.ok(found.some((f) => f.code === town));
      await fails(c.node('999999999999'), 404, 'E_UNKNOWN_NODE');
    });

    test('case list: in scope, filtered, paged; another town\'s node 403', async () => {
      const c = await as(`to1-${town}`);
      const all = await c.cases({ node: town, limit: 200 });
      const h = hs.demo.city.hierarchy;
      const t = h.indexOf(town);
      const f = hs.record.cases.facts;
      let expected = 0;
      for (let r = 0; r < f.length; r++) if (h.isAncestor(t, f.node[r])) expected++;
      assert.equal(all.total, expected, 'every case of the town, none else');
      assert.ok(all.items.every((i) => h.isAncestor(t, h.indexOf(i.node.code))));
      const closed = await c.cases({ node: town, status: 'closed' });
      assert.ok(closed.items.every((i) => i.status === 'closed'));
      const page2 = await c.cases({ node: town, limit: 2, offset: 2 });
      assert.deepEqual(page2.items.map((i) => i.id), all.items.slice(2, 4).map((i) => i.id));
      const byCat = await c.cases({ node: town, category: 'city.rubbish' });
      assert.ok(byCat.items.every((i) => i.category?.id === 'city.rubbish'));
      const year = await c.cases({ node: town, period: '2025' });
      assert.ok(year.items.every((i) => i.reportedAt >= Date.parse('2025-01-01T00:00:00+08:00') && i.reportedAt < Date.parse('2026-01-01T00:00:00+08:00')));
      await fails(c.cases({ node: otherTown }), 403, 'E_OUT_OF_SCOPE');
      await fails(c.cases({ node: town, category: 'no.such' }), 422);
    });

    test('case file: masked dossier and the caller\'s actions; out of scope 403; unknown 404', async () => {
      const { id } = await newCase('住户张先生电话13812345678反映楼道堆物');
      const county = await as(`co1-${hs.demo.city.hierarchy.code(hs.demo.city.hierarchy.ancestorAt(hs.demo.city.hierarchy.indexOf(town), 'county'))}`);
      const f = await county.caseFile(id);
      assert.equal(f.case.id, id);
      assert.equal(f.dossier.caseId, id);
      const text = JSON.stringify(f.dossier);
      assert.ok(!text.includes('13812345678'), 'a county officer (internal rights) sees the phone number masked');
      const to = await as(`to1-${town}`);
      const mine = await to.caseFile(id);
      assert.ok(mine.actions.includes('dispatch'), 'the town officer may dispatch a registered case');
      await fails((await as(`to1-${otherTown}`)).caseFile(id), 403, 'E_OUT_OF_SCOPE');
      await fails(to.caseFile('PT-9999999'), 404, 'E_NO_CASE');
    });

    test('commands: 200 with the new events; 409 with the current version; a repeated command id runs once', async () => {
      const { id, version } = await newCase();
      const to = await as(`to1-${town}`);
      const cmd = { type: 'dispatch', caseId: id, expectedVersion: version, node: town } as const;
      const before = (await hs.store.readStream(`case-${id}`)).length;
      const first = await to.command(id, cmd, 'cmd-dispatch-0001');
      assert.equal(first.duplicate, false);
      assert.equal(first.version, version + 1);
      assert.deepEqual(first.events.map((e) => e.type), ['dispatched']);
      const again = await to.command(id, cmd, 'cmd-dispatch-0001');
      assert.equal(again.duplicate, true);
      assert.deepEqual(again.events, first.events);
      assert.equal((await hs.store.readStream(`case-${id}`)).length, before + 1, 'appended once');
      const e = await fails(to.command(id, { type: 'supervise', caseId: id, expectedVersion: version, note: '请加快' }), 409, 'E_STALE_VERSION');
      assert.equal(e.error.currentVersion, version + 1);
      const f = await to.caseFile(id);
      assert.equal(f.case.status, 'dispatched');
      assert.equal(f.case.version, version + 1);
    });

    if (engine.name === 'PostgreSQL') {
      test('a command is in the record at once while another transaction on the cluster stays open', async () => {
        // A long report, or another application's work: it holds a transaction id and appends nothing.
        const other = new pg.Client({ connectionString: process.env.JICENG_TEST_PG_URL });
        await other.connect();
        try {
          await other.query('BEGIN');
          await other.query('SELECT pg_current_xact_id()');
          const { id, version } = await newCase();
          const to = await as(`to1-${town}`);
          const r = await to.command(id, { type: 'dispatch', caseId: id, expectedVersion: version, node: town });
          assert.equal(r.version, version + 1);
          const f = await to.caseFile(id);
          assert.equal(f.case.status, 'dispatched', 'the record folded its own append');
          assert.equal(f.case.version, version + 1);
        } finally {
          await other.query('ROLLBACK');
          await other.end();
        }
      });
    }

    test('a repeated discover names the same case and records it once', async () => {
      const gw = await as(`gw-${grid}`);
      const cmd = { type: 'discover', node: unit, source: 'patrol', description: '路灯不亮' } as const;
      const a = await gw.discover(cmd, 'cmd-discover-repeat-1');
      const b = await gw.discover(cmd, 'cmd-discover-repeat-1');
      assert.equal(b.caseId, a.caseId);
      assert.equal(b.duplicate, true);
      assert.equal((await hs.store.readStream(`case-${a.caseId}`)).length, 1);
    });

    test('commands out of scope: 403 and nothing appended, no version disclosed', async () => {
      const { id, version } = await newCase();
      const other = await as(`to1-${otherTown}`);
      const e = await fails(other.command(id, { type: 'dispatch', caseId: id, expectedVersion: 1, node: otherTown }), 403, 'E_OUT_OF_SCOPE');
      assert.equal(e.error.currentVersion, undefined);
      await fails((await as(`gw-${grid}`)).discover({ type: 'discover', node: hs.demo.city.hierarchy.code(hs.demo.city.hierarchy.children(hs.demo.city.hierarchy.indexOf(otherTown))[0]), source: 'patrol', description: 'x' }), 403);
      assert.equal((await hs.store.readStream(`case-${id}`)).length, version);
    });

    test('422: per-field messages in zh and en; nothing appended', async () => {
      const { id, version } = await newCase();
      const r = await hs.req(`/api/cases/${id}/commands`, {
        token: await hs.token(`to1-${town}`),
        json: { commandId: 'cmd-bad-0001', command: { type: 'followUp', caseId: id, expectedVersion: version, satisfaction: 9, recurred: false } },
      });
      assert.equal(r.status, 422);
      const b = await r.json();
      const field = b.error.fields.find((x: { field: string }) => x.field === 'satisfaction');
      assert.ok(field, JSON.stringify(b));
      assert.equal(field.zh, '满意度：不能超过 5');
      assert.equal(field.en, 'satisfaction: must be at most 5');
      const missing = await hs.req('/api/cases', { token: await hs.token(`gw-${grid}`), json: { commandId: 'cmd-bad-0002', command: { type: 'discover', node: unit, source: 'patrol' } } });
      assert.equal(missing.status, 422);
      assert.ok((await missing.json()).error.fields.some((x: { field: string; zh: string }) => x.field === 'description' && x.zh === '问题描述：必填'));
      assert.equal((await hs.store.readStream(`case-${id}`)).length, version);
      const wrongCase = await hs.req(`/api/cases/${id}/commands`, { token: await hs.token(`to1-${town}`), json: { commandId: 'cmd-bad-0003', command: { type: 'close', caseId: 'PT-0000001', expectedVersion: 1 } } });
      assert.equal(wrongCase.status, 422);
    });

    test('the map\'s outlines: the node\'s area, then its children\'s, in WGS-84; only in scope; built once', async () => {
      const h = hs.demo.city.hierarchy;
      const to = await as(`to1-${town}`);
      const g = await to.geometry(town);
      assert.equal(g.type, 'FeatureCollection');
      assert.deepEqual(g.features.map((f) => f.properties.code), [town, ...h.children(h.indexOf(town)).slice(0, 2).map((c) => h.code(c))]);
      // GCJ-02 in, WGS-84 out (a few hundred metres west and a little north in Putian), to 6 decimals
      const [x, y] = (g.features[0].geometry.coordinates as number[][][])[0][0];
      assert.deepEqual([x, y], toWgs84([119, 25.4], 'GCJ02').map((v) => Math.round(v * 1e6) / 1e6));
      const metres = Math.hypot((x - 119) * 100_600, (y - 25.4) * 110_600);
      assert.ok(x < 119 && metres > 300 && metres < 800, `${x}, ${y}: ${Math.round(metres)} m from the GCJ-02 corner`);
      await fails((await as(`to1-${otherTown}`)).geometry(town), 403, 'E_OUT_OF_SCOPE');
      await fails(to.geometry('999999999999'), 404);
      await to.geometry(town);
      assert.equal(mapBuilt, 1, 'the map is built on first use, once');
      const bare = createApp({ record: hs.record, auth: (await import('./helpers.js')).AUTH });
      const r = await bare.request(`/api/geometry/nodes/${town}`, { headers: { authorization: `Bearer ${await hs.token(`to1-${town}`)}` } });
      assert.equal(r.status, 404);
      assert.equal((await r.json()).error.code, 'E_NO_MAP');
    });

    test('413: a body over the limit', async () => {
      const r = await hs.req('/api/cases', { token: await hs.token(`gw-${grid}`), json: { commandId: 'cmd-big-0001', command: { type: 'discover', node: unit, source: 'patrol', description: 'x'.repeat(100_000) } } });
      assert.equal(r.status, 413);
      assert.equal((await r.json()).error.code, 'E_TOO_LARGE');
    });

    test('429: past the per-actor burst, with Retry-After; another actor is not held back', async () => {
      const app = createApp({ record: hs.record, auth: (await import('./helpers.js')).AUTH, limits: { burst: 3, perMinute: 1 } });
      const t1 = await hs.token(`to1-${town}`);
      const t2 = await hs.token(`to2-${town}`);
      const get = (t: string) => app.request('/api/me', { headers: { authorization: `Bearer ${t}` } });
      for (let i = 0; i < 3; i++) assert.equal((await get(t1)).status, 200);
      const r = await get(t1);
      assert.equal(r.status, 429);
      assert.ok(Number(r.headers.get('retry-after')) > 0);
      assert.equal((await r.json()).error.code, 'E_RATE_LIMITED');
      assert.equal((await get(t2)).status, 200);
    });

    test('metrics: the dashboard slice and the ranking of a node in scope; others 403; bad topic 422', async () => {
      const c = await as(`to1-${town}`);
      const s = await c.dashboard({ node: town, period: '2025' });
      assert.equal(s.node.code, town);
      const collected = s.kpis.find((k) => k.code === 'collected')!;
      const f = hs.record.cases.facts;
      const h = hs.demo.city.hierarchy;
      let n = 0;
      for (let r = 0; r < f.length; r++) if (h.isAncestor(h.indexOf(town), f.node[r]) && f.reportedAt[r] >= s.period.from && f.reportedAt[r] < s.period.to) n++;
      assert.equal(collected.value, n, 'collected = cases of the town reported in 2025');
      const safety = await c.dashboard({ node: town, topic: 'work-safety' });
      assert.ok(safety.kpis.find((k) => k.code === 'collected')!.value! <= collected.value + 1000);
      const rank = await c.ranking({ node: town, indicator: 'collected' });
      assert.equal(rank.rows.length, h.childCount(h.indexOf(town)));
      assert.ok(rank.rows.every((r) => h.parents[h.indexOf(r.code)] === h.indexOf(town)));
      await fails(c.dashboard({ node: otherTown }), 403, 'E_OUT_OF_SCOPE');
      await fails(c.ranking({ node: hs.demo.city.hierarchy.code(0) }), 403, 'E_OUT_OF_SCOPE');
      await fails(c.dashboard({ node: town, topic: 'nonsense' }), 422);
      await fails(c.ranking({ node: town, indicator: 'nonsense' }), 422);
    });

    test('lists: the work list seeded from the levels\' duties', async () => {
      const l = await (await as(`gw-${grid}`)).lists();
      assert.equal(l.work.length, hs.demo.city.hierarchy.config.levels.reduce((s, lv) => s + lv.duties.length, 0));
    });

    test('registry: enrolled by a grid worker, read with a purpose (audited in the store), invisible elsewhere', async () => {
      const gw = await as(`gw-${grid}`);
      await gw.registryCommand({
        type: 'enrolled', personId: 'p-test-1', group: 'released-prisoner', node: unit, person: { name: '张三明', phone: '13812345678' },
        legalBasis: { basis: 'statutory-duty', articles: ['社区矫正法 第二十条'], informed: true },
      });
      const audits = async () => (await hs.store.readFeed({ after: 0, limit: 100_000, streamTypes: ['audit'] })).length;
      const before = await audits();
      const mine = await gw.registry({ purpose: '季度随访' });
      assert.equal(mine.items.length, 1);
      assert.equal(mine.items[0].name, '张三明');
      assert.equal(await audits(), before + 1, 'the read is an audit event in the store');
      const other = await (await as(`to1-${otherTown}`)).registry({ purpose: '季度随访' });
      assert.equal(other.items.length, 0);
      await fails(gw.registryCommand({ type: 'followed-up', personId: 'p-nobody' }), 404);
      const noPurpose = await hs.req('/api/registry', { token: await hs.token(`gw-${grid}`) });
      assert.equal(noPurpose.status, 422);
    });

    test('live feed: the town sees its new case arrive; the other town sees only its own; resume by Last-Event-ID', async () => {
      const items: Record<string, FeedItemBody[]> = { mine: [], other: [] };
      const stop = new AbortController();
      const waiters: (() => void)[] = [];
      const follow = async (who: string, key: 'mine' | 'other') => {
        const c = await as(who);
        let ready!: () => void;
        const isReady = new Promise<void>((ok) => { ready = ok; });
        void c.feed({ onReady: () => ready(), onChange: (it) => { items[key].push(it); waiters.forEach((w) => w()); }, signal: stop.signal });
        return isReady;
      };
      await Promise.all([follow(`to1-${town}`, 'mine'), follow(`to1-${otherTown}`, 'other')]);
      const until = (ok: () => boolean) => new Promise<void>((done) => { const w = () => { if (ok()) done(); }; waiters.push(w); w(); });
      const { id } = await newCase('feed test');
      await until(() => items.mine.some((i) => i.caseId === id && i.type === 'registered'));
      // something in the other town: the feed is ordered, so anything meant for it would have come first
      const h = hs.demo.city.hierarchy;
      let otherUnit = h.indexOf(otherTown);
      while (h.childCount(otherUnit)) otherUnit = h.children(otherUnit)[0];
      const og = h.code(h.ancestorAt(otherUnit, 'grid'));
      const d = await (await as(`gw-${og}`)).discover({ type: 'discover', node: h.code(otherUnit), source: 'patrol', description: 'other' });
      await until(() => items.other.some((i) => i.caseId === d.caseId));
      assert.ok(items.other.every((i) => h.isAncestor(h.indexOf(otherTown), h.indexOf(i.node))), 'nothing of the first town');
      assert.ok(!items.mine.some((i) => i.caseId === d.caseId));
      stop.abort();
      // resume: from the position before the discovery, the missed events come again
      const first = items.mine.find((i) => i.caseId === id)!;
      const again: FeedItemBody[] = [];
      const stop2 = new AbortController();
      const c = await as(`to1-${town}`);
      await new Promise<void>((ok) => { void c.feed({ after: first.position - 1, onChange: (it) => again.push(it), onReady: () => ok(), signal: stop2.signal }); });
      stop2.abort();
      assert.deepEqual(again.filter((i) => i.caseId === id).map((i) => i.type), ['discovered', 'registered']);
      const res = await hs.req('/api/feed', { headers: { 'last-event-id': String(first.position) }, token: await hs.token(`to1-${town}`) });
      const reader = res.body!.getReader();
      let text = '';
      while (!text.includes('event: ready')) text += new TextDecoder().decode((await reader.read()).value);
      await reader.cancel();
      assert.ok(text.includes('"type":"registered"') && !text.includes('"type":"discovered"'), 'Last-Event-ID resumes after that position');
    });

    test('a record reopened from its snapshot equals the one folded from the feed', async () => {
      const { id } = await newCase('snapshot test');
      const saved = await hs.record.saveSnapshot();
      assert.equal(saved.position, hs.record.position);
      const { LiveRecord } = await import('../src/record.js');
      const again = await LiveRecord.open(hs.store, hs.demo.city);
      try {
        assert.equal(again.snapshotPosition, saved.position, 'restored from the snapshot, not folded from the feed');
        assert.equal(again.position, hs.record.position);
        assert.equal(again.cases.size, hs.record.cases.size);
        for (const c of [id, hs.record.cases.facts.caseIds[0], hs.record.cases.facts.caseIds[hs.record.cases.size - 2]]) {
          assert.deepEqual(again.cases.get(c), hs.record.cases.get(c));
        }
        assert.deepEqual(again.metrics().value(0, 'collected'), hs.record.metrics().value(0, 'collected'));
        assert.deepEqual(again.lists, hs.record.lists);
        assert.deepEqual([...again.registry.persons.keys()], [...hs.record.registry.persons.keys()]);
      } finally {
        again.close();
      }
    });

    test('a snapshot in the JSON rows an earlier version saved (format 1) still restores', async () => {
      const { id } = await newCase('format 1 snapshot');
      await hs.record.catchUp();
      const r = hs.record;
      // format 1 as 0.x wrote it: the case store's JSON snapshot as rows, gzipped with the rest
      const snap = r.cases.snapshot();
      const keys = Object.keys(snap.cases[0]);
      const h = r.hierarchy;
      const v1 = {
        format: 'jiceng.server', version: 1, fingerprint: `${h.size}:${h.code(0)}:${h.code(h.size - 1)}:${hs.demo.city.ctx.categories.list.length}`,
        position: r.position, latest: r.latest, events: snap.events, keys, rows: snap.cases.map((c) => keys.map((k) => c[k])),
        ownReports: [], registry: [...r.registry.persons], registryVersion: r.registry.version, lists: r.lists,
      };
      const { gzipSync } = await import('node:zlib');
      await hs.store.saveSnapshot('server.record', r.position, gzipSync(JSON.stringify(v1)));
      const { LiveRecord } = await import('../src/record.js');
      const again = await LiveRecord.open(hs.store, hs.demo.city);
      try {
        assert.equal(again.snapshotPosition, r.position, 'restored from the format 1 snapshot');
        assert.equal(again.cases.size, r.cases.size);
        assert.deepEqual(again.cases.get(id), r.cases.get(id));
        assert.deepEqual(again.metrics().value(0, 'collected'), r.metrics().value(0, 'collected'));
      } finally {
        again.close();
      }
    });

    test('OpenAPI 3.1 document validates; every route is called through the typed client', async () => {
      const doc = await (await hs.req('/api/openapi.json')).json();
      assert.equal(doc.openapi, '3.1.0');
      const v = await new Validator().validate(doc);
      assert.ok(v.valid, JSON.stringify(v).slice(0, 1500));
      const ref = await hs.req('/api/reference');
      assert.equal(ref.status, 200);
      assert.ok((await ref.text()).includes('/api/openapi.json'));
      // through the client: the routes not already exercised above
      const anon = hs.client();
      assert.equal((await anon.health()).ok, true);
      const places = await anon.devPlaces(hs.demo.city.hierarchy.name(hs.demo.city.hierarchy.indexOf(town)));
      assert.ok(places.some((p) => p.code === town));
      const people = await anon.devPeople(grid);
      assert.ok(people.some((p) => p.id === `gw-${grid}`));
      const t = await anon.devToken(`to1-${town}`);
      assert.equal(t.actor.id, `to1-${town}`);
      assert.equal((await anon.me()).id, `to1-${town}`, 'the client keeps the token it got');
      // the alert routes (their behaviour: alerts.test.ts)
      assert.ok(Array.isArray((await anon.alerts({ node: town })).items) && Array.isArray((await anon.board(town)).rows) && (await anon.alertMeasures(town)).rows.length > 0);
      await fails(anon.alert('A-NO-SUCH-ALERT'), 404, 'E_NO_ALERT');
      await fails(anon.alertCommand('A-NO-SUCH-ALERT', { type: 'acknowledge', alertId: 'A-NO-SUCH-ALERT', expectedVersion: 1 }), 404, 'E_NO_ALERT');
      const expected = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
        .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`));
      // the engagement routes are called through the client in engagement.test.ts
      const missing = expected.filter((e) => !hits.has(e) && !e.includes(' /api/engagement/'));
      assert.deepEqual(missing, [], 'every documented route was called');
    });
  });
}
