/**
 * Reading records through the access layer: filter by scope, mask by field policy and view,
 * require a purpose and write an audit event whenever personal data is disclosed unmasked.
 * Every list, dossier, export and CLI output goes through these functions.
 * @module
 */
import { needAccess, needIterable, needObject, needString } from '../errors/args.js';
import { fail, ok, type Result } from '../errors/errors.js';
import { applyMask, REDACTED } from './mask.js';
import { UNLISTED_FIELD } from './fields.js';
import { isOpenView, sensitivityRank, viewCeiling, type View } from './sensitivity.js';
import { canReadGroup, nodePosition, readRightsAt, type Access } from './context.js';
import { accessIssue } from './messages.js';
import type { AuditEvent } from './audit.js';
import { need } from '../errors/args.js';

/** Record kinds of the special-population registry: never shown on open views. @example `REGISTRY_KINDS.includes('follow-up')` */
export const REGISTRY_KINDS: readonly string[] = Object.freeze(['special-population', 'follow-up', 'handover']);

/** The text shown for an anonymous reporter's name. @example `ANONYMOUS.zh // '匿名'` */
export const ANONYMOUS = Object.freeze({ zh: '匿名', en: 'anonymous' });

const PERSONAL = sensitivityRank('personal');
const INTERNAL = sensitivityRank('internal');

/**
 * A plain record as the access layer sees it: any fields, plus `node` (code or position),
 * and optionally `id`, `reporterId`, `anonymous` (cases) and `group` (registry records).
 *
 * @example
 * ```ts
 * const r: PlainRecord = { id: 'c1', node: '350302001001001001', reporterName: '张三明' };
 * ```
 */
export type PlainRecord = Readonly<Record<string, unknown>>;

/**
 * True if the actor may see this record at all: its node is in scope (or it is the actor's
 * own report), and for registry records one of the actor's roles covers its group there.
 *
 * @example
 * ```ts
 * isVisible(access, 'case', { id: 'c1', node: '350302001001001001' });
 * ```
 */
export function isVisible(access: Access, kind: string, record: PlainRecord): boolean {
  needAccess('isVisible', access);
  needString('isVisible', 'kind', kind);
  needObject('isVisible', 'record', record);
  const pos = nodePosition(access.hierarchy, record.node);
  if (REGISTRY_KINDS.includes(kind)) {
    return typeof record.group === 'string' && access.scope.inScope(pos) && canReadGroup(access, record.group, pos);
  }
  const reporter = typeof record.reporterId === 'string' ? record.reporterId : undefined;
  return access.scope.seesCase(pos, reporter);
}

/**
 * Keeps the records the actor may see (see `isVisible`); the others leave no trace —
 * not even a count.
 *
 * @example
 * ```ts
 * const mine = filterRecords(access, 'person', people);
 * ```
 */
export function filterRecords<T extends PlainRecord>(access: Access, kind: string, records: Iterable<T>): T[] {
  needAccess('filterRecords', access);
  need('filterRecords', 'kind', kind, 'string');
  need('filterRecords', 'records', records, 'iterable');
  const out: T[] = [];
  for (const r of records) if (isVisible(access, kind, r)) out.push(r);
  return out;
}

/**
 * Keeps the cases the actor may see: those whose `node` is in scope and, for citizens,
 * those they reported (`reporterId` equal to the actor's id).
 *
 * @example
 * ```ts
 * filterCases(access, cases).length;
 * ```
 */
export function filterCases<T extends PlainRecord>(access: Access, cases: Iterable<T>): T[] {
  needAccess('filterCases', access);
  needIterable('filterCases', 'cases', cases);
  return filterRecords(access, 'case', cases);
}

/** One masked record and what it disclosed. */
interface Masked {
  value: Record<string, unknown>;
  /** Fields above `internal` disclosed unmasked. */
  disclosed: string[];
}

/** Rights per node position, memoised for the duration of one read. */
type RightsCache = Map<number, { rank: number; contactsReporters: boolean }>;

