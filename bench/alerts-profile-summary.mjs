// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function, counting only the
// samples taken inside `replayAlerts` (the evaluation, not the history's generation), as a
// Markdown table. Usage: node bench/alerts-profile-summary.mjs <dir or file> [root function]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';

const arg = process.argv[2];
const root = process.argv[3] ?? 'replayAlerts';
// A folder: the profile (one per thread: tsx's loader has its own) that saw `root` run.
const file = statSync(arg).isDirectory()
  ? readdirSync(arg).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(arg, f)).find((f) => readFileSync(f, 'utf8').includes(`"functionName":"${root}"`))
  : arg;
if (!file) throw new Error(`no profile in ${arg} saw ${root}`);
const p = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inside = new Map();
const isInside = (id) => {
  if (inside.has(id)) return inside.get(id);
  const n = byId.get(id);
  const v = n.callFrame.functionName === root ? true : parent.has(id) ? isInside(parent.get(id)) : false;
  inside.set(id, v);
  return v;
};
const self = new Map();
let total = 0;
for (let i = 0; i < p.samples.length; i++) {
  const id = p.samples[i];
  const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
  if (!isInside(id)) continue;
  const f = byId.get(id).callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url ? `${basename(f.url)}:${f.lineNumber + 1}` : ''}`.trim();
  self.set(key, (self.get(key) ?? 0) + dt);
  total += dt;
}
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 20);
console.log(`Samples inside \`${root}\`: ${total.toFixed(0)} ms (profile ${basename(file)}).\n`);
console.log('| function (file:line) | self ms | share |\n|---|---|---|');
for (const [k, v] of rows) console.log(`| ${k.replace(/\|/g, '\\|')} | ${v.toFixed(0)} | ${((100 * v) / total).toFixed(1)}% |`);
