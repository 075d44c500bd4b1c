// Writes each package's CHANGELOG.md "Unreleased" section from the pending changesets in
// .changeset/. `pnpm changeset version` later turns the same changesets into the released
// version's section and deletes them; until then this keeps every package's changelog true.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';

const pending = new Map();
for (const f of readdirSync('.changeset').filter((x) => x.endsWith('.md') && x !== 'README.md').sort()) {
  const text = readFileSync(`.changeset/${f}`, 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) continue;
  const summary = m[2].trim().replace(/\n+/g, ' ');
  for (const line of m[1].split('\n')) {
    const pm = /^"?(@jiceng\/[a-z-]+)"?:\s*(major|minor|patch)/.exec(line.trim());
    if (!pm) continue;
    if (!pending.has(pm[1])) pending.set(pm[1], { minor: [], patch: [], major: [] });
    pending.get(pm[1])[pm[2]].push(summary);
  }
}
for (const dir of readdirSync('packages')) {
  const pkg = JSON.parse(readFileSync(`packages/${dir}/package.json`, 'utf8'));
  const p = pending.get(pkg.name) ?? { minor: [], patch: [], major: [] };
  const section = (title, items) => (items.length ? `### ${title}\n\n${items.map((s) => `- ${s}`).join('\n')}\n\n` : '');
  const file = `packages/${dir}/CHANGELOG.md`;
  const released = existsSync(file) ? readFileSync(file, 'utf8').split(/\n(?=## \d)/).slice(1).join('\n') : '';
  writeFileSync(file, `# ${pkg.name}\n\n## Unreleased (${pkg.version})\n\n${section('Major changes', p.major)}${section('Minor changes', p.minor)}${section('Patch changes', p.patch)}${released}`.trimEnd() + '\n');
}
console.log('changelogs written for', readdirSync('packages').length, 'packages');
