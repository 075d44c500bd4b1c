/**
 * Styles of `<jc-service-board>` and `<jc-ledger>`, built on the shared theme tokens.
 * @module
 */
import { css } from 'lit';

const common = css`
  :host { display: block; background: var(--jc-bg); color: var(--jc-fg); }
  :host([hidden]) { display: none; }
  h2 { font-size: 1.2em; margin: 0 0 var(--jc-space); }
  h3 { font-size: 1.05em; margin: calc(var(--jc-space) * 2) 0 var(--jc-space); }
  table { border-collapse: collapse; inline-size: 100%; }
  caption { text-align: start; font-weight: 600; padding-block-end: calc(var(--jc-space) / 2); }
  th, td { text-align: start; padding: calc(var(--jc-space) / 2) var(--jc-space); border-block-end: 1px solid var(--jc-border); vertical-align: top; }
  td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
  .muted { color: var(--jc-fg-muted); font-size: 0.92em; }
  button { font: inherit; cursor: pointer; border-radius: var(--jc-radius); border: 1px solid var(--jc-border); background: var(--jc-bg-subtle); color: var(--jc-fg); padding: calc(var(--jc-space) / 2) var(--jc-space); min-block-size: 32px; }
  button.primary { background: var(--jc-accent); color: var(--jc-accent-fg); border-color: var(--jc-accent); }
  :focus-visible { outline: 2px solid var(--jc-focus); outline-offset: 2px; }
  .error { color: var(--jc-bad); }
`;

/** Styles of `<jc-service-board>`. @example `static styles = [themeTokens, serviceBoardStyles];` */
export const serviceBoardStyles = [common, css`
  form, .panel { display: grid; gap: var(--jc-space); }
  .panel { border: 1px solid var(--jc-border); border-radius: var(--jc-radius); padding: var(--jc-space); margin-block-start: calc(var(--jc-space) / 2); }
  label { display: grid; gap: calc(var(--jc-space) / 2); font-weight: 600; }
  input, select, textarea { font: inherit; color: var(--jc-fg); background: var(--jc-bg); border: 1px solid var(--jc-border); border-radius: var(--jc-radius); padding: calc(var(--jc-space) / 2); min-block-size: 32px; }
  details { margin-block-end: calc(var(--jc-space) * 2); }
  summary { cursor: pointer; font-weight: 600; }
  .row-actions { display: flex; flex-wrap: wrap; gap: calc(var(--jc-space) / 2); }
  .overdue { color: var(--jc-bad); }
  .desc { overflow-wrap: anywhere; white-space: pre-wrap; }
`];

/** Styles of `<jc-ledger>` (with the print rules). @example `static styles = [themeTokens, ledgerStyles];` */
export const ledgerStyles = [common, css`
  dl { display: grid; grid-template-columns: max-content 1fr; gap: calc(var(--jc-space) / 2) calc(var(--jc-space) * 2); margin: 0; }
  dt { color: var(--jc-fg-muted); }
  dd { margin: 0; font-variant-numeric: tabular-nums; }
  .controls { display: flex; justify-content: flex-end; }
  .plus { color: var(--jc-ok, #1a7f37); }
  .minus { color: var(--jc-bad); }
  @media print {
    :host { background: #fff; color: #000; }
    .controls { display: none; }
    .plus, .minus, .muted, dt { color: #000; }
    th, td { border-color: #000; }
  }
`];
