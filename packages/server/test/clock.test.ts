// One clock: the demo runs on a clock that continues its history, so a case recorded now
// lands in the figures' current period — the dashboard counts it, the case's times are the
// demo's (not months after the history) — on PGlite, and on PostgreSQL when a URL is given.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { periodOf } from '@jiceng/core';
import { periodLabel } from '@jiceng/core/metrics';
import { ENGINES, harness, type Harness } from './helpers.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoClock, PUTIAN_AS_OF } from '../src/demo.js';
import { startServer } from '../src/node.js';

for (const engine of ENGINES) {
  describe(`one clock on ${engine.name}`, () => {
    let hs: Harness;
    before(async () => { hs = await harness(engine, { clock: demoClock(PUTIAN_AS_OF) }); });
    after(() => hs.close());

    test('a case recorded now is counted in the current period of the dashboard', async () => {
      const { unit, grid, village, town } = hs.places();
      const health = await hs.client().health();
      assert.ok(health.now >= PUTIAN_AS_OF && health.now < PUTIAN_AS_OF + 600_000, 'the demo clock starts where the history ends');
      const to = await hs.as(`to1-${town}`);
      const collected = async () => {
        const s = await to.dashboard({ node: town });
        assert.equal(s.period.label, periodLabel(periodOf(health.now, 'year')), 'the default period is the one holding the clock');
        return s.kpis.find((k) => k.code === 'collected')!.value!;
      };
      const before = await collected();
      const gw = await hs.as(`gw-${grid}`);
      const d = await gw.discover({ type: 'discover', node: unit, source: 'patrol', description: '井盖缺失' });
      const vo = await hs.as(`vi1-${village}`);
      await vo.command(d.caseId, { type: 'register', caseId: d.caseId, expectedVersion: 1, category: 'city.rubbish', urgency: 'normal', description: '井盖缺失' });
      assert.equal(await collected(), before + 1, 'the new case is in the current period');
      const month = await to.dashboard({ node: town, period: periodLabel(periodOf(health.now, 'month')) });
      assert.ok(month.kpis.find((k) => k.code === 'collected')!.value! >= 1, 'and in the current month');
      const events = await hs.store.readStream(`case-${d.caseId}`);
      assert.equal(events.length, 2);
      for (const { time } of events) assert.ok(time >= PUTIAN_AS_OF && time < PUTIAN_AS_OF + 600_000, 'its events carry the demo time');
    });

    test('what the server appends besides the cases (the audit of a read) carries the server\'s time, not the machine\'s', async () => {
      const { town } = hs.places();
      const to = await hs.as(`to1-${town}`);
      const { items } = await to.cases({ node: town });
      await to.caseFile(items[0].id, '回访');
      await to.registry({ purpose: '季度随访' });
      const audit = await hs.store.readFeed({ after: 0, limit: 10_000, streamTypes: ['audit'] });
      assert.ok(audit.length > 0, 'the reads were audited');
      for (const e of audit) assert.ok(e.time >= PUTIAN_AS_OF && e.time < PUTIAN_AS_OF + 600_000, `${e.type} at ${new Date(e.time).toISOString()}`);
    });

    test('the figures\' "now" moves on with the clock, a day at a time', () => {
      const first = hs.record.metrics();
      const start = first.now;
      assert.equal(hs.record.metrics(null, start + 3_600_000), first, 'the same day: the same figures, not built again');
      const later = start + 2 * 86_400_000;
      const next = hs.record.metrics(null, later);
      assert.notEqual(next, first, 'another day: built again');
      assert.equal(next.now, later, 'evaluated at the clock\'s now');
      assert.equal(hs.record.metrics('safety', later).now, later, 'a topic\'s figures too');
      assert.equal(hs.record.metrics(null, start), next, 'never back to an earlier day');
    });

    test('the default dashboard compares this year to now with the same span of last year; a past year whole', async () => {
      const city = hs.demo.city.hierarchy.code(0);
      const ci = await hs.as(`ci1-${city}`);
      const before = (await hs.client().health()).now;
      const s = await ci.dashboard({ node: city });
      const after = (await hs.client().health()).now;
      assert.equal(s.period.label, periodLabel(periodOf(before, 'year')));
      assert.ok(s.span, 'the running year is compared over a span');
      assert.ok(s.span.until >= before && s.span.until <= after, 'to the server\'s now');
      assert.equal(s.span.previousUntil - s.previous.from, s.span.until - s.period.from, 'the same span of the year before');
      const whole = await ci.dashboard({ node: city, period: s.previous.label });
      assert.equal(whole.span, undefined, 'a past year is compared whole');
      const collected = (x: typeof s) => x.kpis.find((k) => k.code === 'collected')!;
      assert.ok(collected(whole).value! > 0, 'the history has cases last year');
      assert.ok(collected(s).previous.value! < collected(whole).value!, 'this year is not compared with the whole of last year');
      // each previous figure is last year's over the span, as it stood at the span's end
      const direct = hs.record.metrics().slice(0, {
        period: { from: s.previous.from, to: s.span.previousUntil }, asOf: s.span.previousUntil, codes: s.kpis.map((k) => k.code), medians: true,
      })[0].values;
      for (const k of s.kpis) assert.deepEqual(k.previous, direct[k.code], k.code);
    });
  });
}

describe('the demo clock across a restart', () => {
  test('a restarted demo resumes from the last thing recorded, not from the end of the history', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jiceng-clock-'));
    const config = {
      dataDir, host: '127.0.0.1', port: 0, issuer: 'jiceng-test', audience: 'jiceng-api', jwt: { secret: 'test-secret-test-secret-test-secret!' },
      corsOrigins: [], devSignin: false, demo: true, demoCases: 200, limits: {},
    };
    const health = async (url: string) => (await (await fetch(new URL('/api/health', url))).json()) as { now: number };
    try {
      let s = await startServer(config, { quiet: true });
      const first = await health(s.url);
      assert.ok(first.now >= PUTIAN_AS_OF && first.now < PUTIAN_AS_OF + 600_000, 'the first start begins where the history ends');
      // the first run went on for three hours of demo time, and recorded something at its end
      const later = PUTIAN_AS_OF + 3 * 3_600_000;
      const a = await s.store.append('note-clock', [{ type: 'noted', data: {}, time: later }], { expectedVersion: 'none', streamType: 'test' });
      assert.ok(a.ok);
      await s.close();
      s = await startServer(config, { quiet: true });
      try {
        const again = await health(s.url);
        assert.ok(again.now >= later, `the restarted clock (${new Date(again.now).toISOString()}) is not behind what was recorded (${new Date(later).toISOString()})`);
        assert.ok(again.now < later + 600_000, 'and runs on from there');
      } finally {
        await s.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
