/**
 * A CPU profile of the alert rules over the Putian history: generates the history, then runs
 * `replayAlerts` (every feed-driven default rule) twice — a warm-up and the profiled run.
 * Run under V8's sampling profiler and summarise the samples taken inside `replayAlerts`:
 *
 *   node --conditions=source --import tsx --expose-gc --max-old-space-size=8192 --cpu-prof --cpu-prof-dir=/tmp/alerts-prof bench/alerts-profile.ts
 *   node bench/cpuprofile.mjs /tmp/alerts-prof --root replayAlerts > bench/results/alerts-profile.md
 */
import { DEFAULT_ALERT_RULES, inTimeOrder, replayAlerts } from '@jiceng/core/alerts';
import { putianHistory } from './shared.js';

const generated = putianHistory();
const events = inTimeOrder(generated.events);
generated.events.length = 0;
const ctx = { hierarchy: generated.hierarchy, categories: generated.sim.ctx.categories, calendar: generated.sim.ctx.calendar };
const END = Date.parse('2026-01-01T00:00:00+08:00');
// The floor under any evaluator of this input: only reading each event's fields, and that
// plus the one lookup every evaluator needs (the case's row from its id).
for (let k = 0; k < 2; k++) {
  let t = performance.now();
  let sum = 0;
  for (const e of events) sum += e.at + e.caseId.length + (e.data ? 1 : 0) + e.type.length;
  const touch = performance.now() - t;
  t = performance.now();
  const rows = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'discovered') rows.set(e.caseId, rows.size);
    else sum += rows.get(e.caseId) ?? 0;
  }
  const lookup = performance.now() - t;
  console.log(`floor: reading the fields ${touch.toFixed(0)} ms; the case-row lookup ${lookup.toFixed(0)} ms (${sum > 0 ? 'ok' : ''})`);
}
// A full collection before each replay, as `pnpm bench alerts` does before each timed run (with
// --expose-gc): without it, the garbage of the run before (its typed arrays are V8 external
// memory) sets off a full collection of the whole heap inside the next replay.
const gc = (globalThis as { gc?: () => void }).gc;
for (const run of ['warm-up', 'profiled']) {
  gc?.();
  const t = performance.now();
  const r = replayAlerts(events, ctx, DEFAULT_ALERT_RULES, END);
  console.log(`${run}: ${events.length} events, ${r.total} findings, ${(performance.now() - t).toFixed(0)} ms`);
}
