/**
 * Commands meet scope: an actor may run a case command on a node if one of its grants
 * covers the node (its subtree contains it) and the permission table lets that grant's
 * role, at the grant node's level, run the command.
 * @module
 */
import { fail, ok, type Result } from '../errors/errors.js';
import type { Access } from './context.js';
import { accessIssue } from './messages.js';
import { can, DEFAULT_CASE_POLICY, type CasePolicy, type CaseCommandType } from '../cases/policy.js';
import { need, needAccess } from '../errors/args.js';

/**
 * Decides whether the actor may run `command` on the case at node position `pos`. Roles that
 * see only their own reports (citizens) may run their commands anywhere (they report about
 * any place) but never gain sight of others' cases. A node outside the scope is refused
 * with `E_OUT_OF_SCOPE`; a role that may not run the command with `E_NOT_PERMITTED`.
 *
 * @example
 * ```ts
 * const r = authorize(access, 'close', h.indexOf('350302001001'));
 * if (!r.ok) showError(r.errors[0]);
 * ```
 */
export function authorize(
  access: Access,
  command: CaseCommandType,
  pos: number,
  policy: CasePolicy = DEFAULT_CASE_POLICY,
): Result<{ role: string; node: string }> {
  needAccess('authorize', access);
  need('authorize', 'command', command, 'string');
  need('authorize', 'pos', pos, 'integer');
  need('authorize', 'policy', policy, 'object', { rules: 'iterable' });
  const h = access.hierarchy;
  if (!Number.isInteger(pos) || pos < 0 || pos >= h.size) return fail([accessIssue('E_UNKNOWN_NODE', String(pos))]);
  let covered = false;
  for (const g of access.actor.roles) {
    const rule = access.roles.get(g.role);
    const at = h.indexOf(g.node);
    if (!rule || at < 0) continue;
    const reaches = rule.scope === 'own-reports' || h.isAncestor(at, pos);
    if (!reaches) continue;
    covered = true;
    if (can(policy, g.role, command, h.level(at).id)) return ok({ role: g.role, node: g.node });
  }
  return fail([accessIssue(covered ? 'E_NOT_PERMITTED' : 'E_OUT_OF_SCOPE', command)]);
}
