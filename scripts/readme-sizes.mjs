// Writes the bundle-size table into README.md from dist/bundle/sizes.json (made by the bundle
// check in `pnpm test`), between the sizes markers.
import { readFileSync, writeFileSync } from 'node:fs';

const sizes = JSON.parse(readFileSync('dist/bundle/sizes.json', 'utf8'));
const what = {
  'jiceng.js': 'every element',
  'jc-grid-tree.js': '`<jc-grid-tree>`',
  'jc-case-form.js': '`<jc-case-intake>`, `<jc-case-actions>`, `<jc-case-file>` (with the core\'s schemas and rules)',
  'jc-dashboard.js': '`<jc-dashboard>` and its charts',
  'jc-engagement.js': '`<jc-service-board>`, `<jc-ledger>`',
  'jc-alerts.js': '`<jc-alerts>`, `<jc-dispatch-board>`',
  'jc-map.js': '`<jc-map>` (not in jiceng.js: loaded on its own)',
  'jiceng-autoloader.js': 'loads a component when its tag appears',
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = Object.entries(sizes).map(([f, s]) => `| \`${f}\` | ${what[f] ?? ''} | ${kb(s.gzip)} | ${kb(s.ceiling)} |`);
const table = ['| file | registers | min+gzip | ceiling |', '|---|---|---|---|', ...rows].join('\n');
const readme = readFileSync('README.md', 'utf8');
const out = readme.replace(/(<!-- sizes:[^\n]*-->\n)[\s\S]*?(<!-- \/sizes -->)/, `$1${table}\n$2`);
writeFileSync('README.md', out);
console.log(table);
