/**
 * Changes to the lists are events: checked against the state (references, ranges, levels,
 * nodes, categories), then folded with immer. A refused event changes nothing; replaying the
 * same events gives the same state.
 * @module
 */
import { produce } from 'immer';
import { fail, issue, ok, type JcIssue, type LocalizedText, type Result } from '../errors/errors.js';
import {
  emptyLists, FREQUENCIES, ITEM_STATUSES, POLICY_KINDS, SECTORS,
  type Funding, type ItemStatus, type ListKind, type ListRecord, type ListsState,
} from './types.js';
import type { FundingEvent } from './funding.js';
import { policyStructureProblems, sectorOf } from './policy-set.js';
import { checkFundingEvent, applyFunding, releaseProject } from './funding-check.js';
import { need } from '../errors/args.js';
import { LISTS } from '../shapes.js';
import type { ListContext } from './context.js';

/** Fields every list event carries. @example `const m: ListEventMeta = { at: '2024-03-01T09:00:00+08:00', by: 'u-17' };` */
export interface ListEventMeta {
  /** When (ISO date-time). */
  at: string;
  /** Who (an actor id), if known. */
  by?: string;
}

/**
 * A change to the lists.
 * - `list.upserted`: a record of one list created or replaced as a whole;
 * - `list.removed`: a record removed (a policy still cited cannot be);
 * - `project.progressed` / `project.status` / `project.funded` / `project.milestone`: the
 *   day-to-day changes of a project (`project.funded` is checked as an allocation of the
 *   named ledger source once the ledger has sources; a cancelled project releases its unspent
 *   allocations);
 * - `funding.*`: the funding ledger (see {@link FundingEvent}).
 *
 * @example
 * ```ts
 * const e: ListEvent = { type: 'project.progressed', id: 'PRJ-1', progress: 60, at: '2024-05-01T10:00:00+08:00' };
 * ```
 */
export type ListEvent = ListEventMeta & (
  | { [K in ListKind]: { type: 'list.upserted'; kind: K; record: ListRecord<K> } }[ListKind]
  | { type: 'list.removed'; kind: ListKind; id: string }
  | { type: 'project.progressed'; id: string; progress: number; note?: string }
  | { type: 'project.status'; id: string; status: ItemStatus }
  | { type: 'project.funded'; id: string; funding: Funding }
  | { type: 'project.milestone'; id: string; milestone: string; done: string }
  | FundingEvent
);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: unknown): s is string => typeof s === 'string' && DATE.test(s) && !Number.isNaN(Date.parse(s));
const isText = (t: unknown): t is LocalizedText =>
  !!t && typeof t === 'object' && typeof (t as LocalizedText).zh === 'string' && (t as LocalizedText).zh.trim() !== '' && typeof (t as LocalizedText).en === 'string';

const KINDS: readonly ListKind[] = ['policies', 'work', 'sectors', 'projects', 'responsibilities', 'empowered'];

/** Column names reported for each field, so that CSV rows and events name the same thing. */
const FIELD: Record<string, string> = {
  id: 'id', kind: 'kind', title: 'title', name: 'name', level: 'level', role: 'role', duty: 'duty', frequency: 'frequency',
  sector: 'sector', owner: 'owner', status: 'status', progress: 'progress', funding: 'funding', milestones: 'milestones',
  policies: 'policies', matter: 'matter', basis: 'basis', categories: 'categories', node: 'node', category: 'category',
  since: 'since', issued: 'issued', until: 'until', source: 'source', target: 'target', amount: 'amount', purpose: 'purpose',
  purposes: 'purposes', budget: 'budget', period: 'period', allocation: 'allocation', date: 'date',
};

