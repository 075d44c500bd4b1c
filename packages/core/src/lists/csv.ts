/**
 * CSV import of the lists: one file per list, each row becomes a `list.upserted` event,
 * checked like any event. Cells written with the library's formula escaping (`'=…`, see
 * `writeCsv`) are read back without it. Every problem names file, row (the header is row 1), column and
 * cause in Chinese and English; a set of files with any error yields nothing.
 * @module
 */
import Papa from 'papaparse';
import { fail, issue, ok, type JcIssue, type Result } from '../errors/errors.js';
import { decodeText, unifyRowBreaks } from '../io/text.js';
import { unescapeCsvCell } from '../io/csv-write.js';
import { checkListEvent, evolveLists, type ListEvent } from './events.js';
import type { ListContext } from './context.js';
import type { Funding, ListKind, ListsState, Milestone } from './types.js';
import { need } from '../errors/args.js';
import { LISTS } from '../shapes.js';

/**
 * One column of a list file: header, whether required, and what it holds.
 *
 * @example
 * ```ts
 * const c: ListCsvColumn = { header: 'progress', required: true, doc: { zh: '进度(0-100)', en: 'progress (0–100)' } };
 * ```
 */
export interface ListCsvColumn {
  header: string;
  required: boolean;
  doc: { zh: string; en: string };
}

const c = (header: string, required: boolean, zh: string, en: string): ListCsvColumn => ({ header, required, doc: { zh, en } });
const POLICIES = c('policies', false, '政策依据（政策编号，以 ; 分隔）', 'policies cited (policy ids separated by ;)');

/**
 * The list files and their columns, in import order (policies first, so that items can cite
 * them). Lists inside a cell are separated by `;` (or `；`, `、`); funding is
 * `source:amount;…`; milestones are `id|title|due|done;…` with dates `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * LIST_CSV_FILES.projects.file; // 'projects.csv'
 * ```
 */
export const LIST_CSV_FILES: Readonly<Record<ListKind, { file: string; columns: readonly ListCsvColumn[] }>> = Object.freeze({
  policies: { file: 'policies.csv', columns: [
    c('id', true, '编号', 'id'), c('kind', true, '类别（overall/sector/supporting/measure）', 'kind (overall/sector/supporting/measure)'),
    c('title_zh', true, '标题', 'title'), c('title_en', false, '英文标题', 'English title'), c('number', false, '文号', 'document number'),
    c('issuer', false, '发文单位', 'issuer'), c('issued', false, '发文日期', 'date issued'), c('sector', false, '所属板块', 'sector'),
  ] },
  work: { file: 'work.csv', columns: [
    c('id', true, '编号', 'id'), c('level', true, '层级', 'level'), c('role', false, '角色', 'role'), c('node', false, '所属节点编码（本节点事项）', 'node code (an item of one node)'),
    c('duty_zh', true, '职责', 'duty'), c('duty_en', false, '英文职责', 'English duty'), c('frequency', false, '频次', 'frequency'), POLICIES,
  ] },
  sectors: { file: 'sector-items.csv', columns: [
    c('id', true, '编号', 'id'), c('sector', true, '板块', 'sector'), c('title_zh', true, '事项', 'item'), c('title_en', false, '英文事项', 'English item'),
    c('owner', false, '责任节点编码', 'owner node code'), c('status', true, '状态', 'status'), POLICIES,
  ] },
  projects: { file: 'projects.csv', columns: [
    c('id', true, '编号', 'id'), c('name_zh', true, '项目名称', 'name'), c('name_en', false, '英文名称', 'English name'),
    c('owner', true, '责任节点编码', 'owner node code'), c('sector', false, '板块', 'sector'), c('status', true, '状态', 'status'),
    c('progress', true, '进度(0-100)', 'progress (0–100)'), c('funding', false, '资金拼盘（来源:金额;…）', 'pooled funding (source:amount;…)'),
    c('milestones', false, '里程碑（编号|名称|计划日期|完成日期;…）', 'milestones (id|title|due|done;…)'), POLICIES,
  ] },
  responsibilities: { file: 'responsibilities.csv', columns: [
    c('id', true, '编号', 'id'), c('level', true, '层级', 'level'), c('kind', true, '权/责（power/duty）', 'power or duty'),
    c('matter_zh', true, '事项', 'matter'), c('matter_en', false, '英文事项', 'English matter'), c('basis', false, '依据', 'legal basis'),
    c('categories', false, '案件类别编号', 'case category ids'), POLICIES,
  ] },
  empowered: { file: 'empowered.csv', columns: [
    c('id', true, '编号', 'id'), c('node', true, '赋权节点编码', 'empowered node code'), c('category', true, '案件类别编号', 'case category id'),
    c('matter_zh', true, '事项', 'matter'), c('matter_en', false, '英文事项', 'English matter'), c('basis', false, '依据', 'legal basis'),
    c('since', false, '赋权日期', 'empowered since'), c('until', false, '失效日期', 'no longer in force from'), POLICIES,
  ] },
});

