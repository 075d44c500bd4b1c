/**
 * What components receive: plain, already-masked records with the view they were prepared
 * for, and a guard that strips personal fields for open views without needing an actor.
 * DOM-free; components take these as plain data.
 * @module
 */
import type { Result } from '../errors/errors.js';
import type { Access } from './context.js';
import { DEFAULT_FIELD_POLICY, UNLISTED_FIELD, type FieldPolicy } from './fields.js';
import { REGISTRY_KINDS, viewRecords, type PlainRecord, type ReadOptions } from './read.js';
import { applyMask } from './mask.js';
import { isOpenView, sensitivityRank, viewCeiling, type View } from './sensitivity.js';
import { need } from '../errors/args.js';

/**
 * Records masked for one actor and one view, ready for a component's property.
 *
 * @example
 * ```ts
 * el.records = prepared.records; el.view = prepared.view;
 * ```
 */
export interface PreparedRecords {
  /** The record kind (`case`, `person`, …). */
  readonly kind: string;
  /** The view they were masked for. */
  readonly view: View;
  /** The records: plain objects, masked; personal fields absent on open views. */
  readonly records: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

/**
 * Prepares records for a component: scoped, masked for the actor and the view, audited when
 * personal data is disclosed (see `viewRecords`).
 *
 * @example
 * ```ts
 * const r = prepareForView(access, 'case', cases, { view: 'wall-screen' });
 * if (r.ok) wall.data = r.value;
 * ```
 */
export function prepareForView(
  access: Access,
  kind: string,
  records: Iterable<PlainRecord>,
  options: ReadOptions = {},
): Result<PreparedRecords> {
  const view = options.view ?? 'staff';
  const r = viewRecords(access, kind, records, { ...options, view });
  return r.ok ? { ok: true, value: Object.freeze({ kind, view, records: Object.freeze(r.value) }), warnings: r.warnings } : r;
}

/**
 * A second guard for components on open views: removes every field above the view's ceiling
 * (all personal and sensitive fields, and unlisted ones), masks numbers in free text, and
 * returns nothing at all for registry kinds. Needs no actor, so a wall screen can apply it to whatever it is given.
 *
 * @example
 * ```ts
 * stripForView('case', { id: 'c1', reporterName: '张三明' }, 'wall-screen'); // { id: 'c1' }
 * ```
 */
export function stripForView(
  kind: string,
  record: PlainRecord,
  view: View,
  fields: FieldPolicy = DEFAULT_FIELD_POLICY,
): Record<string, unknown> | undefined {
  need('stripForView', 'kind', kind, 'string');
  need('stripForView', 'record', record, 'object');
  need('stripForView', 'view', view, 'string');
  need('stripForView', 'fields', fields, 'object');
  if (isOpenView(view) && REGISTRY_KINDS.includes(kind)) return undefined;
  const ceiling = sensitivityRank(viewCeiling(view));
  const rules = fields[kind] ?? {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const rule = Object.prototype.hasOwnProperty.call(rules, key) ? rules[key] : UNLISTED_FIELD;
    if (sensitivityRank(rule.sensitivity) > ceiling) continue;
    out[key] = rule.embedsPersonal && isOpenView(view) ? applyMask('text', record[key]) : record[key];
  }
  return out;
}
