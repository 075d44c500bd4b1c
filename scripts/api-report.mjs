// The public surface of every package, one report per entry point of its package.json
// `exports`: api/<package>.api.md for ".", api/<package>.<entry>.api.md for "./<entry>". Each
// exported name with its kind and its signature (declarations printed without bodies, private
// members or comments; inferred types spelled out), read with the TypeScript compiler API from
// the source the `source` condition names (or the `types` file of a types-only entry).
//
//   pnpm api                          write the reports (after a deliberate change of surface)
//   node scripts/api-report.mjs       say which reports differ from the source, exit 1 if any
//
// The `api` step of scripts/test.mjs fails while a report is out of date.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const API_DIR = join(root, 'api');
export const REGENERATE = 'pnpm api';

/** Every public entry point: { pkg, name, entry, file, report }. */
export function entryPoints() {
  const out = [];
  for (const dir of readdirSync(join(root, 'packages')).sort()) {
    const pj = join(root, 'packages', dir, 'package.json');
    if (!existsSync(pj)) continue;
    const pkg = JSON.parse(readFileSync(pj, 'utf8'));
    if (pkg.private) continue;
    for (const [key, target] of Object.entries(pkg.exports ?? {})) {
      if (key.includes('*') || key.endsWith('.json')) continue;
      const rel = typeof target === 'string' ? target : (target.source ?? target.types);
      if (!rel || !/\.(ts|tsx)$/.test(rel)) continue;
      const sub = key === '.' ? '' : key.slice(2);
      out.push({
        pkg: dir,
        name: sub ? `${pkg.name}/${sub}` : pkg.name,
        file: join(root, 'packages', dir, rel),
        report: `${dir}${sub ? `.${sub.replaceAll('/', '.')}` : ''}.api.md`,
      });
    }
  }
  return out;
}

const FLAGS = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope | ts.TypeFormatFlags.WriteArrowStyleSignature;
const NODE_FLAGS = ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.UseAliasDefinedOutsideCurrentScope | ts.NodeBuilderFlags.IgnoreErrors;

function kindsOf(symbol) {
  const f = symbol.flags;
  const kinds = [];
  if (f & ts.SymbolFlags.Class) kinds.push('class');
  else if (f & ts.SymbolFlags.Function) kinds.push('function');
  else if (f & ts.SymbolFlags.Variable) kinds.push('variable');
  if (f & ts.SymbolFlags.Interface && !(f & ts.SymbolFlags.Class)) kinds.push('interface');
  if (f & ts.SymbolFlags.TypeAlias) kinds.push('type');
  if (f & ts.SymbolFlags.Enum) kinds.push('enum');
  if (f & (ts.SymbolFlags.ValueModule | ts.SymbolFlags.NamespaceModule) && !(f & ts.SymbolFlags.Enum)) kinds.push('namespace');
  return kinds.length ? kinds : ['unknown'];
}

const isPrivate = (m) => {
  if (m.name && ts.isPrivateIdentifier(m.name)) return true;
  const mods = ts.canHaveModifiers(m) ? ts.getModifiers(m) ?? [] : [];
  return mods.some((x) => x.kind === ts.SyntaxKind.PrivateKeyword) || ts.getJSDocTags(m).some((t) => t.tagName.text === 'internal');
};

