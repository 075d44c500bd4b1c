/**
 * The events the dashboard elements send. All bubble and cross shadow roots (`composed`).
 * @module
 */
import type { PeriodKind } from './types.js';
import { need } from '@jiceng/ui';

/**
 * `jc-select`: a child node was chosen for drill-down. Its detail is the one
 * `JcSelectDetail` of `@jiceng/ui` (re-exported here); the ranking gives `code` alone.
 *
 * @example
 * ```ts
 * dashboard.addEventListener('jc-select', (e) => { tree.expandTo(e.detail.code); });
 * ```
 */
export type { JcSelectDetail } from '@jiceng/ui';

/**
 * `jc-category`: a category bar was chosen (or, with `code: null`, the choice cleared).
 *
 * @example
 * ```ts
 * el.addEventListener('jc-category', (e) => host.filterCategory(e.detail.code));
 * ```
 */
export interface JcCategoryDetail {
  code: string | null;
}

/**
 * `jc-period`: the user chose a period length; the host recomputes and passes new data.
 *
 * @example
 * ```ts
 * el.addEventListener('jc-period', (e) => load(node, e.detail.period));
 * ```
 */
export interface JcPeriodDetail {
  period: PeriodKind;
}

/**
 * `jc-topic`: the user chose a topic (`null` for all topics).
 *
 * @example
 * ```ts
 * el.addEventListener('jc-topic', (e) => load(node, period, e.detail.topic));
 * ```
 */
export interface JcTopicDetail {
  topic: string | null;
}

/**
 * `jc-indicator`: the user chose the indicator the ranking sorts by.
 *
 * @example
 * ```ts
 * el.addEventListener('jc-indicator', (e) => prefs.save('rankBy', e.detail.indicator));
 * ```
 */
export interface JcIndicatorDetail {
  indicator: string;
}

/**
 * `jc-export` (cancelable): a file is about to be downloaded. Call `preventDefault()` to
 * handle it yourself (the CSV or SVG text is in `text`, the file in `blob`).
 *
 * @example
 * ```ts
 * el.addEventListener('jc-export', (e) => { e.preventDefault(); upload(e.detail.filename, e.detail.blob); });
 * ```
 */
export interface JcExportDetail {
  format: 'csv' | 'svg' | 'png';
  filename: string;
  /** The file's text, for CSV and SVG. */
  text?: string;
  blob: Blob;
}

declare global {
  interface HTMLElementEventMap {
    'jc-category': CustomEvent<JcCategoryDetail>;
    'jc-period': CustomEvent<JcPeriodDetail>;
    'jc-topic': CustomEvent<JcTopicDetail>;
    'jc-indicator': CustomEvent<JcIndicatorDetail>;
    'jc-export': CustomEvent<JcExportDetail>;
  }
}

/**
 * Sends a bubbling, composed event from `el`; returns false if a listener cancelled it.
 *
 * @example
 * ```ts
 * emit(this, 'jc-select', { code: '350302001000' });
 * ```
 */
export function emit<T>(el: Element, name: string, detail: T, cancelable = false): boolean {
  need('emit', 'el', el, 'object', { dispatchEvent: 'function' });
  need('emit', 'name', name, 'string');
  return el.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable }));
}
