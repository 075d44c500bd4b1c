// The main job: build the packages and the drop-in bundles, then run the server — the API on
// embedded PGlite with the Putian city and its history, the development sign-in and the demo
// portal (which reads and writes through the API) — on http://127.0.0.1:4173 (PORT overrides).
import { spawn, spawnSync } from 'node:child_process';

const step = (label, cmd, args) => {
  console.log(`▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step('type-check and build the packages', 'node_modules/.bin/tsc', ['-b']);
step('build the drop-in bundles', 'node_modules/.bin/rollup', ['-c', 'bundle/rollup.config.mjs', '--silent']);
console.log('▶ start the server (first start loads the city\'s history into ./.jiceng-data)');
const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'scripts/start-server.ts'], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