/** A class with bodies, initializers and private members taken out, inferred types written in. */
function classShape(decl, checker, f) {
  const members = [];
  for (const m of decl.members) {
    if (isPrivate(m) || ts.isClassStaticBlockDeclaration(m) || ts.isSemicolonClassElement(m)) continue;
    const mods = ts.canHaveModifiers(m) ? ts.getModifiers(m) : undefined;
    const decorators = ts.canHaveDecorators(m) ? ts.getDecorators(m) ?? [] : [];
    const all = [...decorators, ...(mods ?? [])];
    if (ts.isPropertyDeclaration(m)) {
      const type = m.type ?? checker.typeToTypeNode(checker.getTypeAtLocation(m), decl, NODE_FLAGS);
      members.push(f.createPropertyDeclaration(all, m.name, m.questionToken ?? m.exclamationToken, type, undefined));
    } else if (ts.isMethodDeclaration(m)) {
      const sig = checker.getSignatureFromDeclaration(m);
      const type = m.type ?? (sig ? checker.typeToTypeNode(checker.getReturnTypeOfSignature(sig), decl, NODE_FLAGS) : undefined);
      members.push(f.createMethodDeclaration(all, m.asteriskToken, m.name, m.questionToken, m.typeParameters, m.parameters.map((p) => paramShape(p, checker, f, decl)), type, undefined));
    } else if (ts.isConstructorDeclaration(m)) {
      // Parameter properties are members: keep their modifiers, drop private ones' names' bodies.
      members.push(f.createConstructorDeclaration(mods, m.parameters.map((p) => paramShape(p, checker, f, decl)), undefined));
    } else if (ts.isGetAccessorDeclaration(m)) {
      const sig = checker.getSignatureFromDeclaration(m);
      const type = m.type ?? (sig ? checker.typeToTypeNode(checker.getReturnTypeOfSignature(sig), decl, NODE_FLAGS) : undefined);
      members.push(f.createGetAccessorDeclaration(all, m.name, [], type, undefined));
    } else if (ts.isSetAccessorDeclaration(m)) {
      members.push(f.createSetAccessorDeclaration(all, m.name, m.parameters.map((p) => paramShape(p, checker, f, decl)), undefined));
    } else if (ts.isIndexSignatureDeclaration(m)) {
      members.push(m);
    }
  }
  const mods = (ts.getModifiers(decl) ?? []).filter((x) => x.kind !== ts.SyntaxKind.ExportKeyword && x.kind !== ts.SyntaxKind.DefaultKeyword);
  return f.createClassDeclaration([...(ts.getDecorators(decl) ?? []), ...mods], decl.name, decl.typeParameters, decl.heritageClauses, members);
}

function paramShape(p, checker, f, ctx) {
  const type = p.type ?? checker.typeToTypeNode(checker.getTypeAtLocation(p), ctx, NODE_FLAGS);
  // A defaulted parameter is optional to the caller.
  const question = p.questionToken ?? (p.initializer && !p.dotDotDotToken ? f.createToken(ts.SyntaxKind.QuestionToken) : undefined);
  const mods = ts.getModifiers(p)?.filter((x) => x.kind !== ts.SyntaxKind.PrivateKeyword);
  return f.createParameterDeclaration(mods, p.dotDotDotToken, p.name, question, type, undefined);
}

function stripExport(node, f) {
  const keep = (mods) => mods?.filter((x) => x.kind !== ts.SyntaxKind.ExportKeyword && x.kind !== ts.SyntaxKind.DefaultKeyword && x.kind !== ts.SyntaxKind.DeclareKeyword);
  if (ts.isInterfaceDeclaration(node)) return f.updateInterfaceDeclaration(node, keep(node.modifiers), node.name, node.typeParameters, node.heritageClauses, node.members);
  if (ts.isTypeAliasDeclaration(node)) return f.updateTypeAliasDeclaration(node, keep(node.modifiers), node.name, node.typeParameters, node.type);
  if (ts.isEnumDeclaration(node)) return f.updateEnumDeclaration(node, keep(node.modifiers), node.name, node.members);
  return node;
}

