/**
 * The fields of each lifecycle action, as data, and how typed values become a core command.
 * Whether a field is required is read from the core's zod schema of the command, so the form
 * and the core cannot disagree.
 * @module
 */
import { type CaseState } from '@jiceng/core';
import { commandSchemas, type Attachment, type CaseAction } from '@jiceng/core/cases';
import { need, needKey } from '@jiceng/core/errors';

/**
 * How a field is entered.
 *
 * @example
 * ```ts
 * const k: ActionFieldKind = 'textarea';
 * ```
 */
export type ActionFieldKind =
  | 'text' | 'textarea' | 'node' | 'category' | 'urgency' | 'amount' | 'unit' | 'yesno' | 'channel'
  | 'satisfaction' | 'checkbox' | 'attachments';

/**
 * One field of an action form. `name` is the command's field path (`limit.amount`).
 *
 * @example
 * ```ts
 * const f: ActionField = { name: 'reason', kind: 'textarea' };
 * ```
 */
export interface ActionField {
  name: string;
  kind: ActionFieldKind;
  /** For `yesno`: which pair of labels to use. */
  labels?: 'grant' | 'passed';
}

const t = (name: string): ActionField => ({ name, kind: 'text' });
const ta = (name: string): ActionField => ({ name, kind: 'textarea' });
const files: ActionField = { name: 'attachments', kind: 'attachments' };
const limit: ActionField[] = [{ name: 'limit.amount', kind: 'amount' }, { name: 'limit.unit', kind: 'unit' }];

/**
 * The fields of every action, in the order shown.
 *
 * @example
 * ```ts
 * ACTION_FIELDS.verify.map((f) => f.name); // ['passed', 'note', 'attachments']
 * ```
 */
export const ACTION_FIELDS: Readonly<Record<CaseAction, readonly ActionField[]>> = Object.freeze({
  register: [{ name: 'category', kind: 'category' }, { name: 'urgency', kind: 'urgency' }, ta('description'), t('address')],
  reject: [ta('reason')],
  linkDuplicate: [t('of'), ta('note')],
  dispatch: [{ name: 'node', kind: 'node' }, t('department'), t('person'), ta('note')],
  accept: [ta('note')],
  return: [ta('reason')],
  reportProgress: [ta('note'), files],
  requestExtension: [...limit, ta('reason')],
  decideExtension: [{ name: 'grant', kind: 'yesno', labels: 'grant' }, ta('reason')],
  requestSuspension: [ta('reason')],
  decideSuspension: [{ name: 'grant', kind: 'yesno', labels: 'grant' }, ta('reason')],
  resume: [ta('note')],
  escalate: [ta('reason')],
  reportHandled: [ta('result'), files],
  verify: [{ name: 'passed', kind: 'yesno', labels: 'passed' }, ta('note'), files],
  giveFeedback: [{ name: 'channel', kind: 'channel' }, ta('note')],
  followUp: [{ name: 'satisfaction', kind: 'satisfaction' }, { name: 'recurred', kind: 'checkbox' }, ta('note')],
  close: [ta('note')],
  reopen: [ta('reason')],
  supervise: [ta('note'), ...limit],
  recordAccountability: [t('person'), t('measure'), ta('reason')],
});

/**
 * True if the core's schema of `action` requires the top-level field of `name`.
 *
 * @example
 * ```ts
 * isRequired('verify', 'note'); // true
 * isRequired('accept', 'note'); // false
 * ```
 */
export function isRequired(action: CaseAction, name: string): boolean {
  needKey('isRequired', 'action', action, ACTION_FIELDS);
  need('isRequired', 'name', name, 'string');
  const top = name.split('.')[0];
  const shape = commandSchemas[action].shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
  const field = shape[top];
  return field !== undefined && !field.safeParse(undefined).success;
}

/**
 * The values typed into an action form, by field name.
 *
 * @example
 * ```ts
 * const v: ActionValues = { passed: 'no', note: '未整改到位' };
 * ```
 */
export type ActionValues = Record<string, string | boolean | Attachment[] | undefined>;

/**
 * Builds the command input of an action from typed values: empty optional texts are left
 * out, numbers parsed, yes/no turned into booleans. The result is checked by the core's
 * `validateCommand`, never here.
 *
 * @example
 * ```ts
 * buildActionCommand('verify', state, { passed: 'no', note: '未整改' });
 * // { type: 'verify', caseId: state.id, expectedVersion: state.version, passed: false, note: '未整改' }
 * ```
 */
export function buildActionCommand(action: CaseAction, state: Pick<CaseState, 'id' | 'version'>, values: ActionValues): Record<string, unknown> {
  needKey('buildActionCommand', 'action', action, ACTION_FIELDS);
  need('buildActionCommand', 'state', state, 'object', { id: 'string', version: 'number' });
  need('buildActionCommand', 'values', values, 'object');
  const cmd: Record<string, unknown> = { type: action, caseId: state.id, expectedVersion: state.version };
  for (const f of ACTION_FIELDS[action]) {
    const v = values[f.name];
    const required = isRequired(action, f.name);
    switch (f.kind) {
      case 'yesno':
        if (v === 'yes' || v === 'no') cmd[f.name] = v === 'yes';
        break;
      case 'checkbox':
        cmd[f.name] = v === true;
        break;
      case 'satisfaction':
        if (typeof v === 'string' && v) cmd[f.name] = Number(v);
        break;
      case 'attachments':
        if (Array.isArray(v) && v.length) cmd[f.name] = v;
        break;
      case 'amount':
      case 'unit':
        break;
      default: {
        const s = typeof v === 'string' ? v : '';
        if (required || s.trim()) cmd[f.name] = s;
      }
    }
  }
  if (ACTION_FIELDS[action].some((f) => f.kind === 'amount')) {
    const a = values['limit.amount'];
    const u = values['limit.unit'];
    const amount = (typeof a === 'string' ? a : '').trim();
    const unit = typeof u === 'string' ? u : 'workDays';
    if (amount || isRequired(action, 'limit')) cmd.limit = { amount: amount === '' ? undefined : Number(amount), unit };
  }
  return cmd;
}
