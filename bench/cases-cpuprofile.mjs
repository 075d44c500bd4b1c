// Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): the top frames by self time, and
// by total time (self + callees), as a Markdown table. `node bench/cases-cpuprofile.mjs FILE [N]`.
import { readFileSync } from 'node:fs';

const [file, nText] = process.argv.slice(2);
const top = Number(nText ?? 20);
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const dt = new Map();
for (let i = 0; i < prof.samples.length; i++) dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
const total = [...dt.values()].reduce((a, b) => a + b, 0);
const label = (n) => {
  const c = n.callFrame;
  const where = c.url ? `${c.url.replace(/^.*\/(packages|bench|node_modules)\//, '$1/')}:${c.lineNumber + 1}` : '';
  return `${c.functionName || '(anonymous)'} ${where}`.trim();
};
const self = new Map();
for (const n of prof.nodes) self.set(label(n), (self.get(label(n)) ?? 0) + (dt.get(n.id) ?? 0));
// Total: a frame's own time plus its callees', each label counted once per stack.
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const tot = new Map();
for (const [id, t] of dt) {
  const seen = new Set();
  for (let x = id; x !== undefined; x = parent.get(x)) {
    const l = label(byId.get(x));
    if (!seen.has(l)) { seen.add(l); tot.set(l, (tot.get(l) ?? 0) + t); }
  }
}
const pct = (t) => `${((100 * t) / total).toFixed(1)}%`;
const rows = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([l, t]) => `| ${pct(t)} | ${(t / 1000).toFixed(0)} ms | \`${l.replace(/\|/g, '\\|')}\` |`).join('\n');
console.log(`Profile ${file.replace(/^.*\//, '')}: ${(total / 1e6).toFixed(2)} s sampled.\n\nTop ${top} frames by self time:\n\n| self | ms | frame |\n|---|---|---|\n${rows(self)}\n\nTop ${top} frames by total time:\n\n| total | ms | frame |\n|---|---|---|\n${rows(tot)}\n`);
