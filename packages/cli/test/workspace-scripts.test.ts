// The workspace's own tooling, as a new contributor meets it: the `jiceng` bin before a build,
// and the test harness when a check module is missing or broken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');

test('the jiceng bin without a build says to build, in zh and en, instead of a stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiceng-bin-'));
  try {
    mkdirSync(join(dir, 'bin'));
    cpSync(join(root, 'packages/cli/bin/jiceng.js'), join(dir, 'bin/jiceng.js'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    const r = spawnSync(process.execPath, [join(dir, 'bin/jiceng.js'), '--help'], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /尚未构建.*pnpm build/);
    assert.match(r.stderr, /not built yet .*run pnpm build first/);
    assert.doesNotMatch(r.stderr, /\n\s+at /); // no stack
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('scripts/setup.sh builds the packages after installing them', () => {
  const lines = readFileSync(join(root, 'scripts/setup.sh'), 'utf8').split('\n').map((l) => l.trim());
  const install = lines.findIndex((l) => l.startsWith('pnpm install'));
  const build = lines.findIndex((l) => /^(node_modules\/\.bin\/tsc -b|pnpm (run )?build)$/.test(l));
  assert.ok(install >= 0 && build > install, 'setup.sh: a build after pnpm install');
});

/** A copy of the harness beside a `checks/` folder of our choosing; runs one step. */
function harness(checks: Record<string, string>, step: string) {
  const dir = mkdtempSync(join(tmpdir(), 'jiceng-harness-'));
  try {
    mkdirSync(join(dir, 'scripts/checks'), { recursive: true });
    cpSync(join(root, 'scripts/test.mjs'), join(dir, 'scripts/test.mjs'));
    for (const [name, text] of Object.entries(checks)) writeFileSync(join(dir, 'scripts/checks', name), text);
    return spawnSync(process.execPath, ['scripts/test.mjs', step], { cwd: dir, encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the test harness fails the run when a check module is missing', () => {
  const r = harness({}, 'pack');
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stdout, /pack: the check module scripts\/checks\/pack\.mjs did not load/);
  assert.match(r.stdout, /total: 0 passed, 1 failed/);
});

test('the test harness fails the run when a check module does not load (a missing import)', () => {
  const r = harness({ 'pack.mjs': "import 'no-such-package-jiceng';\nexport default async () => [['x', true]];\n" }, 'pack');
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stdout, /did not load: .*no-such-package-jiceng/);
});

test('the test harness passes a check module whose checks pass', () => {
  const r = harness({ 'pack.mjs': "export default async () => [['packs', true]];\n" }, 'pack');
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /total: 1 passed, 0 failed/);
});
