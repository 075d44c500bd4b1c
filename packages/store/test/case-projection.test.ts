// The case projection: the facts/metrics columns kept from the feed, checkpointed and
// snapshotted as rows; rebuilt from zero it equals the incremental one and a direct fold.
import { readFileSync } from 'node:fs';
import test from 'node:test';
import assert from 'node:assert/strict';
import { buildHierarchy, CaseStore, JcError, type HierarchyConfig } from '@jiceng/core';
import {
  buildCategoryTable, decodeCaseSnapshot, DEFAULT_CATEGORIES, encodeCaseSnapshot, type AnyCaseEvent,
} from '@jiceng/core/cases';
import { CaseProjection, caseSnapshotBytes, casesFromSnapshotBytes, type EventStore } from '@jiceng/store';
import { engines, freshPlace } from './engines.js';

const lvl = (id: string, length: number, significant: number) => ({ id, name: { zh: id, en: id }, duties: [], code: { length, significant } });
const CONFIG: HierarchyConfig = { id: 'p', levels: [lvl('city', 12, 4), lvl('county', 12, 6), lvl('town', 12, 9), lvl('village', 12, 12), lvl('grid', 15, 15)] };
const built = buildHierarchy(CONFIG, [
  { code: '350300000000', parent: null, level: 'city', name: '市' },
  { code: '350302000000', parent: '350300000000', level: 'county', name: '区' },
  { code: '350302101000', parent: '350302000000', level: 'town', name: '镇' },
  { code: '350302101001', parent: '350302101000', level: 'village', name: '村' },
  { code: '350302101001001', parent: '350302101001', level: 'grid', name: '网格' },
]);
if (!built.ok) throw new Error('hierarchy');
const cats = buildCategoryTable(DEFAULT_CATEGORIES, CONFIG);
if (!cats.ok) throw new Error('categories');
const ctx = { hierarchy: built.value, categories: cats.value };
const category = cats.value.list[0].id;

/** A deterministic mix of case histories (an input; what is tested is what the projections derive). */
function histories(cases: number): AnyCaseEvent[][] {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const out: AnyCaseEvent[][] = [];
  for (let c = 0; c < cases; c++) {
    const id = `c-${c}`;
    let t = 1_741_570_200_000 + c * 60_000;
    const evs: AnyCaseEvent[] = [];
    const push = (type: string, data: object, actor = 'gw1', role = 'grid-worker') => {
      t += Math.floor(rnd() * 3_600_000);
      evs.push({ caseId: id, version: evs.length + 1, type, at: t, actor, role, roleNode: role === 'town-officer' ? '350302101000' : '350302101001001', data } as AnyCaseEvent);
    };
    push('discovered', { node: '350302101001001', source: rnd() < 0.5 ? 'patrol' : 'hotline', description: `事件 ${c}` });
    if (rnd() < 0.1) { push('rejected', { reason: '不属实' }, 'ctr', 'center'); out.push(evs); continue; }
    push('registered', { category, urgency: rnd() < 0.2 ? 'urgent' : 'normal', description: '立案', dispatchDueAt: t + 3_600_000 }, 'ctr', 'center');
    const steps = Math.floor(rnd() * 4);
    if (steps === 0) { out.push(evs); continue; }
    push('dispatched', { node: '350302101001', dueAt: t + 86_400_000 }, 'ctr', 'center');
    push('accepted', {}, 'vo', 'village-officer');
    if (rnd() < 0.3) { push('extensionRequested', { limit: { amount: 2, unit: 'workDays' }, reason: '等材料' }, 'vo', 'village-officer'); push('extensionGranted', { dueAt: t + 2 * 86_400_000 }, 'ctr', 'center'); }
    if (rnd() < 0.2) push('supervised', { note: '督办' }, 'ctr', 'center');
    if (steps === 1) { out.push(evs); continue; }
    push('handled', { result: '已清理' }, 'vo', 'village-officer');
    const fail = rnd() < 0.25;
    push('verified', { passed: !fail, note: fail ? '未完成' : '属实' }, 'to1', 'town-officer'); // outside the handling body
    if (fail) { push('handled', { result: '再清理' }, 'vo', 'village-officer'); push('verified', { passed: true, note: '好了' }, 'to1', 'town-officer'); }
    if (steps === 2) { out.push(evs); continue; }
    push('feedbackGiven', { channel: 'phone', note: '已告知' }, 'ctr', 'center');
    push('followedUp', { satisfaction: 1 + Math.floor(rnd() * 5), recurred: false }, 'ctr', 'center');
    push('closed', {}, 'ctr', 'center');
    if (rnd() < 0.1) push('reopened', { reason: '复发', dueAt: t + 86_400_000 }, 'ctr', 'center');
    out.push(evs);
  }
  return out;
}

