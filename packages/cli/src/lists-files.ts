/**
 * The lists' and the registry's files in the CLI: which names they are, Putian's files for
 * `jiceng putian --out`, its counts for the summary, and the row-by-row check `jiceng
 * validate` runs on them (node codes checked against the `nodes.csv` beside them).
 * @module
 */
import { join } from 'node:path';
import {
  buildHierarchy, type HierarchyConfig, type HierarchyIndex, type JcIssue, type Lang, type LocalizedText,
} from '@jiceng/core';
import { importCsv } from '@jiceng/core/io';
import {
  exportListsCsv, FUNDING_CSV_FILES, importListsCsv, emptyLists, LIST_CSV_FILES, listContextOf, replayLists, type ListsState,
} from '@jiceng/core/lists';
import {
  checkRegistryCsv, EXAMPLE_FORM_SET, exportRegistryCsv, REGISTRY_CSV_FILES, replayRegistry, type RegistryState,
} from '@jiceng/core/registry';
import { formatPutianListsSummary, generatePutianRegistry, putianCategories, putianListEvents, putianListsSummary, type PutianData } from '@jiceng/putian';
import { needIo, type CliIo } from './io.js';
import { need, type ArgKind } from '@jiceng/core/errors';

/** The generated Putian data (`generatePutian()`), as the entry checks below test it. */
const PUTIAN_DATA: Record<string, ArgKind> = { config: 'object', nodes: 'array', overlay: 'object' };

const LIST_NAMES = new Set<string>([...Object.values(LIST_CSV_FILES).map((f) => f.file), ...Object.values(FUNDING_CSV_FILES).map((f) => f.file)]);
const REGISTRY_NAMES = new Set<string>(Object.values(REGISTRY_CSV_FILES).map((f) => f.file));

/**
 * True for a file of the lists, the funding ledger or the registry.
 *
 * @example
 * ```ts
 * isListSetFile('projects.csv'); // true
 * isListSetFile('nodes.csv');    // false
 * ```
 */
export function isListSetFile(name: string): boolean {
  return LIST_NAMES.has(name) || REGISTRY_NAMES.has(name);
}

/**
 * Putian's lists and registry, built over its hierarchy.
 *
 * @example
 * ```ts
 * const { lists, registry } = putianListsAndRegistry(generatePutian({ seed: 1 }));
 * Object.keys(lists.projects).length; // 108
 * ```
 */
export function putianListsAndRegistry(data: PutianData): { hierarchy: HierarchyIndex; lists: ListsState; registry: RegistryState } {
  need('putianListsAndRegistry', 'data', data, 'object', PUTIAN_DATA);
  const h = buildHierarchy(data.config, data.nodes);
  if (!h.ok) throw new Error(h.errors.slice(0, 3).map((e) => e.en).join('; '));
  const categories = putianCategories(h.value);
  const lists = replayLists(putianListEvents(h.value, { seed: data.seed }), listContextOf(h.value, (id) => categories.indexOf(id) >= 0));
  if (!lists.ok) throw new Error(lists.errors.slice(0, 3).map((e) => e.en).join('; '));
  return { hierarchy: h.value, lists: lists.value, registry: replayRegistry(generatePutianRegistry(h.value, { seed: data.seed })) };
}

/**
 * The list, funding and registry CSV files of Putian (UTF-8 with a BOM), for `--out`.
 *
 * @example
 * ```ts
 * Object.keys(putianListFiles(generatePutian({ seed: 1 }))); // ['policies.csv', …, 'registry.csv', 'handovers.csv']
 * ```
 */
export function putianListFiles(data: PutianData): Record<string, string> {
  need('putianListFiles', 'data', data, 'object', PUTIAN_DATA);
  const { lists, registry } = putianListsAndRegistry(data);
  return { ...exportListsCsv(lists, { bom: true }), ...exportRegistryCsv(registry, { bom: true }) };
}

/**
 * The counts of Putian's lists and registry as text (zh or en), for the summary.
 *
 * @example
 * ```ts
 * putianListsText(generatePutian({ seed: 1 }), 'en'); // '…“1+4+21+N” policy set: 1/4/21/9 (complete)…'
 * ```
 */
export function putianListsText(data: PutianData, lang: Lang): string {
  need('putianListsText', 'data', data, 'object', PUTIAN_DATA);
  need('putianListsText', 'lang', lang, 'string');
  const { hierarchy, lists, registry } = putianListsAndRegistry(data);
  return formatPutianListsSummary(putianListsSummary(lists, registry, hierarchy, { forms: EXAMPLE_FORM_SET }), lang);
}

/**
 * A list/registry check target: a directory and the list, funding and registry files in it.
 *
 * @example
 * ```ts
 * const t: ListTarget = { kind: 'lists', dir: 'city', files: ['projects.csv'] };
 * ```
 */
export interface ListTarget {
  kind: 'lists';
  dir: string;
  files: string[];
}

