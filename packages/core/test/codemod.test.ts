// The codemod shipped with the core (codemods/entries.mjs) rewrites a project's imports of
// `@jiceng/core` for the entry points: each name to the entry that exports it now, renamed
// names to their new name under the old local name. It reads the entries from the package's
// own declarations (the build's dist), so it is tested against them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { entryMap, rewriteFile, RENAMED } from '../codemods/entries.mjs';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const map = entryMap(pkgDir, ts);
const run = (text: string, file = 'a.ts') => rewriteFile(text, file, map, ts);

test('every entry\'s names are read from the package, the root\'s staying at the root', async () => {
  const root = await import('@jiceng/core');
  for (const name of Object.keys(root)) assert.equal(map.get(name), '', name);
  assert.equal(map.get('writeCsv'), 'io');
  assert.equal(map.get('createAccess'), 'access');
  assert.equal(map.get('evolveCase'), 'cases');
  for (const [old, [name, entry]] of Object.entries(RENAMED)) {
    assert.equal(map.get(name), entry, `${old} → ${name} lives in ${entry}`);
    // the calendar exports a `Deadline` of its own; the old root's was the registry's
    if (old !== 'Deadline') assert.equal(map.has(old), false, `${old} is no longer exported`);
  }
});

test('an import is split by entry; renamed names keep their local name; types stay types', () => {
  const r = run([
    "import { buildHierarchy, evolve, type CaseState, writeCsv, createAccess as access } from '@jiceng/core';",
    "import type { Deadline } from '@jiceng/core';",
    "export { decide } from '@jiceng/core';",
    "import * as core from '@jiceng/core';",
    "import { JcError } from '@jiceng/core';",
    'evolve(core, writeCsv, access);',
  ].join('\n'));
  assert.equal(r.text, [
    "import { buildHierarchy, type CaseState } from '@jiceng/core';",
    "import { createAccess as access } from '@jiceng/core/access';",
    "import { evolveCase as evolve } from '@jiceng/core/cases';",
    "import { writeCsv } from '@jiceng/core/io';",
    "import type { RegistryDeadline as Deadline } from '@jiceng/core/registry';",
    "export { decideCase as decide } from '@jiceng/core/cases';",
    "import * as core from '@jiceng/core';",
    "import { JcError } from '@jiceng/core';",
    'evolve(core, writeCsv, access);',
  ].join('\n'));
  assert.equal(r.edits, 3);
  assert.deepEqual(r.unknown, []);
});

test('a name no entry exports is left at the root and named', () => {
  const r = run("import { needAccess, writeCsv } from '@jiceng/core';");
  assert.equal(r.text, "import { needAccess } from '@jiceng/core';\nimport { writeCsv } from '@jiceng/core/io';");
  assert.deepEqual(r.unknown, ['needAccess']);
});

test('in Markdown only one-line imports in the text change; the command line rewrites files and --check reports', () => {
  const md = "# Guide\n\n```ts\nimport { buildHierarchy, decide } from '@jiceng/core';\n```\n";
  assert.equal(run(md, 'guide.md').text, "# Guide\n\n```ts\nimport { buildHierarchy } from '@jiceng/core';\nimport { decideCase as decide } from '@jiceng/core/cases';\n```\n");
  const dir = mkdtempSync(join(tmpdir(), 'jiceng-codemod-'));
  try {
    const file = join(dir, 'x.ts');
    writeFileSync(file, "import { writeCsv } from '@jiceng/core';\n");
    const script = join(pkgDir, 'codemods/entries.mjs');
    const check = spawnSync(process.execPath, [script, '--check', file], { encoding: 'utf8' });
    assert.equal(check.status, 1, check.stderr);
    assert.equal(readFileSync(file, 'utf8'), "import { writeCsv } from '@jiceng/core';\n", '--check writes nothing');
    const done = spawnSync(process.execPath, [script, file], { encoding: 'utf8' });
    assert.equal(done.status, 0, done.stderr);
    assert.equal(readFileSync(file, 'utf8'), "import { writeCsv } from '@jiceng/core/io';\n");
    assert.equal(spawnSync(process.execPath, [script, '--check', file], { encoding: 'utf8' }).status, 0, 'nothing left to change');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every guide, README and example already imports from the entry points (the codemod would change nothing)', () => {
  const repo = join(pkgDir, '../..');
  const walk = (dir: string, re: RegExp) => existsSync(join(repo, dir))
    ? readdirSync(join(repo, dir), { recursive: true, encoding: 'utf8' }).filter((f) => re.test(f) && !/(^|\/)(node_modules|dist|api)\//.test(f)).map((f) => join(dir, f))
    : [];
  const files = [
    'README.md', ...readdirSync(join(repo, 'packages')).map((p) => join('packages', p, 'README.md')).filter((f) => existsSync(join(repo, f))),
    ...walk('docs', /\.md$/), ...walk('examples', /\.(ts|tsx|js|mjs|html|vue|md)$/),
  ];
  assert.ok(files.length >= 20, `guides found: ${files.length}`);
  const stale = files.filter((f) => run(readFileSync(join(repo, f), 'utf8'), f).edits > 0);
  assert.deepEqual(stale, []);
});