/** Appends the histories interleaved (round-robin over cases), a step of each case at a time. */
async function appendAll(s: EventStore, hs: AnyCaseEvent[][], from: number, to: number): Promise<AnyCaseEvent[]> {
  const order: AnyCaseEvent[] = [];
  for (let step = from; step < to; step++) {
    await Promise.all(hs.map(async (h) => {
      const e = h[step];
      if (!e) return;
      const { caseId, version, type, at, actor, role, roleNode, data } = e;
      const r = await s.append(`case-${caseId}`, [{ type, data, time: at, meta: { actor, role, roleNode } }], { expectedVersion: version - 1 });
      assert.ok(r.ok);
      order.push(Object.assign({}, e, { _pos: r.events[0].position }));
    }));
  }
  return order;
}

for (const kind of engines()) {
  test(`[${kind}] a case projection rebuilt from zero equals the incremental one, the snapshot restart and a direct fold`, async () => {
    const place = await freshPlace(kind);
    const s = await place.open();
    try {
      const hs = histories(80);
      const written = await appendAll(s, hs, 0, 4);
      await s.append('list-l-1', [{ type: 'created', data: {} }], { expectedVersion: 'none' }); // not a case: ignored
      const live = await CaseProjection.open(s, ctx);
      assert.equal(live.position, 0);
      const first = await live.catchUp();
      assert.equal(first, written.length);
      await live.saveSnapshot();
      assert.equal(await s.getCheckpoint('cases'), live.position);
      written.push(...await appendAll(s, hs, 4, 20));
      const later = await live.catchUp();
      assert.equal(first + later, written.length);

      const restarted = await CaseProjection.open(s, ctx);
      assert.ok(restarted.position > 0, 'it starts from the snapshot');
      assert.equal(await restarted.catchUp(), later, 'a restart applies only the events after its snapshot');
      const rebuilt = await CaseProjection.open(s, ctx, { fromSnapshot: false, batchSize: 13 });
      assert.equal(await rebuilt.catchUp(), written.length);

      const direct = new CaseStore(ctx, { keepLog: false });
      const byPos = [...written].sort((a, b) => (a as unknown as { _pos: number })._pos - (b as unknown as { _pos: number })._pos);
      assert.deepEqual(direct.replay(byPos.map(({ _pos, ...e }: AnyCaseEvent & { _pos?: number }) => e)).issues, []);

      const want = direct.snapshot();
      assert.ok(want.cases.some((c) => c.status === 'closed') && want.cases.some((c) => c.status === 'rejected'), 'the histories reach several statuses');
      for (const p of [live, restarted, rebuilt]) {
        assert.deepEqual(p.issues, []);
        assert.deepEqual(p.cases.snapshot(), want);
        assert.deepEqual([...p.cases.facts.status.subarray(0, p.cases.size)], [...direct.facts.status.subarray(0, direct.size)]);
        assert.deepEqual([...p.cases.facts.rework.subarray(0, p.cases.size)], [...direct.facts.rework.subarray(0, direct.size)]);
      }
      // Kept current by a subscription, it ends in the same state.
      const follower = await CaseProjection.open(s, ctx, { fromSnapshot: false });
      await new Promise<void>((done) => {
        const stop = s.subscribe(0, (events) => {
          follower.apply(events);
          if (follower.cases.eventCount === written.length) { stop(); done(); }
        }, { streamTypes: ['case'], batchSize: 50 });
      });
      assert.deepEqual(follower.cases.snapshot(), want);

      // Core's bytes as they are (a snapshot saved before they were deflated) restore the same;
      // bytes that mark themselves deflated and are not are set aside: the projection folds from zero.
      const at = restarted.position;
      await s.saveSnapshot('cases', at, encodeCaseSnapshot(direct));
      const fromRaw = await CaseProjection.open(s, ctx);
      assert.equal(fromRaw.position, at);
      assert.equal(await fromRaw.catchUp(), 0);
      assert.deepEqual(fromRaw.cases.snapshot(), want);
      const packed = await caseSnapshotBytes(direct);
      assert.ok(packed.length < encodeCaseSnapshot(direct).length, 'the stored snapshot is deflated');
      // the reverse, for a host keeping the bytes in a snapshot of its own (the server's record)
      assert.deepEqual((await casesFromSnapshotBytes(packed, ctx))?.snapshot(), want);
      assert.deepEqual((await casesFromSnapshotBytes(encodeCaseSnapshot(direct), ctx))?.snapshot(), want, 'core\'s bytes as they are');
      assert.equal(await casesFromSnapshotBytes(packed.subarray(0, 40), ctx), null, 'cut short: null, not a throw');
      await assert.rejects(casesFromSnapshotBytes('bytes' as unknown as Uint8Array, ctx), (e: Error & { issue?: { code: string } }) => e.issue?.code === 'E_ARGUMENT' && /Uint8Array/.test(e.message));
      await s.saveSnapshot('cases', at, packed.subarray(0, 40));
      const fromBroken = await CaseProjection.open(s, ctx);
      assert.equal(fromBroken.position, 0);
      assert.equal(await fromBroken.catchUp(), written.length);
      assert.deepEqual(fromBroken.cases.snapshot(), want);
    } finally {
      await s.close();
      await place.drop();
    }
  });
}