/** Checks one record of a list; `err(code, zh, en, field)` collects problems. */
function checkRecord(kind: ListKind, r: Record<string, unknown>, state: ListsState, ctx: ListContext, err: (code: string, zh: string, en: string, field: string) => void): void {
  if (typeof r.id !== 'string' || r.id.trim() === '') err('E_LIST_ID', '缺少编号', 'missing id', 'id');
  const policies = r.policies;
  if (kind !== 'policies') {
    if (!Array.isArray(policies)) err('E_LIST_FIELD', '政策依据须为列表', 'policies must be a list', 'policies');
    else for (const p of policies) if (!state.policies[p as string]) err('E_LIST_POLICY_REF', `引用的政策文件不存在：${String(p)}`, `cited policy document does not exist: ${String(p)}`, 'policies');
  }
  const level = (f: string) => {
    if (typeof r[f] !== 'string' || (ctx.levels && !ctx.levels.includes(r[f]))) err('E_LIST_LEVEL', `层级不存在：${String(r[f])}`, `no such level: ${String(r[f])}`, f);
  };
  const node = (f: string, required: boolean) => {
    if (r[f] === undefined && !required) return;
    if (typeof r[f] !== 'string' || (ctx.nodeExists && !ctx.nodeExists(r[f]))) err('E_LIST_NODE', `节点编码不存在：${String(r[f])}`, `no such node code: ${String(r[f])}`, f);
  };
  const text = (f: string) => { if (!isText(r[f])) err('E_LIST_TEXT', `缺少中文名称或内容（${FIELD[f]}）`, `missing Chinese text (${FIELD[f]})`, f); };
  const oneOf = (f: string, values: readonly string[], required: boolean) => {
    if (r[f] === undefined && !required) return;
    if (!values.includes(r[f] as string)) err('E_LIST_ENUM', `取值无效：${String(r[f])}（应为 ${values.join('、')}）`, `invalid value ${String(r[f])} (one of ${values.join(', ')})`, f);
  };
  const sector = (required: boolean) => {
    if (r.sector === undefined && !required) return;
    if (!sectorOf(r.sector)) err('E_LIST_ENUM', `取值无效：${String(r.sector)}（应为 ${SECTORS.join('、')}）`, `invalid value ${String(r.sector)} (one of ${SECTORS.join(', ')})`, 'sector');
  };
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the message quotes the rejected value, whatever it is
  const date = (f: string) => { if (r[f] !== undefined && !isDate(r[f])) err('E_LIST_DATE', `日期须为 YYYY-MM-DD：${String(r[f])}`, `date must be YYYY-MM-DD: ${String(r[f])}`, f); };
  switch (kind) {
    case 'policies':
      oneOf('kind', POLICY_KINDS, true); text('title'); sector(false); date('issued');
      for (const p of policyStructureProblems(state, r)) err(p.code, p.zh, p.en, p.column ?? 'kind');
      break;
    case 'work':
      level('level'); text('duty'); oneOf('frequency', FREQUENCIES, false); node('node', false);
      if (typeof r.node === 'string' && ctx.levelOf && ctx.levelOf(r.node) !== undefined && ctx.levelOf(r.node) !== r.level) err('E_LIST_LEVEL', `节点 ${r.node} 不是 ${String(r.level)} 级`, `node ${r.node} is not of level ${String(r.level)}`, 'node');
      if (r.role !== undefined && (typeof r.role !== 'string' || r.role === '')) err('E_LIST_FIELD', '角色无效', 'invalid role', 'role');
      break;
    case 'sectors':
      sector(true); text('title'); node('owner', false); oneOf('status', ITEM_STATUSES, true);
      break;
    case 'projects': {
      text('name'); node('owner', true); sector(false); oneOf('status', ITEM_STATUSES, true);
      if (typeof r.progress !== 'number' || !(r.progress >= 0 && r.progress <= 100)) err('E_LIST_PROGRESS', `进度须在 0 到 100 之间：${String(r.progress)}`, `progress must be 0–100: ${String(r.progress)}`, 'progress');
      if (!Array.isArray(r.funding)) err('E_LIST_FIELD', '资金来源须为列表', 'funding must be a list', 'funding');
      else for (const f of r.funding as Funding[]) checkFunding(f, (c, zh, en) => err(c, zh, en, 'funding'));
      if (!Array.isArray(r.milestones)) err('E_LIST_FIELD', '节点计划须为列表', 'milestones must be a list', 'milestones');
      else {
        const ids = new Set<string>();
        for (const m of r.milestones as { id: string; title: string; due: string; done?: string }[]) {
          if (!m || typeof m.id !== 'string' || m.id === '' || ids.has(m.id)) err('E_LIST_MILESTONE', `里程碑编号缺失或重复：${String(m?.id)}`, `milestone id missing or repeated: ${String(m?.id)}`, 'milestones');
          else ids.add(m.id);
          if (!m || typeof m.title !== 'string' || m.title.trim() === '') err('E_LIST_MILESTONE', '里程碑缺少名称', 'milestone without a title', 'milestones');
          if (!m || !isDate(m.due) || (m.done !== undefined && !isDate(m.done))) err('E_LIST_DATE', `里程碑日期须为 YYYY-MM-DD：${String(m?.id)}`, `milestone dates must be YYYY-MM-DD: ${String(m?.id)}`, 'milestones');
        }
      }
      break;
    }
    case 'responsibilities':
      level('level'); oneOf('kind', ['power', 'duty'], true); text('matter');
      if (!Array.isArray(r.categories)) err('E_LIST_FIELD', '事项类别须为列表', 'categories must be a list', 'categories');
      else if (ctx.categoryExists) for (const c of r.categories as string[]) if (!ctx.categoryExists(c)) err('E_LIST_CATEGORY', `事项类别不存在：${c}`, `no such category: ${c}`, 'categories');
      break;
    case 'empowered':
      node('node', true); text('matter'); date('since'); date('until');
      if (isDate(r.since) && isDate(r.until) && r.until <= r.since) err('E_LIST_DATE', `失效日期须晚于生效日期：${String(r.until)}`, `until must come after since: ${String(r.until)}`, 'until');
      if (typeof r.category !== 'string' || (ctx.categoryExists && !ctx.categoryExists(r.category))) err('E_LIST_CATEGORY', `事项类别不存在：${String(r.category)}`, `no such category: ${String(r.category)}`, 'category');
      break;
  }
}

