// The drop-in bundles: self-contained ES modules (lit included) for pages without a bundler.
//   jiceng.js              registers every element
//   jc-<name>.js           one per component package, for pages that want less
//   jiceng-autoloader.js   imports a component's bundle when its tag first appears
//   jiceng-core.js         the core (commands, metrics) for pages that drive the elements
//   jiceng-putian.js       the Putian profile and generators
//   jiceng-portal.js       what the demo portal takes from the core and the Putian profile, tree-shaken
// Built from the packages' compiled dist (run `tsc -b` first). process.env.NODE_ENV is
// replaced at build time so no Node global reaches a portal.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import commonjs from '@rollup/plugin-commonjs';
import { existsSync } from 'node:fs';

const out = 'dist/bundle';
const plugins = () => [
  replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
  nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import', 'default'] }),
  commonjs(), // papaparse ships CommonJS only
  terser({ format: { comments: false }, ecma: 2022, module: true }),
];
const entries = {
  'jiceng': 'bundle/src/all.js',
  'jiceng-autoloader': 'bundle/src/autoloader.js',
  'jc-grid-tree': 'bundle/src/grid-tree.js',
  'jc-case-form': 'bundle/src/case-form.js',
  'jc-dashboard': 'bundle/src/dashboard.js',
  'jc-engagement': 'bundle/src/engagement.js',
  'jc-alerts': 'bundle/src/alerts.js',
  'jc-map': 'bundle/src/map.js',
  'jiceng-core': 'bundle/src/core.js',
  'jiceng-putian': 'bundle/src/putian.js',
  'jiceng-portal': 'bundle/src/portal.js',
};
export default Object.entries(entries)
  .filter(([, input]) => existsSync(input))
  .map(([name, input]) => ({
    input,
    output: { file: `${out}/${name}.js`, format: 'es', inlineDynamicImports: name !== 'jiceng-autoloader' },
    plugins: plugins(),
    onwarn(w, warn) { if (w.code === 'THIS_IS_UNDEFINED' || w.code === 'CIRCULAR_DEPENDENCY') return; warn(w); },
  }));
