/**
 * Sorting a command's problems by field, and the core's length limits: what both form
 * elements need to show a problem next to its field.
 * @module
 */
import { type JcIssue } from '@jiceng/core';
import { TEXT_LIMITS } from '@jiceng/core/cases';

/** Problems by field (the first of each), and the rest (not about a field shown). */
export function byField(errors: readonly JcIssue[], fields: readonly string[]): { fields: Map<string, JcIssue>; rest: JcIssue[] } {
  const map = new Map<string, JcIssue>();
  const rest: JcIssue[] = [];
  for (const e of errors) {
    const col = e.column ?? '';
    const f = fields.find((n) => col === n || col.startsWith(`${n}.`)) ?? (col.startsWith('attachments') ? 'attachments' : undefined);
    if (f && fields.includes(f)) {
      if (!map.has(f)) map.set(f, e);
    } else rest.push(e);
  }
  return { fields: map, rest };
}

/** The core's length limit of a text field (the reporter's name is the core's `reporter`). */
export function limitOf(field: string): number | undefined {
  const key = field === 'reporterName' ? 'reporter' : field;
  return Object.prototype.hasOwnProperty.call(TEXT_LIMITS, key) ? (TEXT_LIMITS as Record<string, number>)[key] : undefined;
}
