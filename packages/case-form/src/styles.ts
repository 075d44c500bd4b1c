/**
 * Styles of `<jc-case-form>` and `<jc-case-file>`, built on the shared theme tokens.
 * @module
 */
import { css } from 'lit';

/** Styles of `<jc-case-form>`. @example `static styles = [themeTokens, caseFormStyles];` */
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

/** Styles of `<jc-case-file>`, with the paper archive's print rules. @example `static styles = [themeTokens, caseFileStyles];` */
export const caseFileStyles = css`
  :host { display: block; background: var(--jc-bg); color: var(--jc-fg); }
  :host([hidden]) { display: none; }
  h2 { font-size: 1.25em; margin: 0 0 var(--jc-space); }
  h3 { font-size: 1.05em; margin: calc(var(--jc-space) * 2) 0 var(--jc-space); }
  section { margin-block-end: calc(var(--jc-space) * 2); }
  dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: calc(var(--jc-space) / 2) calc(var(--jc-space) * 2); margin: 0; }
  dl.meta dt { color: var(--jc-fg-muted); }
  dl.meta dd { margin: 0; }
  ol.steps { list-style: none; display: flex; flex-wrap: wrap; gap: var(--jc-space); padding: 0; margin: 0; counter-reset: step; }
  ol.steps li { flex: 1 1 110px; border-block-start: 4px solid var(--jc-border); padding-block-start: calc(var(--jc-space) / 2); }
  ol.steps li.done { border-block-start-color: var(--jc-ok); }
  ol.steps li.current { border-block-start-color: var(--jc-accent); border-block-start-style: double; border-block-start-width: 6px; font-weight: 700; }
  ol.steps li.skipped { border-block-start-style: dashed; color: var(--jc-fg-muted); }
  .glyph { display: inline-block; inline-size: 1.4em; }
  ol.timeline { list-style: none; padding: 0; margin: 0; display: grid; gap: var(--jc-space); }
  ol.timeline > li { border-inline-start: 3px solid var(--jc-border); padding: calc(var(--jc-space) / 2) var(--jc-space); break-inside: avoid; }
  ol.timeline > li.marked { border-inline-start-color: var(--jc-warn); background: var(--jc-bg-subtle); }
  .entry-head { display: flex; flex-wrap: wrap; gap: var(--jc-space); align-items: baseline; }
  .entry-title { font-weight: 700; }
  .mark { border: 1px solid currentColor; border-radius: 3px; padding: 0 4px; font-size: 0.85em; font-weight: 700; }
  .mark.supervision, .mark.accountability { color: var(--jc-bad); }
  .mark.rework, .mark.recurrence { color: var(--jc-warn); }
  .missed { color: var(--jc-bad); font-weight: 700; }
  .met { color: var(--jc-ok); }
  .note { white-space: pre-wrap; overflow-wrap: anywhere; margin: calc(var(--jc-space) / 2) 0 0; }
  .muted { color: var(--jc-fg-muted); }
  .controls { display: flex; gap: var(--jc-space); justify-content: flex-end; }
  button { font: inherit; cursor: pointer; border-radius: var(--jc-radius); border: 1px solid var(--jc-border); background: var(--jc-bg-subtle); color: var(--jc-fg); padding: calc(var(--jc-space) * 0.75) calc(var(--jc-space) * 1.5); }
  :focus-visible { outline: 2px solid var(--jc-focus); outline-offset: 2px; }
  @media print {
    :host { background: #fff !important; color: #000 !important; --jc-fg: #000; --jc-fg-muted: #000; --jc-bg: #fff; --jc-bg-subtle: #fff; font-size: 11pt; }
    .controls, button { display: none !important; }
    section + section { break-before: page; }
    ol.timeline > li, ol.timeline > li.marked { background: #fff; border-inline-start-color: #000; }
    ol.steps li, ol.steps li.done, ol.steps li.current { border-block-start-color: #000; }
    .mark, .missed, .met, .mark.supervision, .mark.accountability, .mark.rework, .mark.recurrence { color: #000; }
  }
`;
