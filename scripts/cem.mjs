// Writes packages/{grid-tree,case-form,dashboard,engagement}/custom-elements.json with the Custom
// Elements Manifest analyzer (tags, attributes, properties, events, parts, custom properties
// from the classes' JSDoc). The elements check fails when a committed manifest is stale.
import { spawnSync } from 'node:child_process';

for (const pkg of ['grid-tree', 'case-form', 'dashboard', 'engagement', 'alerts', 'map']) {
  // Run inside the package: the analyzer also records the manifest in its package.json.
  const r = spawnSync('../../node_modules/.bin/cem', ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--outdir', '.', '--quiet'], { stdio: 'inherit', cwd: `packages/${pkg}` });
  if (r.status !== 0) process.exit(r.status ?? 1);
  console.log(`packages/${pkg}/custom-elements.json`);
}
