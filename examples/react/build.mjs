// Bundles the React example (TSX) with esbuild into dist/main.js.
import { build } from 'esbuild';
await build({
  entryPoints: [new URL('./src/main.tsx', import.meta.url).pathname],
  bundle: true, format: 'esm', outfile: new URL('./dist/main.js', import.meta.url).pathname,
  jsx: 'automatic', minify: true, define: { 'process.env.NODE_ENV': '"production"' },
  tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  logLevel: 'warning',
});
