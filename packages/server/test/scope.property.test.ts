// The scope rule as a property over random actors: whatever grants a caller holds, nothing
// of a place outside its subtrees comes back from any route — case list, case file,
// commands, dashboard, ranking, registry, the live feed — while what lies inside answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Actor } from '@jiceng/core';
import { harness, type Harness } from './helpers.js';
import type { FeedItemBody } from '../src/schemas.js';

let hs: Harness;
let feedStart = 0;
const ROLES: Record<string, string> = { grid: 'grid-worker', village: 'village-officer', town: 'town-officer', county: 'county-officer' };

before(async () => {
  hs = await harness();
  const h = hs.demo.city.hierarchy;
  feedStart = hs.record.position - 2000;
  // a few registry people at the units of the first cases
  for (let i = 0; i < 4; i++) {
    const u = hs.record.cases.facts.node[i * 97];
    const gw = hs.client(await hs.token(`gw-${h.code(h.ancestorAt(u, 'grid'))}`));
    await gw.registryCommand({
      type: 'enrolled', personId: `p-prop-${i}`, group: 'released-prisoner', node: h.code(u), person: { name: `测试${i}` },
      legalBasis: { basis: 'statutory-duty', articles: ['社区矫正法 第二十条'], informed: true },
    });
  }
});
after(() => hs.close());

test('an out-of-scope caller gets nothing of that scope from any route, the feed included', async () => {
  const h = hs.demo.city.hierarchy;
  const f = hs.record.cases.facts;
  const byLevel: Record<string, number[]> = {};
  // the places that have cases, at each level: the interesting ones
  for (let r = 0; r < f.length; r++) for (const lv of Object.keys(ROLES)) (byLevel[lv] ??= []).push(h.ancestorAt(f.node[r], lv));
  const grant = fc.constantFrom(...Object.keys(ROLES)).chain((lv) => fc.constantFrom(...byLevel[lv]).map((pos) => ({ role: ROLES[lv], node: h.code(pos) })));
  const actor = fc.record({ n: fc.nat(), grants: fc.array(grant, { minLength: 1, maxLength: 2 }) })
    .map(({ n, grants }): Actor => ({ id: `prop-${n}`, roles: grants }));
  const row = fc.nat({ max: f.length - 1 });

  await fc.assert(fc.asyncProperty(actor, row, async (a, r) => {
    const inScope = (pos: number) => a.roles.some((g) => h.isAncestor(h.indexOf(g.node), pos));
    const token = await hs.token(a);
    const get = (p: string) => hs.req(p, { token });
    const id = f.caseIds[r];
    const pos = f.node[r];
    const town = h.ancestorAt(pos, 'town');
    const file = await get(`/api/cases/${id}`);
    if (inScope(pos)) assert.equal(file.status, 200);
    else {
      assert.equal(file.status, 403);
      const b = await file.json();
      assert.deepEqual(Object.keys(b), ['error']);
      assert.ok(!JSON.stringify(b).includes(h.code(pos)), 'no trace of the case\'s place');
      assert.equal((await get(`/api/cases?node=${h.code(pos)}`)).status, 403);
      const cmd = await hs.req(`/api/cases/${id}/commands`, { token, json: { commandId: `prop-cmd-${r}-${a.id}`, command: { type: 'supervise', caseId: id, expectedVersion: 1, note: 'x' } } });
      assert.equal(cmd.status, 403);
      assert.equal((await cmd.json()).error.currentVersion, undefined, 'no version disclosed');
    }
    const list = await (await get('/api/cases?limit=200')).json();
    for (const c of list.items) assert.ok(inScope(h.indexOf(c.node.code)), `listed ${c.id} outside the scope`);
    for (const node of [town, h.ancestorAt(pos, 'village')]) {
      const d = await get(`/api/metrics/dashboard?node=${h.code(node)}`);
      const k = await get(`/api/metrics/ranking?node=${h.code(node)}&indicator=collected`);
      assert.equal(d.status, inScope(node) ? 200 : 403);
      assert.equal(k.status, inScope(node) ? 200 : 403);
    }
    const reg = await (await get('/api/registry?purpose=%E9%9A%8F%E8%AE%BF')).json();
    for (const p of reg.items) assert.ok(inScope(h.indexOf(String(p.node))), 'a registry person outside the scope');
    // the feed, replayed from before the last events: only changes in scope
    const items: FeedItemBody[] = [];
    const stop = new AbortController();
    await new Promise<void>((ok, bad) => {
      hs.client(token).feed({ after: feedStart, onChange: (it) => items.push(it), onReady: () => ok(), signal: stop.signal }).catch(bad);
    });
    stop.abort();
    for (const it of items) assert.ok(inScope(h.indexOf(it.node)), `feed item of ${it.node} outside the scope`);
    const expected = (await hs.store.readFeed({ after: feedStart, limit: 5000, streamTypes: ['case'] }))
      .filter((e) => inScope(hs.record.cases.facts.node[hs.record.cases.rowOf(e.streamId.slice(5))])).length;
    assert.equal(items.length, expected, 'and every change in scope');
  }), { numRuns: 12 });
});
