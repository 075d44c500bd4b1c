// Every test, in order: type-check and build, Node tests, browser tests (real Chromium), the
// linters, the import-cycle check and the API reports, then the checks on what we ship (bundles and their sizes, docs, packed packages, the demo
// end to end). Prints one closing line `total: N passed, N failed` and exits non-zero on any
// failure. `node scripts/test.mjs node browser` runs only the named steps.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const failures = [];

function run(cmd, args, opts = {}) {
  console.log(`\n▶ ${[cmd, ...args].join(' ')}`);
  return spawnSync(cmd, args, { stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', ...opts });
}

const steps = {
  build() {
    // Element versions come from package.json (scripts/versions.mjs writes src/version.ts).
    const v = run(process.execPath, ['scripts/versions.mjs', '--check']);
    check('element versions match package.json (node scripts/versions.mjs)', v.status === 0);
    const r = run('node_modules/.bin/tsc', ['-b']);
    return check('type-check and build', r.status === 0);
  },
  node() {
    mkdirSync('.tmp', { recursive: true });
    rmSync('.tmp/node-tests.tap', { force: true });
    const r = run(process.execPath, ['--conditions=source', '--import', 'tsx', '--test',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', '--test-reporter-destination=.tmp/node-tests.tap',
      ...globTests('.test.ts', (f) => !f.endsWith('.browser.test.ts'))]);
    let tap = '';
    try { tap = readFileSync('.tmp/node-tests.tap', 'utf8'); } catch { /* no output */ }
    const p = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
    const f = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(tap)?.[1] ?? 0);
    passed += p; failed += f;
    if (r.status !== 0 && f === 0) { failed++; failures.push('node tests (runner failed)'); }
    else if (f) failures.push(`node tests: ${f} failed`);
    return r.status === 0;
  },
  browser() {
    const r = run(process.execPath, ['scripts/wtr.mjs'], { capture: true });
    process.stdout.write(r.stdout ?? '');
    const m = /^(\d+) passed, (\d+) failed/m.exec(r.stdout ?? '');
    if (m) { passed += Number(m[1]); failed += Number(m[2]); }
    if (m && Number(m[2])) failures.push(`browser tests: ${m[2]} failed`);
    if (r.status !== 0 && !(m && Number(m[2]))) { failed++; failures.push('browser tests (runner failed)'); }
    return r.status === 0;
  },
};

function check(name, ok) {
  if (ok) passed++; else { failed++; failures.push(name); }
  return ok;
}

function globTests(suffix, keep) {
  const r = spawnSync('bash', ['-c', `shopt -s nullglob globstar; printf '%s\\n' packages/*/test/**/*${suffix}`], { encoding: 'utf8' });
  return r.stdout.split('\n').filter(Boolean).filter(keep);
}

// Extra steps (bundles, docs, pack, e2e) live in scripts/checks/*.mjs and register here.
const extra = ['lint', 'cycles', 'api', 'bundle', 'elements', 'docs', 'pack', 'e2e', 'e2e-alerts', 'e2e-engagement'];
for (const name of extra) {
  steps[name] = async () => {
    // Every registered step has its module: one that is missing or does not load fails the run.
    let mod;
    try { mod = await import(`./checks/${name}.mjs`); } catch (e) {
      console.log(`\n${name}: the check module scripts/checks/${name}.mjs did not load: ${String(e.message ?? e).split('\n')[0]}`);
      check(`${name}: check module loads`, false);
      return false;
    }
    let results;
    try {
      results = await mod.default({ run });
    } catch (e) {
      console.log(e);
      results = [[`ran to the end (threw: ${String(e.message ?? e).split('\n')[0]})`, false]];
    }
    for (const [label, ok] of results) check(`${name}: ${label}`, ok);
    return results.every(([, ok]) => ok);
  };
}

const order = ['build', 'node', 'browser', ...extra];

// The store's and the server's tests run on PostgreSQL as well as on PGlite. When no server is
// given (JICENG_TEST_PG_URL), start a throw-away cluster for this run (scripts/postgres.sh
// installs Debian's postgresql if missing) and stop it at the end; JICENG_NO_PG=1 skips that.
let ownPg = false;
if (!process.env.JICENG_TEST_PG_URL && process.env.JICENG_NO_PG !== '1' && (!only.length || only.includes('node'))) {
  const r = spawnSync('bash', ['scripts/postgres.sh', 'start'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const url = /JICENG_TEST_PG_URL=(\S+)/.exec(r.stdout ?? '')?.[1];
  if (r.status === 0 && url) { process.env.JICENG_TEST_PG_URL = url; ownPg = true; }
  else console.log('PostgreSQL could not be started: the store and server tests will say so (and fail under CI=true)');
}
const stopPg = () => { if (ownPg) { spawnSync('bash', ['scripts/postgres.sh', 'stop'], { stdio: 'inherit' }); ownPg = false; } };
process.on('exit', stopPg);
for (const name of order) {
  if (only.length && !only.includes(name)) continue;
  const ok = await steps[name]();
  if (name === 'build' && !ok) break; // nothing else can run on a broken build
}
if (failures.length) console.log(`\nFailed:\n- ${failures.join('\n- ')}`);
console.log(`\ntotal: ${passed} passed, ${failed} failed`);
stopPg();
process.exit(failed ? 1 : 0);
