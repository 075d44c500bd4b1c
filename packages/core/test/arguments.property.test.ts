// Every public function checks its arguments: fed arbitrary values (undefined, null, NaN,
// strings, huge strings, objects, cyclic objects, huge numbers…), each exported function and
// constructor of each entry point of each package either returns a valid result or throws a
// JcError — never a bare TypeError/RangeError, never a silently wrong figure (a NaN where a
// number is returned).
//
// One test per export, so that the failures read as a list. The entry points are read from
// every `packages/*/package.json` `exports` map, so a new export (or a new package, or a new
// subpath) is fuzzed without anyone listing it. `ARGS_ONLY=core.buildHierarchy,cli.count`
// runs just those.
//
// Not called, and why (UNCOVERED below, each with its reason):
// - `main` and `nodeIo` of @jiceng/cli, `startServer` of @jiceng/server: they act on the real
//   process (stdout, files, a listening port);
// - custom-element classes (they extend HTMLElement): the browser constructs them, and their
//   properties are checked in their browser tests. The element packages' plain functions are
//   fuzzed here like every other export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import fc from 'fast-check';
import * as rootEntry from '@jiceng/core';
import * as errors from '@jiceng/core/errors';
import * as cases from '@jiceng/core/cases';
import * as metrics from '@jiceng/core/metrics';
import * as lists from '@jiceng/core/lists';

/** The core's entries the tests below call. */
const core = { ...rootEntry, ...errors, ...cases, ...metrics, ...lists };

const { JcError } = core;

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** Every entry point of every package: `[id prefix, module specifier]`, e.g. `['core/geo', '@jiceng/core/geo']`. */
const entries: [string, string][] = readdirSync(`${root}packages`)
  .filter((d) => existsSync(`${root}packages/${d}/package.json`))
  .flatMap((d) => {
    const pkg = JSON.parse(readFileSync(`${root}packages/${d}/package.json`, 'utf8')) as { name: string; exports?: Record<string, unknown> };
    // A types-only subpath (e.g. `./react`, JSX typings) has no code to call.
    const code = Object.entries(pkg.exports ?? { '.': '' }).filter(([, v]) => typeof v === 'string' || (typeof v === 'object' && v !== null && ('source' in v || 'default' in v)));
    return code.map(([k]): [string, string] => [
      k === '.' ? d : `${d}/${k.slice(2)}`, k === '.' ? pkg.name : `${pkg.name}/${k.slice(2)}`,
    ]);
  });
// The element packages use TypeScript's decorators (tsconfig.base.json); tsx reads the root
// tsconfig, which has none, so every entry is loaded with the base one.
const tsconfig = `${root}tsconfig.base.json`;
const modules: [string, Record<string, unknown>][] = [];
for (const [id, spec] of entries) modules.push([id, await tsImport(spec, { parentURL: import.meta.url, tsconfig }) as Record<string, unknown>]);

/** Exports that are not called, with the reason. */
const UNCOVERED: Record<string, string> = {
  'cli.main': 'runs the real command line: reads argv and files, writes stdout, sets the exit code',
  'cli.nodeIo': 'the real process I/O (stdout, stderr, files) that main passes to commands',
  'server.startServer': 'listens on a real port; its options are checked by loadConfig and createApp, which are fuzzed',
  'dashboard.serializeSvg': 'renders into a detached DOM element (document.createElement): a browser function, called in the dashboard\'s browser tests; its template argument is checked first',
  'ui.defineElement': 'registers a custom element (customElements.define): a browser function; @jiceng/ui depends on no other package, so it has no JcError to throw',
  'ui.resolveLang': 'reads the lang attribute of a DOM element and its ancestors: a browser function; @jiceng/ui depends on no other package, so it has no JcError to throw',
  'server.loadOrCreateKeys': 'creates a directory and writes key files at the path it is given (its path is checked first: a string)',
};

/** Exports still failing (issue 12): reported as `todo` until they pass; a pending export that passes is reported too. */
const PENDING: Record<string, string> = {

};

/**
 * Exports whose documented contract answers NaN for "no value": a NaN time has no period; a
 * closed case has no running deadline; a text that is not a date or an instant parses to NaN.
 */
const NAN_MEANS_NONE = new Set(['core/metrics.periodKey', 'core/cases.runningDeadline', 'core/calendar.dayNumberOfDate', 'core/calendar.parseInstant']);