function checkFunding(f: Funding, err: (code: string, zh: string, en: string) => void): void {
  if (!f || typeof f.source !== 'string' || f.source.trim() === '') err('E_LIST_FUNDING', '资金来源缺少名称', 'funding source without a name');
  if (!f || typeof f.amount !== 'number' || !Number.isFinite(f.amount) || f.amount < 0) err('E_LIST_FUNDING', `资金金额须为非负数：${String(f?.amount)}`, `funding amount must be a non-negative number: ${String(f?.amount)}`);
}

/** The allocation a `project.funded` event makes when it names a ledger source: purpose = the project's sector. */
function fundedAllocation(state: ListsState, projectId: string, f: Funding, at: string) {
  let n = 1;
  while (state.funding.allocations[`${projectId}#${n}`]) n++;
  return { id: `${projectId}#${n}`, source: f.source, target: { kind: 'project' as const, id: projectId }, amount: f.amount, purpose: state.projects[projectId]?.sector ?? '', date: at.slice(0, 10) };
}

/** Policy ids cited by any record (other than `except`). */
function citedPolicies(state: ListsState): Set<string> {
  const out = new Set<string>();
  for (const k of KINDS) {
    if (k === 'policies') continue;
    for (const r of Object.values(state[k]) as { policies: string[] }[]) for (const p of r.policies) out.add(p);
  }
  return out;
}

/**
 * Checks an event against the state; returns the problems (empty = acceptable).
 *
 * @example
 * ```ts
 * checkListEvent(state, { type: 'project.progressed', id: 'PRJ-1', progress: 120, at: '2024-05-01' });
 * // [{ code: 'E_LIST_PROGRESS', … }]
 * ```
 */
