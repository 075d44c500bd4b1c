/**
 * `jiceng lists <node>`: one node's lists — its work list, responsibility list, empowered
 * matters, sectors, projects with their pooled funding and progress — from a directory of
 * list CSVs (with its `nodes.csv`) or from the generated Putian.
 * @module
 */
import { join } from 'node:path';
import { type HierarchyIndex, type Lang } from '@jiceng/core';
import { formatIssue, need } from '@jiceng/core/errors';
import { importCsv } from '@jiceng/core/io';
import {
  emptyLists, FUNDING_CSV_FILES, importListsCsv, LIST_CSV_FILES, listContextOf, nodeLists, SECTORS, SECTOR_NAMES, type ListsState, type NodeLists,
} from '@jiceng/core/lists';
import { generatePutian, putianConfig, textTable } from '@jiceng/putian';
import { EXIT, parseCommandArgs, usageError, type Command } from '../command.js';
import type { CliIo } from '../io.js';
import { putianListsAndRegistry } from '../lists-files.js';

const yuan = (n: number) => `¥${n.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
const pct = (n: number | null) => (n === null ? '—' : `${n.toFixed(1)}%`);

/**
 * A node's lists as plain text, zh or en.
 *
 * @example
 * ```ts
 * formatNodeLists(nodeLists(state, h, '350302001000')!, 'en');
 * ```
 */
export function formatNodeLists(v: NodeLists, lang: Lang): string {
  need('formatNodeLists', 'v', v, 'object', { name: 'string', code: 'string' });
  need('formatNodeLists', 'lang', lang, 'string');
  const en = lang === 'en';
  const out: string[] = [`${v.name} ${v.code} (${v.level})`, ''];
  out.push(en ? `Work list (${v.work.length})` : `工作清单（${v.work.length}）`);
  for (const w of v.work) out.push(`  ${w.id}  ${en ? w.duty.en : w.duty.zh}${w.node ? (en ? '  [own]' : '  [本级]') : ''}`);
  out.push('', en ? `Responsibility list of the level: ${v.responsibilities.length} rows (${v.responsibilities.filter((r) => r.kind === 'power').length} powers)` : `本层级权责清单：${v.responsibilities.length} 项（其中权力 ${v.responsibilities.filter((r) => r.kind === 'power').length} 项）`);
  if (v.empowered.length) out.push(en ? `Empowered matters: ${v.empowered.map((e) => e.category).join(', ')}` : `赋权事项：${v.empowered.map((e) => e.category).join('、')}`);
  out.push('', ...textTable([
    en ? ['Sector', 'Items', 'Projects', 'Funding', 'Progress'] : ['板块', '事项', '项目', '资金', '进度'],
    ...SECTORS.map((s) => [en ? SECTOR_NAMES[s].en : SECTOR_NAMES[s].zh, String(v.sectors[s].items), String(v.sectors[s].projects), yuan(v.sectors[s].budget), pct(v.sectors[s].progress)]),
  ]));
  out.push('', en ? `Projects (${v.projects.length})` : `项目清单（${v.projects.length}）`);
  for (const p of v.projects) {
    const pool = p.funding.map((f) => `${f.source} ${yuan(f.amount)}`).join(' + ');
    out.push(`  ${p.project.id}  ${en ? p.project.name.en : p.project.name.zh}  ${p.project.status} ${p.project.progress}%  ${yuan(p.budget)}${pool ? ` = ${pool}` : ''}`);
  }
  const t = v.totals;
  out.push('', en
    ? `Totals: ${yuan(t.budget)} funded, ${yuan(t.spent)} spent; mean progress ${pct(t.progress)}, funded-weighted ${pct(t.fundedProgress)}; ${t.unfunded} without funding`
    : `合计：资金 ${yuan(t.budget)}，已支出 ${yuan(t.spent)}；平均进度 ${pct(t.progress)}，按资金加权 ${pct(t.fundedProgress)}；无资金项目 ${t.unfunded} 个`);
  if (v.funding.length) {
    out.push(en ? 'Pooled funding:' : '资金拼盘：');
    for (const f of v.funding) out.push(`  ${f.source}  ${yuan(f.amount)}  ${en ? 'spent' : '已支出'} ${yuan(f.spent)}${f.checked ? '' : en ? '  (declared)' : '  （申报）'}`);
  }
  return out.join('\n');
}

/** Reads the lists of a directory (list CSVs and the nodes.csv beside them). */
async function readDir(dir: string, io: CliIo): Promise<{ h: HierarchyIndex; state: ListsState } | { errors: string[] }> {
  const names = new Set(await io.readDir(dir));
  if (!names.has('nodes.csv')) return { errors: [`${join(dir, 'nodes.csv')}: missing`] };
  const set: Record<string, Uint8Array> = { 'nodes.csv': await io.readFile(join(dir, 'nodes.csv')) };
  if (names.has('config.json')) set['config.json'] = await io.readFile(join(dir, 'config.json'));
  const d = importCsv(set, set['config.json'] ? {} : { config: putianConfig });
  if (!d.ok) return { errors: d.errors.map((e) => formatIssue(e)) };
  const h = d.value.hierarchy as unknown as HierarchyIndex;
  const files: Record<string, Uint8Array> = {};
  for (const f of [...Object.values(LIST_CSV_FILES), ...Object.values(FUNDING_CSV_FILES)]) if (names.has(f.file)) files[f.file] = await io.readFile(join(dir, f.file));
  const r = importListsCsv(files, emptyLists(), listContextOf(h), { at: '2000-01-01T00:00:00+08:00' });
  return r.ok ? { h, state: r.value.state } : { errors: r.errors.map((e) => formatIssue({ ...e, file: e.file ? join(dir, e.file) : dir })) };
}

/**
 * `jiceng lists <node-code> [--dir DIR] [--seed N] [--lang en]`: prints one node's lists —
 * its work list (the duties of its level and its own items), its level's responsibility
 * list, its empowered matters, its sectors, its projects with their pooled funding, and the
 * totals of its area. From the list CSVs of DIR (checked as `jiceng validate` checks them),
 * else from the generated Putian (seed N, default 1). Exit 1 if the files have errors, 2 on
 * a usage error (an unknown node).
 *
 * @example
 * ```ts
 * await listsCommand.run(['350302001000', '--lang', 'en'], io); // 0
 * ```
 */
export const listsCommand: Command = {
  name: 'lists',
  summary: { zh: '输出某一节点的清单、资金拼盘与进度', en: "Print a node's lists, pooled funding and progress" },
  usage: 'jiceng lists <node-code> [--dir DIR] [--seed N] [--lang en]',
  async run(args, io) {
    const p = parseCommandArgs(listsCommand, args, { dir: { type: 'string' }, seed: { type: 'string' } }, io, { min: 1, max: 1 });
    if (!p.ok) return p.exit;
    const { lang } = p;
    const code = p.positionals[0];
    const dir = p.values.dir as string | undefined;
    let h: HierarchyIndex, state: ListsState;
    if (dir !== undefined) {
      if ((await io.kind(dir)) !== 'dir') return usageError(listsCommand, io, lang, { zh: `目录不存在：${dir}`, en: `no such directory: ${dir}` });
      const r = await readDir(dir, io);
      if ('errors' in r) { for (const e of r.errors) io.out(`${e}\n`); return EXIT.problems; }
      ({ h, state } = r);
    } else {
      const seedText = (p.values.seed as string | undefined) ?? '1';
      if (!/^-?\d{1,10}$/.test(seedText)) return usageError(listsCommand, io, lang, { zh: `--seed 应为整数，而不是 ${seedText}`, en: `--seed must be an integer, not ${seedText}` });
      const built = putianListsAndRegistry(generatePutian({ seed: Number(seedText) }));
      h = built.hierarchy; state = built.lists;
    }
    const v = nodeLists(state, h, code);
    if (!v) return usageError(listsCommand, io, lang, { zh: `节点编码不存在：${code}`, en: `no such node code: ${code}` });
    io.out(`${formatNodeLists(v, lang)}\n`);
    return EXIT.ok;
  },
};
