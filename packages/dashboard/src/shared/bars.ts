/**
 * Horizontal bar rows, shared by the breakdown and the ranking: the live rows (buttons with
 * an SVG bar each, one tab stop, arrow keys between rows) and the same rows as one SVG for
 * export.
 * @module
 */
import { css, html, nothing, svg, type TemplateResult } from 'lit';
import { scaleLinear, type LinearScale } from './scale.js';
import { isNum, type Formats } from './format.js';
import type { Palette, Picture } from './base.js';
import { textWidth } from './measure.js';
import type { Figure, ValueFormat } from './types.js';

/**
 * One bar row.
 *
 * @example
 * ```ts
 * const r: BarRow = { code: 'env', label: '生态环保', value: 812 };
 * ```
 */
export interface BarRow {
  code: string;
  label: string;
  value: Figure | undefined;
  /** Rank shown before the label, if ranked. */
  rank?: number;
  /** Marked as lagging (text, icon and colour). */
  lag?: boolean;
  selected?: boolean;
}

/**
 * The scale from value to bar length in percent: 0..1 for rates, 0..max otherwise.
 *
 * @example
 * ```ts
 * barScale([{ code: 'a', label: 'A', value: 10 }], 'count')(5); // 50
 * ```
 */
export function barScale(rows: BarRow[], format: ValueFormat): LinearScale {
  const max = format === 'percent' ? 1 : Math.max(1, ...rows.map((r) => r.value).filter(isNum));
  return scaleLinear([0, max], [0, 100], true);
}

/**
 * Styles of the bar rows.
 *
 * @example
 * ```ts
 * static styles = [...JcDashboardElement.styles, barStyles];
 * ```
 */
export const barStyles = css`
  ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; }
  /* Fixed columns for every row, so that bars share one scale. */
  ol { --rank-w: 0px; --lag-w: 0px; }
  ol.ranked { --rank-w: 1.6em; }
  ol.lagged { --lag-w: 4.6em; }
  .row {
    display: grid; grid-template-columns: var(--rank-w) minmax(4em, var(--jc-bar-label-width, 30%)) minmax(2em, 1fr) 4.2em var(--lag-w);
    align-items: center; gap: 0 var(--jc-space); inline-size: 100%; box-sizing: border-box;
    padding: 4px 6px; border: 1px solid transparent; border-radius: var(--jc-radius);
    background: none; text-align: start; min-block-size: 28px;
  }
  button.row { cursor: pointer; }
  button.row:hover { background: var(--jc-bg-subtle); border-color: var(--jc-border); }
  .row[aria-pressed='true'], .row[aria-current='true'] { background: var(--jc-selected-bg); border-color: var(--jc-accent); font-weight: 600; }
  .rank { color: var(--jc-fg-muted); font-variant-numeric: tabular-nums; min-inline-size: 1.5em; text-align: end; }
  .label { overflow: hidden; text-overflow: ellipsis; white-space: var(--jc-bar-label-white-space, nowrap); }
  .bar { display: block; inline-size: 100%; block-size: 0.9em; }
  .value { font-variant-numeric: tabular-nums; text-align: end; white-space: nowrap; }
  .lag { color: var(--jc-c-lag); font-weight: 600; white-space: nowrap; font-size: max(0.9em, var(--jc-text-min, 0px)); }
`;

/**
 * Renders the live rows. `onPick` makes them buttons (one tab stop, arrow keys move).
 *
 * @example
 * ```ts
 * html`${barList(rows, 'count', fmt, '落后', { focus: 0, pick: (r) => …, key: (e, i) => … })}`;
 * ```
 */
