/**
 * Styles of `<jc-alerts>` and `<jc-dispatch-board>`, built on the shared theme tokens.
 * @module
 */
import { css } from 'lit';

/** Styles shared by both elements. @example `static styles = [themeTokens, listStyles];` */
export const listStyles = css`
  :host { display: block; background: var(--jc-bg); }
  :host([hidden]) { display: none; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; gap: calc(var(--jc-space) / 2); }
  li { border: 1px solid var(--jc-border); border-radius: var(--jc-radius); padding: var(--jc-space); display: grid; gap: calc(var(--jc-space) / 2); position: relative; }
  li:focus-visible, button:focus-visible { outline: 2px solid var(--jc-focus); outline-offset: 2px; }
  .head { display: flex; flex-wrap: wrap; gap: var(--jc-space); align-items: baseline; }
  .title { font-weight: 600; }
  .muted { color: var(--jc-fg-muted); font-size: 0.92em; }
  .badge { border-radius: var(--jc-radius); padding: 0 calc(var(--jc-space) / 2); border: 1px solid currentColor; font-size: 0.9em; }
  .critical { color: var(--jc-bad); }
  .warning { color: var(--jc-warn); }
  .notice { color: var(--jc-fg-muted); }
  .late { color: var(--jc-bad); font-weight: 600; }
  .actions { display: flex; flex-wrap: wrap; gap: calc(var(--jc-space) / 2); }
  button {
    font: inherit; color: var(--jc-fg); background: var(--jc-bg-subtle); border: 1px solid var(--jc-border);
    border-radius: var(--jc-radius); padding: calc(var(--jc-space) / 4) var(--jc-space); min-block-size: 32px; cursor: pointer;
  }
  [role='menu'] {
    position: absolute; z-index: 2; inset-inline-end: var(--jc-space); background: var(--jc-bg); border: 1px solid var(--jc-border);
    border-radius: var(--jc-radius); padding: calc(var(--jc-space) / 2); display: grid; gap: 2px; min-inline-size: 10em;
  }
  [role='menuitem'] { text-align: start; background: var(--jc-bg); border-color: transparent; }
  [role='menuitem']:focus { background: var(--jc-selected-bg); }
  .empty { color: var(--jc-fg-muted); }
  .sr-only { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  table { border-collapse: collapse; margin-block-start: calc(var(--jc-space) * 2); inline-size: 100%; }
  caption { text-align: start; font-weight: 600; padding-block-end: calc(var(--jc-space) / 2); }
  th, td { text-align: start; padding: calc(var(--jc-space) / 2); border-block-end: 1px solid var(--jc-border); }
  td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
`;