const ORDER: readonly ListKind[] = ['policies', 'work', 'sectors', 'projects', 'responsibilities', 'empowered'];
/** Which CSV header reports a problem with a record field. */
const HEADER_OF: Record<string, string> = { title: 'title_zh', duty: 'duty_zh', matter: 'matter_zh', name: 'name_zh' };
const SEP = /[;；、]/;
const ALIASES: Record<string, string> = {
  总体方案: 'overall', 板块方案: 'sector', 子方案: 'sector', 板块子方案: 'sector', 配套制度: 'supporting', 具体举措: 'measure', 配套措施: 'measure',
  组织重构: 'organisation', 资源重整: 'resources', 力量整合: 'forces', 力量重合: 'forces', 数字赋能: 'digital',
  计划: 'planned', 进行中: 'active', 暂停: 'suspended', 已完成: 'completed', 已取消: 'cancelled',
  权: 'power', 责: 'duty', 每日: 'daily', 每周: 'weekly', 每月: 'monthly', 每季度: 'quarterly', 每年: 'yearly', 按需: 'as-needed',
};
const alias = (v: string | undefined) => (v === undefined ? undefined : (ALIASES[v] ?? v));
const list = (v: string | undefined) => (v === undefined ? [] : v.split(SEP).map((x) => x.trim()).filter(Boolean));

/** Turns one row's cells into a record; cell-level problems go to `bad(code, zh, en, header)`. */
function toRecord(kind: ListKind, cell: (h: string) => string | undefined, bad: (code: string, zh: string, en: string, header: string) => void): Record<string, unknown> {
  const text = (base: string) => ({ zh: cell(`${base}_zh`) ?? '', en: cell(`${base}_en`) ?? cell(`${base}_zh`) ?? '' });
  const opt = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  switch (kind) {
    case 'policies':
      return opt({ id: cell('id'), kind: alias(cell('kind')), title: text('title'), number: cell('number'), issuer: cell('issuer'), issued: cell('issued'), sector: alias(cell('sector')) });
    case 'work':
      return opt({ id: cell('id'), level: cell('level'), role: cell('role'), node: cell('node'), duty: text('duty'), frequency: alias(cell('frequency')), policies: list(cell('policies')) });
    case 'sectors':
      return opt({ id: cell('id'), sector: alias(cell('sector')), title: text('title'), owner: cell('owner'), status: alias(cell('status')), policies: list(cell('policies')) });
    case 'projects': {
      const raw = cell('progress');
      const progress = raw === undefined ? NaN : Number(raw.replace(/%$/, ''));
      if (raw !== undefined && Number.isNaN(progress)) bad('E_LIST_NUMBER', `进度不是数字：${raw}`, `progress is not a number: ${raw}`, 'progress');
      const funding: Funding[] = [];
      for (const part of list(cell('funding'))) {
        const m = part.match(/^(.+?)[:：]\s*([\d.,]+)\s*(万)?元?$/);
        if (!m) { bad('E_LIST_FUNDING', `资金来源应写作“来源:金额”：${part}`, `funding must read "source:amount": ${part}`, 'funding'); continue; }
        funding.push({ source: m[1].trim(), amount: Number(m[2].replace(/,/g, '')) * (m[3] ? 10_000 : 1) });
      }
      const milestones: Milestone[] = [];
      for (const part of list(cell('milestones'))) {
        const [id, title, due, done] = part.split('|').map((x) => x.trim());
        if (!id || !title || !due) { bad('E_LIST_MILESTONE', `里程碑应写作“编号|名称|计划日期|完成日期”：${part}`, `a milestone must read "id|title|due|done": ${part}`, 'milestones'); continue; }
        milestones.push(done ? { id, title, due, done } : { id, title, due });
      }
      return opt({ id: cell('id'), name: text('name'), owner: cell('owner'), sector: alias(cell('sector')), status: alias(cell('status')), progress, funding, milestones, policies: list(cell('policies')) });
    }
    case 'responsibilities':
      return opt({ id: cell('id'), level: cell('level'), kind: alias(cell('kind')), matter: text('matter'), basis: cell('basis'), categories: list(cell('categories')), policies: list(cell('policies')) });
    case 'empowered':
      return opt({ id: cell('id'), node: cell('node'), category: cell('category'), matter: text('matter'), basis: cell('basis'), since: cell('since'), until: cell('until'), policies: list(cell('policies')) });
  }
}