export function barList(
  rows: BarRow[],
  format: ValueFormat,
  f: Formats,
  lagText: string,
  shown: (r: BarRow) => TemplateResult | string,
  interaction?: { focus: number; pressed: boolean; pick: (r: BarRow) => void; key: (e: KeyboardEvent, i: number) => void },
): TemplateResult {
  const x = barScale(rows, format);
  const ranked = rows.some((r) => r.rank !== undefined);
  const lagged = rows.some((r) => r.lag);
  const cells = (r: BarRow) => html`
    <span class="rank">${ranked ? r.rank ?? f.s.missing : nothing}</span>
    <span class="label">${r.label}</span>
    <svg class="bar" aria-hidden="true" viewBox="0 0 100 10" preserveAspectRatio="none">
      ${isNum(r.value) ? svg`<rect width=${x(r.value)} height="10" style=${`fill:var(${r.lag ? '--jc-c-lag' : '--jc-c-bar'})`}></rect>` : nothing}
    </svg>
    <span class="value">${shown(r)}</span>
    <span class="lag">${r.lag ? html`<span aria-hidden="true">⚠ </span>${lagText}` : nothing}</span>`;
  const cls = `${ranked ? 'ranked' : ''} ${lagged ? 'lagged' : ''}`;
  if (!interaction) return html`<ol part="rows" class=${cls}>${rows.map((r) => html`<li class="row" part="row">${cells(r)}</li>`)}</ol>`;
  return html`<ol part="rows" class=${cls}>${rows.map((r, i) => html`<li>
    <button class="row" part="row" data-code=${r.code} tabindex=${i === interaction.focus ? 0 : -1}
      aria-pressed=${interaction.pressed ? String(!!r.selected) : nothing}
      aria-current=${!interaction.pressed && r.selected ? 'true' : nothing}
      @click=${() => interaction.pick(r)} @keydown=${(e: KeyboardEvent) => interaction.key(e, i)}>${cells(r)}</button>
  </li>`)}</ol>`;
}

/**
 * The rows as one standalone SVG (for export).
 *
 * @example
 * ```ts
 * const pic = barsPicture('类别分布', rows, 'count', fmt, palette, 640, 14, '落后');
 * ```
 */
export function barsPicture(
  title: string, rows: BarRow[], format: ValueFormat, f: Formats, p: Palette, width: number, fontPx: number, lagText: string,
): Picture {
  const fs = fontPx * 0.9;
  const rowH = fs * 2;
  const top = fs * 3;
  const H = top + rows.length * rowH + fs;
  const W = Math.max(320, width);
  const rankW = rows.some((r) => r.rank !== undefined) ? fs * 2.2 : 0;
  const labelW = Math.min(W * 0.32, Math.max(fs * 4, ...rows.map((r) => textWidth(r.label, fs)))) + fs;
  const valueW = fs * 8;
  const lagW = rows.some((r) => r.lag) ? textWidth(`⚠ ${lagText}`, fs) + fs : 0;
  const x0 = fs + rankW + labelW;
  const len = scaleLinear(barScale(rows, format).domain(), [0, Math.max(20, W - x0 - valueW - lagW - fs)], true);
  const tpl = html`<svg width=${W} height=${H} viewBox="0 0 ${W} ${H}" style=${`font-size:${fs}px;font-family:${p.font}`}>
    <rect width=${W} height=${H} style=${`fill:${p.bg}`}></rect>
    <text x=${fs} y=${fs * 1.6} style=${`fill:${p.fg};font-weight:600;font-size:${fs * 1.15}px`}>${title}</text>
    ${rows.map((r, i) => {
      const y = top + i * rowH;
      const w = isNum(r.value) ? len(r.value) : 0;
      return svg`<g>
        ${r.rank !== undefined ? svg`<text x=${fs + rankW - fs * 0.6} y=${y + rowH * 0.65} text-anchor="end" style=${`fill:${p.muted}`}>${r.rank}</text>` : nothing}
        <text x=${fs + rankW} y=${y + rowH * 0.65} style=${`fill:${p.fg}`}>${r.label}</text>
        <rect x=${x0} y=${y + rowH * 0.25} width=${w} height=${rowH * 0.5} style=${`fill:${r.lag ? p.lag : p.bar}`}></rect>
        <text x=${x0 + w + fs * 0.5} y=${y + rowH * 0.65} style=${`fill:${p.fg}`}>${f.value(r.value, format).text}</text>
        ${r.lag ? svg`<text x=${W - fs} y=${y + rowH * 0.65} text-anchor="end" style=${`fill:${p.lag};font-weight:600`}>⚠ ${lagText}</text>` : nothing}
      </g>`;
    })}
  </svg>`;
  return { tpl, width: W, height: H };
}
