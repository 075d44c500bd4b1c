// Writes src/version.ts in every element package from its package.json, so the version an
// element registers with (defineElement) is the one it ships as. `pnpm build` runs it before
// `tsc -b`; `node scripts/versions.mjs --check` writes nothing and exits 1 when a committed
// version.ts is missing or differs (the test run's build step checks it).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** The packages whose elements register a version. */
export const ELEMENT_PACKAGES = ['alerts', 'case-form', 'dashboard', 'engagement', 'grid-tree', 'map'];

/** The text of a package's src/version.ts. */
export function versionSource(pkg, version) {
  return `// Written by scripts/versions.mjs from packages/${pkg}/package.json (\`pnpm build\` runs it): do not edit.

/**
 * The version of \`@jiceng/${pkg}\`, as in its package.json: the elements register with it.
 * @example \`VERSION // '${version}'\`
 */
export const VERSION = '${version}';
`;
}

const check = process.argv.includes('--check');
const stale = [];
for (const pkg of ELEMENT_PACKAGES) {
  const dir = join('packages', pkg);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = join(dir, 'src', 'version.ts');
  const want = versionSource(pkg, version);
  if (existsSync(file) && readFileSync(file, 'utf8') === want) continue;
  if (check) stale.push(`${file} (package.json says ${version})`);
  else { writeFileSync(file, want); console.log(`${file}: ${version}`); }
}
if (stale.length) {
  console.log(`stale element versions — run node scripts/versions.mjs:\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
