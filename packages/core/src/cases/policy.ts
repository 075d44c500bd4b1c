/**
 * Which role may run which case command at which level: the role × command × level
 * permission table, as data. Scope (the actor's subtree) and the case's state are checked by
 * the case loop on top of this table.
 * @module
 */

/**
 * Every command of the case loop (plus `recordPatrol`).
 *
 * @example
 * ```ts
 * CASE_COMMAND_TYPES.includes('verify'); // true
 * ```
 */
export const CASE_COMMAND_TYPES = [
  'recordPatrol', 'discover', 'register', 'reject', 'linkDuplicate', 'dispatch', 'accept', 'return',
  'reportProgress', 'requestExtension', 'decideExtension', 'requestSuspension', 'decideSuspension', 'resume',
  'escalate', 'reportHandled', 'verify', 'giveFeedback', 'followUp', 'close', 'reopen', 'supervise',
  'recordAccountability',
] as const;
import { need } from '../errors/args.js';
/** A command type id. @example `const c: CaseCommandType = 'close';` */
export type CaseCommandType = (typeof CASE_COMMAND_TYPES)[number];

/**
 * One row of the table: `role` may run `commands` when its grant node sits at one of
 * `levels` (absent: any level).
 *
 * @example
 * ```ts
 * const r: PolicyRule = { role: 'village-officer', commands: ['dispatch', 'close'], levels: ['village'] };
 * ```
 */
export interface PolicyRule {
  role: string;
  commands: readonly CaseCommandType[];
  levels?: readonly string[];
}

/**
 * A permission table. Build your own or extend {@link DEFAULT_CASE_POLICY}.
 *
 * @example
 * ```ts
 * const p: CasePolicy = { rules: [...DEFAULT_CASE_POLICY.rules, { role: 'police', commands: ['discover'] }] };
 * ```
 */
export interface CasePolicy {
  rules: readonly PolicyRule[];
}

const HANDLE: CaseCommandType[] = ['accept', 'return', 'reportProgress', 'requestExtension', 'requestSuspension', 'reportHandled', 'escalate'];
const INTAKE: CaseCommandType[] = ['discover', 'register', 'reject', 'linkDuplicate', 'dispatch'];
const CHECK: CaseCommandType[] = ['verify', 'giveFeedback', 'followUp'];
const DECIDE: CaseCommandType[] = ['decideExtension', 'decideSuspension', 'resume'];
const OVERSIGHT: CaseCommandType[] = ['supervise', 'recordAccountability'];

/**
 * The default table for a six-level hierarchy (level ids `city` … `unit`; role ids as in
 * the access layer's `DEFAULT_ROLE_RULES`, plus `department-officer`, `hotline-operator`
 * and `supervisor`). Grid workers patrol, report, handle and verify; officers from the
 * village up also register, dispatch, decide requests and close; towns and up supervise.
 * [inferred] from the duties per level in the seed.
 *
 * @example
 * ```ts
 * can(DEFAULT_CASE_POLICY, 'grid-worker', 'recordPatrol', 'grid'); // true
 * can(DEFAULT_CASE_POLICY, 'grid-worker', 'close', 'grid');        // false
 * ```
 */
export const DEFAULT_CASE_POLICY: CasePolicy = Object.freeze({
  rules: Object.freeze([
    { role: 'citizen', commands: ['discover'] },
    { role: 'volunteer', commands: ['discover'] },
    { role: 'party-member', commands: ['discover'] },
    { role: 'unit-head', commands: ['recordPatrol', 'discover'], levels: ['unit', 'grid'] },
    { role: 'grid-worker', commands: ['recordPatrol', 'discover', ...HANDLE, ...CHECK], levels: ['grid'] },
    { role: 'grid-head', commands: ['recordPatrol', ...INTAKE, ...HANDLE, ...CHECK, 'close'], levels: ['grid'] },
    { role: 'village-officer', commands: [...INTAKE, ...HANDLE, ...CHECK, ...DECIDE, 'close', 'reopen'], levels: ['village'] },
    { role: 'town-officer', commands: [...INTAKE, ...HANDLE, ...CHECK, ...DECIDE, 'close', 'reopen', ...OVERSIGHT], levels: ['town'] },
    { role: 'county-officer', commands: [...INTAKE, ...HANDLE, ...CHECK, ...DECIDE, 'close', 'reopen', ...OVERSIGHT], levels: ['county'] },
    { role: 'city-officer', commands: [...INTAKE, ...HANDLE, ...CHECK, ...DECIDE, 'close', 'reopen', ...OVERSIGHT], levels: ['city'] },
    { role: 'department-officer', commands: HANDLE, levels: ['city', 'county', 'town'] },
    { role: 'hotline-operator', commands: ['discover', 'giveFeedback', 'followUp'], levels: ['city', 'county'] },
    { role: 'supervisor', commands: [...OVERSIGHT, 'reopen'], levels: ['city', 'county', 'town'] },
  ] satisfies PolicyRule[]),
});

const compiled = new WeakMap<CasePolicy, Map<string, Set<string> | null>>();

function compile(policy: CasePolicy): Map<string, Set<string> | null> {
  let m = compiled.get(policy);
  if (m) return m;
  m = new Map();
  for (const r of policy.rules) {
    for (const c of r.commands) {
      const key = `${r.role}\u0000${c}`;
      const prev = m.get(key);
      if (prev === null) continue;
      if (!r.levels) m.set(key, null);
      else {
        const s = prev ?? new Set<string>();
        for (const l of r.levels) s.add(l);
        m.set(key, s);
      }
    }
  }
  compiled.set(policy, m);
  return m;
}

/**
 * True if the table lets `role`, held on a node of level `level`, run `command`.
 *
 * @example
 * ```ts
 * can(DEFAULT_CASE_POLICY, 'village-officer', 'close', 'village'); // true
 * can(DEFAULT_CASE_POLICY, 'village-officer', 'close', 'grid');    // false: wrong level
 * ```
 */
export function can(policy: CasePolicy, role: string, command: CaseCommandType, level: string): boolean {
  need('can', 'policy', policy, 'object', { rules: 'iterable' });
  need('can', 'role', role, 'string');
  need('can', 'command', command, 'string');
  need('can', 'level', level, 'string');
  const levels = compile(policy).get(`${role}\u0000${command}`);
  return levels === null || (levels !== undefined && levels.has(level));
}
