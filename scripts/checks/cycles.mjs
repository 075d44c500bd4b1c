// No import cycles: builds the import graph of every package's src (relative imports, and
// `@jiceng/*` entries resolved through their package.json `exports` to the source file), then
// fails on any cycle between files and on any cycle between the modules of @jiceng/core (the
// folders of packages/core/src; a file directly in src/ is a module of its own).
// Every import counts, `import type` too (as madge counts them): a type-only cycle is no
// runtime hazard but is still two modules that cannot be understood apart.
// `node scripts/checks/cycles.mjs` prints the cycles; `node scripts/test.mjs cycles` runs it as a step.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rel = (f) => relative(root, f);

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** `@jiceng/<pkg>[/<sub>]` → the source file its `exports` entry names, or null. */
function resolvePackage(spec) {
  const m = /^@jiceng\/([^/]+)(\/.*)?$/.exec(spec);
  if (!m) return null;
  const dir = join(root, 'packages', m[1]);
  if (!existsSync(join(dir, 'package.json'))) return null;
  const entry = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).exports?.[`.${m[2] ?? ''}`];
  const source = typeof entry === 'object' ? entry.source : null;
  return source ? join(dir, source) : null;
}

function resolveRelative(from, spec) {
  const base = resolve(dirname(from), spec);
  const stem = base.replace(/\.(m?js|tsx?)$/, '');
  for (const c of [`${stem}.ts`, `${stem}.tsx`, join(base, 'index.ts')]) if (existsSync(c)) return c;
  return null;
}

/** Module specifiers of a file's static imports and re-exports, with whether each is type-only. */
function importsOf(file) {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out = [];
  for (const s of sf.statements) {
    if ((ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) {
      const typeOnly = ts.isImportDeclaration(s) ? Boolean(s.importClause?.isTypeOnly) : s.isTypeOnly;
      out.push({ spec: s.moduleSpecifier.text, typeOnly });
    }
  }
  return out;
}

/**
 * The import graph of every package's src: file → [{ to, typeOnly }].
 * @returns {Map<string, { to: string, typeOnly: boolean }[]>}
 */
export function importGraph() {
  const graph = new Map();
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const src = join(root, 'packages', pkg, 'src');
    if (!existsSync(src)) continue;
    for (const file of walk(src)) {
      const edges = [];
      for (const { spec, typeOnly } of importsOf(file)) {
        const to = spec.startsWith('.') ? resolveRelative(file, spec) : resolvePackage(spec);
        if (to) edges.push({ to, typeOnly });
      }
      graph.set(file, edges);
    }
  }
  return graph;
}

/** Strongly connected components with more than one member, or one that imports itself (Tarjan). */
export function cyclesOf(graph) {
  let index = 0;
  const idx = new Map(), low = new Map(), onStack = new Set(), stack = [], out = [];
  const visit = (v) => {
    idx.set(v, index); low.set(v, index); index++;
    stack.push(v); onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do { w = stack.pop(); onStack.delete(w); scc.push(w); } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

/** One cycle through `scc` as a path a reader can follow: a → b → … → a. */
function pathThrough(scc, graph) {
  const inScc = new Set(scc);
  const start = scc[0];
  const prev = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of graph.get(v) ?? []) {
      if (!inScc.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let x = v; x !== start; x = prev.get(x)) path.splice(1, 0, x);
        return [...path, start];
      }
      if (!prev.has(w)) { prev.set(w, v); queue.push(w); }
    }
  }
  return [...scc, start];
}

const coreSrc = join(root, 'packages/core/src');
const coreModule = (f) => {
  const r = relative(coreSrc, f).split('/');
  return r.length > 1 ? r[0] : r[0].replace(/\.tsx?$/, '');
};

/** The cycles, between files (per package) and between core modules, as printable lines. */
export function findCycles() {
  const graph = importGraph();
  const files = new Map([...graph].map(([f, edges]) => [f, [...new Set(edges.map((e) => e.to))]]));
  const runtime = new Map([...graph].map(([f, edges]) => [f, [...new Set(edges.filter((e) => !e.typeOnly).map((e) => e.to))]]));
  const runtimeCycles = new Set(cyclesOf(runtime).flat());
  const fileCycles = cyclesOf(files).map((scc) => ({
    package: rel(scc[0]).split('/')[1],
    files: scc.map(rel),
    path: pathThrough(scc, files).map(rel),
    runtime: scc.some((f) => runtimeCycles.has(f)),
  }));
  const modules = new Map();
  for (const [f, tos] of files) {
    if (!f.startsWith(coreSrc + '/')) continue;
    const m = coreModule(f);
    if (!modules.has(m)) modules.set(m, new Set());
    for (const t of tos) if (t.startsWith(coreSrc + '/') && coreModule(t) !== m) modules.get(m).add(coreModule(t));
  }
  const moduleGraph = new Map([...modules].map(([m, s]) => [m, [...s]]));
  // Which files make each module edge, so the report says where to cut.
  const why = (a, b) => [...files].filter(([f]) => f.startsWith(coreSrc + '/') && coreModule(f) === a)
    .flatMap(([f, tos]) => tos.filter((t) => t.startsWith(coreSrc + '/') && coreModule(t) === b).map((t) => `${rel(f)} → ${rel(t)}`));
  const moduleCycles = cyclesOf(moduleGraph).map((scc) => {
    const path = pathThrough(scc, moduleGraph);
    return { modules: scc, path, edges: path.slice(1).map((b, i) => ({ from: path[i], to: b, files: why(path[i], b) })) };
  });
  return { fileCycles, moduleCycles, files: graph.size };
}

function print({ fileCycles, moduleCycles, files }) {
  console.log(`import graph: ${files} source files`);
  for (const c of moduleCycles) {
    console.log(`core module cycle: ${c.path.join(' → ')}`);
    for (const e of c.edges) console.log(`  ${e.from} → ${e.to}: ${e.files.slice(0, 5).join('; ')}${e.files.length > 5 ? `; … ${e.files.length - 5} more` : ''}`);
  }
  for (const c of fileCycles) {
    console.log(`file cycle in ${c.package} (${c.files.length} files${c.runtime ? '' : ', type-only imports'}): ${c.path.join(' → ')}`);
  }
}

export default async function cycles() {
  const found = findCycles();
  print(found);
  const byPackage = {};
  for (const c of found.fileCycles) byPackage[c.package] = (byPackage[c.package] ?? 0) + 1;
  const packages = readdirSync(join(root, 'packages')).filter((p) => existsSync(join(root, 'packages', p, 'src')));
  return [
    ['no cycle between core modules', found.moduleCycles.length === 0],
    ...packages.map((p) => [`no import cycle between files of ${p}`, !byPackage[p]]),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await cycles();
  for (const [label, ok] of results) if (!ok) console.log(`FAIL ${label}`);
  process.exitCode = results.every(([, ok]) => ok) ? 0 : 1;
}