/**
 * Moves the list, funding and registry files out of the CSV sets `jiceng validate` collected
 * into targets of their own (one per directory); a set left with nothing but `config.json`
 * is dropped.
 *
 * @example
 * ```ts
 * splitListTargets([{ kind: 'csv', dir: 'city', files: ['nodes.csv', 'projects.csv'] }]);
 * // [{ kind: 'csv', dir: 'city', files: ['nodes.csv'] }, { kind: 'lists', dir: 'city', files: ['projects.csv'] }]
 * ```
 */
export function splitListTargets<T extends { kind: string; dir?: string; files?: string[] }>(targets: readonly T[]): (T | ListTarget)[] {
  need('splitListTargets', 'targets', targets, 'array');
  for (const t of targets) need('splitListTargets', 'targets[]', t, 'object', { kind: 'string', dir: 'string?', files: 'array?' });
  const out: (T | ListTarget)[] = [];
  for (const t of targets) {
    if (t.kind !== 'csv' || !t.files || t.dir === undefined) { out.push(t); continue; }
    const listed = t.files.filter(isListSetFile);
    const rest = t.files.filter((n) => !isListSetFile(n));
    if (rest.some((n) => n !== 'config.json')) out.push({ ...t, files: rest });
    if (listed.length) out.push({ kind: 'lists', dir: t.dir, files: listed });
  }
  return out;
}

/**
 * True for a target made by {@link splitListTargets}.
 *
 * @example
 * ```ts
 * isListTarget({ kind: 'lists', dir: 'a', files: [] }); // true
 * ```
 */
export function isListTarget(t: { kind: string }): t is ListTarget {
  need('isListTarget', 't', t, 'object', { kind: 'string' });
  return t.kind === 'lists';
}

/**
 * Checks the list, funding and registry files of a directory row by row: the lists and the
 * ledger as one import (references, budgets, purposes, periods, levels), the registry
 * (groups, nodes, dates, forms). Node codes are checked against the directory's `nodes.csv`
 * (with its `config.json`, else `config`) when there is one.
 *
 * @example
 * ```ts
 * const c = await checkListTarget({ kind: 'lists', dir: 'city', files: ['projects.csv'] }, io, putianConfig);
 * c.errors.length; // 0
 * ```
 */
export async function checkListTarget(t: ListTarget, io: CliIo, config: HierarchyConfig): Promise<{ label: string; errors: JcIssue[]; warnings: JcIssue[]; passed?: LocalizedText }> {
  need('checkListTarget', 't', t, 'object', { kind: 'string', files: 'array' });
  needIo('checkListTarget', io);
  need('checkListTarget', 'config', config, 'object', { levels: 'array' });
  const files: Record<string, Uint8Array> = {};
  for (const n of t.files) files[n] = await io.readFile(join(t.dir, n));
  let ctx = {};
  let nodeExists: ((c: string) => boolean) | undefined;
  if ((await io.kind(join(t.dir, 'nodes.csv'))) === 'file') {
    const set: Record<string, Uint8Array> = { 'nodes.csv': await io.readFile(join(t.dir, 'nodes.csv')) };
    if ((await io.kind(join(t.dir, 'config.json'))) === 'file') set['config.json'] = await io.readFile(join(t.dir, 'config.json'));
    const d = importCsv(set, set['config.json'] ? {} : { config });
    if (d.ok) {
      const h = d.value.hierarchy as unknown as HierarchyIndex;
      ctx = listContextOf(h);
      nodeExists = (c) => h.indexOf(c) >= 0;
    }
  }
  const errors: JcIssue[] = [];
  const warnings: JcIssue[] = [];
  const listFiles = Object.fromEntries(Object.entries(files).filter(([n]) => LIST_NAMES.has(n)));
  let held = { zh: '', en: '' };
  if (Object.keys(listFiles).length) {
    const r = importListsCsv(listFiles, emptyLists(), ctx, { at: '2000-01-01T00:00:00+08:00' });
    warnings.push(...r.warnings);
    if (!r.ok) errors.push(...r.errors);
    else held = { zh: `${r.value.events.length} 条清单记录`, en: `${r.value.events.length} list records` };
  }
  const regFiles = Object.fromEntries(Object.entries(files).filter(([n]) => REGISTRY_NAMES.has(n)));
  if (Object.keys(regFiles).length) {
    const r = checkRegistryCsv(regFiles, { ...(nodeExists ? { nodeExists } : {}), forms: EXAMPLE_FORM_SET });
    warnings.push(...r.warnings);
    if (!r.ok) errors.push(...r.errors);
    else held = { zh: [held.zh, `${r.value.records} 条台账记录，${r.value.handovers} 次交接`].filter(Boolean).join('，'), en: [held.en, `${r.value.records} registry records, ${r.value.handovers} hand-overs`].filter(Boolean).join(', ') };
  }
  const where = (p: JcIssue): JcIssue => ({ ...p, file: p.file !== undefined && !p.file.includes('/') ? join(t.dir, p.file) : p.file ?? t.dir });
  const label = t.files.length === 1 ? join(t.dir, t.files[0]) : `${t.dir} (${t.files.join(', ')})`;
  return { label, errors: errors.map(where), warnings: warnings.map(where), ...(errors.length ? {} : { passed: held }) };
}
