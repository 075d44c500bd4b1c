/**
 * The command post's board 指挥调度: the cases waiting in a node to be registered,
 * dispatched or accepted, by deadline, and each handling body's current load.
 * @module
 */
import type { LocalizedText } from '../errors/errors.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import type { CategoryTable } from '../cases/categories.js';
import type { CaseState } from '../cases/state.js';
import { need } from '../errors/args.js';

/**
 * One waiting case on the board.
 *
 * @example
 * ```ts
 * const r: BoardRow = {
 *   caseId: 'c-1', version: 2, waitingFor: 'dispatch', node: '350302101001001', place: { zh: '网格一', en: 'Grid 1' },
 *   category: 'city.rubbish', categoryName: { zh: '垃圾', en: 'Rubbish' }, urgency: 'normal', since: 1741570200000,
 *   deadline: 1741573800000, targets: [{ node: '350302101000', name: { zh: '镇一', en: 'Town 1' } }],
 * };
 * ```
 */
export interface BoardRow {
  caseId: string;
  /** The version a command on the case must expect. */
  version: number;
  /** What the case waits for: registration 立案, dispatch 派遣, acceptance 受理. */
  waitingFor: 'register' | 'dispatch' | 'accept';
  /** Code and name of the case's node. */
  node: string;
  place: LocalizedText;
  category: string | null;
  categoryName: LocalizedText | null;
  urgency: string | null;
  /** Since when it waits (reported, registered or dispatched). */
  since: number;
  /** The deadline of the step it waits for (`NaN` when the step has none, e.g. registration). */
  deadline: number;
  /** The handling body it waits on (acceptance). */
  handler?: string;
  /** Bodies on the case's path, inside the board's node, it may be dispatched to (dispatch only). */
  targets: { node: string; name: LocalizedText }[];
}

/**
 * A handling body's current load: cases dispatched to it and not yet handled.
 *
 * @example
 * ```ts
 * const l: BoardLoad = { node: '350302101001', name: { zh: '村一', en: 'Village 1' }, waiting: 2, handling: 5, overdue: 1 };
 * ```
 */
export interface BoardLoad {
  node: string;
  name: LocalizedText;
  /** Dispatched, not yet accepted. */
  waiting: number;
  /** Accepted and being handled (or suspended). */
  handling: number;
  /** Of those, past their deadline now. */
  overdue: number;
}

/**
 * The board of node `node` at time `now`: the waiting cases in its subtree sorted by
 * deadline (those without a deadline last, oldest first), and the load of the node and each
 * of its children (cases handled anywhere in a child's subtree count for the child).
 *
 * @example
 * ```ts
 * const b = dispatchBoard(store.all(), { hierarchy, categories }, hierarchy.indexOf(town), Date.now());
 * board.rows = b.rows; board.loads = b.loads;
 * ```
 */
export function dispatchBoard(
  cases: Iterable<CaseState>, ctx: { hierarchy: HierarchyIndex; categories: CategoryTable }, node: number, now: number,
): { rows: BoardRow[]; loads: BoardLoad[] } {
  need('dispatchBoard', 'cases', cases, 'iterable');
  need('dispatchBoard', 'ctx', ctx, 'object', { hierarchy: 'object', categories: 'object' });
  need('dispatchBoard', 'node', node, 'integer');
  need('dispatchBoard', 'now', now, 'time');
  const h = ctx.hierarchy;
  const nameOf = (p: number): LocalizedText => ({ zh: h.name(p), en: h.nameEn(p) });
  const bodies = [node, ...h.children(node)];
  const loads: BoardLoad[] = bodies.map((b) => ({ node: h.code(b), name: nameOf(b), waiting: 0, handling: 0, overdue: 0 }));
  const rows: BoardRow[] = [];
  for (const s of cases) {
    const pos = h.indexOf(s.node);
    if (pos < 0 || !h.isAncestor(node, pos)) continue;
    const cat = s.category === null ? undefined : ctx.categories.get(s.category);
    const base = {
      caseId: s.id, version: s.version, node: s.node, place: nameOf(pos), category: s.category,
      categoryName: cat ? cat.name : null, urgency: s.urgency, targets: [] as BoardRow['targets'],
    };
    if (s.status === 'discovered') rows.push({ ...base, waitingFor: 'register', since: s.reportedAt, deadline: NaN });
    else if (s.status === 'registered') {
      const targets = h.path(pos).filter((p) => h.isAncestor(node, p)).map((p) => ({ node: h.code(p), name: nameOf(p) }));
      rows.push({ ...base, waitingFor: 'dispatch', since: s.registeredAt, deadline: s.dispatchDueAt, targets });
    } else if (s.status === 'dispatched') rows.push({ ...base, waitingFor: 'accept', since: s.lastAt, deadline: s.dueAt, handler: s.handler ?? undefined });
    if (s.handler === null || !(s.status === 'dispatched' || s.status === 'handling' || s.status === 'suspended')) continue;
    const hp = h.indexOf(s.handler);
    if (hp < 0 || !h.isAncestor(node, hp)) continue;
    let k = 0;
    for (let i = 1; i < bodies.length; i++) if (h.isAncestor(bodies[i], hp)) k = i;
    if (s.status === 'dispatched') loads[k].waiting++;
    else loads[k].handling++;
    if (s.status !== 'suspended' && s.dueAt <= now) loads[k].overdue++;
  }
  rows.sort((a, b) => {
    const da = a.deadline === a.deadline ? a.deadline : Infinity;
    const db = b.deadline === b.deadline ? b.deadline : Infinity;
    return da - db || a.since - b.since || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);
  });
  return { rows, loads };
}
