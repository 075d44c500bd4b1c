// `pnpm bench`: runs every benchmark (bench/*.bench.ts) one after another, each in its own
// process with --expose-gc, so their heaps do not mix. Each writes bench/results/<name>.{json,md}.
// `pnpm bench cases metrics` runs only those.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const only = process.argv.slice(2);
const files = readdirSync('bench').filter((f) => f.endsWith('.bench.ts')).sort()
  .filter((f) => !only.length || only.includes(f.replace('.bench.ts', '')));
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f}`);
  const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--expose-gc', '--max-old-space-size=8192', `bench/${f}`], { stdio: 'inherit' });
  if (r.status !== 0) { failed++; console.log(`${f} failed (exit ${r.status})`); }
}
console.log(`\n${files.length - failed} benchmarks ran, ${failed} failed; results in bench/results/`);
process.exit(failed ? 1 : 0);