/** The report text of one entry point. */
function report(entry, program, checker, printer) {
  const sf = program.getSourceFile(entry.file);
  const lines = [
    `# \`${entry.name}\``,
    '',
    `The public surface of \`${entry.name}\` (${relative(root, entry.file)}): every exported name, its kind and signature.`,
    `Generated by \`${REGENERATE}\` (scripts/api-report.mjs); do not edit. A change here is a change of the package's API.`,
    '',
  ];
  const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
  const exports = moduleSymbol ? checker.getExportsOfModule(moduleSymbol).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) : [];
  if (!exports.length && sf?.isDeclarationFile) {
    // A types-only entry that augments other modules (JSX for React, Vue's components): its text is its surface.
    return [...lines, 'No exports; the declarations it adds:', '', '```ts', printer.printFile(sf).trimEnd(), '```', ''].join('\n');
  }
  lines.push(`${exports.length} exports.`, '');
  const f = ts.factory;
  for (const exp of exports) {
    const symbol = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
    const kinds = kindsOf(symbol);
    const from = symbol.declarations?.[0]?.getSourceFile();
    const where = from && !from.fileName.startsWith(join(root, 'packages')) ? ` (from ${from.fileName.replace(/.*node_modules\//, '').replace(/\/[^/]*$/, '')})` : '';
    lines.push(`## ${exp.name} — ${kinds.join(', ')}${where}`, '', '```ts');
    const body = [];
    for (const kind of kinds) {
      if (kind === 'function') {
        const type = checker.getTypeOfSymbol(symbol);
        for (const sig of type.getCallSignatures()) body.push(`function ${exp.name}${checker.signatureToString(sig, undefined, FLAGS & ~ts.TypeFormatFlags.WriteArrowStyleSignature)};`);
      } else if (kind === 'variable') {
        const decl = symbol.valueDeclaration;
        const isConst = decl && ts.isVariableDeclaration(decl) && (ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const);
        const type = decl && ts.isVariableDeclaration(decl) && decl.type
          ? printer.printNode(ts.EmitHint.Unspecified, decl.type, decl.getSourceFile())
          : checker.typeToString(checker.getTypeOfSymbol(symbol), undefined, FLAGS);
        body.push(`${isConst ? 'const' : 'let'} ${exp.name}: ${type};`);
      } else if (kind === 'class') {
        for (const d of symbol.declarations ?? []) {
          if (ts.isClassDeclaration(d)) body.push(printer.printNode(ts.EmitHint.Unspecified, classShape(d, checker, f), d.getSourceFile()));
        }
      } else if (kind === 'interface' || kind === 'type' || kind === 'enum') {
        for (const d of symbol.declarations ?? []) {
          if (ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d) || ts.isEnumDeclaration(d)) {
            if ((kind === 'interface') !== ts.isInterfaceDeclaration(d) || (kind === 'enum') !== ts.isEnumDeclaration(d)) continue;
            body.push(printer.printNode(ts.EmitHint.Unspecified, stripExport(d, f), d.getSourceFile()));
          }
        }
      } else if (kind === 'namespace') {
        const members = checker.getExportsOfModule(symbol).map((m) => m.name).sort();
        body.push(`namespace ${exp.name} { ${members.join(', ')} }`);
      } else {
        body.push(`${exp.name}: ${checker.typeToString(checker.getTypeOfSymbol(symbol), undefined, FLAGS)}`);
      }
    }
    lines.push(...body, '```', '');
  }
  return lines.join('\n');
}

/**
 * The checker prints the members of a string-literal union, and of a record of literals such as
 * zod's `ZodEnum<{ a: "a"; b: "b"; }>`, in the order it happened to create the types, which
 * depends on the order files were read and differs between checkouts. Both mean the same in
 * any order: sort them, so a report reads the same on every machine.
 */
export function canonical(text) {
  return text
    .replace(/\{ ((?:[\w$]+: "[^"]*"; )+)\}/g, (m, body) => {
      const members = body.trim().split(/; ?/).filter(Boolean);
      if (!members.every((x) => /^([\w$]+): "\1"$/.test(x))) return m;
      return `{ ${members.sort().map((x) => `${x}; `).join('')}}`;
    })
    .replace(/"[^"\n]*"(?: \| "[^"\n]*")+/g, (m) => m.split(' | ').sort().join(' | '));
}

/** Every report's name and text, as the source says it should be now. */
export function generate() {
  const entries = entryPoints();
  const base = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.base.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const options = { ...base.options, noEmit: true, composite: false, declaration: false, customConditions: ['source'], skipLibCheck: true };
  const program = ts.createProgram(entries.map((e) => e.file), options);
  const checker = program.getTypeChecker();
  const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
  return new Map(entries.map((e) => [e.report, canonical(report(e, program, checker, printer))]));
}

/** Reports that differ from the source: [{ report, why }]. */
export function outOfDate(fresh = generate()) {
  const diffs = [];
  for (const [name, text] of fresh) {
    const file = join(API_DIR, name);
    if (!existsSync(file)) diffs.push({ report: name, why: 'missing' });
    else if (readFileSync(file, 'utf8') !== text) diffs.push({ report: name, why: 'differs from the source' });
  }
  if (existsSync(API_DIR)) {
    for (const name of readdirSync(API_DIR)) if (name.endsWith('.api.md') && !fresh.has(name)) diffs.push({ report: name, why: 'no such entry point any more' });
  }
  return diffs;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const fresh = generate();
  if (process.argv.includes('--write')) {
    mkdirSync(API_DIR, { recursive: true });
    for (const name of readdirSync(API_DIR)) if (name.endsWith('.api.md') && !fresh.has(name)) rmSync(join(API_DIR, name));
    for (const [name, text] of fresh) writeFileSync(join(API_DIR, name), text);
    console.log(`wrote ${fresh.size} API reports to api/`);
  } else {
    const diffs = outOfDate(fresh);
    for (const d of diffs) console.log(`api/${d.report}: ${d.why}`);
    if (diffs.length) console.log(`The public API changed: review the difference, then run \`${REGENERATE}\` and commit api/.`);
    else console.log(`${fresh.size} API reports match the source`);
    process.exitCode = diffs.length ? 1 : 0;
  }
}
