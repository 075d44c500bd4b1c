/**
 * Development harness for the alert engine (not a benchmark: `pnpm bench alerts` is the
 * measurement). Generates the Putian history once and caches it, in generation order, to
 * ALERTS_LOG (a temp file, v8-serialised, not committed), so that experiments do not regenerate
 * it; then times `replayAlerts` RUNS times (wall and CPU) and writes the canonical findings to
 * FINDINGS (if set) for comparing engines before and after a change.
 *
 *   ALERTS_LOG=/tmp/alerts.v8 FINDINGS=/tmp/findings.txt node --conditions=source --import tsx --expose-gc --max-old-space-size=8192 bench/alerts-cached.ts
 *
 * BASE=<path of another copy's alerts/replay.ts> runs that copy's `replayAlerts` after each run
 * of this one, in the same process (paired: the machine is shared, so compare the ratio), e.g.
 * `git archive integ packages/core/src | tar -x -C /tmp/base && cp -r /tmp/base/packages/core/src
 * packages/core/.base-src` (inside the package, so its imports resolve; delete it afterwards).
 * Without ALERTS_LOG the history is generated as `pnpm bench alerts` generates it (the objects a
 * deserialised log gives differ in layout: develop on the cache, confirm on the generated one).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { serialize, deserialize } from 'node:v8';
import { createHash } from 'node:crypto';
import { buildHierarchy } from '@jiceng/core';
import type { AnyCaseEvent } from '@jiceng/core/cases';
import { AlertEngine, DEFAULT_ALERT_RULES, inTimeOrder, replayAlerts, type AlertFinding } from '@jiceng/core/alerts';
import { generatePutian, PutianScenario } from '@jiceng/putian';
import { cpuTimes, readCaseFeedOnce, stats } from './shared.js';

const data = generatePutian({ seed: 1 });
const built = buildHierarchy(data.config, data.nodes);
if (!built.ok) throw new Error('hierarchy');
const hierarchy = built.value;
const sim = new PutianScenario(hierarchy, { seed: 1, ...(process.env.CASES ? { cases: Number(process.env.CASES) } : {}) });
const cache = process.env.ALERTS_LOG;
let t = performance.now();
let generated: AnyCaseEvent[];
if (cache && existsSync(cache)) generated = deserialize(readFileSync(cache)) as AnyCaseEvent[];
else {
  generated = [];
  sim.run({ onEvent: (e) => generated.push(e) });
  if (cache) writeFileSync(cache, serialize(generated));
}
// The generator's events share their type, node and category strings (literals and the
// hierarchy's codes); deserialised ones do not: share them again, as generated.
if (cache && existsSync(cache)) {
  const shared = new Map<string, string>();
  // a property key is internalised: as a literal in the generator's source is
  const one = (x: string) => { let y = shared.get(x); if (y === undefined) { y = Object.keys({ [x]: 0 })[0]; shared.set(x, y); } return y; };
  // the generator's nodes are the hierarchy's own code strings
  for (let i = 0; i < hierarchy.size; i++) shared.set(hierarchy.code(i), hierarchy.code(i));
  for (const c of sim.ctx.categories.list) shared.set(c.id, c.id);
  for (const e of generated) {
    (e as { type: string }).type = one(e.type);
    const d = e.data as Record<string, unknown> | undefined;
    if (d && typeof d.node === 'string') d.node = one(d.node);
    if (d && typeof d.category === 'string') d.category = one(d.category);
  }
}
const events = inTimeOrder(generated);
generated.length = 0;
console.log(`${events.length} events ready in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const ctx = { hierarchy, categories: sim.ctx.categories, calendar: sim.ctx.calendar };
const END = Date.parse('2026-01-01T00:00:00+08:00');

if (process.env.FINDINGS) {
  const engine = new AlertEngine(ctx, DEFAULT_ALERT_RULES, { capacity: Math.ceil(events.length / 4) });
  const out: AlertFinding[] = [];
  for (const e of events) { const f = engine.apply(e); for (const x of f) out.push(x); }
  for (const x of engine.advance(END)) out.push(x);
  const text = out.map((f) => JSON.stringify([f.at, f.rule, f.node, f.caseId ?? '', f.category ?? '', f.count, f.baseline ?? null, f.kind, f.severity])).join('\n') + '\n';
  writeFileSync(process.env.FINDINGS, text);
  console.log(`${out.length} findings, sha256 ${createHash('sha256').update(text).digest('hex').slice(0, 16)} → ${process.env.FINDINGS}`);
}
const base = process.env.BASE ? (await import(process.env.BASE)).replayAlerts as typeof replayAlerts : null;
const gc = (globalThis as { gc?: () => void }).gc!;
const wall: number[] = [], cpu: number[] = [], baseCpu: number[] = [], baseWall: number[] = [];
const RUNS = Number(process.env.RUNS ?? 5);
for (let r = 0; r <= RUNS; r++) {
  gc();
  const c0 = process.cpuUsage(), ab0 = process.memoryUsage().arrayBuffers;
  t = performance.now();
  const rep = replayAlerts(events, ctx, DEFAULT_ALERT_RULES, END);
  const w = performance.now() - t, u = process.cpuUsage(c0);
  console.log(`  array buffers allocated in the run: ${((process.memoryUsage().arrayBuffers - ab0) / 2 ** 20).toFixed(1)} MB`);
  if (r > 0) { wall.push(w); cpu.push((u.user + u.system) / 1000); }
  if (base) {
    gc();
    const b0 = process.cpuUsage(), bt = performance.now();
    const br = base(events, ctx, DEFAULT_ALERT_RULES, END);
    const bw = performance.now() - bt, bu = process.cpuUsage(b0);
    if (r > 0) { baseWall.push(bw); baseCpu.push((bu.user + bu.system) / 1000); }
    if (br.total !== rep.total) throw new Error('base differs');
    console.log(`  base: wall ${bw.toFixed(0)} ms, CPU ${((bu.user + bu.system) / 1000).toFixed(0)} ms`);
  }
  console.log(`${r === 0 ? 'warm-up' : `run ${r}`}: ${rep.total} findings (${rep.perRule.map((x) => x.count).join(', ')}), wall ${w.toFixed(0)} ms, CPU ${((u.user + u.system) / 1000).toFixed(0)} ms`);
}
let touched = 0;
const floor = cpuTimes(() => { touched += readCaseFeedOnce(events); }, RUNS);
const fl = stats(floor);
console.log(`floor (the bench's): CPU ${fl.median.toFixed(0)} (${fl.min.toFixed(0)}–${fl.max.toFixed(0)}) ms ${touched > 0 ? '' : '?'}`);
const w = stats(wall), c = stats(cpu);
if (base) { const bw = stats(baseWall), bc = stats(baseCpu); console.log(`base: wall ${bw.median.toFixed(0)} (${bw.min.toFixed(0)}–${bw.max.toFixed(0)}) ms; CPU ${bc.median.toFixed(0)} (${bc.min.toFixed(0)}–${bc.max.toFixed(0)}) ms; new/base CPU ${(c.median / bc.median).toFixed(2)}`); }
console.log(`wall ${w.median.toFixed(0)} (${w.min.toFixed(0)}–${w.max.toFixed(0)}) ms; CPU ${c.median.toFixed(0)} (${c.min.toFixed(0)}–${c.max.toFixed(0)}) ms; load ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
