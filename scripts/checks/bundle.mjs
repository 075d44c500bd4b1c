// Builds the drop-in bundles and holds them to their size ceilings; checks that none leaks a
// Node global (process, require, Buffer) or reaches the network on its own.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export default async function ({ run }) {
  const results = [];
  const r = run('node_modules/.bin/rollup', ['-c', 'bundle/rollup.config.mjs', '--silent']);
  results.push(['rollup builds every bundle', r.status === 0]);
  if (r.status !== 0) return results;
  const ceilings = JSON.parse(readFileSync('bundle/ceilings.json', 'utf8'));
  const sizes = {};
  for (const [file, ceiling] of Object.entries(ceilings)) {
    if (file.startsWith('$')) continue;
    const path = `dist/bundle/${file}`;
    if (!existsSync(path)) { results.push([`${file} exists`, false]); continue; }
    const src = readFileSync(path);
    const gz = gzipSync(src, { level: 9 }).length;
    sizes[file] = { min: src.length, gzip: gz, ceiling };
    console.log(`${file.padEnd(24)} ${(src.length / 1024).toFixed(1).padStart(7)} KB min  ${(gz / 1024).toFixed(1).padStart(6)} KB gzip  (ceiling ${(ceiling / 1024).toFixed(0)} KB)`);
    results.push([`${file} ≤ ${(ceiling / 1024).toFixed(0)} KB gzip (is ${(gz / 1024).toFixed(1)} KB)`, gz <= ceiling]);
    const text = src.toString('utf8');
    const leaks = [/\bprocess\.env\b/, /\brequire\(/, /\bBuffer\./, /\bfetch\(/, /XMLHttpRequest/, /WebSocket/].filter((re) => re.test(text));
    results.push([`${file} has no Node globals and no network calls${leaks.length ? ` (found ${leaks.join(', ')})` : ''}`, leaks.length === 0]);
    // zod's JSON Schema generator is left out (bundle/rollup.config.mjs): its draft URL would show it back
    if (text.includes('safeParse')) results.push([`${file} carries zod without its JSON Schema generator`, !text.includes('json-schema.org/draft')]);
  }
  writeFileSync('dist/bundle/sizes.json', JSON.stringify(sizes, null, 2));
  return results;
}
