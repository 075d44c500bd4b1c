// Bundles the Vue example with esbuild into dist/main.js (Vue's build with the template compiler).
import { build } from 'esbuild';
import { createRequire } from 'node:module';

const vue = createRequire(import.meta.url).resolve('vue/dist/vue.esm-bundler.js');
await build({
  entryPoints: [new URL('./src/main.ts', import.meta.url).pathname],
  bundle: true, format: 'esm', outfile: new URL('./dist/main.js', import.meta.url).pathname, minify: true,
  alias: { vue },
  define: { 'process.env.NODE_ENV': '"production"', __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  logLevel: 'warning',
});
