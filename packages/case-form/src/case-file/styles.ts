/**
 * Styles of `<jc-case-file>`, built on the shared theme tokens, with the paper archive's print rules.
 * @module
 */
import { css } from 'lit';

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
