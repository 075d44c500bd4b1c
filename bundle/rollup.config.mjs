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
import { existsSync, readFileSync } from 'node:fs';

const out = 'dist/bundle';

/**
 * zod's JSON Schema generation, left out of the drop-in bundles. Classic zod's schemas carry a
 * `toJSONSchema()` method and a JSON Schema processor per type, so the generator (about 17 KB
 * min, 5 KB gzip) rides along with any schema however little is used. No element needs it (the
 * server's OpenAPI document is built in Node from the npm packages, which keep all of zod).
 * Here its three modules become stubs with the same names: making the methods still works
 * (`schema['~standard']` reads them lazily), calling one throws and says why.
 */
function zodWithoutJsonSchema() {
  const MODULE = /[\\/]zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema|json-schema-generator)\.js$/;
  const PREFIX = '\0jiceng-zod-stub:';
  return {
    name: 'jiceng-zod-without-json-schema',
    async resolveId(source, importer, options) {
      if (!importer || !/(json-schema-processors|to-json-schema|json-schema-generator)\.js$/.test(source)) return null;
      const r = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!r || !MODULE.test(r.id)) return null;
      return r.id.startsWith(PREFIX) ? r.id : PREFIX + r.id;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const real = readFileSync(id.slice(PREFIX.length), 'utf8');
      const names = new Set([...real.matchAll(/^export (?:const|let|function\*?|async function|class) ([\w$]+)/gm)].map((m) => m[1]));
      for (const m of real.matchAll(/^export \{([^}]*)\}/gm)) for (const part of m[1].split(',')) { const n = part.trim().split(/\s+as\s+/).pop(); if (n) names.add(n); }
      const fail = 'function fail() { throw new Error("JSON Schema generation is not in the Jiceng drop-in bundles: import zod from npm to use toJSONSchema"); }';
      return `${fail}\n${[...names].map((n) => `export const ${n} = () => fail;`).join('\n')}\n`;
    },
  };
}

/**
 * The elements' `css` templates without their comments and source indentation: every run of
 * white space that holds a line break becomes one line break (CSS reads any white space as
 * one; a CSS string cannot hold a raw line break, so none is changed). Only the packages'
 * compiled modules, and only `css` templates — `html` ones keep their white space.
 */
function minifyCssTemplates() {
  return {
    name: 'jiceng-minify-css-templates',
    transform(code, id) {
      if (!/[\\/]packages[\\/][^\\/]+[\\/]dist[\\/].+\.js$/.test(id) || !/\bcss\s*`/.test(code)) return null;
      return { code: code.replace(/\bcss\s*`((?:[^`\\]|\\[\s\S])*)`/g, (_, body) => `css\`${body.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\s*\n\s*/g, '\n').trim()}\``), map: null };
    },
  };
}

const plugins = () => [
  zodWithoutJsonSchema(),
  minifyCssTemplates(),
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