test('a binary case snapshot restores every field, rare values included, and refuses another hierarchy', () => {
  const direct = new CaseStore(ctx, { keepLog: false });
  const events = histories(60).flat();
  // Rare values: an urgent case dispatched to a department and a person (nodes and categories outside the tables are refused by the fold since the transition table).
  events.push(
    { caseId: 'odd', version: 1, type: 'discovered', at: 1, actor: 'x1', role: 'r', roleNode: 'n', data: { node: '350302101001001', source: 'patrol', description: 'd' } },
    { caseId: 'odd', version: 2, type: 'registered', at: 2, actor: 'x2', role: 'r', roleNode: 'n', data: { category, urgency: 'urgent', description: 'd', dispatchDueAt: 9 } },
    { caseId: 'odd', version: 3, type: 'dispatched', at: 3, actor: 'x2', role: 'r', roleNode: 'n', data: { node: '350302101001', department: '城管科', person: '张三', dueAt: 10 } },
  );
  // Times far from the report (past the Int32 milliseconds a packed column holds) and fractional ones: kept apart, exactly.
  events.push(
    { caseId: 'far', version: 1, type: 'discovered', at: 1_741_570_200_000.5, actor: 'x1', role: 'r', roleNode: 'n', data: { node: '350302101001001', source: 'patrol', description: 'd' } },
    { caseId: 'far', version: 2, type: 'registered', at: 1_741_570_200_001, actor: 'x2', role: 'r', roleNode: 'n', data: { category, urgency: 'normal', description: 'd', dispatchDueAt: 1_741_570_200_000 + 90 * 86_400_000 } },
    { caseId: 'far', version: 3, type: 'dispatched', at: 1_741_570_200_000 + 40 * 86_400_000, actor: 'x2', role: 'r', roleNode: 'n', data: { node: '350302101001', dueAt: 1_741_570_200_000 + 400 * 86_400_000 } },
  );
  assert.deepEqual(direct.replay(events).issues, []);
  const bytes = encodeCaseSnapshot(direct);
  const back = decodeCaseSnapshot(bytes, ctx);
  assert.ok(back);
  assert.deepEqual(back.snapshot(), direct.snapshot());
  sameColumns(back, direct);
  assert.equal(back.get('odd')?.handler, '350302101001');
  assert.equal(back.get('odd')?.person, '张三');
  // It keeps working: the next event applies as it would have.
  const next = { caseId: 'odd', version: 4, type: 'accepted', at: 4, actor: 'x3', role: 'r', roleNode: 'n', data: {} } as AnyCaseEvent;
  assert.ok(back.apply(next).ok && direct.apply(next).ok);
  assert.deepEqual(back.snapshot(), direct.snapshot());
  // Another hierarchy: the row positions would mean other nodes, so it is refused.
  const other = buildHierarchy(CONFIG, [{ code: '350300000000', parent: null, level: 'city', name: '市' }]);
  assert.ok(other.ok);
  assert.equal(decodeCaseSnapshot(bytes, { hierarchy: other.value, categories: ctx.categories }), null);
  assert.equal(decodeCaseSnapshot(new TextEncoder().encode('{"format":"jiceng.cases"}'), ctx), null);
  // Cut short: refused, not read past its end.
  assert.equal(decodeCaseSnapshot(bytes.subarray(0, bytes.length - 8), ctx), null);
});

/** Every typed column of two case stores holds the same values, row by row (Object.is: NaN and -0 too). */
function sameColumns(a: CaseStore, b: CaseStore): void {
  type Cols = Record<string, ArrayLike<number>>;
  const x = a as unknown as { facts: Cols & { length: number }; cols: Cols };
  const y = b as unknown as { facts: Cols & { length: number }; cols: Cols };
  assert.equal(x.facts.length, y.facts.length);
  for (const part of ['facts', 'cols'] as const) {
    for (const [name, value] of Object.entries(x[part])) {
      if (!ArrayBuffer.isView(value)) continue;
      const col = value as unknown as ArrayLike<number>;
      const other = y[part][name];
      for (let i = 0; i < x.facts.length; i++) assert.ok(Object.is(col[i], other[i]), `${part}.${name}[${i}]: ${col[i]} ≠ ${other[i]}`);
    }
  }
}

