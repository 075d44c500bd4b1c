/**
 * The events of `<jc-case-intake>`, `<jc-case-actions>` and `<jc-combobox>`, with typed `detail`
 * (each element's module adds its tag to `HTMLElementTagNameMap`).
 * @module
 */
import type { JcIssue } from '@jiceng/core';
import type { Attachment, CaseAction } from '@jiceng/core/cases';
import type { CaseIntake, IntakeCommands } from './case-intake/intake.js';
import type { JcComboboxChangeDetail } from './combobox/combobox.js';

/**
 * `jc-submit`: a valid intake was submitted. `discover` is ready for the core; `register`
 * needs the new case's `caseId` and `expectedVersion: 1`. `reporter` holds the contact the
 * host keeps in its case record (masked by the access layer); `files` maps attachment ids to
 * the `File`s picked in this session, for the host to upload.
 *
 * @example
 * ```ts
 * form.addEventListener('jc-submit', (e) => {
 *   const r = decideCase(e.detail.discover, actor, lookup, ctx);
 *   if (r.ok) decideCase({ ...e.detail.register, caseId: r.value[0].caseId, expectedVersion: 1 }, actor, lookup, ctx);
 * });
 * ```
 */
export interface JcSubmitDetail extends IntakeCommands {
  intake: CaseIntake;
  reporter: { reporterName?: string; reporterPhone?: string; consent: boolean; anonymous: boolean };
  files: Record<string, File>;
}

/**
 * `jc-command`: the user submitted an action form; `command` passed the core's
 * `validateCommand` and is ready for `decide`. Answer with `actions.showResult(result)`.
 *
 * @example
 * ```ts
 * actions.addEventListener('jc-command', (e) => {
 *   actions.showResult(decideCase(e.detail.command, actor, lookup, ctx));
 * });
 * ```
 */
export interface JcCommandDetail {
  action: CaseAction;
  command: Record<string, unknown> & { type: CaseAction; caseId: string; expectedVersion: number };
  files: Record<string, File>;
}

/**
 * What the host gives back after applying a command: the core's `Result` (only `ok` and
 * `errors` are read).
 *
 * @example
 * ```ts
 * actions.showResult({ ok: false, errors: [issue('E_STALE_VERSION', '案件已被他人修改', 'the case has changed')] });
 * ```
 */
export type CommandResult = { ok: true } | { ok: false; errors: readonly JcIssue[] };

/**
 * Metadata of a picked file, as recorded (the file itself stays with the host).
 *
 * @example
 * ```ts
 * const a: AttachmentMeta = { id: 'f-1', name: '现场.jpg', mime: 'image/jpeg', size: 2048 };
 * ```
 */
export type AttachmentMeta = Attachment;

declare global {
  interface HTMLElementEventMap {
    'jc-submit': CustomEvent<JcSubmitDetail>;
    'jc-command': CustomEvent<JcCommandDetail>;
    'jc-change': CustomEvent<JcComboboxChangeDetail>;
  }
}
