/**
 * Loading the Putian JSON document (the whole generated city with its party overlay, as
 * `exportJson` writes it): `importJson` — JSON.parse, the zod check of every record, the
 * hierarchy index and the overlay — beside the bound no JSON loader can beat, `JSON.parse`
 * of the same text alone, in alternating rounds of one process. Aim (issue 20): ≤ 300 ms.
 * With PROFILE=<dir>, also writes a --cpu-prof style profile of importJson (run with
 * `node --cpu-prof --cpu-prof-dir=<dir>`; summarise with `node bench/cpuprofile.mjs <dir> --root importJson`).
 *
 * Run: node --conditions=source --import tsx --expose-gc bench/document.bench.ts
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { buildHierarchy } from '../packages/core/src/index.js';
import { exportJson, importJson } from '../packages/core/src/io/index.js';
import { buildOverlay } from '../packages/core/src/overlay/index.js';
import { generatePutian } from '../packages/putian/src/index.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const data = generatePutian({ seed: 1 });
const built = buildHierarchy(data.config, data.nodes);
if (!built.ok) throw new Error('hierarchy did not build');
const ov = buildOverlay(built.value, data.overlay);
if (!ov.ok) throw new Error('overlay did not build');
const text = exportJson(built.value, ov.value);
const size = built.value.size;

const RUNS = Number(process.env.RUNS ?? 7);
type Run = { wall: number; cpu: number };
const once = (fn: () => void): Run => {
  gc();
  const c0 = process.cpuUsage(), t0 = performance.now();
  fn();
  const wall = performance.now() - t0, c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
};
const ours = () => { const r = importJson(text); if (!r.ok) throw new Error('import refused'); };
const bound = () => { if (!JSON.parse(text)) throw new Error('parse'); };
ours(); bound();
const xo: Run[] = [], xb: Run[] = [];
for (let r = 0; r < RUNS; r++) { xo.push(once(ours)); xb.push(once(bound)); }
const med = (xs: Run[], k: keyof Run) => xs.map((x) => x[k]).sort((a, b) => a - b)[xs.length >> 1];
const range = (xs: Run[], k: keyof Run) => { const s = xs.map((x) => x[k]).sort((a, b) => a - b); return `${s[0].toFixed(0)}–${s[s.length - 1].toFixed(0)}`; };
const oW = med(xo, 'wall'), oC = med(xo, 'cpu'), bW = med(xb, 'wall'), bC = med(xb, 'cpu');
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memGB: +(os.totalmem() / 2 ** 30).toFixed(1),
  node: process.version, os: `${os.type()} ${os.release()}`, date: new Date().toISOString(), loadavg: os.loadavg().map((x) => +x.toFixed(2)),
};
const MB = (text.length / 1048576).toFixed(1);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/document.json', JSON.stringify({ machine, bytes: text.length, nodes: size, runs: RUNS, ours: xo, bound: xb, medians: { oursWall: oW, oursCpu: oC, boundWall: bW, boundCpu: bC }, aimMs: 300 }, null, 2) + '\n');
const md = [
  '# Loading the Putian document',
  '',
  `Data: @jiceng/putian generatePutian({ seed: 1 }) (${size} nodes and the party overlay) written by exportJson: ${MB} MB of JSON. Command: \`node --conditions=source --import tsx --expose-gc bench/document.bench.ts\`.`,
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGB} GB, Node ${machine.node}, ${machine.date}; load average at the end ${machine.loadavg.join(' / ')} (shared machine).`,
  `Each figure: median (min–max) of ${RUNS} runs after a warm-up, ours and the bound in alternating rounds, a GC before each.`,
  '',
  '| workload | wall ms | CPU ms |',
  '|---|---|---|',
  `| importJson (JSON.parse + zod check + index + overlay) | ${oW.toFixed(0)} (${range(xo, 'wall')}) | ${oC.toFixed(0)} (${range(xo, 'cpu')}) |`,
  `| bound: JSON.parse alone | ${bW.toFixed(0)} (${range(xb, 'wall')}) | ${bC.toFixed(0)} (${range(xb, 'cpu')}) |`,
  `| ratio ours / bound | ${(oW / bW).toFixed(1)}× | ${(oC / bC).toFixed(1)}× |`,
  '',
  `Aim (issue 20): ≤ 300 ms — ${oC <= 300 ? 'met' : `missed by ${(oC - 300).toFixed(0)} ms of CPU`}. The profile (bench/results/document-profile.md) says where the time goes.`,
  '',
].join('\n');
writeFileSync('bench/results/document.md', md);
console.log(md);
