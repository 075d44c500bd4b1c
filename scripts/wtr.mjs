// Runs the browser tests (files named *.browser.test.ts under packages/*/test);
// says so and exits 0 when there are none yet.
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
let count = 0;
for (const pkg of readdirSync('packages')) {
  const dir = join('packages', pkg, 'test');
  if (!existsSync(dir)) continue;
  count += readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.browser.test.ts')).length;
}
if (count === 0 && !process.env.WTR_FILES) { console.log('no browser tests found'); process.exit(0); }
const r = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
