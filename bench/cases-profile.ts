/**
 * The replay workload alone, profiled: generates the Putian history (`CASES` env, default
 * 100,000 cases), orders it by time (interleaved, as a real log), and replays it `RUNS` times
 * under the V8 sampling profiler (the generation is not profiled). Writes `PROF` (default
 * /tmp/cases-replay.cpuprofile); summarise it with `node bench/cpuprofile.mjs FILE`.
 *
 * Run: CASES=100000 node --conditions=source --import tsx bench/cases-profile.ts
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { CaseStore } from '@jiceng/core';
import { putianHistory } from './shared.js';

process.env.CASES ??= '100000';
const { hierarchy, sim, events } = putianHistory();
if (process.env.ORDER !== 'case') events.sort((a, b) => a.at - b.at);
const runs = Number(process.env.RUNS ?? 5);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const t0 = performance.now();
for (let r = 0; r < runs; r++) {
  const store = new CaseStore({ hierarchy, categories: sim.ctx.categories }, { capacity: sim.cases, keepLog: false });
  const x = store.replay(events);
  if (x.issues.length) throw new Error(x.issues[0].code);
}
const ms = (performance.now() - t0) / runs;
const { profile } = await session.post('Profiler.stop');
const out = process.env.PROF ?? '/tmp/cases-replay.cpuprofile';
writeFileSync(out, JSON.stringify(profile));
console.log(`${runs} replays of ${events.length} events (${sim.cases} cases): ${ms.toFixed(0)} ms each; profile in ${out}`);
