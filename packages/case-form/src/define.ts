/**
 * Registers `<jc-case-form>` and `<jc-case-file>` (and, through `@jiceng/grid-tree`, the
 * `<jc-grid-tree>` the form uses as its node picker). Importing this file defines the
 * elements once per page, even if the bundle is loaded twice.
 *
 * @example
 * ```ts
 * import '@jiceng/case-form';
 * ```
 * @module
 */
import { defineElement } from '@jiceng/ui';
import { JcCaseForm } from './case-form.js';
import { JcCaseFile } from './case-file.js';

/** The version registered with the elements. @example `console.log(CASE_FORM_VERSION);` */
export const CASE_FORM_VERSION = '0.1.0';

defineElement('jc-case-form', JcCaseForm, CASE_FORM_VERSION);
defineElement('jc-case-file', JcCaseFile, CASE_FORM_VERSION);
