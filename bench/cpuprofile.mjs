// Summarises a V8 `.cpuprofile` (from `node --cpu-prof` or the inspector's Profiler) as Markdown
// tables: the top frames by self time and by total time (self + callees, each frame counted
// once per stack). With `--root NAME`, only the samples taken inside a function of that name
// count (e.g. the evaluation, not the history's generation). Given a folder (one profile per
// thread: tsx's loader has its own), reads the profile that saw `--root` run (without it, the
// largest).
//
//   node bench/cpuprofile.mjs <file or folder> [--root NAME] [--top N]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';

const { positionals: [arg], values } = parseArgs({ allowPositionals: true, options: { root: { type: 'string' }, top: { type: 'string', default: '20' } } });
if (!arg) throw new Error('usage: node bench/cpuprofile.mjs <file or folder> [--root NAME] [--top N]');
const { root } = values;
const top = Number(values.top);

const file = statSync(arg).isDirectory()
  ? readdirSync(arg).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(arg, f))
    .filter((f) => root === undefined || readFileSync(f, 'utf8').includes(`"functionName":"${root}"`))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0]
  : arg;
if (!file) throw new Error(`no profile in ${arg}${root ? ` saw ${root}` : ''}`);
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Is a node under `root` (or is it `root`)? Memoised by id.
const inside = new Map();
const isInside = (id) => {
  if (root === undefined) return true;
  if (inside.has(id)) return inside.get(id);
  const v = byId.get(id).callFrame.functionName === root || (parent.has(id) && isInside(parent.get(id)));
  inside.set(id, v);
  return v;
};
// Sampled time (µs) by node.
const dt = new Map();
for (let i = 0; i < prof.samples.length; i++) {
  const id = prof.samples[i];
  if (isInside(id)) dt.set(id, (dt.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
}
const total = [...dt.values()].reduce((a, b) => a + b, 0);
const label = (n) => {
  const c = n.callFrame;
  const where = c.url ? `${c.url.replace(/^.*\/(packages|bench|node_modules)\//, '$1/')}:${c.lineNumber + 1}` : '';
  return `${c.functionName || '(anonymous)'} ${where}`.trim();
};
const self = new Map();
const tot = new Map();
for (const [id, t] of dt) {
  const l = label(byId.get(id));
  self.set(l, (self.get(l) ?? 0) + t);
  const seen = new Set();
  for (let x = id; x !== undefined; x = parent.get(x)) {
    const lx = label(byId.get(x));
    if (!seen.has(lx)) { seen.add(lx); tot.set(lx, (tot.get(lx) ?? 0) + t); }
    if (root !== undefined && byId.get(x).callFrame.functionName === root) break;
  }
}
const pct = (t) => `${((100 * t) / total).toFixed(1)}%`;
const rows = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([l, t]) => `| ${pct(t)} | ${(t / 1000).toFixed(0)} ms | \`${l.replace(/\|/g, '\\|')}\` |`).join('\n');
const scope = root === undefined ? '' : ` inside \`${root}\``;
console.log(`Profile ${basename(file)}: ${(total / 1e6).toFixed(2)} s sampled${scope}.

Top ${top} frames by self time:

| self | ms | frame |
|---|---|---|
${rows(self)}

Top ${top} frames by total time:

| total | ms | frame |
|---|---|---|
${rows(tot)}
`);
