/**
 * `<jc-kpi>`: one key figure with its change against the previous period.
 * @module
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { JcDashboardElement } from '../shared/base.js';
import { fill } from '../shared/i18n.js';
import type { TableModel } from '../shared/table.js';
import type { Better, Figure, ValueFormat } from '../shared/types.js';

const ARROW = { up: '▲', down: '▼', flat: '▬' } as const;

/**
 * A key figure tile: label, value, unit, and the change against the previous period, shown
 * with an arrow and in words (up/down, better/worse) — not by colour alone. A `null` value
 * was suppressed for privacy and shows as “<5” (counts) or “—” (rates) with an explanation.
 *
 * @tagname jc-kpi
 * @summary One key figure with its change.
 * @csspart label - The label.
 * @csspart value - The figure.
 * @csspart delta - The change against the previous period.
 * @example
 * ```html
 * <jc-kpi label="办结率" format="percent"></jc-kpi>
 * <script type="module">
 *   const k = document.querySelector('jc-kpi');
 *   k.value = 0.995; k.previous = 0.991;
 * </script>
 * ```
 */
export class JcKpi extends JcDashboardElement {
  /** The element's styles (theme tokens, series colours and its own rules). */
  static override styles = [
    ...JcDashboardElement.styles,
    css`
      :host { border: 1px solid var(--jc-border); border-radius: var(--jc-radius); padding: calc(var(--jc-space) * 1.5); }
      .label { color: var(--jc-fg-muted); font-size: max(0.95em, var(--jc-text-min, 0px)); }
      .value { font-size: var(--jc-kpi-size, 1.9em); font-weight: 650; line-height: 1.25; font-variant-numeric: tabular-nums; margin-block: 2px; }
      .unit { font-size: max(0.5em, var(--jc-text-min, 0px)); font-weight: 400; margin-inline-start: 3px; color: var(--jc-fg-muted); }
      .delta { font-size: max(0.9em, var(--jc-text-min, 0px)); }
      .verdict { white-space: nowrap; }
      .delta.good { color: var(--jc-ok); }
      .delta.bad { color: var(--jc-bad); }
      .delta.flat, .prev { color: var(--jc-fg-muted); }
      .prev { font-size: max(0.85em, var(--jc-text-min, 0px)); }
      .arrow { font-size: max(0.85em, var(--jc-text-min, 0px)); margin-inline-end: 3px; }
    `,
  ];

  /** What the figure is. */
  @property() label = '';
  /** The figure for the period; `null` if suppressed. */
  @property({ attribute: false }) value: Figure | undefined = undefined;
  /** The same figure for the previous period, if any. */
  @property({ attribute: false }) previous: Figure | undefined = undefined;
  /** Unit written after the figure, e.g. `件`. */
  @property() unit = '';
  /** How the figure is written. */
  @property() format: ValueFormat = 'count';
  /** Which direction of change is better. */
  @property() better: Better = 'higher';

  protected titleText(): string {
    return this.label;
  }

  figures(): TableModel[] {
    const s = this.s;
    return [{
      title: this.label,
      head: [s.indicator, s.current, s.previous],
      rows: [[this.label, { v: this.value, format: this.format }, { v: this.previous, format: this.format }]],
    }];
  }

  private delta(): TemplateResult {
    const s = this.s;
    const d = this.f.delta(this.value, this.previous, this.format, this.better);
    if (!d) {
      const why = this.previous === undefined || (typeof this.previous === 'number' && this.previous !== this.previous) ? s.noPrevious : s.noCompare;
      return html`<div class="delta flat" part="delta">${s.vsPrevious} ${why}</div>`;
    }
    const cls = d.good === null ? 'flat' : d.good ? 'good' : 'bad';
    const words = d.dir === 'flat' ? s.flatLine : fill(s.changeLine, { dir: s[d.dir], abs: d.abs, rel: d.rel ? ` (${d.rel})` : '' });
    return html`<div class="delta ${cls}" part="delta"><span class="arrow" aria-hidden="true">${ARROW[d.dir]}</span>
      ${words}${d.good === null ? nothing : html` · <span class="verdict">${d.good ? s.better : s.worse}</span>`}</div>`;
  }

  protected override render(): TemplateResult {
    const v = this.f.value(this.value, this.format);
    const unit = this.unit && !v.suppressed && this.value !== undefined ? this.unit : '';
    return html`<div role="group" aria-labelledby="label">
      <div class="label" id="label" part="label">${this.label}</div>
      <div class="value" part="value">${this.shown(v)}${unit ? html`<span class="unit">${unit}</span>` : nothing}</div>
      ${this.delta()}
      ${this.previous !== undefined
        ? html`<div class="prev">${fill(this.s.previousValue, { v: this.f.value(this.previous, this.format).text })}</div>`
        : nothing}
      ${this.foot(false)}
    </div>`;
  }
}
