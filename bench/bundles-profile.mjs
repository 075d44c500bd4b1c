// The bundles' profile: what rides along in each drop-in bundle. Builds the named bundles with
// the shipped rollup config (bundle/rollup.config.mjs, so tree-shaking and terser are the
// same) and, per package, the bytes each contributes to the output — every module's rendered
// (tree-shaken) code minified on its own with esbuild, so the shares add up to about the
// minified total — and writes bench/results/bundles-profile.md.
// Run (after `tsc -b`): node bench/bundles-profile.mjs [jc-grid-tree jc-dashboard jc-case-form jiceng]
import { rollup } from 'rollup';
import { transform } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import configs from '../bundle/rollup.config.mjs';

const names = process.argv.slice(2).length ? process.argv.slice(2) : ['jc-grid-tree', 'jc-dashboard', 'jc-case-form', 'jiceng'];
const ceilings = JSON.parse(readFileSync('bundle/ceilings.json', 'utf8'));
const kb = (n) => (n / 1024).toFixed(1);
const pkgOf = (id) => {
  const m = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(id);
  if (m) return [m[1], m[2]];
  const p = /packages\/([^/]+)\/(?:dist|src)\/(.*)$/.exec(id);
  if (p) return [`@jiceng/${p[1]}`, p[2]];
  return ['(entry)', id.split('/').pop()];
};
const lines = [
  '# Bundle profile: what rides along in each drop-in bundle',
  '',
  `Command: \`node bench/bundles-profile.mjs ${names.join(' ')}\` (after \`tsc -b\`), the shipped rollup config (node-resolve with the browser conditions, terser).`,
  `Machine: ${os.cpus()[0]?.model ?? '?'}, ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}.`,
  'Per package: its modules\' rendered (tree-shaken) code minified one module at a time with esbuild — an estimate of its share of the minified bundle (the shares add up to about the whole); min+gzip is of the real bundle.',
  '',
];
for (const name of names) {
  const cfg = configs.find((c) => c.output.file.endsWith(`/${name}.js`));
  if (!cfg) throw new Error(`no bundle ${name}`);
  const t0 = performance.now();
  const b = await rollup({ input: cfg.input, plugins: cfg.plugins, onwarn: cfg.onwarn });
  const { output } = await b.generate({ ...cfg.output, file: undefined, dir: undefined });
  await b.close();
  const chunk = output[0];
  const min = Buffer.byteLength(chunk.code), gz = gzipSync(chunk.code, { level: 9 }).length;
  const byPkg = new Map(), byFile = [];
  for (const [id, m] of Object.entries(chunk.modules)) {
    if (!m.code) continue;
    const out = (await transform(m.code, { minify: true, format: 'esm', target: 'es2022', loader: 'js' }).catch(() => ({ code: m.code }))).code;
    const [pkg, file] = pkgOf(id);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + out.length);
    byFile.push([`${pkg}/${file}`, out.length]);
  }
  const sum = [...byPkg.values()].reduce((a, v) => a + v, 0);
  lines.push(`## ${name}.js: ${kb(min)} KB min, **${kb(gz)} KB min+gzip** (ceiling ${kb(ceilings[`${name}.js`] ?? 0)} KB); built in ${((performance.now() - t0) / 1000).toFixed(1)} s`, '');
  lines.push('| package | KB min (est.) | share |', '|---|---|---|');
  for (const [p, n] of [...byPkg].sort((a, b) => b[1] - a[1])) lines.push(`| ${p} | ${kb(n)} | ${(100 * n / sum).toFixed(0)} % |`);
  lines.push('', `<details><summary>largest modules of ${name}.js</summary>`, '', '| module | KB min (est.) |', '|---|---|');
  for (const [f, n] of byFile.sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`| ${f} | ${kb(n)} |`);
  lines.push('', '</details>', '');
  console.log(`${name}.js ${kb(min)} KB min ${kb(gz)} KB gzip`);
}
mkdirSync('bench/results', { recursive: true });
const file = process.env.OUT ?? 'bench/results/bundles-profile.md';
writeFileSync(file, lines.join('\n'));
console.log(`wrote ${file}`);
