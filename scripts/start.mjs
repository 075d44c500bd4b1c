// The main job: build the packages and the drop-in bundles, then run @jiceng/server on
// embedded PGlite (./.jiceng-data) with the Putian city and its history — loaded on first
// start, reused afterwards — serving the demo portal on http://127.0.0.1:4173 (PORT or
// JICENG_PORT overrides; JICENG_DEMO_CASES scales the history down).
import { spawnSync } from 'node:child_process';

const step = (label, cmd, args) => {
  console.log(`▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step('type-check and build the packages', 'node_modules/.bin/tsc', ['-b']);
step('build the drop-in bundles', 'node_modules/.bin/rollup', ['-c', 'bundle/rollup.config.mjs', '--silent']);
console.log('▶ start the server (the first start loads the Putian history into ./.jiceng-data)');
const { startPortal, stopOnSignal } = await import('./portal-server.mjs');
const s = await startPortal({}, { onStep: (name, ms) => console.log(`  ${name}: ${(ms / 1000).toFixed(1)} s`) });
console.log(`\nJiceng demo portal (莆田市, ${s.record.hierarchy.size.toLocaleString('en')} nodes, ${s.record.cases.size.toLocaleString('en')} cases): ${s.url}\nSign in as any person of the city (development sign-in). Press Ctrl+C to stop.`);
stopOnSignal(s);