test('a case snapshot of the first binary format (version 1, every column as in memory) still restores the same state', () => {
  // The bytes the version-1 encoder wrote for this fold (fixtures/case-snapshot-v1.bin).
  const direct = new CaseStore(ctx, { keepLog: false });
  assert.deepEqual(direct.replay(histories(8).flat()).issues, []);
  direct.markBroken(direct.facts.caseIds[2]);
  const old = new Uint8Array(readFileSync(new URL('./fixtures/case-snapshot-v1.bin', import.meta.url)));
  const back = decodeCaseSnapshot(old, ctx);
  assert.ok(back);
  assert.deepEqual(back.snapshot(), direct.snapshot());
  assert.equal(back.brokenCount, 1);
  sameColumns(back, direct);
  // The current format is smaller for the same state (constant columns and times packed) and restores the same.
  const now = encodeCaseSnapshot(direct);
  assert.ok(now.length < old.length, `${now.length} < ${old.length}`);
  const again = decodeCaseSnapshot(now, ctx);
  assert.ok(again);
  sameColumns(again, direct);
});

test('a binary case snapshot keeps ids that hold a line feed, and empty ones', () => {
  const direct = new CaseStore(ctx, { keepLog: false });
  const evs = (caseId: string, actor: string): AnyCaseEvent[] => [
    { caseId, version: 1, type: 'discovered', at: 1, actor, role: 'r', roleNode: 'n', data: { node: '350302101001001', source: 'patrol', description: 'd' } },
    { caseId, version: 2, type: 'registered', at: 2, actor: '', role: 'r', roleNode: 'n', data: { category, urgency: 'normal', description: 'd', dispatchDueAt: 9 } },
  ] as AnyCaseEvent[];
  assert.deepEqual(direct.replay([...evs('plain', 'a'), ...evs('line\nfeed', 'x\ny')]).issues, []);
  const back = decodeCaseSnapshot(encodeCaseSnapshot(direct), ctx);
  assert.ok(back);
  assert.deepEqual(back.snapshot(), direct.snapshot());
  assert.equal(back.get('line\nfeed')?.status, direct.get('line\nfeed')?.status);
  sameColumns(back, direct);
  const plain = new CaseStore(ctx, { keepLog: false });
  assert.deepEqual(plain.replay(evs('only', '')).issues, []);
  const again = decodeCaseSnapshot(encodeCaseSnapshot(plain), ctx);
  assert.ok(again);
  assert.deepEqual(again.snapshot(), plain.snapshot());
  sameColumns(again, plain);
});

test('a binary case snapshot keeps the count of quarantined cases, and refuses bad arguments with a code', () => {
  const direct = new CaseStore(ctx, { keepLog: false });
  assert.deepEqual(direct.replay(histories(5).flat()).issues, []);
  direct.markBroken(direct.facts.caseIds[2]);
  assert.equal(direct.brokenCount, 1);
  const back = decodeCaseSnapshot(encodeCaseSnapshot(direct), ctx, { capacity: 1000 });
  assert.ok(back);
  assert.equal(back.brokenCount, 1);
  assert.equal(back.isBroken(direct.facts.caseIds[2]), true);
  assert.deepEqual(back.snapshot(), direct.snapshot());
  sameColumns(back, direct);
  const code = (f: () => unknown) => assert.throws(f, (e) => e instanceof JcError && e.issue.code === 'E_INVALID_INPUT');
  code(() => encodeCaseSnapshot(new CaseStore(ctx))); // keeps its log: not a snapshot's store
  code(() => encodeCaseSnapshot({} as CaseStore));
  code(() => decodeCaseSnapshot('bytes' as unknown as Uint8Array, ctx));
});

test('the store deflates a case snapshot, and refuses what is not a snapshot\'s case store with a code', async () => {
  const direct = new CaseStore(ctx, { keepLog: false });
  assert.deepEqual(direct.replay(histories(5).flat()).issues, []);
  const refused = (p: Promise<unknown>) => assert.rejects(p, (e) => e instanceof JcError && e.issue.code === 'E_INVALID_INPUT');
  await refused(caseSnapshotBytes(new CaseStore(ctx)));
  await refused(caseSnapshotBytes({} as CaseStore));
});
