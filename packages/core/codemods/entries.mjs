#!/usr/bin/env node
// Rewrites a project's imports of @jiceng/core for the entry points of 0.x → the next major:
// every `import { … } from '@jiceng/core'` (and `export { … } from`) is split by the entry
// that now exports each name, and renamed names get their new name (kept under the old local
// name, so the rest of the file is unchanged: `import { evolveCase as evolve } …`).
//
//   node node_modules/@jiceng/core/codemods/entries.mjs src/a.ts src/b.tsx docs/guide.md
//
// Which entry exports which name is read from this package's own type declarations (its
// `exports` map), so the codemod is always in step with the package it ships in. It needs the
// `typescript` package where it runs (a TypeScript project has it). Files are rewritten in
// place; for Markdown, HTML and Vue files only one-line import statements are rewritten.
// `--check` rewrites nothing and exits with 1 if a file would change.
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Names renamed in the split: old name → [new name, entry]. */
export const RENAMED = {
  evolve: ['evolveCase', 'cases'],
  applyEvent: ['applyCase', 'cases'],
  decide: ['decideCase', 'cases'],
  decideTyped: ['decideCaseTyped', 'cases'],
  reduceLists: ['evolveLists', 'lists'],
  applyListEvent: ['evolveListsChecked', 'lists'],
  reduceFunding: ['applyFunding', 'lists'],
  applyRegistryEvent: ['evolveRegistry', 'registry'],
  Deadline: ['RegistryDeadline', 'registry'],
  applyEngagementEvent: ['applyEngagement', 'engagement'],
  applyCaseEvent: ['applyMetrics', 'metrics'],
  CST_OFFSET_MS: ['CHINA_UTC_OFFSET_MS', 'calendar'],
  SHANGHAI_OFFSET_MS: ['CHINA_UTC_OFFSET_MS', 'calendar'],
};

const PKG = '@jiceng/core';

/**
 * The names each entry of the package at `pkgDir` exports (from its type declarations).
 * @param {string} pkgDir
 * @param {typeof import('typescript')} ts
 * @returns {Map<string, string>} name → entry subpath ('' for the root)
 */
export function entryMap(pkgDir, ts) {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const files = [];
  for (const [sub, spec] of Object.entries(pkg.exports ?? {})) {
    const file = typeof spec === 'string' ? spec : spec.types ?? spec.source;
    if (!file || !/\.(d\.)?ts$/.test(file)) continue;
    files.push([sub === '.' ? '' : sub.slice(2), join(pkgDir, file)]);
  }
  const program = ts.createProgram(files.map(([, f]) => f), { noEmit: true, skipLibCheck: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
  const checker = program.getTypeChecker();
  const map = new Map();
  // the root first: a name the root still exports stays there
  for (const [entry, file] of files.sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))) {
    const sf = program.getSourceFile(file);
    const sym = sf && checker.getSymbolAtLocation(sf);
    if (!sym) throw new Error(`${PKG}: cannot read the declarations of ${file} (run the build first?)`);
    for (const e of checker.getExportsOfModule(sym)) if (!map.has(e.name)) map.set(e.name, entry);
  }
  return map;
}

/**
 * Rewrites the imports of `@jiceng/core` in one TypeScript/JavaScript text.
 * @param {string} text
 * @param {string} fileName
 * @param {Map<string, string>} map name → entry
 * @param {typeof import('typescript')} ts
 * @returns {{ text: string, edits: number, unknown: string[] }}
 */