/**
 * The funding ledger's files: sources, allocations (with what was released) and spendings.
 * Amounts in yuan; a source's purposes separated by `;`; its period `from..to`.
 *
 * @example
 * ```ts
 * FUNDING_CSV_FILES.allocations.file; // 'allocations.csv'
 * ```
 */
export const FUNDING_CSV_FILES = Object.freeze({
  sources: { file: 'funding-sources.csv', columns: [
    c('id', true, '编号', 'id'), c('name_zh', true, '资金名称', 'name'), c('name_en', false, '英文名称', 'English name'),
    c('level', true, '财政层级（列入同级财政预算）', 'fiscal level'), c('node', true, '预算单位节点编码', 'budget holder node code'),
    c('budget', true, '预算（元）', 'budget (yuan)'), c('purposes', true, '用途（专款专用，以 ; 分隔）', 'purposes (earmarked, separated by ;)'),
    c('from', true, '起始日期', 'period from'), c('to', true, '截止日期', 'period to'), POLICIES,
  ] },
  allocations: { file: 'allocations.csv', columns: [
    c('id', true, '编号', 'id'), c('source', true, '资金来源编号', 'funding source id'), c('project', false, '项目编号', 'project id'),
    c('work', false, '工作事项编号', 'work item id'), c('node', false, '工作事项节点编码', 'work item node code'),
    c('amount', true, '金额（元）', 'amount (yuan)'), c('purpose', true, '用途', 'purpose'), c('date', true, '日期', 'date'),
    c('released', false, '已释放（元）', 'released (yuan)'),
  ] },
  spendings: { file: 'spendings.csv', columns: [
    c('id', true, '编号', 'id'), c('allocation', true, '资金分配编号', 'allocation id'), c('amount', true, '金额（元）', 'amount (yuan)'),
    c('purpose', true, '用途', 'purpose'), c('date', true, '日期', 'date'), c('note', false, '说明', 'note'),
  ] },
} as const);

type Cell = (h: string) => string | undefined;
type Bad = (code: string, zh: string, en: string, column: string) => void;

