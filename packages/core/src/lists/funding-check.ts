/**
 * The checks and the fold of the funding events (called by the list events' check and
 * reducer): budgets, purposes (专款专用), periods, fiscal levels (列入同级财政预算), targets, and
 * the release of a cancelled project's unspent money.
 * @module
 */
import type { LocalizedText } from '../errors/errors.js';
import type { ListContext } from './context.js';
import {
  allocatedBySource, inPeriod, isAmount, netCents, toCents,
  type Allocation, type FundingEvent, type FundingLedger, type FundingSource, type FundingTarget,
} from './funding.js';
import type { ListsState } from './types.js';
import { need } from '../errors/args.js';
import { LISTS, LEDGER } from '../shapes.js';

/** Reports one problem: code, zh, en, field. @example `const err: FundingErr = (code, zh, en) => console.log(code, en);` */
export type FundingErr = (code: string, zh: string, en: string, field?: string) => void;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: unknown): s is string => typeof s === 'string' && DATE.test(s) && !Number.isNaN(Date.parse(s));
const isText = (t: unknown): t is LocalizedText => !!t && typeof t === 'object' && typeof (t as LocalizedText).zh === 'string' && (t as LocalizedText).zh.trim() !== '';
const yuan = (cents: number) => (cents / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * The node code an allocation target sits at (a project's owner, a work item's node).
 *
 * @example
 * ```ts
 * targetNode(state, { kind: 'project', id: 'PRJ-1' }); // '350302001000'
 * ```
 */
export function targetNode(state: ListsState, t: FundingTarget): string | undefined {
  need('targetNode', 'state', state, 'object', LISTS);
  need('targetNode', 't', t, 'object', { kind: 'string' });
  return t.kind === 'project' ? state.projects[t.id]?.owner : t.node;
}

function checkSource(state: ListsState, s: FundingSource, ctx: ListContext, err: FundingErr): void {
  if (!s || typeof s !== 'object') { err('E_FUND_FIELD', '缺少资金来源', 'missing funding source'); return; }
  if (typeof s.id !== 'string' || s.id.trim() === '') err('E_LIST_ID', '缺少编号', 'missing id', 'id');
  if (!isText(s.name)) err('E_LIST_TEXT', '资金来源缺少中文名称', 'funding source without a Chinese name', 'name');
  if (typeof s.level !== 'string' || (ctx.levels && !ctx.levels.includes(s.level))) err('E_LIST_LEVEL', `层级不存在：${String(s.level)}`, `no such level: ${String(s.level)}`, 'level');
  if (typeof s.node !== 'string' || (ctx.nodeExists && !ctx.nodeExists(s.node))) err('E_LIST_NODE', `节点编码不存在：${String(s.node)}`, `no such node code: ${String(s.node)}`, 'node');
  else if (ctx.levelOf && typeof s.level === 'string' && ctx.levelOf(s.node) !== s.level) {
    err('E_FUND_LEVEL', `资金须列入同级财政预算：节点 ${s.node} 不是 ${s.level} 级`, `funds sit in the budget of their own level: node ${s.node} is not of level ${s.level}`, 'node');
  }
  if (!isAmount(s.budget, true)) err('E_FUND_AMOUNT', `预算须为非负金额（至多两位小数）：${String(s.budget)}`, `the budget must be a non-negative amount (at most two decimals): ${String(s.budget)}`, 'budget');
  if (!Array.isArray(s.purposes) || s.purposes.length === 0 || s.purposes.some((p) => typeof p !== 'string' || p.trim() === '')) {
    err('E_FUND_PURPOSE', '资金来源须写明用途（专款专用）', 'a funding source must name its purposes (专款专用)', 'purposes');
  }
  if (!s.period || !isDate(s.period.from) || !isDate(s.period.to) || s.period.from > s.period.to) {
    err('E_FUND_PERIOD', '资金期限须为 YYYY-MM-DD 且起不晚于止', 'the period must be YYYY-MM-DD dates, from not after to', 'period');
  }
  if (!Array.isArray(s.policies)) err('E_LIST_FIELD', '政策依据须为列表', 'policies must be a list', 'policies');
  else for (const p of s.policies) if (!state.policies[p]) err('E_LIST_POLICY_REF', `引用的政策文件不存在：${String(p)}`, `cited policy document does not exist: ${String(p)}`, 'policies');
  const old = typeof s.id === 'string' ? state.funding.sources[s.id] : undefined;
  if (old && isAmount(s.budget, true)) {
    const allocated = allocatedBySource(state.funding).get(s.id) ?? 0;
    if (toCents(s.budget) < allocated) {
      err('E_FUND_BUDGET_BELOW_ALLOCATED', `预算不能低于已分配的 ${yuan(allocated)} 元`, `the budget cannot fall below the ${yuan(allocated)} yuan already allocated`, 'budget');
    }
  }
}

function checkTarget(state: ListsState, t: FundingTarget, src: FundingSource | undefined, ctx: ListContext, err: FundingErr): void {
  if (!t || (t.kind !== 'project' && t.kind !== 'work') || typeof t.id !== 'string') { err('E_FUND_TARGET', '资金去向须为项目或工作事项', 'an allocation funds a project or a work item', 'target'); return; }
  if (t.kind === 'project') {
    const p = state.projects[t.id];
    if (!p) { err('E_FUND_TARGET', `项目不存在：${t.id}`, `no such project: ${t.id}`, 'target'); return; }
    if (p.status === 'cancelled') { err('E_FUND_PROJECT_CANCELLED', `项目已取消，不能再分配或支出资金：${t.id}`, `the project is cancelled; no money can be allocated to or spent on it: ${t.id}`, 'target'); return; }
  } else {
    const w = state.work[t.id];
    if (!w) { err('E_FUND_TARGET', `工作事项不存在：${t.id}`, `no such work item: ${t.id}`, 'target'); return; }
    if (typeof t.node !== 'string' || (ctx.nodeExists && !ctx.nodeExists(t.node))) { err('E_LIST_NODE', `节点编码不存在：${String(t.node)}`, `no such node code: ${String(t.node)}`, 'target'); return; }
    if (ctx.levelOf && ctx.levelOf(t.node) !== w.level) { err('E_FUND_TARGET', `工作事项 ${t.id} 属于 ${w.level} 级，节点 ${t.node} 不是`, `work item ${t.id} belongs to level ${w.level}; node ${t.node} does not`, 'target'); return; }
  }
  const node = targetNode(state, t);
  if (src && node && ctx.isWithin && !ctx.isWithin(src.node, node)) {
    err('E_FUND_SCOPE', `${src.node} 的预算资金只能用于其辖区：${node} 不在其中`, `the budget of ${src.node} funds only its own area: ${node} is outside it`, 'target');
  }
}

/**
 * Checks a funding event against the lists' state; problems go to `err`.
 *
 * @example
 * ```ts
 * const errs: string[] = [];
 * checkFundingEvent(state, { type: 'funding.released', allocation: 'A-9' }, '2024-05-01', {}, (code) => errs.push(code));
 * errs; // ['E_FUND_UNKNOWN_ALLOCATION']
 * ```
 */
export function checkFundingEvent(state: ListsState, e: FundingEvent, _at: string, ctx: ListContext, err: FundingErr): void {
  need('checkFundingEvent', 'state', state, 'object', LISTS);
  need('checkFundingEvent', 'e', e, 'object', { type: 'string' });
  need('checkFundingEvent', 'ctx', ctx, 'object');
  need('checkFundingEvent', 'err', err, 'function');
  const ledger = state.funding;
  switch (e.type) {
    case 'funding.source':
      checkSource(state, e.source, ctx, err);
      break;
    case 'funding.allocated': {
      const a = e.allocation;
      if (!a || typeof a !== 'object') { err('E_FUND_FIELD', '缺少分配记录', 'missing allocation'); break; }
      if (typeof a.id !== 'string' || a.id.trim() === '') err('E_LIST_ID', '缺少编号', 'missing id', 'id');
      else if (ledger.allocations[a.id]) err('E_FUND_DUPLICATE', `分配编号已存在：${a.id}`, `allocation id already used: ${a.id}`, 'id');
      const src = ledger.sources[a.source];
      if (!src) err('E_FUND_UNKNOWN_SOURCE', `资金来源不存在：${String(a.source)}`, `no such funding source: ${String(a.source)}`, 'source');
      checkTarget(state, a.target, src, ctx, err);
      if (!isAmount(a.amount)) { err('E_FUND_AMOUNT', `金额须为正数（至多两位小数）：${String(a.amount)}`, `the amount must be positive (at most two decimals): ${String(a.amount)}`, 'amount'); break; }
      if (!isDate(a.date)) err('E_LIST_DATE', `日期须为 YYYY-MM-DD：${String(a.date)}`, `date must be YYYY-MM-DD: ${String(a.date)}`, 'date');
      if (!src) break;
      if (isDate(a.date) && !inPeriod(a.date, src.period)) err('E_FUND_PERIOD', `${a.date} 不在资金期限 ${src.period.from}—${src.period.to} 内`, `${a.date} is outside the source's period ${src.period.from}–${src.period.to}`, 'date');
      if (!src.purposes.includes(a.purpose)) err('E_FUND_PURPOSE', `专款专用：${src.id} 不能用于“${String(a.purpose)}”（限于 ${src.purposes.join('、')}）`, `earmarked: ${src.id} may not be used for "${String(a.purpose)}" (only ${src.purposes.join(', ')})`, 'purpose');
      const left = toCents(src.budget) - (allocatedBySource(ledger).get(src.id) ?? 0);
      if (toCents(a.amount) > left) err('E_FUND_OVER_BUDGET', `超出资金来源余额：${src.id} 仅剩 ${yuan(left)} 元，申请 ${yuan(toCents(a.amount))} 元`, `more than the source has left: ${src.id} has ${yuan(left)} yuan, asked for ${yuan(toCents(a.amount))}`, 'amount');
      break;
    }
    case 'funding.spent': {
      const s = e.spending;
      if (!s || typeof s !== 'object') { err('E_FUND_FIELD', '缺少支出记录', 'missing spending'); break; }
      if (typeof s.id !== 'string' || s.id.trim() === '') err('E_LIST_ID', '缺少编号', 'missing id', 'id');
      else if (ledger.spendings[s.id]) err('E_FUND_DUPLICATE', `支出编号已存在：${s.id}`, `spending id already used: ${s.id}`, 'id');
      const a = ledger.allocations[s.allocation];
      if (!a) { err('E_FUND_UNKNOWN_ALLOCATION', `资金分配不存在：${String(s.allocation)}`, `no such allocation: ${String(s.allocation)}`, 'allocation'); break; }
      const src = ledger.sources[a.source];
      if (a.target.kind === 'project' && state.projects[a.target.id]?.status === 'cancelled') {
        err('E_FUND_PROJECT_CANCELLED', `项目已取消，不能再分配或支出资金：${a.target.id}`, `the project is cancelled; no money can be allocated to or spent on it: ${a.target.id}`, 'allocation');
      }
      if (!isAmount(s.amount)) { err('E_FUND_AMOUNT', `金额须为正数（至多两位小数）：${String(s.amount)}`, `the amount must be positive (at most two decimals): ${String(s.amount)}`, 'amount'); break; }
      if (!isDate(s.date)) err('E_LIST_DATE', `日期须为 YYYY-MM-DD：${String(s.date)}`, `date must be YYYY-MM-DD: ${String(s.date)}`, 'date');
      else if (src && !inPeriod(s.date, src.period)) err('E_FUND_PERIOD', `${s.date} 不在资金期限 ${src.period.from}—${src.period.to} 内`, `${s.date} is outside the source's period ${src.period.from}–${src.period.to}`, 'date');
      if (src && !src.purposes.includes(s.purpose)) err('E_FUND_PURPOSE', `专款专用：${src.id} 不能用于“${String(s.purpose)}”（限于 ${src.purposes.join('、')}）`, `earmarked: ${src.id} may not be spent on "${String(s.purpose)}" (only ${src.purposes.join(', ')})`, 'purpose');
      const left = netCents(a) - toCents(a.spent);
      if (toCents(s.amount) > left) err('E_FUND_OVER_ALLOCATION', `超出分配余额：${a.id} 仅剩 ${yuan(left)} 元`, `more than the allocation has left: ${a.id} has ${yuan(left)} yuan`, 'amount');
      break;
    }
    case 'funding.released': {
      const a = ledger.allocations[e.allocation];
      if (!a) { err('E_FUND_UNKNOWN_ALLOCATION', `资金分配不存在：${String(e.allocation)}`, `no such allocation: ${String(e.allocation)}`, 'allocation'); break; }
      const unspent = netCents(a) - toCents(a.spent);
      if (e.amount !== undefined && (!isAmount(e.amount) || toCents(e.amount) > unspent)) {
        err('E_FUND_AMOUNT', `释放金额须为正数且不超过未支出的 ${yuan(unspent)} 元`, `the released amount must be positive and at most the ${yuan(unspent)} yuan unspent`, 'amount');
      }
      break;
    }
  }
}

/**
 * Folds a checked funding event into a (draft) ledger.
 *
 * @example
 * ```ts
 * const next = produce(state, (d) => { applyFunding(d.funding, event); });
 * ```
 */
export function applyFunding(ledger: FundingLedger, e: FundingEvent): void {
  need('applyFunding', 'ledger', ledger, 'object', LEDGER);
  need('applyFunding', 'e', e, 'object', { type: 'string' });
  switch (e.type) {
    case 'funding.source': {
      const s = e.source;
      ledger.sources[s.id] = { id: s.id, name: { zh: s.name.zh, en: s.name.en }, level: s.level, node: s.node, budget: s.budget, purposes: [...s.purposes], period: { from: s.period.from, to: s.period.to }, policies: [...s.policies] };
      break;
    }
    case 'funding.allocated': {
      const a = e.allocation;
      const target: FundingTarget = a.target.kind === 'project' ? { kind: 'project', id: a.target.id } : { kind: 'work', id: a.target.id, node: a.target.node };
      ledger.allocations[a.id] = { id: a.id, source: a.source, target, amount: a.amount, purpose: a.purpose, date: a.date, released: 0, spent: 0 };
      break;
    }
    case 'funding.spent': {
      const s = e.spending;
      ledger.spendings[s.id] = { id: s.id, allocation: s.allocation, amount: s.amount, purpose: s.purpose, date: s.date, ...(s.note ? { note: s.note } : {}) };
      const a = ledger.allocations[s.allocation];
      a.spent = (toCents(a.spent) + toCents(s.amount)) / 100;
      break;
    }
    case 'funding.released': {
      const a = ledger.allocations[e.allocation];
      const unspent = netCents(a) - toCents(a.spent);
      a.released = (toCents(a.released) + (e.amount === undefined ? unspent : toCents(e.amount))) / 100;
      break;
    }
  }
}

/**
 * Releases every unspent yuan of the allocations to a project (it was cancelled): what was
 * spent stays spent, the rest goes back to the sources.
 *
 * @example
 * ```ts
 * releaseProject(draft.funding, 'PRJ-1');
 * ```
 */
export function releaseProject(ledger: FundingLedger, projectId: string): void {
  need('releaseProject', 'ledger', ledger, 'object', LEDGER);
  need('releaseProject', 'projectId', projectId, 'string');
  for (const a of Object.values<Allocation>(ledger.allocations)) {
    if (a.target.kind !== 'project' || a.target.id !== projectId) continue;
    a.released = (toCents(a.amount) - toCents(a.spent)) / 100;
  }
}
