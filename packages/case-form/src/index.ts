/**
 * `@jiceng/case-form`: `<jc-case-form>` (intake of a new case; lifecycle action forms with
 * `mode="action"`) and `<jc-case-file>` (the dossier as a printable timeline). Importing the
 * package registers both elements.
 *
 * @example
 * ```ts
 * import '@jiceng/case-form';
 * const form = document.querySelector('jc-case-form')!;
 * form.categories = table;
 * form.hierarchy = index;
 * form.addEventListener('jc-submit', (e) => console.log(e.detail.discover));
 * ```
 * @packageDocumentation
 */
export * from './case-form.js';
export * from './case-file.js';
export * from './define.js';
export * from './events.js';
export * from './i18n.js';
export * from './intake.js';
export * from './actions.js';
export * from './attachments.js';
export * from './draft.js';
export * from './styles.js';
