// What several benchmarks share: timing a function after a warm-up, summarising run times,
// and generating the Putian city with its case history.
import { buildHierarchy, type HierarchyIndex } from '@jiceng/core';
import { type AnyCaseEvent } from '@jiceng/core/cases';
import { generatePutian, PutianScenario } from '@jiceng/putian';

/** Median, min and max of a set of run times, in ms. */
export interface Stat { median: number; min: number; max: number }

/** Median, min, max and count of some run times. */
export const stats = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1], runs: s.length }; };

/** Runs `fn` once to warm up, then `runs` times after a GC each; times rounded to `decimals`. */
export function measure(runs: number, fn: () => number, decimals = 2): { stat: Stat; result: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  fn();
  const times: number[] = [];
  let result = 0;
  for (let r = 0; r < runs; r++) {
    gc();
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const k = 10 ** decimals;
  const round = (x: number) => Math.round(x * k) / k;
  return { stat: { median: round(times[times.length >> 1]), min: round(times[0]), max: round(times[times.length - 1]) }, result };
}

/** `median (min–max) ms`. */
export const fmt = (s: Stat) => `${s.median} (${s.min}–${s.max}) ms`;

/** The generated Putian city (seed 1) and its case history in generation order (`CASES` env scales it). */
export function putianHistory(): { hierarchy: HierarchyIndex; sim: PutianScenario; events: AnyCaseEvent[]; genMs: number } {
  const data = generatePutian({ seed: 1 });
  const built = buildHierarchy(data.config, data.nodes);
  if (!built.ok) throw new Error('hierarchy');
  const hierarchy = built.value;
  const sim = new PutianScenario(hierarchy, { seed: 1, ...(process.env.CASES ? { cases: Number(process.env.CASES) } : {}) });
  const t = performance.now();
  const events: AnyCaseEvent[] = [];
  sim.run({ onEvent: (e) => events.push(e) });
  return { hierarchy, sim, events, genMs: performance.now() - t };
}

/**
 * The floor of any evaluator of the case feed: each event's fields read once, no rule. Gives
 * a number that depends on every event, so that the reads are not optimised away.
 */
export function readCaseFeedOnce(events: readonly AnyCaseEvent[]): number {
  let touched = 0;
  for (let i = 0; i < events.length; i++) { const e = events[i]; touched += e.at + e.caseId.length + (e.data ? 1 : 0) + e.type.length; }
  return touched;
}

/** CPU time (user + system) of `fn`, ms, in each of `runs` calls after a GC each: on a shared machine wall time also counts the waiting. */
export function cpuTimes(fn: () => unknown, runs: number): number[] {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const xs: number[] = [];
  for (let r = 0; r < runs; r++) {
    gc();
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    xs.push((c.user + c.system) / 1000);
  }
  return xs;
}

/** The median of {@link cpuTimes}, rounded to a ms. */
export const cpuMedian = (fn: () => unknown, runs = 3): number => Math.round(cpuTimes(fn, runs).sort((a, b) => a - b)[runs >> 1]);
