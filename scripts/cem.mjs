// Writes packages/{grid-tree,case-form,dashboard,engagement}/custom-elements.json with the Custom
// Elements Manifest analyzer (tags, attributes, properties, events, parts, custom properties
// from the classes' JSDoc). The elements check fails when a committed manifest is stale.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

/** The analyzer lists modules in the order its glob finds them, which varies between runs once
 * sources sit in folders: sort them by path so the manifest is the same on every machine. */
export function sortManifest(text) {
  const m = JSON.parse(text);
  m.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return JSON.stringify(m, null, 2);
}


if (import.meta.url === `file://${process.argv[1]}`) for (const pkg of ['grid-tree', 'case-form', 'dashboard', 'engagement', 'alerts', 'map']) {
  // Run inside the package: the analyzer also records the manifest in its package.json.
  const r = spawnSync('../../node_modules/.bin/cem', ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--outdir', '.', '--quiet'], { stdio: 'inherit', cwd: `packages/${pkg}` });
  if (r.status !== 0) process.exit(r.status ?? 1);
  const file = `packages/${pkg}/custom-elements.json`;
  writeFileSync(file, sortManifest(readFileSync(file, 'utf8')));
  console.log(`packages/${pkg}/custom-elements.json`);
}
