// Generates the demo portal's case history once: the full Putian history (533,500 cases)
// folded into case facts, written to examples/portal/data/. The page regenerates the city
// itself from the same seed, and any single case's events on demand.
import { existsSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { buildHierarchy } from '@jiceng/core';
import { generatePutian, PutianScenario } from '@jiceng/putian';
// @ts-expect-error plain JS module shared with the page
import { encodeFacts } from '../examples/portal/facts-codec.js';

const SEED = 1;
const dir = 'examples/portal/data';
const file = `${dir}/putian-facts-seed${SEED}.bin`;
const stamp = `${dir}/putian-facts-seed${SEED}.json`;
// Regenerate when the generator's source changed.
const version = ['packages/putian/src/scenario/simulate.ts', 'packages/putian/src/generate.ts', 'packages/core/src/cases/store.ts']
  .map((f) => readFileSync(f, 'utf8').length).join('.');
if (existsSync(file) && existsSync(stamp) && JSON.parse(readFileSync(stamp, 'utf8')).version === version && !process.argv.includes('--force')) {
  console.log(`demo data up to date: ${file}`);
} else {
  const t0 = performance.now();
  process.stdout.write('generating the Putian case history (533,500 cases; about half a minute)… ');
  const data = generatePutian({ seed: SEED });
  const h = buildHierarchy(data.config, data.nodes);
  if (!h.ok) throw new Error('the Putian hierarchy did not build');
  const sim = new PutianScenario(h.value, { seed: SEED });
  const store = sim.run();
  const meta = { seed: SEED, cases: sim.cases, closed: sim.closed, asOf: Date.parse('2026-01-01T00:00:00+08:00') };
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, encodeFacts(store.facts, meta));
  writeFileSync(stamp, JSON.stringify({ version, ...meta }) + '\n');
  console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${file}`);
}