function maskOne(access: Access, kind: string, record: PlainRecord, view: View, capRank: number, cache?: RightsCache): Masked {
  const h = access.hierarchy;
  const pos = nodePosition(h, record.node);
  let rights = cache?.get(pos);
  if (!rights) {
    rights = readRightsAt(access, pos);
    cache?.set(pos, rights);
  }
  const self = typeof record.reporterId === 'string' && record.reporterId === access.actor.id;
  const rank = Math.min(rights.rank, capRank);
  const ceiling = sensitivityRank(viewCeiling(view));
  const open = isOpenView(view);
  const rules = access.fields[kind] ?? {};
  const value: Record<string, unknown> = {};
  const disclosed: string[] = [];
  let address: string | undefined;
  const addressOf = (): string => {
    if (address === undefined) {
      const a = pos >= 0 ? h.ancestorAt(pos, access.addressLevel) : -1;
      address = a >= 0 ? h.name(a) : pos >= 0 ? h.name(pos) : REDACTED;
    }
    return address;
  };
  for (const key of Object.keys(record)) {
    const rule = Object.prototype.hasOwnProperty.call(rules, key) ? rules[key] : UNLISTED_FIELD;
    const s = sensitivityRank(rule.sensitivity);
    if (s > ceiling) continue; // open views never carry personal data, not even masked
    const raw = record[key];
    let out: unknown;
    if (rule.reporter && self && !open) {
      out = raw; // a reporter reads their own details
    } else if (rule.reporter && record.anonymous === true && !(rights.contactsReporters && rank >= s)) {
      out = raw === undefined || raw === null ? raw : key === 'reporterName' ? ANONYMOUS.zh : REDACTED;
    } else if (s <= rank) {
      // Free text may quote the reporter: mask its numbers when the reporter is hidden from this reader.
      const hideReporter = record.anonymous === true && !rights.contactsReporters && !self;
      out = rule.embedsPersonal && (open || rank < PERSONAL || hideReporter) ? applyMask('text', raw) : raw;
      if (s > INTERNAL && raw !== undefined && raw !== null && raw !== '') disclosed.push(key);
    } else out = rule.mask === 'none' ? (raw === undefined ? raw : REDACTED) : applyMask(rule.mask, raw, addressOf());
    value[key] = out;
  }
  return { value, disclosed };
}

/**
 * Options of {@link viewRecords}, {@link readRecord} and {@link scopedExport}.
 *
 * @example
 * ```ts
 * const o: ReadOptions = { purpose: '矛盾纠纷调处回访', view: 'staff' };
 * ```
 */
export interface ReadOptions {
  /** Why the actor reads: required whenever personal data would be disclosed unmasked. */
  purpose?: string;
  /** Where the data is shown (default `staff`; exports use `export`). */
  view?: View;
  /**
   * Without a purpose: `refuse` (default) refuses the read if it would disclose personal
   * data; `mask` returns everything masked down to `internal` instead (for overview lists).
   */
  withoutPurpose?: 'refuse' | 'mask';
}

function grantsOf(access: Access): string[] {
  return access.actor.roles.map((g) => `${g.role}@${g.node}`);
}

function scopeCodes(access: Access): string[] {
  return access.scope.roots().map((i) => access.hierarchy.code(i));
}

/**
 * Writes an audit event for the actor (used by every read and export path).
 *
 * @example
 * ```ts
 * auditEvent(access, { action: 'read', purpose: 'x', kind: 'case', records: ['c1'], nodes: [], view: 'staff', fields: [] });
 * ```
 */
export function auditEvent(
  access: Access,
  e: Omit<AuditEvent, 'seq' | 'at' | 'actorId' | 'roles' | 'scope'>,
): AuditEvent {
  needAccess('auditEvent', access);
  need('auditEvent', 'e', e, 'object');
  return access.audit.append({
    at: access.now(),
    actorId: access.actor.id,
    roles: grantsOf(access),
    scope: scopeCodes(access),
    ...e,
  });
}

function nodeCodes(access: Access, records: readonly PlainRecord[]): string[] {
  const set = new Set<string>();
  for (const r of records) {
    const p = nodePosition(access.hierarchy, r.node);
    if (p >= 0) set.add(access.hierarchy.code(p));
  }
  return [...set];
}

function recordId(r: PlainRecord, i: number): string {
  return typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : `#${i}`;
}

