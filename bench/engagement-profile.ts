/**
 * What to profile for the engagement benchmark: candidate suggestion for 40 orders (200 times)
 * and the full-year replay (`foldEngagement`, 3 times), on the generated Putian engagement year.
 * Generating the year takes minutes under load: with ENGAGEMENT_LOG=<file> the log is read from
 * that file (written there on the first run; a temp file, not committed).
 *
 *   node --conditions=source --import tsx --max-old-space-size=8192 --cpu-prof --cpu-prof-dir=/tmp/eng-prof bench/engagement-profile.ts
 *   node bench/cpuprofile.mjs /tmp/eng-prof --root suggestCandidates
 *   node bench/cpuprofile.mjs /tmp/eng-prof --root foldEngagement
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { buildHierarchy } from '../packages/core/src/index.js';
import { buildCandidateIndex, foldEngagement, suggestCandidates, type AnyEngagementEvent } from '../packages/core/src/engagement/index.js';
import { generatePutian, generatePutianEngagement } from '../packages/putian/src/index.js';

const data = generatePutian({ seed: 1 });
const built = buildHierarchy(data.config, data.nodes);
if (!built.ok) throw new Error('the hierarchy does not build');
const h = built.value;
const cache = process.env.ENGAGEMENT_LOG;
let events: AnyEngagementEvent[];
if (cache && existsSync(cache)) events = JSON.parse(readFileSync(cache, 'utf8'));
else {
  events = JSON.parse(JSON.stringify(generatePutianEngagement(data).events));
  if (cache) writeFileSync(cache, JSON.stringify(events));
}
const s = foldEngagement(events);
const orders = [...s.orders.values()].filter((_, i) => i % 1000 === 0);
const index = buildCandidateIndex(s, h);
let t = performance.now();
let n = 0;
for (let r = 0; r < 200; r++) for (const o of orders) n += suggestCandidates(s, o, h, { index }).length;
console.log(`suggest: ${((performance.now() - t) / (200 * orders.length)).toFixed(3)} ms an order (${n} candidates)`);
for (let r = 0; r < 3; r++) {
  t = performance.now();
  foldEngagement(events);
  console.log(`replay of ${events.length} events: ${Math.round(performance.now() - t)} ms`);
}