/** Parses one file and calls `onRow` for every data row with its cell reader; header problems go to `errors`. */
function eachRow(
  file: string, input: string | Uint8Array, columns: readonly ListCsvColumn[], errors: JcIssue[], warnings: JcIssue[],
  onRow: (row: number, cell: Cell, bad: Bad, badColumns: Set<string>) => void,
): void {
  const dec = decodeText(input, file);
  warnings.push(...dec.warnings);
  if (dec.errors.length) { errors.push(...dec.errors); return; }
  const parsed = Papa.parse<string[]>(unifyRowBreaks(dec.text), { header: false, delimiter: ',', newline: '\n', skipEmptyLines: false });
  const data = parsed.data;
  while (data.length > 0 && data[data.length - 1].length === 1 && data[data.length - 1][0] === '') data.pop();
  const syntaxRows = new Set<number>();
  for (const e of parsed.errors) {
    const row = (e.row ?? 0) + 1;
    syntaxRows.add(row);
    errors.push(issue('E_CSV_SYNTAX', `CSV 格式错误：${e.message}`, `CSV syntax error: ${e.message}`, { file, row }));
  }
  const header = (data[0] ?? []).map((x) => x.trim().replace(/^\uFEFF/, ''));
  const at = new Map<string, number>();
  header.forEach((x, j) => {
    if (x === '') return;
    if (at.has(x)) errors.push(issue('E_CSV_HEADER', `表头列“${x}”重复`, `header column "${x}" appears twice`, { file, row: 1, column: x }));
    else at.set(x, j);
    if (!columns.some((col) => col.header === x)) warnings.push(issue('W_CSV_COLUMN', `未知列“${x}”已忽略`, `unknown column "${x}" ignored`, { file, row: 1, column: x, severity: 'warning' }));
  });
  const missing = columns.filter((col) => col.required && !at.has(col.header));
  for (const col of missing) errors.push(issue('E_CSV_HEADER', `缺少必需的列“${col.header}”（${col.doc.zh}）`, `missing required column "${col.header}" (${col.doc.en})`, { file, row: 1, column: col.header }));
  if (missing.length) return;
  const seen = new Map<string, number>();
  for (let r = 1; r < data.length; r++) {
    const row = r + 1;
    const cells = data[r];
    if ((cells.length === 1 && cells[0].trim() === '') || syntaxRows.has(row)) continue;
    const cell: Cell = (h) => { const j = at.get(h); const raw = j === undefined ? undefined : cells[j]; const v = raw === undefined ? undefined : unescapeCsvCell(raw).trim(); return v === '' ? undefined : v; };
    const badColumns = new Set<string>();
    const bad: Bad = (code, zh, en, column) => { badColumns.add(column); errors.push(issue(code, zh, en, { file, row, column })); };
    for (const col of columns) if (col.required && cell(col.header) === undefined) bad('E_CSV_REQUIRED', `缺少必填值“${col.header}”（${col.doc.zh}）`, `missing required value "${col.header}" (${col.doc.en})`, col.header);
    const id = cell('id');
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined) bad('E_LIST_DUPLICATE_ID', `编号重复（首次出现在第 ${first} 行）：${id}`, `duplicate id (first on row ${first}): ${id}`, 'id');
      else seen.set(id, row);
    }
    onRow(row, cell, bad, badColumns);
  }
}

const num = (cell: Cell, h: string, bad: Bad): number | undefined => {
  const raw = cell(h);
  if (raw === undefined) return undefined;
  const n = Number(raw.replace(/,/g, ''));
  if (Number.isNaN(n)) { bad('E_LIST_NUMBER', `不是数字：${raw}`, `not a number: ${raw}`, h); return undefined; }
  return n;
};

/** The funding event of a row of a funding file. */
function fundingEvent(kind: keyof typeof FUNDING_CSV_FILES, cell: Cell, bad: Bad, meta: { at: string; by?: string }): ListEvent {
  switch (kind) {
    case 'sources':
      return { type: 'funding.source', ...meta, source: {
        id: cell('id') ?? '', name: { zh: cell('name_zh') ?? '', en: cell('name_en') ?? cell('name_zh') ?? '' }, level: cell('level') ?? '', node: cell('node') ?? '',
        budget: num(cell, 'budget', bad) ?? NaN, purposes: list(cell('purposes')), period: { from: cell('from') ?? '', to: cell('to') ?? '' }, policies: list(cell('policies')),
      } };
    case 'allocations': {
      const project = cell('project'), work = cell('work');
      if ((project === undefined) === (work === undefined)) bad('E_FUND_TARGET', '须填写项目编号或工作事项编号之一', 'give either a project id or a work item id', 'project');
      return { type: 'funding.allocated', ...meta, allocation: {
        id: cell('id') ?? '', source: cell('source') ?? '', amount: num(cell, 'amount', bad) ?? NaN, purpose: alias(cell('purpose')) ?? '', date: cell('date') ?? '',
        target: project !== undefined ? { kind: 'project', id: project } : { kind: 'work', id: work ?? '', node: cell('node') ?? '' },
      } };
    }
    case 'spendings': {
      const note = cell('note');
      return { type: 'funding.spent', ...meta, spending: { id: cell('id') ?? '', allocation: cell('allocation') ?? '', amount: num(cell, 'amount', bad) ?? NaN, purpose: alias(cell('purpose')) ?? '', date: cell('date') ?? '', ...(note ? { note } : {}) } };
    }
  }
}

