/**
 * The styles of `<jc-map>`.
 * @module
 */
import { css } from 'lit';

/** The map's dark colours: for `theme="dark"`, and for `theme="auto"` on a dark system. */
const darkColors = css`
    --jc-map-bg: #0b1a26;
    --jc-map-land: #161b22;
    --jc-map-line: #57606a;
    --jc-map-line-strong: #c9d1d9;
    --jc-map-selected: rgba(255, 123, 114, 0.25);
    --jc-map-halo: rgba(13, 17, 23, 0.85);
    --jc-map-point: #58a6ff;
`;

/**
 * Component styles; theme tokens come first from `@jiceng/ui`. The map's own colours are
 * custom properties read when the map is drawn, so a page can restyle the canvas too.
 *
 * @example
 * ```ts
 * static override styles = [themeTokens, mapStyles];
 * ```
 */
export const mapStyles = css`
  :host {
    --jc-map-height: 480px;
    --jc-map-panel-width: 15rem;
    --jc-map-bg: #e8eef3;
    --jc-map-land: #fbfaf7;
    --jc-map-line: #8c959f;
    --jc-map-line-strong: #3d444d;
    --jc-map-selected: rgba(180, 35, 42, 0.18);
    --jc-map-focus: var(--jc-accent);
    --jc-map-label: var(--jc-fg);
    --jc-map-halo: rgba(255, 255, 255, 0.85);
    --jc-map-point: #0969da;
    --jc-map-label-font: 600 13px var(--jc-font);
    display: flex;
    flex-wrap: wrap;
    gap: var(--jc-space);
    box-sizing: border-box;
    background: var(--jc-bg);
  }
  :host([hidden]) { display: none; }
  :host([theme='dark']) { ${darkColors} }
  :host([theme='wall']) {
    --jc-fg: var(--jc-color-fg, #e6f1ff);
    --jc-fg-muted: var(--jc-color-fg-muted, #a8c4e0);
    --jc-bg: var(--jc-color-bg, #03101f);
    --jc-bg-subtle: var(--jc-color-bg-subtle, #0a2540);
    --jc-border: var(--jc-color-border, #1f4d7a);
    --jc-accent: var(--jc-color-accent, #ffb020);
    --jc-focus: var(--jc-color-focus, #7fd1ff);
    --jc-font-size: var(--jc-font-size-base, 18px);
    --jc-map-bg: #020b16;
    --jc-map-land: #072341;
    --jc-map-line: #1d5a8c;
    --jc-map-line-strong: #7fd1ff;
    --jc-map-selected: rgba(255, 176, 32, 0.28);
    --jc-map-halo: rgba(2, 11, 22, 0.85);
    --jc-map-point: #38f2c5;
    --jc-map-label-font: 700 18px var(--jc-font);
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) { ${darkColors} }
  }
  .stage {
    position: relative;
    flex: 1 1 24rem;
    min-inline-size: 12rem;
    block-size: var(--jc-map-height);
    border: 1px solid var(--jc-border);
    border-radius: var(--jc-radius);
    overflow: hidden;
    touch-action: none;
    cursor: grab;
    background: var(--jc-map-bg);
  }
  .stage:focus-visible { outline: 3px solid var(--jc-focus); outline-offset: 1px; }
  canvas { display: block; inline-size: 100%; block-size: 100%; }
  .attribution { position: absolute; bottom: 0; right: 0; padding: 0 4px; font-size: .75em; color: var(--jc-fg); background: var(--jc-bg); }
  .panel {
    flex: 0 1 var(--jc-map-panel-width);
    display: flex;
    flex-direction: column;
    gap: var(--jc-space);
    min-inline-size: 10rem;
    max-block-size: var(--jc-map-height);
    overflow: auto;
    color: var(--jc-fg);
  }
  fieldset { border: 1px solid var(--jc-border); border-radius: var(--jc-radius); margin: 0; padding: calc(var(--jc-space) / 2) var(--jc-space); }
  legend { font-weight: 600; padding: 0 4px; }
  label.layer { display: flex; align-items: center; gap: 6px; padding: 2px 0; cursor: pointer; }
  .swatch { inline-size: 12px; block-size: 12px; border-radius: 3px; flex: none; border: 1px solid var(--jc-border); }
  .count { margin-inline-start: auto; color: var(--jc-fg-muted); font-variant-numeric: tabular-nums; }
  .legend { list-style: none; margin: 0 0 4px 22px; padding: 0; font-size: 0.9em; }
  .legend li { display: flex; align-items: center; gap: 6px; }
  .regions-head { display: flex; align-items: center; gap: 6px; font-weight: 600; }
  button.up {
    font: inherit; color: var(--jc-fg); background: var(--jc-bg-subtle); border: 1px solid var(--jc-border);
    border-radius: var(--jc-radius); padding: 2px 8px; cursor: pointer;
  }
  button.up:focus-visible { outline: 2px solid var(--jc-focus); outline-offset: 1px; }
  [role='listbox'] { list-style: none; margin: 0; padding: 2px; border: 1px solid var(--jc-border); border-radius: var(--jc-radius); overflow: auto; min-block-size: 2em; }
  [role='listbox']:focus-visible { outline: 2px solid var(--jc-focus); outline-offset: 1px; }
  [role='option'] { padding: 3px 6px; border-radius: 4px; cursor: pointer; }
  [role='option'][aria-selected='true'] { background: var(--jc-selected-bg); font-weight: 600; }
  [role='listbox']:focus-visible [role='option'].active { outline: 2px solid var(--jc-focus); outline-offset: -2px; }
  .empty { color: var(--jc-fg-muted); padding: var(--jc-space); }
  @media (forced-colors: active) {
    [role='option'][aria-selected='true'] { outline: 2px solid Highlight; }
  }
`;