/**
 * The core read path: keeps what is visible, masks it for the actor and the view, and audits
 * the read. Registry records always need a purpose and are refused on open views; other
 * records need one as soon as personal data would be disclosed unmasked.
 *
 * @example
 * ```ts
 * const r = viewRecords(access, 'case', cases, { purpose: '办理案件', view: 'staff' });
 * if (r.ok) render(r.value); // plain, already-masked records
 * ```
 */
export function viewRecords(
  access: Access,
  kind: string,
  records: Iterable<PlainRecord>,
  options: ReadOptions = {},
  action: 'read' | 'export' = 'read',
  format?: 'jsonl' | 'csv',
): Result<Record<string, unknown>[]> {
  needAccess('viewRecords', access);
  needString('viewRecords', 'kind', kind);
  needIterable('viewRecords', 'records', records);
  needObject('viewRecords', 'options', options);
  const view = options.view ?? (action === 'export' ? 'export' : 'staff');
  const purpose = (options.purpose ?? '').trim();
  const registry = REGISTRY_KINDS.includes(kind);
  const refuse = (code: 'E_NO_PURPOSE' | 'E_FORBIDDEN_VIEW') => {
    auditEvent(access, { action: 'refused', purpose, kind, records: [], nodes: [], view, fields: [], refusal: code, ...(format ? { format } : {}) });
    return fail<Record<string, unknown>[]>([accessIssue(code, kind)]);
  };
  if (registry && isOpenView(view)) return refuse('E_FORBIDDEN_VIEW');
  const visible = filterRecords(access, kind, records);
  if (registry && !purpose) return refuse('E_NO_PURPOSE');
  let cap = Number.POSITIVE_INFINITY;
  const cache: RightsCache = new Map();
  let masked = visible.map((r) => maskOne(access, kind, r, view, cap, cache));
  const disclosing = masked.some((m) => m.disclosed.length > 0);
  if (!purpose && (disclosing || action === 'export')) {
    if (options.withoutPurpose === 'mask' && action === 'read') {
      cap = INTERNAL;
      masked = visible.map((r) => maskOne(access, kind, r, view, cap, cache));
    } else return refuse('E_NO_PURPOSE');
  }
  const audited = masked.some((m) => m.disclosed.length > 0) || registry || action === 'export';
  if (audited) {
    const ids: string[] = [];
    const fields = new Set<string>();
    masked.forEach((m, i) => {
      if (action === 'export' || registry || m.disclosed.length > 0) ids.push(recordId(visible[i], i));
      for (const f of m.disclosed) fields.add(f);
    });
    auditEvent(access, {
      action, purpose, kind, records: ids, nodes: nodeCodes(access, visible), view, fields: [...fields],
      ...(format ? { format } : {}),
    });
  }
  return ok(masked.map((m) => m.value));
}

/**
 * Reads one record (a dossier): refused if it is outside the actor's scope; otherwise as
 * {@link viewRecords}.
 *
 * @example
 * ```ts
 * const r = readRecord(access, 'case', record, { purpose: '核查反馈' });
 * ```
 */
export function readRecord(
  access: Access,
  kind: string,
  record: PlainRecord,
  options: ReadOptions = {},
): Result<Record<string, unknown>> {
  needObject('readRecord', 'options', options);
  if (!isVisible(access, kind, record)) {
    const view = options.view ?? 'staff';
    auditEvent(access, {
      action: 'refused', purpose: (options.purpose ?? '').trim(), kind, records: [], nodes: [], view, fields: [],
      refusal: 'E_OUT_OF_SCOPE',
    });
    return fail([accessIssue('E_OUT_OF_SCOPE')]);
  }
  const r = viewRecords(access, kind, [record], options);
  return r.ok ? ok(r.value[0]) : r;
}

/**
 * Masks one record for the actor and the view without auditing, capped at `internal`
 * disclosure: safe for overviews and for components that show no personal data.
 *
 * @example
 * ```ts
 * maskRecord(access, 'case', record, 'wall-screen'); // no personal field at all
 * ```
 */
export function maskRecord(access: Access, kind: string, record: PlainRecord, view: View = 'staff'): Record<string, unknown> {
  needAccess('maskRecord', access);
  need('maskRecord', 'kind', kind, 'string');
  need('maskRecord', 'record', record, 'object');
  need('maskRecord', 'view', view, 'string');
  return maskOne(access, kind, record, view, INTERNAL).value;
}
