/**
 * Styles shared by the dashboard elements: the series colours (chosen for WCAG AA contrast
 * on the light and dark backgrounds: ≥ 4.5:1 for text, ≥ 3:1 for marks) and the parts every
 * chart has — heading, tool buttons, suppression note.
 * @module
 */
import { css } from 'lit';

/**
 * Series colours as custom properties, light and dark. Override with `--jc-color-series-1`…
 * `--jc-color-series-3` and `--jc-color-bar`.
 *
 * @example
 * ```ts
 * class MyChart extends LitElement { static styles = [themeTokens, chartTokens]; }
 * ```
 */
export const chartTokens = css`
  :host {
    --jc-c-cases: var(--jc-color-series-1, #0550ae);
    --jc-c-closed: var(--jc-color-series-2, #1a7f37);
    --jc-c-rate: var(--jc-color-series-3, #8250df);
    --jc-c-bar: var(--jc-color-bar, #0969da);
    --jc-c-lag: var(--jc-bad, #cf222e);
    --jc-c-grid: var(--jc-border, #d0d7de);
    --jc-c-area: var(--jc-color-series-1-fill, rgba(5, 80, 174, 0.1));
  }
  :host([theme='dark']) {
    --jc-c-cases: var(--jc-color-series-1, #79c0ff);
    --jc-c-closed: var(--jc-color-series-2, #56d364);
    --jc-c-rate: var(--jc-color-series-3, #d2a8ff);
    --jc-c-bar: var(--jc-color-bar, #58a6ff);
    --jc-c-area: var(--jc-color-series-1-fill, rgba(121, 192, 255, 0.14));
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --jc-c-cases: var(--jc-color-series-1, #79c0ff);
      --jc-c-closed: var(--jc-color-series-2, #56d364);
      --jc-c-rate: var(--jc-color-series-3, #d2a8ff);
      --jc-c-bar: var(--jc-color-bar, #58a6ff);
      --jc-c-lag: var(--jc-bad, #ff7b72);
      --jc-c-area: var(--jc-color-series-1-fill, rgba(121, 192, 255, 0.14));
    }
  }
`;

/**
 * The parts every chart element has.
 *
 * @example
 * ```ts
 * static styles = [themeTokens, chartTokens, chartFrame];
 * ```
 */
export const chartFrame = css`
  :host { display: block; position: relative; background: var(--jc-bg); color: var(--jc-fg); }
  :host([hidden]) { display: none; }
  figure { margin: 0; }
  .head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: var(--jc-space); margin-block-end: var(--jc-space); }
  .title { font-weight: 600; font-size: 1.1em; }
  .tools { display: flex; gap: 4px; }
  button, select { font: inherit; color: inherit; }
  .tool {
    border: 1px solid var(--jc-border); background: var(--jc-bg); border-radius: var(--jc-radius);
    padding: 2px 8px; font-size: max(0.85em, var(--jc-text-min, 0px)); cursor: pointer; min-block-size: 24px; min-inline-size: 24px;
  }
  .tool:hover { background: var(--jc-bg-subtle); }
  :focus-visible { outline: 2px solid var(--jc-focus); outline-offset: 2px; }
  .note { color: var(--jc-fg-muted); font-size: max(0.85em, var(--jc-text-min, 0px)); margin: var(--jc-space) 0 0; }
  .supp { text-decoration: underline dotted; text-underline-offset: 3px; }
  .empty { color: var(--jc-fg-muted); padding: calc(var(--jc-space) * 2) 0; }
`;
