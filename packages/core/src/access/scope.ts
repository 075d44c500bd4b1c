/**
 * Scope: the pre-order ranges of the hierarchy an actor may see, as the union of the
 * subtrees of the nodes on which the actor holds roles; citizens see only their own reports.
 * @module
 */
import type { HierarchyIndex } from '../hierarchy/contract.js';
import type { JcIssue } from '../errors/errors.js';
import type { Actor } from '../cases/actor.js';
import type { RoleRule } from './roles.js';
import { accessIssue } from './messages.js';
import { need } from '../errors/args.js';
import { ACTOR, HIERARCHY } from '../shapes.js';

/**
 * What an actor may see: sorted, disjoint pre-order ranges `[starts[k], ends[k])` (each the
 * subtree of a node where the actor holds a role) and, for citizens, their own reports.
 *
 * @example
 * ```ts
 * const s = scopeOf(actor, hierarchy, DEFAULT_ROLE_RULES);
 * s.inScope(hierarchy.indexOf('350302001001001')); // true for that grid's worker
 * ```
 */
export interface Scope {
  /** The actor's id (reports by this reporter id are visible when `ownReports`). */
  readonly actorId: string;
  /** Start of each range (a node position: the range's root). */
  readonly starts: Int32Array;
  /** Exclusive end of each range. */
  readonly ends: Int32Array;
  /** True if the actor holds a role that sees its own reports (a citizen). */
  readonly ownReports: boolean;
  /** Grants that were ignored (unknown role or node), as warnings. */
  readonly warnings: readonly JcIssue[];
  /** True if node position `pos` lies in one of the ranges (O(log k)). */
  inScope(pos: number): boolean;
  /** True if a case at `pos` reported by `reporterId` is visible to the actor. */
  seesCase(pos: number, reporterId?: string): boolean;
  /** The root node of each range, in pre-order: the nodes a dashboard may start from. */
  roots(): number[];
}

/**
 * Builds the scope of an actor: the union of the subtrees of the nodes where the actor
 * holds `subtree` roles (nested subtrees fold into their ancestor), plus its own reports
 * for `own-reports` roles. Grants with an unknown role or node give nothing (fail closed)
 * and are listed in `warnings`.
 *
 * @example
 * ```ts
 * const s = scopeOf({ id: 'u1', roles: [{ role: 'town-officer', node: '350302001000' }] }, h, DEFAULT_ROLE_RULES);
 * s.roots().map((i) => h.code(i)); // ['350302001000']
 * ```
 */
export function scopeOf(actor: Actor, hierarchy: HierarchyIndex, roles: readonly RoleRule[]): Scope {
  need('scopeOf', 'actor', actor, 'object', ACTOR);
  need('scopeOf', 'hierarchy', hierarchy, 'object', HIERARCHY);
  need('scopeOf', 'roles', roles, 'array');
  const byId = new Map(roles.map((r) => [r.id, r]));
  const warnings: JcIssue[] = [];
  const roots: number[] = [];
  let ownReports = false;
  for (const g of actor.roles) {
    const rule = byId.get(g.role);
    if (!rule) {
      warnings.push({ ...accessIssue('E_UNKNOWN_ROLE', g.role, 'role'), severity: 'warning' });
      continue;
    }
    if (rule.scope === 'own-reports') {
      ownReports = true;
      continue;
    }
    const pos = hierarchy.indexOf(g.node);
    if (pos < 0) {
      warnings.push({ ...accessIssue('E_UNKNOWN_NODE', g.node, 'node'), severity: 'warning' });
      continue;
    }
    roots.push(pos);
  }
  roots.sort((a, b) => a - b);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const r of roots) {
    // Subtrees either nest or are disjoint: skip those inside the previous range.
    if (ends.length > 0 && r < ends[ends.length - 1]) continue;
    starts.push(r);
    ends.push(hierarchy.ends[r]);
  }
  return makeScope(actor.id, Int32Array.from(starts), Int32Array.from(ends), ownReports, warnings);
}

function makeScope(
  actorId: string,
  starts: Int32Array,
  ends: Int32Array,
  ownReports: boolean,
  warnings: JcIssue[],
): Scope {
  const inScope = (pos: number): boolean => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && pos < ends[found];
  };
  return Object.freeze({
    actorId,
    starts,
    ends,
    ownReports,
    warnings: Object.freeze(warnings),
    inScope,
    seesCase: (pos: number, reporterId?: string) =>
      (pos >= 0 && inScope(pos)) || (ownReports && reporterId !== undefined && reporterId === actorId),
    roots: () => Array.from(starts),
  });
}
