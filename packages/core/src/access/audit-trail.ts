/**
 * The audit trail as a reader sees it: scoped like everything else, and exportable.
 * @module
 */
import { fail, ok, type Result } from '../errors/errors.js';
import { toJsonLines, type AuditEvent } from './audit.js';
import type { Access } from './context.js';
import { accessIssue } from './messages.js';
import { auditEvent } from './read.js';
import { need, needAccess } from '../errors/args.js';

/**
 * The audit events the actor may read: its own, and — for roles with `audits` — those whose
 * records all lie in its scope (an event about records outside the scope stays hidden, so
 * the trail reveals nothing of other areas). Refused for actors without an auditing role
 * who ask for more than their own.
 *
 * @example
 * ```ts
 * const r = auditTrail(access);
 * if (r.ok) r.value.filter((e) => e.action === 'export');
 * ```
 */
export function auditTrail(access: Access, options: { ownOnly?: boolean } = {}): Result<AuditEvent[]> {
  needAccess('auditTrail', access);
  need('auditTrail', 'options', options, 'object');
  const auditor = access.grants.some((g) => g.rule.audits === true);
  if (!auditor && !options.ownOnly) return fail([accessIssue('E_NOT_PERMITTED', 'audit')]);
  const h = access.hierarchy;
  const out: AuditEvent[] = [];
  for (const e of access.audit.events()) {
    if (e.actorId === access.actor.id) {
      out.push(e);
      continue;
    }
    if (!auditor || options.ownOnly) continue;
    const nodes = e.nodes.length > 0 ? e.nodes : e.scope;
    const auditorGrants = access.grants.filter((g) => g.rule.audits === true);
    if (
      nodes.length > 0 &&
      nodes.every((c) => {
        const p = h.indexOf(c);
        return p >= 0 && auditorGrants.some((g) => h.isAncestor(g.pos, p));
      })
    ) out.push(e);
  }
  return ok(out);
}

/**
 * Exports the scoped audit trail as JSON Lines; the export is itself audited and needs a
 * purpose.
 *
 * @example
 * ```ts
 * const r = exportAuditTrail(access, '季度审计');
 * if (r.ok) save('audit.jsonl', r.value);
 * ```
 */
export function exportAuditTrail(access: Access, purpose: string): Result<string> {
  needAccess('exportAuditTrail', access);
  need('exportAuditTrail', 'purpose', purpose, 'string');
  const why = purpose.trim();
  if (!why) {
    auditEvent(access, { action: 'refused', purpose: '', kind: 'audit', records: [], nodes: [], view: 'export', fields: [], refusal: 'E_NO_PURPOSE' });
    return fail([accessIssue('E_NO_PURPOSE', 'audit')]);
  }
  const trail = auditTrail(access);
  if (!trail.ok) return trail;
  auditEvent(access, {
    action: 'export', purpose: why, kind: 'audit', records: trail.value.map((e) => String(e.seq)),
    nodes: [], view: 'export', fields: [], format: 'jsonl',
  });
  return ok(toJsonLines(trail.value));
}
