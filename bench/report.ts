// Writes docs/guides/performance.md from the committed benchmark results
// (bench/results/*.md), so the guide's figures are always the measured ones.
// Run after `pnpm bench`: node --import tsx bench/report.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const order = ['hierarchy', 'cases', 'metrics', 'access', 'grid-tree', 'dashboard'];
const all = readdirSync('bench/results').filter((f) => f.endsWith('.md'))
  .sort((a, b) => (order.indexOf(a.replace('.md', '')) + 99) % 99 - (order.indexOf(b.replace('.md', '')) + 99) % 99);
// the results; the profiles (where the time goes, what was tried) are listed by name at the end
const isProfile = (f: string) => /profile/.test(f);
const files = all.filter((f) => !isProfile(f));
const title = (text: string) => /^# (.*)$/m.exec(text)?.[1] ?? '';
// a result's own title becomes a section of this page, its sections subsections
const parts = files.map((f) => readFileSync(`bench/results/${f}`, 'utf8').trim().replace(/^(#{2,5}) /gm, '#$1 ').replace(/^# /, '## '));
const profiles = all.filter(isProfile).map((f) => `- \`bench/results/${f}\` — ${title(readFileSync(`bench/results/${f}`, 'utf8')).replace(/</g, '&lt;')}`);
writeFileSync('docs/guides/performance.md', `---
title: Performance
---

# Performance

Every hot path of Jiceng has a benchmark that measures it beside a named peer doing the same
work on the same data, in the same run, and reports the ratio. They run at city scale: the
generated Putian (146,227 nodes) and its case history (533,500 cases). Run them with
\`pnpm bench\` (each writes \`bench/results/<name>.json\` and \`.md\`); this page is assembled
from those files by \`bench/report.ts\`.

How a figure is taken: several runs after a warm-up, median with min and max; heap after
\`global.gc()\` for memory; in Chromium, \`performance.now()\` from the first call to two
\`requestAnimationFrame\`s after the last update. The machine is the one named in each
section — a shared 2-core virtual machine, so wall times vary; the ratios, taken in one run,
are the steadier figures.

${parts.join('\n\n')}

## Profiles

Where the time of a benchmark goes (CPU profiles, line by line), what was tried and what was
kept, are in the repository beside the results:

${profiles.join('\n')}
`);
console.log(`docs/guides/performance.md from ${files.length} results`);
