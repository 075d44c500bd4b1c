// The release path: every package packs, and the packed tarballs install and work in an
// empty project, as a user's `pnpm add @jiceng/core` would.
import { mkdirSync, rmSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const packages = ['core', 'putian', 'store', 'server', 'cli', 'ui', 'grid-tree', 'case-form', 'dashboard', 'engagement', 'alerts', 'map'];

export default async function ({ run }) {
  const results = [];
  const dir = resolve('.tmp/pack');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'tgz'), { recursive: true });
  for (const p of packages) {
    const r = run('pnpm', ['pack', '--pack-destination', join(dir, 'tgz')], { cwd: `packages/${p}` });
    results.push([`@jiceng/${p} packs`, r.status === 0]);
  }
  const tgz = readdirSync(join(dir, 'tgz')).map((f) => join(dir, 'tgz', f));
  const app = join(dir, 'app');
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  const i = run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tgz], { cwd: app });
  results.push(['the packed packages install in an empty project', i.status === 0]);
  if (i.status !== 0) return results;
  writeFileSync(join(app, 'try.mjs'), `
    import { buildHierarchy } from '@jiceng/core';
    import { generatePutian, putianConfig } from '@jiceng/putian';
    const data = generatePutian({ seed: 1 });
    const h = buildHierarchy(putianConfig, data.nodes);
    if (!h.ok) throw new Error('hierarchy did not build');
    console.log('nodes', h.value.size);
    if (h.value.size < 146000) throw new Error('too few nodes');
  `);
  const t = run(process.execPath, ['try.mjs'], { cwd: app });
  results.push(['an installed @jiceng/core and @jiceng/putian import and work', t.status === 0]);
  writeFileSync(join(app, 'store.mjs'), `
    import { openStore } from '@jiceng/store';
    const store = await openStore();
    const r = await store.append('case-c-1', [{ type: 'discovered', data: {} }], { expectedVersion: 'none' });
    if (!r.ok || (await store.readStream('case-c-1')).length !== 1) throw new Error('append/read failed');
    await store.close();
  `);
  const st = run(process.execPath, ['store.mjs'], { cwd: app });
  results.push(['an installed @jiceng/store opens (PGlite, its migrations packed), appends and reads', st.status === 0]);
  const c = run(join(app, 'node_modules/.bin/jiceng'), ['putian', '--summary', '--lang', 'en'], { cwd: app });
  results.push(['the installed `jiceng` command runs', c.status === 0]);
  return results;
}
