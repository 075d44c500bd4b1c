/**
 * Styles of the form elements `<jc-case-intake>` and `<jc-case-actions>`, built on the shared
 * theme tokens.
 * @module
 */
import { css } from 'lit';

/** Styles of `<jc-case-intake>` and `<jc-case-actions>`. @example `static styles = [themeTokens, caseFormStyles];` */
export const caseFormStyles = css`
  :host { display: block; background: var(--jc-bg); }
  :host([hidden]) { display: none; }
  form, section { display: grid; gap: calc(var(--jc-space) * 1.5); }
  .title { font-size: 1.2em; margin: 0; }
  .field { display: grid; gap: calc(var(--jc-space) / 2); border: 0; padding: 0; margin: 0; min-inline-size: 0; position: relative; }
  fieldset.field.coords, fieldset.field.reporter { border: 1px solid var(--jc-border); border-radius: var(--jc-radius); padding: var(--jc-space); gap: var(--jc-space); }
  fieldset.coords { grid-template-columns: 1fr 1fr; }
  fieldset.coords > legend { grid-column: 1 / -1; }
  label, legend, .label { font-weight: 600; color: var(--jc-fg); }
  label.choice { font-weight: 400; display: inline-flex; align-items: center; gap: calc(var(--jc-space) / 2); margin-inline-end: calc(var(--jc-space) * 2); min-block-size: 32px; }
  .req { font-weight: 400; color: var(--jc-fg-muted); font-size: 0.9em; }
  input[type='text'], input[type='tel'], textarea, select {
    font: inherit; color: var(--jc-fg); background: var(--jc-bg); border: 1px solid var(--jc-border);
    border-radius: var(--jc-radius); padding: calc(var(--jc-space) * 0.75) var(--jc-space); min-block-size: 36px; box-sizing: border-box; inline-size: 100%;
  }
  textarea { resize: vertical; }
  :focus-visible { outline: 2px solid var(--jc-focus); outline-offset: 2px; }
  [aria-invalid='true'], jc-grid-tree.invalid { border-color: var(--jc-bad); box-shadow: 0 0 0 1px var(--jc-bad); }
  .error { color: var(--jc-bad); font-size: 0.92em; }
  .counter { color: var(--jc-fg-muted); font-size: 0.92em; text-align: end; font-variant-numeric: tabular-nums; }
  .counter.full { color: var(--jc-bad); font-weight: 600; }
  .error::before { content: '⚠ '; }
  .error p { margin: 0; }
  .muted { color: var(--jc-fg-muted); font-size: 0.92em; font-weight: 400; }
  jc-combobox { display: grid; gap: calc(var(--jc-space) / 2); }
  [role='listbox'] { list-style: none; margin: 0; padding: 0; max-block-size: 260px; overflow: auto; border: 1px solid var(--jc-border); border-radius: var(--jc-radius); background: var(--jc-bg); }
  [role='listbox'][hidden] { display: none; }
  [role='option'] { padding-block: calc(var(--jc-space) / 2); padding-inline-end: var(--jc-space); cursor: pointer; }
  [role='option'].active { background: var(--jc-selected-bg); outline: 1px solid var(--jc-accent); }
  jc-grid-tree { block-size: 240px; border: 1px solid var(--jc-border); border-radius: var(--jc-radius); }
  .files { list-style: none; padding: 0; margin: 0; display: grid; gap: calc(var(--jc-space) / 2); }
  .fname { overflow-wrap: anywhere; }
  button { font: inherit; cursor: pointer; border-radius: var(--jc-radius); border: 1px solid var(--jc-border); background: var(--jc-bg-subtle); color: var(--jc-fg); padding: calc(var(--jc-space) * 0.75) calc(var(--jc-space) * 1.5); min-block-size: 36px; }
  button.primary { background: var(--jc-accent); color: var(--jc-accent-fg); border-color: var(--jc-accent); justify-self: start; }
  button.link { border: 0; background: none; padding: 0 var(--jc-space); min-block-size: 0; }
  button[disabled] { opacity: 0.6; cursor: not-allowed; }
  .action-buttons { display: flex; flex-wrap: wrap; gap: var(--jc-space); }
  .action-buttons button.open { border-color: var(--jc-accent); background: var(--jc-selected-bg); }
  .panel { border: 1px solid var(--jc-border); border-radius: var(--jc-radius); padding: calc(var(--jc-space) * 1.5); }
  .panel h3 { margin: 0; font-size: 1.05em; }
  .status { padding: var(--jc-space); border-radius: var(--jc-radius); background: var(--jc-bg-subtle); }
  .status.error { color: var(--jc-bad); border: 1px solid var(--jc-bad); }
  .status.ok { color: var(--jc-ok); border: 1px solid var(--jc-ok); }
`;