export function checkListEvent(state: ListsState, e: ListEvent, ctx: ListContext = {}): JcIssue[] {
  const errs: JcIssue[] = [];
  const err = (code: string, zh: string, en: string, field?: string) => errs.push(issue(code, zh, en, field ? { column: FIELD[field] ?? field } : {}));
  if (!e || typeof e !== 'object' || typeof e.type !== 'string') return [issue('E_LIST_EVENT', '无法识别的清单事件', 'unrecognised list event')];
  if (typeof e.at !== 'string' || Number.isNaN(Date.parse(e.at))) err('E_LIST_EVENT_TIME', '事件缺少有效时间', 'event without a valid time', 'at');
  switch (e.type) {
    case 'list.upserted':
      if (!KINDS.includes(e.kind)) { err('E_LIST_KIND', `未知清单：${String(e.kind)}`, `unknown list: ${String(e.kind)}`); break; }
      if (!e.record || typeof e.record !== 'object') { err('E_LIST_FIELD', '缺少记录', 'missing record'); break; }
      checkRecord(e.kind, e.record as unknown as Record<string, unknown>, state, ctx, err);
      break;
    case 'list.removed': {
      if (!KINDS.includes(e.kind)) { err('E_LIST_KIND', `未知清单：${String(e.kind)}`, `unknown list: ${String(e.kind)}`); break; }
      if (!state[e.kind][e.id]) err('E_LIST_NOT_FOUND', `记录不存在：${e.id}`, `no such record: ${e.id}`, 'id');
      else if (e.kind === 'policies' && citedPolicies(state).has(e.id)) err('E_LIST_POLICY_IN_USE', `政策文件仍被引用，不能删除：${e.id}`, `the policy is still cited and cannot be removed: ${e.id}`, 'id');
      break;
    }
    case 'project.progressed':
    case 'project.status':
    case 'project.funded':
    case 'project.milestone': {
      const p = state.projects[e.id];
      if (!p) { err('E_LIST_NOT_FOUND', `项目不存在：${e.id}`, `no such project: ${e.id}`, 'id'); break; }
      if (e.type === 'project.progressed') {
        if (typeof e.progress !== 'number' || !(e.progress >= 0 && e.progress <= 100)) err('E_LIST_PROGRESS', `进度须在 0 到 100 之间：${String(e.progress)}`, `progress must be 0–100: ${String(e.progress)}`, 'progress');
        if (p.status === 'completed' || p.status === 'cancelled') err('E_LIST_PROJECT_CLOSED', '项目已完成或已取消，不能再更新进度', 'the project is completed or cancelled; its progress is final', 'status');
      } else if (e.type === 'project.status') {
        if (!ITEM_STATUSES.includes(e.status)) err('E_LIST_ENUM', `状态无效：${String(e.status)}`, `invalid status: ${String(e.status)}`, 'status');
      } else if (e.type === 'project.funded') {
        checkFunding(e.funding, (c, zh, en) => err(c, zh, en, 'funding'));
        const ledger = state.funding;
        if (e.funding && ledger.sources[e.funding.source]) {
          checkFundingEvent(state, { type: 'funding.allocated', allocation: fundedAllocation(state, e.id, e.funding, e.at) }, e.at, ctx, err);
        } else if (Object.keys(ledger.sources).length > 0) {
          err('E_FUND_UNKNOWN_SOURCE', `资金来源不存在：${String(e.funding?.source)}`, `no such funding source: ${String(e.funding?.source)}`, 'funding');
        }
      } else {
        if (!p.milestones.some((m) => m.id === e.milestone)) err('E_LIST_MILESTONE', `里程碑不存在：${e.milestone}`, `no such milestone: ${e.milestone}`, 'milestones');
        if (!isDate(e.done)) err('E_LIST_DATE', `日期须为 YYYY-MM-DD：${String(e.done)}`, `date must be YYYY-MM-DD: ${String(e.done)}`, 'milestones');
      }
      break;
    }
    case 'funding.source':
    case 'funding.allocated':
    case 'funding.spent':
    case 'funding.released':
      checkFundingEvent(state, e, e.at, ctx, err);
      break;
    default:
      err('E_LIST_EVENT', `无法识别的清单事件：${String((e as { type: string }).type)}`, `unrecognised list event: ${String((e as { type: string }).type)}`);
  }
  return errs;
}

/**
 * Folds one (already checked) event into the state, returning a new state (immer; the old
 * one is untouched).
 *
 * @example
 * ```ts
 * const next = evolveLists(state, { type: 'project.status', id: 'PRJ-1', status: 'completed', at: '2024-09-01T00:00:00+08:00' });
 * ```
 */
