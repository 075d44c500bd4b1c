/**
 * `@jiceng/case-form`: `<jc-case-intake>` (the intake of a new case), `<jc-case-actions>` (the
 * lifecycle action forms of a case), `<jc-case-file>` (the dossier as a printable timeline) and
 * `<jc-combobox>` (the filtering text box they use to pick a category). Importing the package
 * registers the elements.
 *
 * @example
 * ```ts
 * import '@jiceng/case-form';
 * const intake = document.querySelector('jc-case-intake')!;
 * intake.categories = table;
 * intake.hierarchy = index;
 * intake.addEventListener('jc-submit', (e) => console.log(e.detail.discover));
 * ```
 * @packageDocumentation
 */
export * from './case-intake/case-intake.js';
export * from './case-intake/intake.js';
export * from './case-actions/case-actions.js';
export * from './case-actions/actions.js';
export * from './case-file/case-file.js';
export * from './case-file/i18n.js';
export * from './case-file/styles.js';
export * from './combobox/combobox.js';
export * from './shared/form-element.js';
export * from './shared/i18n.js';
export * from './shared/styles.js';
export * from './shared/attachments.js';
export * from './shared/draft.js';
export * from './define.js';
export * from './events.js';
