// The store on each engine: optimistic concurrency, idempotent commands, the feed under
// concurrent writers, checkpoints and snapshots, import/export. Runs on PGlite always and on
// PostgreSQL when JICENG_TEST_PG_URL is set (see engines.ts).
import test from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { JcError } from '@jiceng/core';
import { exportChainedLog, isChainTrailer, type AnyCaseEvent } from '@jiceng/core/cases';
import type { EventStore, NewEvent, StoredEvent } from '@jiceng/store';
import { engines, freshPlace, PG_URL, type Place } from './engines.js';
import { sampleLog } from './sample-log.js';

const ev = (type: string, data: unknown = {}, extra: Partial<NewEvent> = {}): NewEvent => ({ type, data, time: 1_741_570_200_000, ...extra });

async function run(place: Place, fn: (s: EventStore) => Promise<void>) {
  const s = await place.open();
  try {
    await fn(s);
  } finally {
    await s.close();
    await place.drop();
  }
}

for (const kind of engines()) {
  test(`[${kind}] concurrent appends to one stream: exactly one wins, the others get the conflict with the current version`, async () => {
    await run(await freshPlace(kind), async (s) => {
      const created = await Promise.all(Array.from({ length: 6 }, (_, i) => s.append('case-x', [ev('discovered', { i })], { expectedVersion: 'none' })));
      assert.equal(created.filter((r) => r.ok).length, 1, 'one creator wins');
      for (const r of created) if (!r.ok) {
        assert.equal(r.error.code, 'E_VERSION_CONFLICT');
        assert.equal(r.currentVersion, 1);
        assert.match(r.error.zh, /版本冲突/);
        assert.match(r.error.en, /version conflict/);
      }
      const moves = await Promise.all(Array.from({ length: 8 }, (_, i) => s.append('case-x', [ev('accepted', { i }), ev('progressReported', { i })], { expectedVersion: 1 })));
      const won = moves.filter((r) => r.ok);
      assert.equal(won.length, 1);
      assert.equal(won[0].ok && won[0].version, 3);
      for (const r of moves) if (!r.ok) assert.equal(r.currentVersion, 3);
      const stream = await s.readStream('case-x');
      assert.deepEqual(stream.map((e) => e.version), [1, 2, 3]);
      const winner = won[0].ok ? (won[0].events[0].data as { i: number }).i : -1;
      assert.deepEqual(stream.slice(1).map((e) => (e.data as { i: number }).i), [winner, winner], 'the winner wrote both of its events, nobody else wrote any');
      assert.equal(await s.streamVersion('case-x'), 3);
      const stale = await s.append('case-x', [ev('closed')], { expectedVersion: 7 });
      assert.equal(stale.ok, false);
      assert.equal(!stale.ok && stale.currentVersion, 3);
      const missing = await s.append('case-none', [ev('closed')], { expectedVersion: 2 });
      assert.equal(!missing.ok && missing.currentVersion, 0);
      const any = await s.append('case-x', [ev('supervised')], { expectedVersion: 'any' });
      assert.equal(any.ok && any.version, 4);
    });
  });

  test(`[${kind}] a retried command id appends once and returns the first result`, async () => {
    await run(await freshPlace(kind), async (s) => {
      const first = await s.append('case-r', [ev('discovered'), ev('registered')], { expectedVersion: 'none', commandId: 'cmd-1' });
      assert.ok(first.ok && !first.duplicate);
      const again = await s.append('case-r', [ev('discovered'), ev('registered')], { expectedVersion: 'none', commandId: 'cmd-1' });
      assert.ok(again.ok, 'a retry is not a conflict');
      assert.equal(again.ok && again.duplicate, true);
      assert.deepEqual(again.ok && again.events, first.ok && first.events);
      // A phone retrying many times at once.
      const burst = await Promise.all(Array.from({ length: 6 }, () => s.append('case-r', [ev('accepted')], { expectedVersion: 2, commandId: 'cmd-2' })));
      assert.ok(burst.every((r) => r.ok), 'every retry gets the result');
      assert.equal(burst.filter((r) => r.ok && !r.duplicate).length, 1, 'exactly one appended');
      assert.equal(await s.streamVersion('case-r'), 3);
      assert.equal((await s.readStream('case-r')).length, 3);
      assert.equal((await s.readStream('case-r'))[2].meta.commandId, 'cmd-2', 'the command id is kept in the metadata');
    });
  });

  test(`[${kind}] bad input is refused with a code in zh and en, and nothing is written`, async () => {
    await run(await freshPlace(kind), async (s) => {
      const bad = [
        () => s.append('', [ev('x')], { expectedVersion: 'any' }),
        () => s.append('case-b', [], { expectedVersion: 'any' }),
        () => s.append('case-b', [{ type: '', data: {} }], { expectedVersion: 'any' }),
        () => s.append('case-b', [ev('x')], { expectedVersion: -1 }),
        () => s.append('case-b', [ev('x')], { expectedVersion: 1.5 }),
      ];
      for (const f of bad) {
        await assert.rejects(f, (e: unknown) => e instanceof JcError && e.issue.code === 'E_BAD_APPEND' && /追加无效/.test(e.issue.zh) && /invalid append/.test(e.issue.en));
      }
      assert.deepEqual(await s.readFeed({ after: 0 }), []);
    });
  });

  test(`[${kind}] the feed under concurrent writers delivers every event exactly once, in commit order`, async () => {
    await run(await freshPlace(kind), async (s) => {
      const seen: StoredEvent[] = [];
      let done = false;
      const reader = (async () => {
        let after = 0;
        for (;;) {
          const b = await s.readFeed({ after, limit: 7 });
          seen.push(...b);
          if (b.length) after = b[b.length - 1].position;
          else if (done) {
            const tail = await s.readFeed({ after, limit: 1000 });
            seen.push(...tail);
            if (!tail.length) return;
            after = tail[tail.length - 1].position;
          } else await new Promise((r) => setImmediate(r));
        }
      })();
      const live: StoredEvent[] = [];
      const stop = s.subscribe(0, (b) => { live.push(...b); });
      const acked: StoredEvent[] = [];
      await Promise.all(Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; i < 15; i++) {
          const stream = `case-w${w}-${i % 3}`;
          for (;;) {
            const cur = await s.streamVersion(stream);
            const r = await s.append(stream, [ev('progressReported', { w, i }), ev('supervised', { w, i })], { expectedVersion: cur === 0 ? 'none' : cur, commandId: `w${w}-i${i}` });
            if (r.ok) { acked.push(...r.events); break; }
          }
        }
      }));
      done = true;
      await reader;
      assert.equal(acked.length, 240);
      assert.equal(seen.length, acked.length, 'every acknowledged event is in the feed, once');
      assert.equal(new Set(seen.map((e) => e.position)).size, seen.length, 'no event twice');
      for (let i = 1; i < seen.length; i++) assert.ok(seen[i].position > seen[i - 1].position, 'positions increase');
      const byPos = new Map(acked.map((e) => [e.position, e]));
      for (const e of seen) assert.deepEqual(e, byPos.get(e.position));
      // Within each stream the feed has the versions in order; a command's events are adjacent.
      const last = new Map<string, number>();
      for (const e of seen) {
        assert.equal(e.version, (last.get(e.streamId) ?? 0) + 1);
        last.set(e.streamId, e.version);
      }
      for (let i = 0; i < seen.length; i += 2) assert.equal(seen[i].meta.commandId, seen[i + 1].meta.commandId);
      // The subscription caught up too.
      while (live.length < acked.length) await new Promise((r) => setTimeout(r, 20));
      stop();
      assert.deepEqual(live.map((e) => e.position), seen.map((e) => e.position));
      const cases = await s.readFeed({ after: 0, limit: 10_000, streamTypes: ['case'] });
      assert.equal(cases.length, 240);
      assert.deepEqual(await s.readFeed({ after: 0, streamTypes: ['list'] }), []);
    });
  });

  if (kind === 'postgres') {
    test('[postgres] an append still in flight holds later appends back; an open transaction that appends nothing holds nothing', async () => {
      await run(await freshPlace(kind), async (s) => {
        await s.append('case-a', [ev('discovered')], { expectedVersion: 'none' });
        const slow = new pg.Client({ connectionString: PG_URL });
        await slow.connect();
        try {
          // A transaction with an id, older than the next append's, that appends nothing: a
          // long report, or another application on the cluster. It must not stall the feed.
          await slow.query('BEGIN');
          await slow.query('SELECT pg_current_xact_id()');
          const b = await s.append('case-b', [ev('discovered')], { expectedVersion: 'none' });
          assert.ok(b.ok);
          const seen = await s.readFeed({ after: 0 });
          assert.deepEqual(seen.map((e) => e.streamId), ['case-a', 'case-b'], 'a committed append is read at once');
          // Now it holds the position lock, as an append does between taking its positions and
          // its commit: a later append waits for it, so no reader can see a later position first.
          await slow.query('SELECT pg_advisory_xact_lock(7312002)');
          let cDone = false;
          const c = s.append('case-c', [ev('discovered')], { expectedVersion: 'none' }).then((r) => { cDone = true; return r; });
          const last = seen[1].position;
          // wait until case-c's append is blocked on the lock (it shows in pg_locks as not granted)
          for (;;) {
            const w = await slow.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 7312002 AND NOT granted");
            if (w.rows[0].n > 0) break;
            await new Promise((r) => setImmediate(r));
          }
          assert.equal(cDone, false, 'the later append waits for the one in flight');
          assert.deepEqual(await s.readFeed({ after: last }), []);
          await slow.query('COMMIT');
          assert.ok((await c).ok);
          assert.deepEqual((await s.readFeed({ after: last })).map((e) => e.streamId), ['case-c']);
        } finally {
          await slow.end();
        }
      });
    });
  }

  test(`[${kind}] the feed is read through its index, sorting nothing: an import gathers the planner's statistics, and so does opening a store that never had them`, async () => {
    const place = await freshPlace(kind, { dir: true });
    const tuples = async (s: EventStore) => Number((await s.engine.query<{ t: number }>(`SELECT reltuples::float8 AS t FROM pg_class WHERE oid = 'jc_events'::regclass`))[0].t);
    const plan = async (s: EventStore) => (await s.engine.query<Record<string, string>>('EXPLAIN SELECT position FROM jc_events WHERE position > 10 ORDER BY position LIMIT 100'))
      .map((r) => Object.values(r)[0]).join('\n');
    try {
      let s = await place.open();
      for (let i = 0; i < 40; i++) await s.append(`case-a${i}`, [ev('discovered')], { expectedVersion: 'none' });
      assert.ok(await tuples(s) < 0, 'appends alone leave the table without statistics');
      await s.close();
      s = await place.open();
      assert.ok(await tuples(s) >= 40, 'opening the store gathered them');
      const base = { actor: 'u-1', role: 'grid-worker', roleNode: '350302001001', data: { node: '350302001001000', source: 'patrol', description: '楼道堆物' } };
      const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ caseId: `b-${i}`, version: 1, type: 'discovered', at: 1_741_570_200_000 + i, ...base }));
      const p = await s.importLog(lines, { batchSize: 100 });
      assert.equal(p.events, 300);
      assert.ok(await tuples(s) >= 340, `the import gathered them (${await tuples(s)})`);
      assert.match(await plan(s), /Index (Only )?Scan using jc_events_pkey/);
      // the feed's own query, as readFeed sends it: it walks the index and sorts nothing
      // (ordered by the output column `position::float8`, it sorted every later row per batch)
      const sent: [string, unknown[] | undefined][] = [];
      const engine = s.engine as { query: (text: string, params?: unknown[]) => Promise<unknown[]> };
      const query = engine.query.bind(engine);
      engine.query = (text, params) => { sent.push([text, params]); return query(text, params); };
      try {
        await s.readFeed({ after: 10, limit: 100 });
        await s.readFeed({ after: 10, limit: 100, streamTypes: ['case'] });
      } finally {
        engine.query = query;
      }
      assert.equal(sent.length, 2);
      for (const [text, params] of sent) {
        const feedPlan = (await query(`EXPLAIN ${text}`, params) as Record<string, string>[]).map((r) => Object.values(r)[0]).join('\n');
        assert.doesNotMatch(feedPlan, /Sort/, feedPlan);
        assert.match(feedPlan, /Index Scan using jc_events_(pkey|type_position)/, feedPlan);
      }
      await s.close();
    } finally {
      await place.drop();
    }
  });

  test(`[${kind}] checkpoints and snapshots are rows that survive a reopen`, async () => {
    const place = await freshPlace(kind, { dir: true });
    try {
      let s = await place.open();
      assert.equal(await s.getCheckpoint('cases'), 0);
      assert.equal(await s.loadSnapshot('cases'), null);
      await s.setCheckpoint('cases', 42);
      await s.setCheckpoint('cases', 43);
      const bytes = new Uint8Array([0, 1, 2, 255, 254]);
      await s.saveSnapshot('bin', 7, bytes);
      await s.saveSnapshot('cases', 43, '{"格":1}');
      await s.saveSnapshot("it's", 2 ** 40, bytes);
      await s.close();
      s = await place.open();
      assert.equal(await s.getCheckpoint('cases'), 43);
      assert.deepEqual(await s.loadSnapshot('bin'), { position: 7, data: bytes });
      const snap = await s.loadSnapshot('cases');
      assert.equal(snap?.position, 43);
      assert.equal(new TextDecoder().decode(snap.data), '{"格":1}');
      // A name with a quote, a position past 32 bits: the bytes come back as saved.
      assert.deepEqual(await s.loadSnapshot("it's"), { position: 2 ** 40, data: bytes });
      assert.equal(await s.loadSnapshot("it''s"), null);
      await s.close();
    } finally {
      await place.drop();
    }
  });

  test(`[${kind}] export of an import is byte-identical; refused lines are reported with their line number`, async () => {
    await run(await freshPlace(kind), async (s) => {
      const lines = sampleLog();
      const withBad = [...lines.slice(0, 3), '', 'not json', lines[0], ...lines.slice(3)];
      const p = await s.importLog(withBad, { batchSize: 5 });
      assert.equal(p.events, lines.length);
      assert.deepEqual(p.issues.map((i) => [i.code, i.row]), [['E_BAD_LOG_LINE', 5], ['E_EVENT_ORDER', 6]]);
      const out: string[] = [];
      for await (const l of s.exportLog({ pageSize: 4 })) out.push(l);
      assert.equal(out.join('\n'), lines.join('\n'));
      const c1 = await s.readStream('case-c-1');
      assert.deepEqual(c1.map((e) => e.type), ['discovered', 'registered', 'accepted', 'closed']);
      assert.equal(c1[1].hash, 'h1', 'the line\'s hash is kept in its column');
      assert.equal(c1[3].hash, 'abc');
      assert.deepEqual(c1[0].meta, { actor: 'u-1', role: 'grid-worker', roleNode: '350302001001' });
      assert.equal(c1[3].time, 1741570400000.5);
      const list = await s.readStream('list-l-1');
      assert.equal(list[0].streamType, 'list');
      assert.equal(list[0].schemaVersion, 2);
      // Appends after an import continue the imported streams.
      const r = await s.append('case-c-2', [ev('accepted')], { expectedVersion: 2 });
      assert.ok(r.ok && r.version === 3);
    });
  });

  if (kind === 'postgres') {
    test('[postgres] the position lock is released before commit and after every failure: no connection keeps it', async () => {
      await run(await freshPlace(kind, { poolSize: 3 }), async (s) => {
        const held = async () => Number((await s.engine.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 7312002"))[0].n);
        assert.ok((await s.append('case-lk', [ev('discovered')], { expectedVersion: 'none', commandId: 'lk-1' })).ok);
        assert.equal(await held(), 0, 'after a successful append');
        assert.equal((await s.append('case-lk', [ev('accepted')], { expectedVersion: 5 })).ok, false);
        assert.equal(await held(), 0, 'after a conflict');
        assert.ok((await s.append('case-lk', [ev('discovered')], { expectedVersion: 'none', commandId: 'lk-1' })).ok);
        assert.equal(await held(), 0, 'after a retried command');
        await assert.rejects(s.append('case-lk', [{ type: 'accepted', data: { bad: 1n } }], { expectedVersion: 1 }));
        assert.equal(await held(), 0, 'after an append that threw');
        // And every pooled connection can still append (none is left waiting on a leaked lock).
        const rs = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => s.append(`case-lk${i}`, [ev('discovered')], { expectedVersion: 'none' })));
        assert.ok(rs.every((r) => r.ok));
      });
    });
  }

  test(`[${kind}] a hash-chained log imports with prev in its column (not kept whole) and exports byte-identical; a fast-read line the json column refuses is read again`, async () => {
    await run(await freshPlace(kind), async (s) => {
      const events = sampleLog().slice(0, 24).map((l) => JSON.parse(l) as AnyCaseEvent);
      const chained = exportChainedLog(events).split('\n').filter(Boolean);
      assert.ok(chained[12].includes('"prev":"') && isChainTrailer(chained[chained.length - 1]));
      // Canonical heads whose data is not one JSON value: the first is still a valid line (an extra
      // key, kept verbatim), the second is not JSON at all (refused with its line number).
      const odd = '{"caseId":"c-13","version":1,"type":"discovered","at":5,"actor":"u","role":"r","roleNode":"n","data":{"a":1},"x":2}';
      const broken = '{"caseId":"c-14","version":1,"type":"discovered","at":5,"actor":"u","role":"r","roleNode":"n","data":{"a":1}}}';
      const input = [...chained.slice(0, 20), odd, broken, ...chained.slice(20)];
      const p = await s.importLog(input, { batchSize: 10 });
      assert.equal(p.events, input.length - 1);
      assert.deepEqual(p.issues.map((i) => [i.code, i.row]), [['E_BAD_LOG_LINE', 22]]);
      const out: string[] = [];
      for await (const l of s.exportLog()) out.push(l);
      assert.deepEqual(out, input.filter((l) => l !== broken));
      const kept = await s.engine.query<{ n: number }>('SELECT count(*)::int AS n FROM jc_events WHERE raw IS NOT NULL');
      assert.equal(Number(kept[0].n), 2, 'only the trailer and the odd line are kept whole');
      const withPrev = await s.engine.query<{ n: number }>('SELECT count(*)::int AS n FROM jc_events WHERE prev IS NOT NULL');
      assert.equal(Number(withPrev[0].n), chained.filter((l) => l.includes('"prev":"')).length);
    });
  });

  test(`[${kind}] an import interrupted between batches resumes after its last committed line`, async () => {
    await run(await freshPlace(kind), async (s) => {
      const lines = sampleLog();
      async function* upTo(k: number) {
        for (let i = 0; i < k; i++) yield lines[i];
        throw new Error('the source broke');
      }
      await assert.rejects(s.importLog(upTo(13), { name: 'h', batchSize: 4 }), /the source broke/);
      const mid = await s.readFeed({ after: 0, limit: 100 });
      assert.equal(mid.length, 12, 'three whole batches committed, the fourth not at all');
      const p = await s.importLog(lines, { name: 'h', batchSize: 4 });
      assert.equal(p.resumedAt, 12);
      assert.equal(p.events, lines.length);
      assert.deepEqual(p.issues, []);
      const out: string[] = [];
      for await (const l of s.exportLog()) out.push(l);
      assert.deepEqual(out, lines);
    });
  });
}
