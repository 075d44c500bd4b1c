/**
 * The styles of `<jc-grid-tree>`.
 * @module
 */
import { css } from 'lit';

/**
 * Component styles; theme tokens come first from `@jiceng/ui`.
 *
 * @example
 * ```ts
 * static override styles = [themeTokens, gridTreeStyles];
 * ```
 */
export const gridTreeStyles = css`
  :host {
    --jc-grid-tree-height: 400px;
    --jc-grid-tree-indent: 18px;
    --jc-grid-tree-row-bg: transparent;
    --jc-grid-tree-row-hover-bg: var(--jc-bg-subtle);
    --jc-grid-tree-selected-bg: var(--jc-selected-bg);
    --jc-grid-tree-focus-ring: 2px solid var(--jc-focus);
    --jc-grid-tree-match-bg: #fff3b0;
    --jc-grid-tree-match-fg: inherit;
    --jc-grid-tree-badge-bg: var(--jc-bg-subtle);
    --jc-grid-tree-badge-fg: var(--jc-fg);
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    block-size: var(--jc-grid-tree-height);
    background: var(--jc-bg);
    border: 1px solid var(--jc-border);
    border-radius: var(--jc-radius);
    overflow: hidden;
  }
  :host([hidden]) { display: none; }
  :host([theme='dark']) { --jc-grid-tree-match-bg: #5a4a00; }
  .search {
    flex: none;
    margin: var(--jc-space);
    padding-block: 4px;
    padding-inline: var(--jc-space);
    font: inherit;
    color: inherit;
    background: var(--jc-bg);
    border: 1px solid var(--jc-border);
    border-radius: var(--jc-radius);
  }
  .search:focus-visible { outline: var(--jc-grid-tree-focus-ring); outline-offset: 1px; }
  .scroller {
    position: relative;
    flex: 1 1 auto;
    min-block-size: 0;
    overflow: auto;
    overscroll-behavior: contain;
    outline: none;
  }
  .canvas { position: relative; overflow: clip; inline-size: 100%; }
  .row {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 0;
    box-sizing: border-box;
    display: flex;
    align-items: center;
    gap: 4px;
    block-size: var(--rh);
    padding-inline-start: calc(var(--d) * var(--jc-grid-tree-indent) + 4px);
    padding-inline-end: var(--jc-space);
    white-space: nowrap;
    cursor: default;
    background: var(--jc-grid-tree-row-bg);
    outline: none;
    user-select: none;
  }
  .row:hover { background: var(--jc-grid-tree-row-hover-bg); }
  .row[aria-selected='true'], .row[aria-checked='true'] { background: var(--jc-grid-tree-selected-bg); }
  .row:focus-visible { outline: var(--jc-grid-tree-focus-ring); outline-offset: -2px; }
  .toggle {
    flex: none;
    inline-size: 16px;
    text-align: center;
    color: var(--jc-fg-muted);
    transition: transform var(--jc-transition, 120ms) ease;
  }
  .toggle.open { transform: rotate(90deg); }
  :host(:dir(rtl)) .toggle:not(.open) { transform: scaleX(-1); }
  .box {
    flex: none;
    box-sizing: border-box;
    inline-size: 14px;
    block-size: 14px;
    border: 1px solid var(--jc-fg-muted);
    border-radius: 3px;
    display: grid;
    place-items: center;
    font-size: 11px;
    line-height: 1;
  }
  .row[aria-checked='true'] .box, .row[aria-checked='mixed'] .box {
    background: var(--jc-accent);
    border-color: var(--jc-accent);
    color: var(--jc-accent-fg);
  }
  .label { overflow: hidden; text-overflow: ellipsis; min-inline-size: 0; }
  .code { color: var(--jc-fg-muted); font-size: 0.85em; font-variant-numeric: tabular-nums; }
  mark {
    background: var(--jc-grid-tree-match-bg);
    color: var(--jc-grid-tree-match-fg);
    border-radius: 2px;
    font-weight: 600;
  }
  .badge {
    flex: none;
    margin-inline-start: auto;
    padding-inline: 6px;
    border-radius: 999px;
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
    background: var(--jc-grid-tree-badge-bg);
    color: var(--jc-grid-tree-badge-fg);
    border: 1px solid var(--jc-border);
  }
  .badge.ok { border-color: var(--jc-ok); color: var(--jc-ok); }
  .badge.warn { border-color: var(--jc-warn); color: var(--jc-warn); font-weight: 600; }
  .badge.bad { background: var(--jc-bad); border-color: var(--jc-bad); color: var(--jc-bg); font-weight: 600; }
  .placeholder { color: var(--jc-fg-muted); font-style: italic; }
  @media (forced-colors: active) {
    .row[aria-selected='true'], .row[aria-checked='true'] { forced-color-adjust: none; background: Highlight; color: HighlightText; }
    .row:focus-visible { outline: 2px solid CanvasText; }
    mark { forced-color-adjust: none; background: Mark; color: MarkText; }
    .badge { border-color: CanvasText; }
  }
  @media (prefers-reduced-motion: reduce) {
    .toggle { transition: none; }
    .scroller { scroll-behavior: auto; }
  }
`;
