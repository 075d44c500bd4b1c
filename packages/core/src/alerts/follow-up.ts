/**
 * The special-population rule: overdue follow-ups counted per node — counts only, for the
 * roles the rule allows, through the access layer's registry figures (scope, suppression of
 * small counts, no names).
 * @module
 */
import { fail, ok, type Result } from '../errors/errors.js';
import type { Access } from '../access/context.js';
import { accessIssue } from '../access/messages.js';
import type { RegistryState } from '../registry/events.js';
import { registryFigures } from '../registry/view.js';
import type { AlertFinding } from './engine.js';
import type { AlertRuleOf } from './rules.js';
import { need, needAccess } from '../errors/args.js';
import { REGISTRY } from '../shapes.js';

/**
 * Findings of a `followUp` rule at `now`: each node of the rule's level in the actor's
 * scope with at least `minOverdue` overdue mental-health follow-ups. Refused (`E_NOT_PERMITTED`)
 * unless the actor holds one of the rule's roles; counts the registry would suppress
 * (below the minimum cell) give no finding.
 *
 * @example
 * ```ts
 * const r = followUpFindings(access, registry, rule, Date.now());
 * if (r.ok) r.value.map((f) => `${f.node}: ${f.count}`);
 * ```
 */
export function followUpFindings(access: Access, registry: RegistryState, rule: AlertRuleOf<'followUp'>, now: number): Result<AlertFinding[]> {
  needAccess('followUpFindings', access);
  need('followUpFindings', 'registry', registry, 'object', REGISTRY);
  need('followUpFindings', 'rule', rule, 'object', { id: 'string' });
  need('followUpFindings', 'now', now, 'time');
  if (!access.actor.roles.some((g) => rule.roles.includes(g.role))) return fail([accessIssue('E_NOT_PERMITTED', rule.id)]);
  const h = access.hierarchy;
  const lv = h.config.levels.findIndex((l) => l.id === rule.level);
  const nodes: number[] = [];
  for (let i = 0; i < h.size; i++) if (h.levelOf[i] === lv && access.scope.inScope(i)) nodes.push(i);
  const r = registryFigures(access, registry, nodes, { now, purpose: `alert ${rule.id}` });
  if (!r.ok) return r;
  return ok(r.value.flatMap((f) => (f.overdueFollowUps !== null && f.overdueFollowUps >= rule.minOverdue
    ? [{ rule: rule.id, kind: 'followUp' as const, severity: rule.severity, at: now, node: f.node, count: f.overdueFollowUps }]
    : [])));
}