/** Slow exports (they build a whole city when given nothing): fewer runs. */
const RUNS: Record<string, number> = { 'putian.generatePutian': 3, 'server.putianDemo': 2, 'store.openEngine': 4, 'store.openStore': 4 };

const huge = [2 ** 31, 2 ** 53, 1e300, Number.MAX_VALUE];
const cyclic: Record<string, unknown> = { id: 'c' };
cyclic.self = cyclic;
cyclic.list = [cyclic];
const values: unknown[] = [
  undefined, null, NaN, Infinity, -Infinity, -1, 0, 1, 0.5, ...huge, -(2 ** 31),
  '', ' ', 'x', '\u0000', '=1+1', '350300000000', '2024-03-01T09:00:00+08:00', 'not a date', '汉'.repeat(300), 'x'.repeat(1 << 20),
  true, false, {}, [], [1, 'a'], { a: 1 }, { length: -1 }, { length: 2 ** 32 }, new Date(NaN), new Uint8Array(3),
  () => undefined, Object.create(null), cyclic, [cyclic],
];
const arb = (n: number) => fc.array(fc.constantFrom(...values), { minLength: 0, maxLength: Math.max(1, n) + 1 });

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- the fuzz property takes every export, classes and functions alike
const isClass = (f: Function) => /^class[\s{]/.test(Function.prototype.toString.call(f));
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- as above
const isElement = (f: Function) => typeof HTMLElement === 'function' && f.prototype instanceof HTMLElement;

/** What the call did: nothing wrong, or a description of what was. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- as above
async function verdict(id: string, fn: Function, args: unknown[], construct: boolean): Promise<string | null> {
  let out: unknown;
  try {
    out = construct ? Reflect.construct(fn, args) : fn(...args);
    if (out instanceof Promise) out = await out;
    // What it opened (a store, an engine), it closes: the property leaves nothing running.
    const close = (out as { close?: unknown } | null)?.close;
    if (typeof close === 'function') await close.call(out);
  } catch (e) {
    return e instanceof JcError || (e as Error)?.name === 'JcError' ? null : `threw ${(e as Error)?.name ?? typeof e}: ${String((e as Error)?.message ?? e).slice(0, 120)}`;
  }
  if (typeof out === 'number' && Number.isNaN(out) && !NAN_MEANS_NONE.has(id)) return 'returned NaN';
  return null;
}

const show = (args: unknown[]) => args.map((a) => {
  if (typeof a === 'string' && a.length > 20) return `'${a.slice(0, 8)}…'(${a.length})`;
  if (typeof a === 'function') return 'fn';
  try { return JSON.stringify(a) ?? String(a); } catch { return '<cyclic>'; }
}).join(', ');

const seen = new Set<unknown>();
for (const [pkg, mod] of modules) {
  for (const [name, value] of Object.entries(mod).sort(([a], [b]) => a.localeCompare(b))) {
    const id = `${pkg}.${name}`;
    // A subpath that re-exports a root function is fuzzed once, under its first name.
    if (typeof value !== 'function' || seen.has(value)) continue;
    seen.add(value);
    const fn = value;
    if (isElement(fn)) continue;
    // ARGS_ONLY=core.buildHierarchy,… runs just those exports (to mend them).
    const only = process.env.ARGS_ONLY?.split(',');
    if (only && !only.includes(id)) continue;
    const construct = isClass(fn);
    const skip = UNCOVERED[id];
    const todo = only ? undefined : PENDING[id];
    test(`${id} answers arbitrary arguments with a result or a JcError`, skip ? { skip } : todo ? { todo } : {}, async () => {
      const run = await fc.check(
        fc.asyncProperty(arb(fn.length), async (args) => (await verdict(id, fn, args, construct)) === null),
        { numRuns: RUNS[id] ?? 60, seed: 12, endOnFailure: true },
      );
      if (run.failed && run.counterexample) {
        const [args] = run.counterexample;
        assert.fail(`${id}(${show(args)}) ${await verdict(id, fn, args, construct)}`);
      }
    });
  }
}

test('every package entry point is fuzzed, and every uncovered export still exists', () => {
  assert.ok(entries.length >= 10, `entries: ${entries.map(([id]) => id).join(', ')}`);
  for (const id of [...Object.keys(UNCOVERED), ...Object.keys(PENDING)]) {
    const [pkg, name] = [id.slice(0, id.lastIndexOf('.')), id.slice(id.lastIndexOf('.') + 1)];
    assert.equal(typeof modules.find(([p]) => p === pkg)?.[1][name], 'function', `${id} is listed as uncovered or pending but is not an export`);
  }
});

test('createMetrics refuses a NaN or infinite now instead of reporting 0 overdue', async () => {
  const { buildHierarchy, createCaseFacts } = core;
  const h = buildHierarchy({ id: 't', levels: [{ id: 'city', name: { zh: '市', en: 'City' }, duties: [], code: { length: 12, significant: 4 } }] }, [
    { code: '350300000000', parent: null, level: 'city', name: '莆田市' },
  ]);
  assert.ok(h.ok, JSON.stringify(!h.ok && h.errors));
  for (const now of [NaN, Infinity, '2024-01-01' as unknown as number, undefined as unknown as number]) {
    assert.throws(() => core.createMetrics({ hierarchy: h.value, facts: createCaseFacts(0), now }), (e: unknown) => {
      assert.ok(e instanceof JcError);
      assert.equal(e.issue.code, 'E_ARGUMENT');
      assert.match(e.issue.en, /createMetrics: argument opts\.now must be a finite time in epoch milliseconds/);
      assert.match(e.issue.zh, /createMetrics：参数 opts\.now 应为有限的时间戳（毫秒）/);
      return true;
    });
  }
  assert.ok(core.createMetrics({ hierarchy: h.value, facts: createCaseFacts(0), now: 0 }).ok);
});

test('need names the function, the argument and what it must be, in zh and en; a `?` kind also takes undefined; fields are dotted paths', () => {
  const { need } = core;
  const refused = (f: () => void, en: RegExp, zh: RegExp) => assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof JcError);
    assert.equal(e.issue.code, 'E_ARGUMENT');
    assert.match(e.issue.en, en);
    assert.match(e.issue.zh, zh);
    return true;
  });
  refused(() => need('budgetOf', 'p', null, 'object'), /^budgetOf: argument p must be an object$/, /^budgetOf：参数 p 应为对象$/);
  refused(() => need('overdue', 'now', NaN, 'time'), /overdue: argument now must be a finite time in epoch milliseconds/, /参数 now 应为有限的时间戳/);
  refused(() => need('nodeLists', 'state', { funding: {} }, 'object', { 'funding.sources': 'object' }), /argument state\.funding\.sources must be an object/, /参数 state\.funding\.sources 应为对象/);
  refused(() => need('f', 'n', 1.5, 'count'), /must be a non-negative integer/, /应为非负整数/);
  assert.doesNotThrow(() => need('f', 'by', undefined, 'string?'));
  refused(() => need('f', 'by', null, 'string?'), /must be a string/, /应为文本/);
  assert.doesNotThrow(() => need('f', 'ledger', new Map(), 'map'));
  refused(() => need('f', 'x', 1, 'no-such-kind' as never), /need: argument kind must be one of object, array/, /need：参数 kind 应为以下之一/);
});

test('a refused call changes nothing: the state handed in is as it was', async () => {
  const { emptyLists, evolveLists, releaseProject, applyFunding } = core;
  const { emptyEngagementState, applyEngagement } = await import('@jiceng/core/engagement');
  const lists = emptyLists();
  const before = JSON.stringify(lists);
  for (const bad of [null, {}, { type: 7 }, NaN, 'x']) {
    assert.throws(() => evolveLists(lists, bad as never), JcError);
    assert.throws(() => applyFunding(lists.funding, bad as never), JcError);
    if (typeof bad !== 'string') assert.throws(() => releaseProject(lists.funding, bad as never), JcError);
  }
  assert.equal(JSON.stringify(lists), before);
  const s = emptyEngagementState();
  const seq = s.seq;
  const accounts = s.accounts.size;
  for (const bad of [null, {}, { type: 'x' }, { seq: 1 }]) assert.throws(() => applyEngagement(s, bad as never), JcError);
  assert.throws(() => applyEngagement(s, { type: 'x', seq: 1 } as never, NaN), JcError);
  assert.equal(s.seq, seq);
  assert.equal(s.accounts.size, accounts);
});