/**
 * Imports list files (keyed by file name, see {@link LIST_CSV_FILES} and
 * {@link FUNDING_CSV_FILES}) on top of a state: every row becomes an event — a
 * `list.upserted`, or a funding event — checked against the state as it grows (so a work
 * item may cite a policy of the same import). Funding follows the lists; a project listed as
 * cancelled is cancelled after its allocations and spendings, so that it releases what it
 * did not spend; an allocation's `released` column becomes a release. With any error,
 * nothing is returned but the errors.
 *
 * @example
 * ```ts
 * const r = importListsCsv({ 'policies.csv': policiesText, 'projects.csv': bytes }, emptyLists(), ctx, { at: '2024-03-01T09:00:00+08:00' });
 * if (r.ok) { state = r.value.state; log.push(...r.value.events); }
 * else r.errors.forEach((e) => console.log(formatIssue(e)));
 * ```
 */
export function importListsCsv(
  files: Record<string, string | Uint8Array>, state: ListsState, ctx: ListContext = {}, meta: { at: string; by?: string },
): Result<{ events: ListEvent[]; state: ListsState }> {
  need('importListsCsv', 'files', files, 'object');
  need('importListsCsv', 'state', state, 'object', LISTS);
  need('importListsCsv', 'ctx', ctx, 'object');
  need('importListsCsv', 'meta', meta, 'object', { at: 'string', by: 'string?' });
  const errors: JcIssue[] = [];
  const warnings: JcIssue[] = [];
  const events: ListEvent[] = [];
  const known = new Set([...ORDER.map((k) => LIST_CSV_FILES[k].file), ...Object.values(FUNDING_CSV_FILES).map((f) => f.file)]);
  for (const name of Object.keys(files)) {
    if (!known.has(name)) warnings.push(issue('W_LIST_FILE', `未知文件“${name}”已忽略`, `unknown file "${name}" ignored`, { file: name, severity: 'warning' }));
  }
  let s = state;
  const cancelLater: { id: string; file: string; row: number }[] = [];
  const take = (file: string, row: number, event: ListEvent, badColumns: Set<string>) => {
    const problems = checkListEvent(s, event, ctx)
      .map((p) => ({ ...p, file, row, column: HEADER_OF[p.column ?? ''] ?? p.column }))
      .filter((p) => !badColumns.has(p.column ?? ''));
    errors.push(...problems);
    if (badColumns.size || problems.length) return;
    events.push(event);
    s = evolveLists(s, event);
  };
  for (const kind of ORDER) {
    const { file, columns } = LIST_CSV_FILES[kind];
    const input = files[file];
    if (input === undefined) continue;
    eachRow(file, input, columns, errors, warnings, (row, cell, bad, badColumns) => {
      const record = toRecord(kind, cell, bad);
      if (kind === 'projects' && record.status === 'cancelled') { record.status = 'active'; cancelLater.push({ id: String(record.id), file, row }); }
      take(file, row, { type: 'list.upserted', kind, record, ...meta } as unknown as ListEvent, badColumns);
    });
  }
  const releases: { id: string; amount: number; file: string; row: number }[] = [];
  for (const kind of ['sources', 'allocations', 'spendings'] as const) {
    const { file, columns } = FUNDING_CSV_FILES[kind];
    const input = files[file];
    if (input === undefined) continue;
    eachRow(file, input, columns, errors, warnings, (row, cell, bad, badColumns) => {
      take(file, row, fundingEvent(kind, cell, bad, meta), badColumns);
      const released = kind === 'allocations' ? num(cell, 'released', bad) : undefined;
      if (released) releases.push({ id: cell('id') ?? '', amount: released, file, row });
    });
  }
  for (const c of cancelLater) take(c.file, c.row, { type: 'project.status', id: c.id, status: 'cancelled', ...meta }, new Set());
  for (const r of releases) {
    const a = s.funding.allocations[r.id];
    if (!a || Math.round(a.released * 100) >= Math.round(r.amount * 100)) continue; // a cancellation released it already
    take(r.file, r.row, { type: 'funding.released', allocation: r.id, amount: (Math.round(r.amount * 100) - Math.round(a.released * 100)) / 100, ...meta }, new Set());
  }
  return errors.length ? fail(errors, warnings) : ok({ events, state: s }, warnings);
}
