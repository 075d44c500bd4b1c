/**
 * Theme tokens shared by all Jiceng elements, as CSS custom properties with defaults. A page
 * overrides any `--jc-*` property; `theme="dark"` on an element (or `prefers-color-scheme`
 * when `theme="auto"`) switches the palette.
 * @module
 */
import { css } from 'lit';

/**
 * The base styles: tokens for colour, type and spacing. Include it first in an element's
 * `static styles`.
 *
 * @example
 * ```ts
 * class MyEl extends LitElement { static styles = [themeTokens, css`:host { color: var(--jc-fg); }`]; }
 * ```
 */
export const themeTokens = css`
  :host {
    --jc-font: var(--jc-font-family, system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    --jc-fg: var(--jc-color-fg, #1f2328);
    --jc-fg-muted: var(--jc-color-fg-muted, #57606a);
    --jc-bg: var(--jc-color-bg, #ffffff);
    --jc-bg-subtle: var(--jc-color-bg-subtle, #f6f8fa);
    --jc-border: var(--jc-color-border, #d0d7de);
    --jc-accent: var(--jc-color-accent, #b4232a);
    --jc-accent-fg: var(--jc-color-accent-fg, #ffffff);
    --jc-focus: var(--jc-color-focus, #0550ae);
    --jc-selected-bg: var(--jc-color-selected-bg, #fbe9ea);
    --jc-ok: var(--jc-color-ok, #1a7f37);
    --jc-warn: var(--jc-color-warn, #9a6700);
    --jc-bad: var(--jc-color-bad, #cf222e);
    --jc-radius: var(--jc-border-radius, 6px);
    --jc-space: var(--jc-spacing, 8px);
    --jc-font-size: var(--jc-font-size-base, 14px);
    font-family: var(--jc-font);
    font-size: var(--jc-font-size);
    color: var(--jc-fg);
  }
  :host([theme='dark']) {
    --jc-fg: var(--jc-color-fg, #e6edf3);
    --jc-fg-muted: var(--jc-color-fg-muted, #9ea7b3);
    --jc-bg: var(--jc-color-bg, #0d1117);
    --jc-bg-subtle: var(--jc-color-bg-subtle, #161b22);
    --jc-border: var(--jc-color-border, #30363d);
    --jc-accent: var(--jc-color-accent, #ff7b72);
    --jc-accent-fg: var(--jc-color-accent-fg, #0d1117);
    --jc-focus: var(--jc-color-focus, #79c0ff);
    --jc-selected-bg: var(--jc-color-selected-bg, #3d1d20);
    --jc-ok: var(--jc-color-ok, #3fb950);
    --jc-warn: var(--jc-color-warn, #d29922);
    --jc-bad: var(--jc-color-bad, #ff7b72);
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --jc-fg: var(--jc-color-fg, #e6edf3);
      --jc-fg-muted: var(--jc-color-fg-muted, #9ea7b3);
      --jc-bg: var(--jc-color-bg, #0d1117);
      --jc-bg-subtle: var(--jc-color-bg-subtle, #161b22);
      --jc-border: var(--jc-color-border, #30363d);
      --jc-accent: var(--jc-color-accent, #ff7b72);
      --jc-accent-fg: var(--jc-color-accent-fg, #0d1117);
      --jc-focus: var(--jc-color-focus, #79c0ff);
      --jc-selected-bg: var(--jc-color-selected-bg, #3d1d20);
      --jc-ok: var(--jc-color-ok, #3fb950);
      --jc-warn: var(--jc-color-warn, #d29922);
      --jc-bad: var(--jc-color-bad, #ff7b72);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host { --jc-transition: 0s; }
  }
  /* Hidden from sight, read by screen readers. A table ignores block-size: wrap it in a
     div with this class rather than putting the class on the table. */
  .jc-visually-hidden {
    position: absolute !important; inline-size: 1px; block-size: 1px; overflow: hidden;
    clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; margin: -1px; padding: 0; border: 0;
  }
`;
