/**
 * A profile of the metrics aims: `dashboardSlice` of the city for a month, and all indicators
 * for all nodes (createMetrics + columns), on the Putian scenario's cases. Develop against a
 * scaled-down history (`CASES=100000`), profile with
 *   CASES=533500 node --conditions=source --import tsx --cpu-prof --cpu-prof-dir=.tmp/prof-metrics bench/metrics-profile.ts
 *   node bench/cpuprofile.mjs .tmp/prof-metrics --top 25
 * Prints the median of each (wall and CPU time).
 */
import { buildHierarchy, createMetrics, dashboardSlice } from '../packages/core/src/index.js';
import { generatePutian, PutianScenario } from '../packages/putian/src/index.js';

const N = Number(process.env.CASES ?? 533_500);
const REPS = Number(process.env.REPS ?? 30);
const data = generatePutian({ seed: 1 });
const built = buildHierarchy(data.config, data.nodes);
if (!built.ok) throw new Error('hierarchy did not build');
const h = built.value;
const facts = new PutianScenario(h, { cases: N }).run().facts;
const NOW = Date.parse('2026-06-01T00:00:00+08:00');
const m = createMetrics({ hierarchy: h, facts, now: NOW, closeRateBase: 'collected' });
if (!m.ok) throw new Error('metrics refused');
const metrics = m.value;
const DEC = { unit: 'month' as const, key: 2025 * 12 + 11 };

function time(label: string, fn: () => void): void {
  fn();
  const wall: number[] = [], cpu: number[] = [];
  for (let k = 0; k < REPS; k++) {
    const c0 = process.cpuUsage(), t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1].toFixed(2);
  console.log(`${label}: ${med(wall)} ms wall, ${med(cpu)} ms CPU (median of ${REPS}; ${N} cases)`);
}
time('dashboardSlice of the city for a month', () => { dashboardSlice(metrics, 0, DEC); });
if (process.env.ALL !== '0') {
  time('all indicators for all nodes (build + columns)', () => {
    const r = createMetrics({ hierarchy: h, facts, now: NOW, closeRateBase: 'collected' });
    if (!r.ok) throw new Error('refused');
    r.value.columns();
  });
}
