/**
 * Registers `<jc-case-intake>`, `<jc-case-actions>`, `<jc-case-file>` and `<jc-combobox>` (and,
 * through `@jiceng/grid-tree`, the `<jc-grid-tree>` the forms use as their node picker).
 * Importing this file defines the elements once per page, even if the bundle is loaded twice.
 *
 * @example
 * ```ts
 * import '@jiceng/case-form';
 * ```
 * @module
 */
import { defineElement } from '@jiceng/ui';
import '@jiceng/grid-tree';
import { VERSION } from './version.js';
import { JcCombobox } from './combobox/combobox.js';
import { JcCaseIntake } from './case-intake/case-intake.js';
import { JcCaseActions } from './case-actions/case-actions.js';
import { JcCaseFile } from './case-file/case-file.js';

/** The version registered with the elements. It comes from the package's package.json (src/version.ts, written at build). @example `console.log(CASE_FORM_VERSION);` */
export const CASE_FORM_VERSION: string = VERSION;

defineElement('jc-combobox', JcCombobox, CASE_FORM_VERSION);
defineElement('jc-case-intake', JcCaseIntake, CASE_FORM_VERSION);
defineElement('jc-case-actions', JcCaseActions, CASE_FORM_VERSION);
defineElement('jc-case-file', JcCaseFile, CASE_FORM_VERSION);
