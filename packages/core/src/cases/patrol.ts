/**
 * Unit patrol 单元巡查 — step 1 of the loop: patrol records per unit (who, when, findings) and
 * patrol coverage for a period (the share of units in a subtree patrolled in it).
 * @module
 */
import { badArgument, checkHierarchyArg, checkIterableArg, isObj } from './args.js';
import { fail, JcError, ok, type Result } from '../errors/errors.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import type { Actor } from './actor.js';
import { can, type CasePolicy } from './policy.js';
import { commandSchemas, zodIssues } from './commands.js';
import { caseIssue } from './messages.js';

/**
 * One patrol of one unit: plain, immutable JSON.
 *
 * @example
 * ```ts
 * const p: PatrolRecord = { id: 'p-1', unit: '350302101001001001', at: 1741000000000, actor: 'gw1', role: 'grid-worker', roleNode: '350302101001001', findings: '无异常' };
 * ```
 */
export interface PatrolRecord {
  id: string;
  /** Code of the unit patrolled. */
  unit: string;
  at: number;
  actor: string;
  role: string;
  roleNode: string;
  findings: string;
}

/**
 * Decides a `recordPatrol` command: valid input, the node is a unit (the deepest level),
 * the actor's role may patrol at its level and the unit lies in its subtree.
 *
 * @example
 * ```ts
 * const r = recordPatrol({ type: 'recordPatrol', unit: U1, findings: '楼道畅通' }, actor, ctx);
 * if (r.ok) patrols.push(r.value);
 * ```
 */
export function recordPatrol(
  input: unknown, actor: Actor,
  ctx: { hierarchy: HierarchyIndex; policy: CasePolicy; clock: () => number; newId: () => string },
): Result<PatrolRecord> {
  const a = actor as unknown as Record<string, unknown> | null;
  if (!isObj(a) || typeof a.id !== 'string' || !Array.isArray(a.roles)) return fail([caseIssue('E_INVALID_INPUT', 'actor', 'actor')]);
  if (!isObj(ctx) || !isObj(ctx.hierarchy) || typeof ctx.hierarchy.indexOf !== 'function' || !isObj(ctx.policy) || typeof ctx.clock !== 'function' || typeof ctx.newId !== 'function') {
    return fail([caseIssue('E_INVALID_INPUT', 'ctx: { hierarchy, policy, clock, newId }', 'ctx')]);
  }
  const v = commandSchemas.recordPatrol.safeParse(input);
  if (!v.success) return fail(zodIssues(v.error.issues, input));
  const h = ctx.hierarchy;
  const pos = h.indexOf(v.data.unit);
  if (pos < 0) return fail([caseIssue('E_UNKNOWN_NODE', v.data.unit, 'unit')]);
  if (h.levelOf[pos] !== h.config.levels.length - 1) return fail([caseIssue('E_NOT_UNIT', v.data.unit, 'unit')]);
  let code: 'E_NOT_PERMITTED' | 'E_OUT_OF_SCOPE' = 'E_NOT_PERMITTED';
  for (const g of actor.roles) {
    const gp = h.indexOf(g.node);
    if (gp < 0 || !can(ctx.policy, g.role, 'recordPatrol', h.config.levels[h.levelOf[gp]].id)) continue;
    if (!h.isAncestor(gp, pos)) {
      code = 'E_OUT_OF_SCOPE';
      continue;
    }
    return ok({ id: ctx.newId(), unit: v.data.unit, at: v.data.at ?? ctx.clock(), actor: actor.id, role: g.role, roleNode: g.node, findings: v.data.findings });
  }
  return fail([caseIssue(code, actor.id)]);
}

/**
 * Patrol coverage of a subtree in `[from, to)`.
 *
 * @example
 * ```ts
 * const c: PatrolCoverage = { units: 200, patrolled: 150, share: 0.75 };
 * ```
 */
export interface PatrolCoverage {
  /** Units in the subtree. */
  units: number;
  /** Units with at least one patrol in the period. */
  patrolled: number;
  /** patrolled / units (0 when there are no units). */
  share: number;
}

/**
 * The share of units under `root` (a code or position) patrolled at least once in
 * `[from, to)`. One pass over the records and one over the subtree's range.
 *
 * @example
 * ```ts
 * patrolCoverage(records, hierarchy, '350302101000', Date.parse('2025-03-01T00:00:00+08:00'), Date.parse('2025-04-01T00:00:00+08:00'));
 * ```
 */
export function patrolCoverage(
  records: Iterable<PatrolRecord>, hierarchy: HierarchyIndex, root: string | number, from: number, to: number,
): PatrolCoverage {
  checkIterableArg(records, 'records');
  checkHierarchyArg(hierarchy);
  if (typeof from !== 'number' || typeof to !== 'number' || Number.isNaN(from) || Number.isNaN(to)) throw badArgument('from/to', '时间（毫秒）', 'times in epoch ms');
  const r = typeof root === 'number' ? root : typeof root === 'string' ? hierarchy.indexOf(root) : -1;
  if (!(Number.isInteger(r) && r >= 0 && r < hierarchy.size)) throw new JcError(caseIssue('E_UNKNOWN_NODE', String(root), 'root'));
  const end = hierarchy.ends[r];
  const unitLevel = hierarchy.config.levels.length - 1;
  const seen = new Uint8Array(end - r);
  for (const p of records) {
    if (!isObj(p)) throw badArgument('records', '巡查记录列表', 'a list of patrol records');
    if (!(p.at >= from && p.at < to)) continue;
    const pos = hierarchy.indexOf(p.unit);
    if (pos >= r && pos < end) seen[pos - r] = 1;
  }
  let units = 0;
  let patrolled = 0;
  for (let i = r; i < end; i++) {
    if (hierarchy.levelOf[i] !== unitLevel) continue;
    units++;
    patrolled += seen[i - r];
  }
  return { units, patrolled, share: units ? patrolled / units : 0 };
}

/**
 * The patrols of one unit, newest first.
 *
 * @example
 * ```ts
 * patrolsOfUnit(records, '350302101001001001')[0]?.findings;
 * ```
 */
export function patrolsOfUnit(records: Iterable<PatrolRecord>, unit: string): PatrolRecord[] {
  checkIterableArg(records, 'records');
  if (typeof unit !== 'string') throw badArgument('unit', '单元编码', 'a unit code');
  const out: PatrolRecord[] = [];
  for (const p of records) {
    if (!isObj(p)) throw badArgument('records', '巡查记录列表', 'a list of patrol records');
    if (p.unit === unit) out.push(p);
  }
  return out.sort((a, b) => b.at - a.at);
}
