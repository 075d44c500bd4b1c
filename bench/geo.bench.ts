/**
 * Geometry benchmark: @jiceng/core/geo's binned point-in-area index beside a naive linear scan
 * (ray casting every grid in turn, as a first implementation would), on the generated Putian
 * (10,439 grids), in the same process; plus the time to generate the city's geometry.
 *
 * Run: pnpm bench geo   (node --conditions=source --import tsx --expose-gc bench/geo.bench.ts)
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { areaContains, buildAreaIndex, type AreaGeometry } from '../packages/core/src/geo/index.js';
import { generatePutian, generatePutianGeometry } from '../packages/putian/src/index.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const data = generatePutian({ seed: 1 });
const genRuns: number[] = [];
let geo = generatePutianGeometry(data);
for (let k = 0; k < 3; k++) { const t = performance.now(); geo = generatePutianGeometry(data); genRuns.push(performance.now() - t); }
const gridCodes = new Set(data.nodes.filter((n) => n.level === 'grid').map((n) => n.code));
const grids: [string, AreaGeometry][] = [...geo.areas].filter(([c]) => gridCodes.has(c));

const buildRuns: number[] = [];
let idx = buildAreaIndex(grids);
for (let k = 0; k < 5; k++) { const t = performance.now(); idx = buildAreaIndex(grids); buildRuns.push(performance.now() - t); }

// Queries: every unit's point (inside a grid) and as many random points over the city's box (many at sea).
const pts: [number, number][] = [...geo.units.values()].map((p) => p.coordinates);
let s = 12345;
const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
const nUnits = pts.length;
for (let k = 0; k < nUnits; k++) pts.push([118.4 + rnd() * 0.97, 24.98 + rnd() * 0.85]);
const naive = (x: number, y: number): string | undefined => { for (const [c, g] of grids) if (areaContains(g, x, y)) return c; return undefined; };

let sink = 0;
const oursRuns: number[] = [];
for (let r = 0; r < 7; r++) {
  const t = performance.now();
  for (const [x, y] of pts) if (idx.locate(x, y) !== undefined) sink++;
  oursRuns.push(((performance.now() - t) * 1000) / pts.length);
}
const peerPts = pts.filter((_, k) => k % 67 === 0); // the scan is slow: a sample of both kinds
const peerRuns: number[] = [];
let disagree = 0;
for (let r = 0; r < 5; r++) {
  const t = performance.now();
  for (const [x, y] of peerPts) if (naive(x, y) !== undefined) sink++;
  peerRuns.push(((performance.now() - t) * 1000) / peerPts.length);
}
for (const [x, y] of peerPts) if (naive(x, y) !== idx.locate(x, y)) disagree++;

const f = (xs: number[], d = 2) => `${median(xs).toFixed(d)} (${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)})`;
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version, os: `${os.type()} ${os.release()}`,
  date: new Date().toISOString(), loadavg: os.loadavg().map((x) => +x.toFixed(2)),
};
const md = `# Geometry benchmark

Data: @jiceng/putian generatePutian({ seed: 1 }) and generatePutianGeometry, ${grids.length} grids, ${geo.units.size} unit points. Command: \`pnpm bench geo\`.
Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.os}, ${machine.date}; load average at the end ${machine.loadavg.join(' / ')} (shared machine; min is the least disturbed figure).
Each figure: median (min–max) of the runs; ours and the peer in the same process.

| workload | ours (binned index) | naive linear scan | unit | scan / ours |
|---|---|---|---|---|
| point-in-grid lookup (${pts.length} points: every unit, and as many random points over the city's box) | ${f(oursRuns, 3)} | ${f(peerRuns)} (every 67th point) | µs/lookup | ${(median(peerRuns) / median(oursRuns)).toFixed(0)}× |
| build the index over ${grids.length} grids | ${f(buildRuns)} | — | ms | |
| generate the city's geometry (Voronoi, topology, merge upward, 134,753 unit points) | ${f(genRuns, 0)} | — | ms | |

- The scan and the index agree on ${peerPts.length - disagree} of ${peerPts.length} sampled points.
- Target (issue 18): ≤ 50 µs per lookup over all grids.
`;
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/geo.md', md);
writeFileSync('bench/results/geo.json', JSON.stringify({ machine, grids: grids.length, lookups: pts.length, oursUsPerLookup: oursRuns, peerUsPerLookup: peerRuns, buildMs: buildRuns, generateMs: genRuns, disagree, sink: sink > 0 }, null, 2) + '\n');
console.log(md);
if (disagree) process.exit(1);
