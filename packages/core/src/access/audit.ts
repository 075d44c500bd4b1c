/**
 * The audit trail: every read of sensitive data and every export is an event (who, why,
 * when, what, in which scope). The log is append-only; the trail an actor may see is scoped.
 * @module
 */
import { jsonOf, needIterable } from '../errors/args.js';
import type { View } from './sensitivity.js';

/**
 * One audited access.
 *
 * @example
 * ```ts
 * const e: AuditEvent = {
 *   seq: 0, at: 1764115200000, actorId: 'u1', roles: ['grid-worker@350302001001001'],
 *   action: 'read', purpose: '入户走访', kind: 'special-population', records: ['p1'],
 *   nodes: ['350302001001001001'], scope: ['350302001001001'], view: 'staff', fields: ['name'],
 * };
 * ```
 */
export interface AuditEvent {
  /** Position in the log (0-based), assigned on append. */
  seq: number;
  /** When, epoch ms. */
  at: number;
  /** Who. */
  actorId: string;
  /** The actor's grants at the time, as `role@node`. */
  roles: string[];
  /** `read` of a record with sensitive data, `export` of a file, or a `refused` attempt. */
  action: 'read' | 'export' | 'refused';
  /** Why (required for reads and exports; empty on a refusal for lack of one). */
  purpose: string;
  /** The kind of record (`case`, `person`, `special-population`, `audit`, …). */
  kind: string;
  /** Ids of the records read or exported (empty for a refusal outside the scope). */
  records: string[];
  /** Codes of the nodes the records belong to (distinct). */
  nodes: string[];
  /** Codes of the roots of the actor's scope at the time. */
  scope: string[];
  /** The view the data was shown in. */
  view: View;
  /** Fields disclosed unmasked above `internal` sensitivity. */
  fields: string[];
  /** The error code, for a refusal. */
  refusal?: string;
  /** For exports: the format. */
  format?: 'jsonl' | 'csv';
}

/**
 * An append-only, in-memory audit log. The host persists `events()` (or `toJsonLines()`)
 * and may rebuild the log from them with `AuditLog.from`.
 *
 * @example
 * ```ts
 * const log = new AuditLog();
 * const access = createAccess(actor, hierarchy, { audit: log });
 * // … reads …
 * log.size; // number of audited accesses
 * ```
 */
export class AuditLog {
  private readonly list: AuditEvent[] = [];

  /**
   * Rebuilds a log from stored events (in order); their `seq` is re-assigned.
   *
   * @example
   * ```ts
   * const copy = AuditLog.from(log.events());
   * ```
   */
  static from(events: Iterable<Omit<AuditEvent, 'seq'> & { seq?: number }>): AuditLog {
    const log = new AuditLog();
    for (const e of events) log.append(e);
    return log;
  }

  /**
   * Appends an event and returns it, frozen, with its sequence number.
   *
   * @example
   * ```ts
   * log.append({ ...event, seq: undefined });
   * ```
   */
  append(event: Omit<AuditEvent, 'seq'> & { seq?: number }): AuditEvent {
    const e = deepFreeze<AuditEvent>({ ...event, seq: this.list.length });
    this.list.push(e);
    return e;
  }

  /** Number of events. @example `log.size` */
  get size(): number {
    return this.list.length;
  }

  /**
   * All events, oldest first (a copy of the list; the events are frozen).
   *
   * @example
   * ```ts
   * log.events().filter((e) => e.action === 'export');
   * ```
   */
  events(): AuditEvent[] {
    return this.list.slice();
  }
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/**
 * Serialises records as JSON Lines: one JSON object per line, each line ending in `\n`.
 *
 * @example
 * ```ts
 * toJsonLines([{ a: 1 }, { a: 2 }]); // '{"a":1}\n{"a":2}\n'
 * ```
 */
export function toJsonLines(records: Iterable<unknown>): string {
  needIterable('toJsonLines', 'records', records);
  let out = '';
  for (const r of records) out += `${jsonOf('toJsonLines', 'records', r)}\n`;
  return out;
}