export function rewrite(text, fileName, map, ts) {
  const kind = /\.[cm]?jsx?$/.test(fileName) ? (fileName.endsWith('x') ? ts.ScriptKind.JSX : ts.ScriptKind.JS) : fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const edits = [];
  const unknown = [];
  for (const st of sf.statements) {
    const isImport = ts.isImportDeclaration(st), isExport = ts.isExportDeclaration(st);
    if (!isImport && !isExport) continue;
    if (!st.moduleSpecifier || !ts.isStringLiteral(st.moduleSpecifier) || st.moduleSpecifier.text !== PKG) continue;
    let specs, typeOnly;
    if (isImport) {
      const c = st.importClause;
      if (!c || c.name || !c.namedBindings || !ts.isNamedImports(c.namedBindings)) continue; // `import * as core`: left as it is
      specs = c.namedBindings.elements;
      typeOnly = c.isTypeOnly;
    } else {
      if (!st.exportClause || !ts.isNamedExports(st.exportClause)) continue;
      specs = st.exportClause.elements;
      typeOnly = st.isTypeOnly;
    }
    const quote = st.moduleSpecifier.getText(sf)[0];
    const groups = new Map();
    let changed = false;
    for (const s of specs) {
      const imported = (s.propertyName ?? s.name).text;
      const local = s.name.text;
      // the old root's meaning wins: its `Deadline` was the registry's (the calendar has another)
      const renamed = Object.hasOwn(RENAMED, imported) ? RENAMED[imported] : undefined;
      const name = renamed ? renamed[0] : imported;
      const entry = renamed ? renamed[1] : map.get(name);
      if (entry === undefined) unknown.push(imported);
      const spec = `${s.isTypeOnly ? 'type ' : ''}${name === local ? name : `${name} as ${local}`}`;
      const target = entry ? `${PKG}/${entry}` : PKG;
      if (target !== PKG || renamed) changed = true;
      (groups.get(target) ?? groups.set(target, []).get(target)).push(spec);
    }
    if (!changed) continue;
    const keyword = isImport ? 'import' : 'export';
    const lineStart = text.lastIndexOf('\n', st.getStart(sf)) + 1;
    const indent = /^\s*/.exec(text.slice(lineStart, st.getStart(sf)))[0];
    const out = [...groups].sort(([a], [b]) => a.localeCompare(b))
      .map(([target, names]) => `${keyword} ${typeOnly ? 'type ' : ''}{ ${names.join(', ')} } from ${quote}${target}${quote};`);
    edits.push([st.getStart(sf), st.getEnd(), out.join(`\n${indent}`)]);
  }
  for (const [s, e, r] of edits.reverse()) text = text.slice(0, s) + r + text.slice(e);
  return { text, edits: edits.length, unknown };
}

/**
 * Rewrites one file's text: TypeScript/JavaScript whole, Markdown/HTML/Vue one-line imports.
 * @param {string} text
 * @param {string} file
 * @param {Map<string, string>} map
 * @param {typeof import('typescript')} ts
 */
export function rewriteFile(text, file, map, ts) {
  if (!/\.(md|html|vue)$/.test(file)) return rewrite(text, file, map, ts);
  let edits = 0;
  const unknown = [];
  const out = text.replace(/^([ \t]*)((?:import|export)\s+(?:type\s+)?\{[^}\n]*\}\s+from\s+(['"])@jiceng\/core\3;?)/gm, (_, indent, stmt) => {
    const r = rewrite(stmt, `${file}.ts`, map, ts);
    edits += r.edits;
    unknown.push(...r.unknown);
    return indent + r.text.split('\n').join(`\n${indent}`);
  });
  return { text: out, edits, unknown };
}

async function main(argv) {
  const check = argv.includes('--check');
  const files = argv.filter((a) => a !== '--check');
  if (!files.length) {
    console.error('usage: node node_modules/@jiceng/core/codemods/entries.mjs [--check] <file>…');
    return 2;
  }
  let ts;
  try {
    ts = createRequire(join(process.cwd(), 'package.json'))('typescript');
  } catch {
    console.error('the codemod needs the `typescript` package: npm install -D typescript');
    return 2;
  }
  const map = entryMap(join(dirname(fileURLToPath(import.meta.url)), '..'), ts);
  let changed = 0;
  const unknown = new Set();
  for (const f of files) {
    const before = readFileSync(f, 'utf8');
    const r = rewriteFile(before, f, map, ts);
    r.unknown.forEach((n) => unknown.add(n));
    if (r.edits && r.text !== before) {
      changed++;
      if (!check) writeFileSync(f, r.text);
      console.log(`${check ? 'would rewrite' : 'rewrote'} ${f} (${r.edits} statement${r.edits === 1 ? '' : 's'})`);
    }
  }
  if (unknown.size) console.error(`not exported by any entry (removed, see the changelog): ${[...unknown].sort().join(', ')}`);
  console.log(`${changed} file${changed === 1 ? '' : 's'} ${check ? 'would change' : 'changed'}`);
  return check && changed ? 1 : 0;
}

// run as a script (through a package manager's symlink too), not when imported
if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) process.exitCode = await main(process.argv.slice(2));
