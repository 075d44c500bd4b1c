// The drop-in bundle of the dashboard (registration, elements, lit, its scales) stays within
// its budget: 25 KB minified and gzipped. Nothing else would notice a leak.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

test('src/define.ts bundled with lit is at most 25 KB min+gzip and pulls in neither zod nor immer', async () => {
  const pkg = fileURLToPath(new URL('..', import.meta.url));
  const r = await build({
    entryPoints: [`${pkg}src/define.ts`], bundle: true, minify: true, format: 'esm', write: false, metafile: true,
    conditions: ['source'], target: 'es2022', logLevel: 'silent', nodePaths: [`${pkg}node_modules`], outfile: 'out.js',
  });
  const gz = gzipSync(r.outputFiles[0].contents, { level: 9 }).length;
  assert.ok(gz <= 25 * 1024, `bundle is ${(gz / 1024).toFixed(1)} KB gzipped`);
  const inputs = Object.keys(r.metafile.inputs).join('\n');
  assert.doesNotMatch(inputs, /\/(zod|immer)\//);
  assert.doesNotMatch(inputs, /packages\/core\//);
});
