// The engagement routes in process, on PGlite (and PostgreSQL when JICENG_TEST_PG_URL is set):
// the walk a resident, the community and a party member take through an order, with the hours
// reaching the member's time bank and the points the ranking; each person sees only their
// part; nobody confirms their own service; a retried command pays once; events are in the
// store once and a second record over the same store folds to the same state; the feed
// carries the order's changes to those it concerns and to no one else.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Actor } from '@jiceng/core';
import { createApp } from '../src/app.js';
import { LiveRecord } from '../src/record.js';
import { ENGAGEMENT_STREAM } from '../src/routes/engagement.js';
import { JicengApiError, type JicengClient } from '../src/client.js';
import { AUTH, ENGINES, harness, type Harness } from './helpers.js';

const TOWN = '350302001000';
const VILLAGE = '350302001001';
const GRID = '350302001001001';
const H = 3_600_000;

for (const engine of ENGINES) {
  describe(`engagement on ${engine.name}`, () => {
    let hs: Harness;
    const hits = new Set<string>();
    let now = Date.parse('2026-03-02T09:00:00+08:00'); // a Monday inside the calendar's coverage
    const member: Actor = { id: `pm1-${VILLAGE}`, roles: [{ role: 'party-member', node: VILLAGE }] };
    const resident: Actor = { id: `re1-${GRID}`, roles: [{ role: 'citizen', node: GRID }] };
    const officer: Actor = { id: `vi1-${VILLAGE}`, roles: [{ role: 'village-officer', node: VILLAGE }] };
    const town: Actor = { id: `to1-${TOWN}`, roles: [{ role: 'town-officer', node: TOWN }] };
    let outsider: Actor;
    const as: Record<string, JicengClient> = {};
    /** The status and error code of a refused call. */
    const refused = async (p: Promise<unknown>): Promise<[number, string]> => {
      try {
        await p;
      } catch (e) {
        if (e instanceof JicengApiError) return [e.status, e.error.code];
        throw e;
      }
      return [200, 'accepted'];
    };
    const version = async () => (await hs.store.readStream(ENGAGEMENT_STREAM)).length;

    before(async () => {
      hs = await harness(engine, { clock: () => now, log: (e) => hits.add(`${e.method} ${e.route}`) });
      const h = hs.demo.city.hierarchy;
      const other = h.children(h.indexOf(TOWN)).map((p) => h.code(p)).find((c) => c !== VILLAGE)!;
      outsider = { id: `vi1-${other}`, roles: [{ role: 'village-officer', node: other }] };
      for (const [k, a] of Object.entries({ member, resident, officer, town, outsider })) as[k] = hs.client(await hs.token(a));
    });
    after(() => hs.close());

    test('a resident orders, the village dispatches, the member accepts and completes, the resident confirms: hours in the bank, points in the ranking', async () => {
      // 报到: the member reports to the village; the same command again appends nothing
      const report = { type: 'reportMember', member: member.id, name: '林志明', kind: 'party-member', node: VILLAGE, skills: ['repair', 'care'], days: [0, 1, 2, 3, 4, 5, 6] };
      const first = await as.member.engagementCommand(report, 'report-0001');
      assert.equal(first.duplicate, false);
      const v = await version();
      const again = await as.member.engagementCommand(report, 'report-0001');
      assert.equal(again.duplicate, true);
      assert.deepEqual(again.events, first.events, 'the retry answers with the first outcome');
      assert.equal(await version(), v, 'and nothing more is in the store');

      // 群众点单
      const from = now + 26 * H;
      await as.resident.engagementCommand({ type: 'placeOrder', order: 'o-walk-1', node: GRID, category: 'repair', from, to: from + 2 * H, description: '水龙头漏水，电话13812345678' }, 'order-0001');
      const own = await as.resident.engagementOrders({ mine: true });
      assert.deepEqual(own.items.map((o) => [o.id, o.status, o.resident]), [['o-walk-1', 'ordered', resident.id]]);

      // another village's officer neither sees nor dispatches it
      assert.equal((await as.outsider.engagementOrders()).items.some((o) => o.id === 'o-walk-1'), false);
      assert.deepEqual(await refused(as.outsider.engagementOrders({ node: VILLAGE })), [403, 'E_OUT_OF_SCOPE']);
      assert.deepEqual(await refused(as.outsider.engagementCandidates('o-walk-1')), [404, 'E_NO_ORDER']);
      assert.deepEqual(await refused(as.outsider.engagementCommand({ type: 'dispatchOrder', order: 'o-walk-1', member: member.id })), [403, 'E_OUT_OF_SCOPE']);

      // 社区派单: the member is suggested (skill, available, same village)
      const board = await as.officer.engagementOrders({ node: VILLAGE, status: 'ordered' });
      assert.ok(board.items.some((o) => o.id === 'o-walk-1' && o.resident === resident.id), 'the officer sees who ordered');
      const cands = await as.officer.engagementCandidates('o-walk-1');
      assert.equal(cands[0].member, member.id);
      assert.equal(cands[0].skill, true);
      assert.ok((await as.officer.engagementMembers(VILLAGE)).some((m) => m.id === member.id));
      assert.deepEqual(await refused(as.member.engagementMembers(VILLAGE)), [403, 'E_OUT_OF_SCOPE'], 'the member list is for the staff');
      await as.officer.engagementCommand({ type: 'dispatchOrder', order: 'o-walk-1', member: member.id });

      // 党员接单: only the member dispatched; the member sees the order, the resident masked
      assert.deepEqual(await refused(as.resident.engagementCommand({ type: 'acceptOrder', order: 'o-walk-1' })), [403, 'E_NOT_ASSIGNEE']);
      const mine = (await as.member.engagementOrders({ mine: true })).items[0];
      assert.equal(mine.id, 'o-walk-1');
      assert.notEqual(mine.resident, resident.id, 'the resident\'s id is masked for the member');
      assert.ok(!mine.description.includes('13812345678') && mine.description.includes('138****5678'), 'a phone number in the text is masked for the member');
      await as.member.engagementCommand({ type: 'acceptOrder', order: 'o-walk-1' });
      now = from + 2 * H;
      await as.member.engagementCommand({ type: 'completeOrder', order: 'o-walk-1', hours: 2 });

      // nobody confirms their own service; the resident confirms once, however often it is sent
      assert.deepEqual(await refused(as.member.engagementCommand({ type: 'confirmOrder', order: 'o-walk-1', rating: 5 })), [403, 'E_SELF_CONFIRM']);
      now += 3 * H;
      const conf = await as.resident.engagementCommand({ type: 'confirmOrder', order: 'o-walk-1', rating: 5 }, 'confirm-0001');
      assert.deepEqual(conf.events.map((e) => e.type), ['orderConfirmed', 'transferPosted', 'transferPosted']);
      const retry = await as.resident.engagementCommand({ type: 'confirmOrder', order: 'o-walk-1', rating: 5 }, 'confirm-0001');
      assert.equal(retry.duplicate, true);

      // the hours in the member's time bank, the points pending settlement
      const me = await as.member.engagementMe();
      const time = me.accounts.find((a) => a.ledger === 'time')!;
      const points = me.accounts.find((a) => a.ledger === 'points')!;
      assert.equal(time.balance, 2, 'two hours served, two coins (once)');
      assert.equal(points.pending, 2, 'the service item\'s points, awaiting settlement');
      const st = await as.member.engagementStatement(time.account);
      assert.deepEqual(st.lines.map((l) => [l.kind, l.amount, l.order]), [['earn', 2, 'o-walk-1']]);
      assert.deepEqual(await refused(as.resident.engagementStatement(time.account)), [404, 'E_NO_ACCOUNT'], 'no one else\'s statement');
      assert.equal((await as.officer.engagementStatement(time.account)).closing, 2, 'the village\'s staff may read it');

      // the ranking: the village's row and the member's own row
      assert.deepEqual(await refused(as.officer.engagementRanking({ node: TOWN, level: 'village' })), [403, 'E_OUT_OF_SCOPE'], 'the town is above the village officer');
      const rows = await as.town.engagementRanking({ node: TOWN, level: 'village' });
      const row = rows.find((r) => r.node === VILLAGE)!;
      assert.deepEqual([row.reported, row.orders, row.hours, row.points, row.satisfaction], [1, 1, 2, 2, 5]);
      const ranked = await as.member.engagementMemberRanking(VILLAGE);
      assert.deepEqual(ranked.map((r) => [r.self, r.member, r.points, r.hours]), [[true, member.id, 2, 2]]);
      const seen = await as.officer.engagementMemberRanking(VILLAGE);
      assert.deepEqual(seen.map((r) => [r.self, r.member, r.name]), [[false, null, '林*明']], 'others see a masked name and no id');
      assert.deepEqual(await refused(as.outsider.engagementRanking({ node: VILLAGE })), [403, 'E_OUT_OF_SCOPE']);
    });

    test('bad input is refused with zh/en fields and appends nothing', async () => {
      const v = await version();
      const e = await hs.req('/api/engagement/commands', { token: await hs.token(resident), json: { commandId: 'bad-00001', command: { type: 'placeOrder', order: 'o-bad', node: GRID, category: 'repair', from: 2, to: 1, description: '' } } });
      assert.equal(e.status, 422);
      const body = await e.json();
      assert.ok(body.error.fields.some((f: { field: string; zh: string; en: string }) => f.field === 'description' && f.zh && f.en));
      const w = await hs.req('/api/engagement/commands', { token: await hs.token(resident), json: { commandId: 'bad-00002', command: { type: 'placeOrder', order: 'o-bad', node: GRID, category: 'repair', from: 2, to: 1, description: '窗户' } } });
      assert.equal(w.status, 422);
      assert.equal((await w.json()).error.code, 'E_BAD_WINDOW');
      const u = await hs.req('/api/engagement/commands', { json: { commandId: 'bad-00003', command: { type: 'acceptOrder', order: 'o-walk-1' } } });
      assert.equal(u.status, 401);
      assert.equal(await version(), v);
    });

    test('one command id sent twice at once is recorded once; different commands at once are all recorded', async () => {
      const from = now + 30 * H;
      const cmd = (order: string) => ({ type: 'placeOrder', order, node: GRID, category: 'elder-care', from, to: from + H, description: '陪同就医' });
      const v = await version();
      const same = await Promise.all([as.resident.engagementCommand(cmd('o-twice'), 'twice-0001'), as.resident.engagementCommand(cmd('o-twice'), 'twice-0001')]);
      assert.deepEqual(same.map((r) => r.duplicate).sort(), [false, true]);
      const many = await Promise.all([1, 2, 3, 4].map((i) => as.resident.engagementCommand(cmd(`o-many-${i}`))));
      assert.ok(many.every((r) => !r.duplicate));
      assert.equal(await version(), v + 5);
    });

    test('the feed carries an order\'s changes to those it concerns, in scope, and no one else', async () => {
      const read = async (a: Actor) => {
        const res = await hs.req('/api/engagement/feed?after=0', { token: await hs.token(a) });
        assert.equal(res.status, 200);
        const reader = res.body!.getReader();
        let text = '';
        while (!text.includes('event: ready')) text += new TextDecoder().decode((await reader.read()).value);
        await reader.cancel();
        return text.split('\n\n').filter((b) => b.includes('event: change')).map((b) => JSON.parse(b.split('\n').find((l) => l.startsWith('data: '))!.slice(6)));
      };
      const mine = await read(resident);
      const walk = mine.filter((i) => i.order === 'o-walk-1').map((i) => i.type);
      assert.deepEqual(walk, ['orderPlaced', 'orderDispatched', 'orderAccepted', 'orderCompleted', 'orderConfirmed']);
      assert.ok(mine.every((i) => !('description' in i) && !('resident' in i)), 'ids, node and status only');
      const theirs = await read(outsider);
      assert.deepEqual(theirs.filter((i) => i.order === 'o-walk-1' || i.node.startsWith(VILLAGE)), []);
      hits.add('GET /api/engagement/feed');
      // live: a change after the replay arrives
      const got = new Promise<string>((ok) => {
        const stop = new AbortController();
        void as.officer.engagementFeed({
          signal: stop.signal,
          onReady: () => void as.resident.engagementCommand({ type: 'cancelOrder', order: 'o-many-1', reason: '已解决' }),
          onChange: (it) => { if (it.order === 'o-many-1' && it.status === 'cancelled') { stop.abort(); ok(it.type); } },
        });
      });
      assert.equal(await got, 'orderCancelled');
    });

    test('events are in the store once: a second record over the same store folds to the same state', async () => {
      const events = await hs.store.readStream(ENGAGEMENT_STREAM);
      assert.deepEqual(events.map((e) => e.version), events.map((_, i) => i + 1));
      assert.equal(new Set(events.map((e) => e.meta.commandId)).size <= events.length, true);
      const again = await LiveRecord.open(hs.store, hs.demo.city);
      const app2 = createApp({ record: again, auth: AUTH, clock: () => now });
      try {
        const t = await hs.token(member);
        const me = await (await app2.request('/api/engagement/me', { headers: { authorization: `Bearer ${t}` } })).json();
        assert.deepEqual(me, await as.member.engagementMe());
        const orders = await (await app2.request('/api/engagement/orders?mine=true', { headers: { authorization: `Bearer ${t}` } })).json();
        assert.deepEqual(orders, await as.member.engagementOrders({ mine: true }));
      } finally {
        again.close();
      }
    });

    test('the OpenAPI document validates and every engagement route was called through the typed client', async () => {
      const doc = await (await hs.req('/api/openapi.json')).json();
      const v = await new Validator().validate(doc);
      assert.ok(v.valid, JSON.stringify(v).slice(0, 1500));
      const expected = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
        .filter(([p]) => p.startsWith('/api/engagement/'))
        .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`));
      assert.ok(expected.length >= 9);
      assert.deepEqual(expected.filter((e) => !hits.has(e)), []);
    });
  });
}