export function evolveLists(state: ListsState, e: ListEvent): ListsState {
  need('evolveLists', 'state', state, 'object', LISTS);
  need('evolveLists', 'e', e, 'object', { type: 'string' });
  return produce(state, (d) => {
    d.version++;
    switch (e.type) {
      case 'list.upserted': {
        // a sector written in any known spelling (力量重合 / 力量整合 / forces) is kept as its id
        const s = (e.record as { sector?: string }).sector;
        const record = s !== undefined && sectorOf(s) !== s ? { ...e.record, sector: sectorOf(s) } : e.record;
        (d[e.kind] as Record<string, unknown>)[e.record.id] = record;
        break;
      }
      case 'list.removed': delete d[e.kind][e.id]; break;
      case 'project.progressed': d.projects[e.id].progress = e.progress; break;
      case 'project.status':
        d.projects[e.id].status = e.status;
        if (e.status === 'completed') d.projects[e.id].progress = 100;
        if (e.status === 'cancelled') releaseProject(d.funding, e.id);
        break;
      case 'project.funded':
        if (d.funding.sources[e.funding.source]) applyFunding(d.funding, { type: 'funding.allocated', allocation: fundedAllocation(state, e.id, e.funding, e.at) });
        else d.projects[e.id].funding.push({ source: e.funding.source, amount: e.funding.amount });
        break;
      case 'funding.source':
      case 'funding.allocated':
      case 'funding.spent':
      case 'funding.released':
        applyFunding(d.funding, e);
        break;
      case 'project.milestone': {
        const m = d.projects[e.id].milestones.find((x) => x.id === e.milestone)!;
        m.done = e.done;
        break;
      }
    }
  });
}

/**
 * Checks an event and folds it in; a refused event returns the problems and changes nothing.
 *
 * @example
 * ```ts
 * const r = evolveListsChecked(state, { type: 'list.upserted', kind: 'policies', record: { id: 'P1', kind: 'overall', title: { zh: '总体方案', en: 'overall plan' } }, at: '2022-03-01T00:00:00+08:00' });
 * if (r.ok) state = r.value;
 * ```
 */
export function evolveListsChecked(state: ListsState, e: ListEvent, ctx: ListContext = {}): Result<ListsState> {
  const errs = checkListEvent(state, e, ctx);
  return errs.length ? fail(errs) : ok(evolveLists(state, e));
}

/**
 * Replays an event log from the empty state. Stops at the first refused event and reports
 * it with its position (`row` = 1-based index in the log).
 *
 * @example
 * ```ts
 * const r = replayLists(log, ctx);
 * if (!r.ok) console.log(r.errors[0].row, r.errors[0].code);
 * ```
 */
export function replayLists(events: readonly ListEvent[], ctx: ListContext = {}, from: ListsState = emptyLists()): Result<ListsState> {
  need('replayLists', 'events', events, 'array');
  need('replayLists', 'ctx', ctx, 'object');
  need('replayLists', 'from', from, 'object', LISTS);
  let s = from;
  for (let k = 0; k < events.length; k++) {
    const errs = checkListEvent(s, events[k], ctx);
    if (errs.length) return fail(errs.map((p) => ({ ...p, row: k + 1 })));
    s = evolveLists(s, events[k]);
  }
  return ok(s);
}

/**
 * The events that seed the work list with the duties each level carries in the hierarchy
 * configuration (`LevelDef.duties`): one item per duty, id `W-<level>-<n>`.
 *
 * @example
 * ```ts
 * const r = replayLists(workListFromLevels(putianConfig.levels, '2022-03-01T00:00:00+08:00'), ctx);
 * if (r.ok) workListOf(r.value, 'grid').map((w) => w.duty.zh); // ['信息汇集', '网格巡查', '便民服务']
 * ```
 */
export function workListFromLevels(levels: readonly { id: string; duties: readonly LocalizedText[] }[], at: string, by?: string): ListEvent[] {
  need('workListFromLevels', 'levels', levels, 'array');
  need('workListFromLevels', 'at', at, 'string');
  need('workListFromLevels', 'by', by, 'string?');
  const out: ListEvent[] = [];
  for (const l of levels) {
    l.duties.forEach((duty, k) => {
      out.push({ type: 'list.upserted', kind: 'work', record: { id: `W-${l.id}-${k + 1}`, level: l.id, duty: { zh: duty.zh, en: duty.en }, policies: [] }, at, ...(by ? { by } : {}) });
    });
  }
  return out;
}
