// Alerts on the server: the monitor evaluates the rules as case events are folded, raises
// alerts as events in the store, lists them in the caller's scope, pushes their changes on
// the live feed (scoped), lets the town acknowledge (once per command id) and dispatch from
// its board with the ordinary case command — on PGlite, and on PostgreSQL when
// JICENG_TEST_PG_URL is set.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ENGINES, AUTH, fails, harness, type Harness } from './helpers.js';
import { createApp } from '../src/app.js';
import { LiveRecord } from '../src/record.js';
import { alertMonitor, type AlertFeedBody } from '../src/routes/alerts.js';
import { JicengClient, type JicengClient as Client } from '../src/client.js';

/** Monday 2026-03-02 09:00 +08:00: a working morning after the demo history ends. */
const MONDAY = Date.parse('2026-03-02T09:00:00+08:00');

for (const engine of ENGINES) {
  describe(`alerts on ${engine.name}`, () => {
    let hs: Harness;
    const clk = { now: MONDAY };
    let unit: string, grid: string, village: string, town: string, otherTown: string, otherUnit: string;
    const alertsIn: Record<'mine' | 'other', AlertFeedBody[]> = { mine: [], other: [] };
    const changesOther: string[] = [];
    const waiters: (() => void)[] = [];
    const stop = new AbortController();
    const until = (ok: () => boolean) => new Promise<void>((done) => { const w = () => { if (ok()) done(); }; waiters.push(w); w(); });
    const monitor = () => alertMonitor(hs.record, { clock: () => clk.now });

    before(async () => {
      hs = await harness(engine, { clock: () => clk.now });
      const h = hs.demo.city.hierarchy;
      ({ unit, grid, village, town, otherTown } = hs.places());
      let p = h.indexOf(otherTown);
      while (h.childCount(p)) p = h.children(p)[0];
      otherUnit = h.code(p);
      const follow = async (who: string, key: 'mine' | 'other') => {
        const c = await as(who);
        await new Promise<void>((ready) => {
          void c.feed({
            onReady: () => ready(), signal: stop.signal,
            onChange: (it) => { if (key === 'other') changesOther.push(it.caseId); waiters.forEach((w) => w()); },
            onAlert: (it) => { alertsIn[key].push(it); waiters.forEach((w) => w()); },
          });
        });
      };
      await follow(`to1-${town}`, 'mine');
      await follow(`to1-${otherTown}`, 'other');
    });
    after(async () => { stop.abort(); await hs.close(); });

    const as = (person: string): Promise<Client> => hs.as(person);
    /** A case reported in the grid's unit by its worker and registered by the village. */
    async function report(category: string, note: string): Promise<string> {
      clk.now += 10 * 60_000;
      const d = await (await as(`gw-${grid}`)).discover({ type: 'discover', node: unit, source: 'patrol', description: note });
      await (await as(`vi1-${village}`)).command(d.caseId, { type: 'register', caseId: d.caseId, expectedVersion: 1, category, urgency: 'normal', description: note });
      await monitor().settled();
      return d.caseId;
    }
    const clusters = async (who: string, category?: string) =>
      (await (await as(who)).alerts({ status: 'all' })).items.filter((a) => a.rule === 'grid-cluster' && (!category || a.categoryName?.zh === category));
    const ids: string[] = [];

    test('two cases raise nothing; the third of one category in a grid raises one cluster alert, listed and pushed for the town only', async () => {
      ids.push(await report('city.rubbish', '路边暴露垃圾 一'), await report('city.rubbish', '路边暴露垃圾 二'));
      assert.equal((await clusters(`to1-${town}`)).length, 0, 'not before the third case');
      ids.push(await report('city.rubbish', '路边暴露垃圾 三'));
      const mine = await clusters(`to1-${town}`);
      assert.equal(mine.length, 1);
      const a = mine[0];
      assert.equal(a.node, grid);
      assert.equal(a.count, 3);
      assert.equal(a.status, 'raised');
      assert.deepEqual(a.actions, ['acknowledge', 'assign', 'escalate', 'resolve'], 'a town officer may act on it');
      assert.deepEqual((await clusters(`gw-${grid}`)).map((x) => x.actions), [['acknowledge']], 'the grid worker sees it and may only acknowledge');
      assert.equal((await clusters(`to1-${otherTown}`)).length, 0, 'another town does not see it');
      await fails((await as(`to1-${otherTown}`)).alert(a.id), 404, 'E_NO_ALERT');
      const file = await (await as(`to1-${town}`)).alert(a.id);
      assert.deepEqual(file.events.map((e) => [e.type, e.actor]), [['raised', 'alert-monitor']]);
      // on the live feed: the town's connection gets it…
      await until(() => alertsIn.mine.some((i) => i.alertId === a.id && i.type === 'raised'));
      // …and the other town's does not: something of its own arrives after it, and nothing of this alert before
      const d = await (await as(`gw-${hs.demo.city.hierarchy.code(hs.demo.city.hierarchy.ancestorAt(hs.demo.city.hierarchy.indexOf(otherUnit), 'grid'))}`)).discover({ type: 'discover', node: otherUnit, source: 'patrol', description: 'other' });
      await until(() => changesOther.includes(d.caseId));
      assert.equal(alertsIn.other.length, 0);
      // the stored history raised nothing: its findings are history
      const stored = (await hs.store.readFeed({ after: 0, limit: 1_000_000, streamTypes: ['alert'] }));
      assert.ok(stored.every((s) => s.time >= hs.record.asOf));
    });

    test('the town acknowledges once: the same command id again appends nothing; stale, wrong-state, not-permitted and bad input are refused', async () => {
      const [a] = await clusters(`to1-${town}`);
      const to = await as(`to1-${town}`);
      const cmd = { type: 'acknowledge', alertId: a.id, expectedVersion: a.version, note: '已安排核查' } as const;
      const first = await to.alertCommand(a.id, cmd, 'ack-cluster-0001');
      assert.equal(first.duplicate, false);
      assert.equal(first.version, 2);
      const again = await to.alertCommand(a.id, cmd, 'ack-cluster-0001');
      assert.equal(again.duplicate, true);
      assert.deepEqual(again.events, first.events);
      const stream = await hs.store.readStream(`alert-${a.id}`);
      assert.deepEqual(stream.map((e) => e.type), ['raised', 'acknowledged'], 'appended once');
      assert.equal(stream[1].meta.actor, `to1-${town}`);
      const stale = await fails(to.alertCommand(a.id, { ...cmd }, 'ack-cluster-0002'), 409, 'E_STALE_VERSION');
      assert.equal(stale.error.currentVersion, 2);
      await fails(to.alertCommand(a.id, { ...cmd, expectedVersion: 2 }, 'ack-cluster-0003'), 409, 'E_WRONG_STATE');
      await fails((await as(`gw-${grid}`)).alertCommand(a.id, { type: 'resolve', alertId: a.id, expectedVersion: 2, reason: 'handled' }), 403, 'E_NOT_PERMITTED');
      const bad = await hs.req(`/api/alerts/${a.id}/commands`, { token: await hs.token(`to1-${town}`), json: { command: { type: 'resolve', alertId: a.id, expectedVersion: 2, reason: 'because' } } });
      assert.equal(bad.status, 422);
      const fields = (await bad.json()).error.fields.map((f: { field: string }) => f.field);
      assert.ok(fields.includes('commandId'), fields.join());
      assert.deepEqual((await hs.store.readStream(`alert-${a.id}`)).length, 2, 'refusals change nothing');
      await until(() => alertsIn.mine.some((i) => i.alertId === a.id && i.type === 'acknowledged' && i.status === 'acknowledged'));
      // resuming the feed from before the acknowledgement replays it — to the town, not to the other town
      const resumed = async (who: string) => {
        const got: AlertFeedBody[] = [];
        const stop2 = new AbortController();
        const c = await as(who);
        await new Promise<void>((ok) => { void c.feed({ after: first.events[0].position - 1, onChange: () => undefined, onAlert: (it) => got.push(it), onReady: () => ok(), signal: stop2.signal }); });
        stop2.abort();
        return got.filter((i) => i.alertId === a.id).map((i) => i.type);
      };
      assert.deepEqual(await resumed(`to1-${town}`), ['acknowledged']);
      assert.deepEqual(await resumed(`to1-${otherTown}`), []);
      const [now] = await clusters(`to1-${town}`);
      assert.equal(now.status, 'acknowledged');
      assert.deepEqual(now.actions, ['assign', 'escalate', 'resolve']);
      const m = await to.alertMeasures(town);
      assert.equal(m.rows.reduce((s, r) => s + r.acknowledged, 0) >= 1, true);
      assert.equal(m.medianAckMinutes !== null && m.medianAckMinutes >= 0, true);
    });

    test('the board lists the cases waiting for dispatch; the town dispatches one with the ordinary command and it waits for acceptance', async () => {
      const to = await as(`to1-${town}`);
      const b = await to.board(town);
      const mine = b.rows.filter((r) => ids.includes(r.caseId));
      assert.deepEqual(mine.map((r) => r.waitingFor), ['dispatch', 'dispatch', 'dispatch']);
      const deadlines = b.rows.map((r) => r.deadline ?? Infinity);
      assert.deepEqual(deadlines, [...deadlines].sort((x, y) => x - y), 'sorted by deadline');
      const row = mine.find((r) => r.caseId === ids[0])!;
      assert.ok(row.targets.some((t) => t.node === village), 'the village is a target');
      await fails((await as(`to1-${otherTown}`)).board(town), 403, 'E_OUT_OF_SCOPE');
      await to.command(row.caseId, { type: 'dispatch', caseId: row.caseId, expectedVersion: row.version, node: village });
      const after = await to.board(town);
      assert.equal(after.rows.find((r) => r.caseId === row.caseId)!.waitingFor, 'accept');
      assert.equal(after.loads.find((l) => l.node === village)!.waiting, (b.loads.find((l) => l.node === village)?.waiting ?? 0) + 1);
    });

    test('an alert nobody acknowledges goes one level up after its time limit (4 working hours)', async () => {
      for (let i = 0; i < 3; i++) await report('city.parking', `乱停乱放 ${i}`);
      const [a] = await clusters(`to1-${town}`, '乱停乱放');
      assert.ok(a, (await clusters(`to1-${town}`)).map((x) => x.categoryName?.zh).join());
      assert.equal(a.status, 'raised');
      await monitor().tick();
      assert.equal((await (await as(`to1-${town}`)).alert(a.id)).node, grid, 'not before the limit');
      clk.now = Date.parse('2026-03-02T16:30:00+08:00');
      await monitor().tick();
      const file = await (await as(`to1-${town}`)).alert(a.id);
      assert.equal(file.node, village);
      assert.deepEqual(file.events.map((e) => e.type), ['raised', 'escalated']);
      assert.equal(file.alert.escalations, 1);
      const [acked] = await clusters(`to1-${town}`, '暴露垃圾');
      assert.equal((await (await as(`to1-${town}`)).alert(acked.id)).node, grid, 'the acknowledged one stays');
      await monitor().tick();
      assert.equal((await hs.store.readStream(`alert-${a.id}`)).length, 2, 'a second tick escalates nothing more yet');
    });

    test('a server reopened over the same store lists the same alerts and raises none again', async () => {
      const before = (await hs.store.readFeed({ after: 0, limit: 1_000_000, streamTypes: ['alert'] })).length;
      const record = await LiveRecord.open(hs.store, hs.demo.city, { snapshots: false });
      try {
        const app = createApp({ record, auth: AUTH, clock: () => clk.now });
        const again = alertMonitor(record, { clock: () => clk.now });
        await again.settled();
        await again.tick();
        const client = new JicengClient({ baseUrl: 'http://test', token: await hs.token(`to1-${town}`), fetch: (i, init) => Promise.resolve(app.request(i, init)) });
        const theirs = (await client.alerts({ status: 'all', node: town })).items.map((x) => `${x.id} ${x.status} ${x.version}`).sort();
        const ours = (await (await as(`to1-${town}`)).alerts({ status: 'all', node: town })).items.map((x) => `${x.id} ${x.status} ${x.version}`).sort();
        assert.deepEqual(theirs, ours);
        assert.equal((await hs.store.readFeed({ after: 0, limit: 1_000_000, streamTypes: ['alert'] })).length, before);
      } finally {
        record.close();
      }
    });

    test('reading the history for the alerts leaves the server free to answer (the event loop gets its turns)', async () => {
      const record = await LiveRecord.open(hs.store, hs.demo.city, { snapshots: false });
      try {
        // a store that answers without giving the event loop a turn, as embedded PGlite did at
        // full size (the server did not listen for minutes): the history as it stands, in pages
        const feed = await record.readFeed(0, 1_000_000);
        record.readFeed = (after, limit) => Promise.resolve(feed.filter((s) => s.position > after).slice(0, limit));
        // a request that arrives as the warm-up starts is a macrotask: it must run before the
        // warm-up ends, not after
        const again = alertMonitor(record, { clock: () => clk.now });
        let served = false;
        setImmediate(() => { served = true; });
        await again.ready;
        assert.ok(served, 'a task queued at the start ran during the warm-up');
      } finally {
        record.close();
      }
    });

    test('scope as a property: whatever grant a caller holds, the list holds exactly the alerts shown inside its subtree', async () => {
      const h = hs.demo.city.hierarchy;
      const all = monitor().log.all();
      assert.ok(all.length >= 2);
      const roles: Record<string, string> = { grid: 'grid-worker', village: 'village-officer', town: 'town-officer', county: 'county-officer', city: 'city-officer' };
      // places on the alerts' paths (inside) and anywhere (mostly outside)
      const near = [...new Set(all.flatMap((a) => h.path(h.indexOf(a.node))))];
      await fc.assert(fc.asyncProperty(fc.oneof(fc.constantFrom(...near), fc.integer({ min: 0, max: h.size - 1 })), async (pos) => {
        const level = h.level(pos).id;
        if (!roles[level]) return;
        const who = { id: `prop-${pos}`, roles: [{ role: roles[level], node: h.code(pos) }] };
        const listed = (await hs.client(await hs.token(who)).alerts({ status: 'all', limit: 1000 })).items.map((x) => x.id).sort();
        const inside = all.filter((a) => h.isAncestor(pos, h.indexOf(a.node))).map((a) => a.id).sort();
        assert.deepEqual(listed, inside);
      }), { numRuns: 40, seed: 19 });
    });

    test('the OpenAPI document describes the alert routes', async () => {
      const doc = await (await hs.req('/api/openapi.json')).json();
      for (const p of ['/api/alerts', '/api/alerts/{id}', '/api/alerts/{id}/commands', '/api/alerts/board', '/api/alerts/measures']) assert.ok(doc.paths[p], p);
      assert.ok(doc.components.schemas.AlertFeedItem);
    });
  });
}
