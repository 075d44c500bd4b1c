/**
 * `@jiceng/core/access`: who may see what — roles, scope, field sensitivity, masking, audit and small-cell suppression.
 * An `Access` is an actor over a hierarchy: it reads only its subtree, sees fields masked to
 * its role, and every read of personal data is audited. Which commands a role may run is the
 * case policy of `@jiceng/core/cases`.
 *
 * @example
 * ```ts
 * import { createAccess, viewRecords } from '@jiceng/core/access';
 * const access = createAccess(actor, hierarchy);
 * const r = viewRecords(access, 'case', cases, { purpose: '办理案件', view: 'staff' });
 * ```
 * @module
 */
export { auditTrail, exportAuditTrail } from './audit-trail.js';
export { type AuditEvent, AuditLog, toJsonLines } from './audit.js';
export { authorize } from './authorize.js';
export {
  DEFAULT_MIN_CELL, suppressCount, type SuppressedCell, type SuppressOptions, suppressSmallCells,
} from './cells.js';
export { type Access, type AccessOptions, createAccess, readRightsAt } from './context.js';
export { readDossier } from './dossier.js';
export { type ExportFile, type ExportOptions, scopedExport, toCsv } from './export.js';
export { DEFAULT_FIELD_POLICY, type FieldPolicy, type FieldRule, UNLISTED_FIELD } from './fields.js';
export { applyMask, maskIdNumber, maskName, maskPhone, type MaskRule, maskText, REDACTED } from './mask.js';
export { ACCESS_MESSAGES, type AccessCode, accessIssue } from './messages.js';
export { type PreparedRecords, prepareForView, stripForView } from './present.js';
export {
  ANONYMOUS, filterCases, filterRecords, maskRecord, type PlainRecord, type ReadOptions, readRecord,
  REGISTRY_KINDS, viewRecords,
} from './read.js';
export { DEFAULT_ROLE_RULES, type RoleRule } from './roles.js';
export { type Scope, scopeOf } from './scope.js';
export { scopedFacts, scopedMetrics, type ScopedMetrics, scopedRows } from './scoped-facts.js';
export { SENSITIVITIES, type Sensitivity, sensitivityRank, type View, VIEWS } from './sensitivity.js';
