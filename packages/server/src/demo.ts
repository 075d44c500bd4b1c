/**
 * The demo city: Putian (莆田) generated from its seed — the hierarchy, the case context, the
 * coverage figures — and its generated case history loaded into a store on first start.
 * @module
 */
import { buildHierarchy } from '@jiceng/core';
import { workListFromLevels } from '@jiceng/core/lists';
import { buildOverlay } from '@jiceng/core/overlay';
import { generatePutian, putianCoverage, PutianScenario, type PutianData } from '@jiceng/putian';
import type { EventStore, ImportProgress } from '@jiceng/store';
import type { CitySetup } from './record.js';
import { need } from '@jiceng/core/errors';

/**
 * The Putian demo: the city and the scenario that generates its history.
 *
 * @example
 * ```ts
 * const demo = putianDemo({ cases: 20_000 });
 * demo.city.hierarchy.size; // 146,227
 * ```
 */
export interface PutianDemo {
  city: CitySetup;
  scenario: PutianScenario;
  /** The generated data the city was built from (for its geometry, lists or registry). */
  data: PutianData;
}

/**
 * The generated history's "as of" (the source document's figures are as of it). The last
 * steps of cases reported in its final weeks run on past it — into February 2026 at full size — and
 * the demo's clock starts after the last of them (see {@link demoClock}).
 */
export const PUTIAN_AS_OF = Date.parse('2026-01-01T00:00:00+08:00');

/**
 * The demo's clock: time runs on from `asOf` at the real pace, starting when the clock is
 * made — so a case recorded in the demo lands just after the history, in the current period
 * of the figures, not months later on today's calendar. `startServer` passes the latest time
 * already recorded ({@link LiveRecord.latest}: the history's last event on a first start,
 * whatever came after on a restart) when it is later than the city's `asOf`, so the clock
 * never runs behind what was recorded.
 *
 * @example
 * ```ts
 * const clock = demoClock(); // clock() ≈ PUTIAN_AS_OF + seconds since start
 * createApp({ record, auth, clock });
 * ```
 */
export function demoClock(asOf: number = PUTIAN_AS_OF, real: () => number = Date.now): () => number {
  need('demoClock', 'asOf', asOf, 'number');
  need('demoClock', 'real', real, 'function');
  const start = real();
  return () => asOf + Math.max(0, real() - start);
}

/**
 * Builds the Putian city (seed 1) and its scenario; `cases` scales the history down (default
 * the seed document's 533,500 cases over ten years).
 *
 * @example
 * ```ts
 * const { city } = putianDemo({ cases: 5000 });
 * ```
 */
export function putianDemo(opts: { seed?: number; cases?: number } = {}): PutianDemo {
  const seed = opts.seed ?? 1;
  const data = generatePutian({ seed });
  const built = buildHierarchy(data.config, data.nodes);
  if (!built.ok) throw new Error(`the Putian hierarchy did not build: ${built.errors[0]?.en}`);
  const h = built.value;
  const scenario = new PutianScenario(h, { seed, ...(opts.cases ? { cases: opts.cases } : {}) });
  const overlay = buildOverlay(h, data.overlay);
  return {
    scenario,
    data,
    city: {
      hierarchy: h,
      ctx: scenario.ctx,
      asOf: PUTIAN_AS_OF,
      capacity: scenario.cases,
      ...(overlay.ok ? { metrics: { coverage: { source: overlay.value, defs: putianCoverage() } } } : {}),
    },
  };
}

/**
 * The demo's history as event log lines (the store's import format): every case's events,
 * case by case, then the work list seeded from the levels' duties.
 *
 * @example
 * ```ts
 * for (const line of demoLines(demo)) console.log(line);
 * ```
 */
export function* demoLines(demo: PutianDemo): Generator<string> {
  const { scenario, city } = demo;
  for (let i = 0; i < scenario.cases; i++) for (const e of scenario.caseEvents(i)) yield JSON.stringify(e);
  const at = '2022-03-01T00:00:00+08:00';
  const list = workListFromLevels(city.hierarchy.config.levels.map((l) => ({ id: l.id, duties: l.duties ?? [] })), at);
  let version = 0;
  for (const e of list) {
    yield JSON.stringify({ stream: 'lists', streamType: 'lists', version: ++version, type: e.type, schemaVersion: 1, at: Date.parse(at), meta: {}, data: e });
  }
}

/**
 * Loads the demo's history into an empty store (resuming an interrupted load); does nothing
 * if the load completed before. Gives the events loaded by this call.
 *
 * @example
 * ```ts
 * const n = await seedDemo(store, demo, (p) => console.log(p.lines));
 * ```
 */
export async function seedDemo(store: EventStore, demo: PutianDemo, onProgress?: (p: ImportProgress) => void): Promise<number> {
  need('seedDemo', 'store', store, 'object');
  need('seedDemo', 'demo', demo, 'object', { city: 'object', scenario: 'object' });
  need('seedDemo', 'onProgress', onProgress, 'function?');
  const name = `putian-seed1-${demo.scenario.cases}`;
  if ((await store.getCheckpoint(`${name}:done`)) > 0) return 0;
  const before = (await store.readFeed({ after: 0, limit: 1 })).length;
  const done = await store.getCheckpoint(`${name}:started`);
  if (before > 0 && done === 0) return 0; // a store with other data: leave it alone
  await store.setCheckpoint(`${name}:started`, 1);
  const p = await store.importLog(demoLines(demo), { name, batchSize: 50_000, ...(onProgress ? { onProgress } : {}) });
  if (p.issues.length) throw new Error(`the demo history did not load: ${p.issues[0].en}`);
  await store.setCheckpoint(`${name}:done`, 1);
  return p.events;
}
