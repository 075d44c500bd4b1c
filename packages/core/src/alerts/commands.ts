/**
 * Alert commands and their zod schemas.
 * @module
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../errors/errors.js';
import { zodIssues } from '../cases/commands.js';
import { ALERT_KINDS, ALERT_SEVERITIES } from './rules.js';
import { ALERT_RESOLUTIONS } from './events.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const onAlert = { alertId: text(100), expectedVersion: z.number().int().min(1) };

/**
 * One zod schema per alert command.
 *
 * @example
 * ```ts
 * alertCommandSchemas.acknowledge.safeParse({ type: 'acknowledge', alertId: 'A-1', expectedVersion: 1 }).success; // true
 * ```
 */
export const alertCommandSchemas = {
  raise: z.object({
    type: z.literal('raise'), rule: text(64), kind: z.enum(ALERT_KINDS), severity: z.enum(ALERT_SEVERITIES), node: text(40),
    foundAt: z.number().finite(), count: z.number().int().min(0), baseline: z.number().finite().min(0).optional(),
    category: text(100).optional(), caseId: text(100).optional(),
  }),
  acknowledge: z.object({ type: z.literal('acknowledge'), ...onAlert, note: z.string().trim().max(2000).optional() }),
  assign: z.object({ type: z.literal('assign'), ...onAlert, to: text(100), note: z.string().trim().max(2000).optional() }),
  escalate: z.object({ type: z.literal('escalate'), ...onAlert, reason: text(2000) }),
  resolve: z.object({ type: z.literal('resolve'), ...onAlert, reason: z.enum(ALERT_RESOLUTIONS), note: z.string().trim().max(2000).optional() }),
} as const;

/** The type of each alert command. @example `const t: AlertCommandType = 'resolve';` */
export type AlertCommandType = keyof typeof alertCommandSchemas;
/** Any alert command (validated). @example `const c: AlertCommand = { type: 'acknowledge', alertId: 'A-1', expectedVersion: 1 };` */
export type AlertCommand = { [T in AlertCommandType]: z.output<(typeof alertCommandSchemas)[T]> }[AlertCommandType];

const schema = z.discriminatedUnion('type', Object.values(alertCommandSchemas) as unknown as [
  (typeof alertCommandSchemas)['raise'], ...(typeof alertCommandSchemas)[AlertCommandType][],
]);

/**
 * Validates any alert command input: the parsed command, or every field problem (zh and en).
 *
 * @example
 * ```ts
 * validateAlertCommand({ type: 'resolve', alertId: 'A-1', expectedVersion: 2, reason: 'why' }).ok; // false
 * ```
 */
export function validateAlertCommand(input: unknown): Result<AlertCommand> {
  const r = schema.safeParse(input);
  return r.success ? ok(r.data) : fail(zodIssues(r.error.issues, input));
}
