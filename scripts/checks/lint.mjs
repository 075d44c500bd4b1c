// Linting, zero warnings: ESLint (eslint.config.mjs: typescript-eslint type-checked, lit
// templates) over every package's src, tests and stories, bench/ and scripts/, and
// lit-analyzer over the element packages' templates (bindings against the elements' types).
//
// `node scripts/test.mjs lint` runs it as a step; `node scripts/checks/lint.mjs --report` lints
// everything, pending packages included, and prints the warnings per package by rule.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * TEMPORARY: packages being rewritten under #13 while the linter came in. Their warnings are
 * counted and printed, not failed on. The lead fixes them after merging and empties this list;
 * nothing else may be added to it. Empty since core became clean (#13): every package is linted.
 */
export const PENDING_LINT_FIXES = [];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const packages = readdirSync(join(root, 'packages')).filter((p) => existsSync(join(root, 'packages', p, 'package.json')));
/** Packages with lit elements: the ones lit-analyzer reads. */
const elementPackages = packages.filter((p) => {
  const pkg = JSON.parse(readFileSync(join(root, 'packages', p, 'package.json'), 'utf8'));
  return Boolean(pkg.dependencies?.lit);
});

const where = (file) => {
  const r = relative(root, file);
  const m = /^packages\/([^/]+)\//.exec(r);
  return m ? m[1] : r.split('/')[0];
};

/** ESLint over `targets` (all by default); returns { byPlace: { place: { rule: n } }, lines }. */
function eslint(targets, ignore = []) {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const out = join(root, '.tmp/eslint.json');
  const args = ['--format', 'json', '--output-file', out, ...ignore.flatMap((p) => ['--ignore-pattern', p]), ...targets];
  console.log(`\n▶ eslint ${args.join(' ')}`);
  const r = spawnSync(bin('eslint'), args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status === 2 || !existsSync(out)) return { failed: true, byPlace: {}, lines: [] };
  const byPlace = {};
  const lines = [];
  for (const f of JSON.parse(readFileSync(out, 'utf8'))) {
    for (const m of f.messages) {
      const rule = m.ruleId ?? 'parse-error';
      const place = where(f.filePath);
      byPlace[place] ??= {};
      byPlace[place][rule] = (byPlace[place][rule] ?? 0) + 1;
      lines.push(`${relative(root, f.filePath)}:${m.line}:${m.column} ${rule} ${m.message}`);
    }
  }
  return { failed: false, byPlace, lines };
}

/**
 * lit-analyzer 2.0.3 rules that are wrong for this code, each with its reason:
 * - no-incompatible-type-binding: it reads lit 3's `nothing` as an unknown symbol
 *   ("Symbol(undefined) is not assignable"), so every `attr=${c ? v : nothing}` fails; tsc
 *   still checks the bound values' types.
 * - no-invalid-css: its CSS data predates container queries and forced-color-adjust, and it
 *   parses a `css` fragment of declarations (interpolated into a rule) as a whole stylesheet.
 * - no-missing-import: elements are registered by their package's entry (define.ts), not by
 *   each file that renders them; the browser tests load the entries.
 */
const LIT_RULES_OFF = ['no-incompatible-type-binding', 'no-invalid-css', 'no-missing-import'];

/** lit-analyzer over the element packages' src; returns the problem count, or -1 if it did not run. */
function litAnalyzer(pkgs) {
  if (!pkgs.length) return 0;
  const args = [...pkgs.map((p) => `packages/${p}/src/**/*.ts`), '--strict', ...LIT_RULES_OFF.flatMap((r) => [`--rules.${r}`, 'off']), '--format', 'list', '--noColor', '--maxWarnings', '0'];
  console.log(`\n▶ lit-analyzer ${args.join(' ')}`);
  const r = spawnSync(bin('lit-analyzer'), args, { cwd: root, encoding: 'utf8' });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  if (/Found 0 problems/.test(r.stdout ?? '')) return 0;
  const m = /(\d+) problems? in/.exec(r.stdout ?? '');
  if (!m) return -1;
  return r.status === 0 ? 0 : Math.max(Number(m[1]), 1);
}

const summary = (rules) => Object.entries(rules).sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ');
const total = (rules) => Object.values(rules ?? {}).reduce((a, b) => a + b, 0);

export default async function lint() {
  const pending = PENDING_LINT_FIXES;
  const checked = packages.filter((p) => !pending.includes(p));
  const { failed, byPlace, lines } = eslint(['.'], pending.map((p) => `packages/${p}/**`));
  for (const l of lines) console.log(l);
  const places = [...checked, 'bench', 'scripts'];
  const results = [['eslint ran', !failed]];
  for (const p of places) results.push([`eslint: no warnings in ${p}`, !failed && total(byPlace[p]) === 0]);
  const other = Object.keys(byPlace).filter((p) => !places.includes(p));
  if (other.length) results.push([`eslint: no warnings in ${other.join(', ')}`, false]);
  const lit = litAnalyzer(elementPackages.filter((p) => !pending.includes(p)));
  results.push(['lit-analyzer ran with no problems in the element packages', lit === 0]);
  if (pending.length) console.log(`\nlint: not checked yet (PENDING_LINT_FIXES in scripts/checks/lint.mjs): ${pending.join(', ')}; \`node scripts/checks/lint.mjs --report\` counts their warnings`);
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--report')) {
    const { failed, byPlace } = eslint(['.']);
    if (failed) process.exit(2);
    console.log('\nESLint warnings per package, by rule:');
    for (const p of [...packages, 'bench', 'scripts']) console.log(`${p}: ${total(byPlace[p])}${total(byPlace[p]) ? ` (${summary(byPlace[p])})` : ''}`);
    if (!process.argv.includes('--no-lit')) console.log(`lit-analyzer, all element packages: ${litAnalyzer(elementPackages)} problems`);
  } else {
    const results = await lint();
    for (const [label, ok] of results) console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
    process.exitCode = results.every(([, ok]) => ok) ? 0 : 1;
  }
}
