// One clock: the demo runs on a clock that continues its history, so a case recorded now
// lands in the figures' current period — the dashboard counts it, the case's times are the
// demo's (not months after the history) — on PGlite, and on PostgreSQL when a URL is given.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { periodOf } from '@jiceng/core';
import { periodLabel } from '@jiceng/core/metrics';
import { ENGINES, harness, type Harness } from './helpers.js';
import { demoClock, PUTIAN_AS_OF } from '../src/demo.js';

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
  });
}
