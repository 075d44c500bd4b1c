/**
 * `<jc-ranking>`: child nodes ranked by an indicator, the lagging ones marked.
 * @module
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { JcDashboardElement, type Palette, type Picture } from '../shared/base.js';
import { barList, barsPicture, barStyles, type BarRow } from '../shared/bars.js';
import { emit, type JcIndicatorDetail, type JcSelectDetail } from '../shared/events.js';
import { isNum } from '../shared/format.js';
import { fill } from '../shared/i18n.js';
import { INDICATORS, indicatorDef, indicatorLabel } from '../shared/indicators.js';
import { SizeController } from '../shared/measure.js';
import type { TableModel } from '../shared/table.js';
import type { IndicatorDef, RankingItem } from '../shared/types.js';
import { argumentError, FINITE, need } from '@jiceng/ui';

/**
 * Ranks items by an indicator, best first (by the indicator's `better`; ties in the order
 * given), and marks the
 * lagging ones: worse than `threshold` if given, else those of the bottom `bottom` (when
 * there are more ranked items than that) that are worse than the median by at least `gap`
 * (see {@link lagGapOf}) — so a small spread marks nobody. Suppressed or missing values come
 * last, unranked and unmarked.
 *
 * @example
 * ```ts
 * rankRows(items, INDICATORS[2], null, 3); // [{ code, label, value, rank: 1, lag: false }, …]
 * rankRows(items, INDICATORS[2], null, 3, 0.05); // lagging only 5 points or more below the median
 * ```
 */
export function rankRows(items: readonly RankingItem[], def: IndicatorDef, threshold: number | null, bottom: number, gap: number | null = null): BarRow[] {
  need('rankRows', 'items', items, 'array');
  need('rankRows', 'def', def, 'object', { id: 'string' });
  // An unparsable attribute gives NaN: no threshold, no bottom rows — a number all the same.
  if (threshold !== null && typeof threshold !== 'number') throw argumentError('rankRows', 'threshold', { zh: '数或 null', en: 'a number or null' });
  if (typeof bottom !== 'number') throw argumentError('rankRows', 'bottom', FINITE);
  if (gap !== null && typeof gap !== 'number') throw argumentError('rankRows', 'gap', { zh: '数或 null', en: 'a number or null' });
  const sign = def.better === 'lower' ? 1 : -1;
  const withValue = items.map((it, i) => ({ it, i, v: it.values[def.id] }));
  // ties keep the order given (the core's, or the host's)
  const ranked = withValue.filter((x) => isNum(x.v)).sort((a, b) => sign * ((a.v as number) - (b.v as number)) || a.i - b.i);
  const rest = withValue.filter((x) => !isNum(x.v));
  const n = ranked.length;
  const mid = n ? median(ranked.map((x) => x.v as number)) : 0;
  const short = lagGapOf(def, mid, gap);
  const rows: BarRow[] = ranked.map((x, i) => {
    const v = x.v as number;
    const lag = threshold !== null && threshold === threshold
      ? (def.better === 'lower' ? v > threshold : v < threshold)
      : bottom > 0 && n > bottom && i >= n - bottom && sign * (mid - v) <= 1e-9 - short;
    return { code: x.it.code, label: x.it.name, value: v, rank: i + 1, lag };
  });
  return rows.concat(rest.map((x) => ({ code: x.it.code, label: x.it.name, value: x.v, lag: false })));
}

function median(vs: number[]): number {
  const a = [...vs].sort((x, y) => x - y), h = a.length >> 1;
  return a.length % 2 ? a[h] : (a[h - 1] + a[h]) / 2;
}

/**
 * The gap from the median a bottom-ranked value must fall short by to count as lagging:
 * `gap` when the host set one (in the indicator's unit: 0.02 is 2 points of a rate), else 1
 * percentage point for rates, 0.1 for scores and a tenth of the median (at least 1) for counts.
 *
 * @example
 * ```ts
 * lagGapOf(INDICATORS[2], 0.98, null); // 0.01
 * lagGapOf(INDICATORS[4], 40, null); // 4
 * ```
 */
export function lagGapOf(def: IndicatorDef, median: number, gap: number | null): number {
  need('lagGapOf', 'def', def, 'object', { id: 'string' });
  if (typeof median !== 'number') throw argumentError('lagGapOf', 'median', FINITE);
  if (gap !== null && typeof gap !== 'number') throw argumentError('lagGapOf', 'gap', { zh: '数或 null', en: 'a number or null' });
  if (gap !== null && gap === gap) return Math.abs(gap);
  return def.format === 'percent' ? 0.01 : def.format === 'score' ? 0.1 : Math.max(1, Math.abs(median) / 10);
}

/**
 * A ranking of child nodes by any indicator, with a selector of the indicator. Lagging
 * nodes are marked with an icon and the word “落后/Lagging” as well as colour. Each row is
 * a button (one tab stop; arrow keys, Home, End move; Enter or Space chooses) that sends
 * `jc-select` with the node's code for drill-down — the same event as `<jc-grid-tree>`.
 *
 * @tagname jc-ranking
 * @summary Child nodes ranked by an indicator; rows drill down.
 * @fires jc-select - A node was chosen: `{ code }`.
 * @fires jc-indicator - The ranking indicator was changed: `{ indicator }`.
 * @csspart row - A ranked row.
 * @example
 * ```html
 * <jc-ranking indicator="banjieRate" threshold="0.98"></jc-ranking>
 * <script type="module">
 *   const r = document.querySelector('jc-ranking');
 *   r.items = [{ code: '350302001000', name: '霞林街道', values: { banjieRate: 0.991 } }];
 *   r.addEventListener('jc-select', (e) => console.log(e.detail.code));
 * </script>
 * ```
 */
export class JcRanking extends JcDashboardElement {
  /** The element's styles (theme tokens, series colours and its own rules). */
  static override styles = [...JcDashboardElement.styles, barStyles, css`
    .pick { display: flex; gap: 4px; align-items: center; font-size: max(0.9em, var(--jc-text-min, 0px)); }
    select { border: 1px solid var(--jc-border); border-radius: var(--jc-radius); background: var(--jc-bg); padding: 2px 4px; min-block-size: 24px; }
    .rule { color: var(--jc-fg-muted); font-size: max(0.85em, var(--jc-text-min, 0px)); margin: 4px 0 0; }
  `];

  /** The child nodes with their values. */
  @property({ attribute: false }) items: RankingItem[] = [];
  /** The indicator to rank by. */
  @property() indicator = 'banjieRate';
  /** The indicators offered; defaults to the six built-in ones. */
  @property({ attribute: false }) indicators: readonly IndicatorDef[] = INDICATORS;
  /** Values worse than this are lagging; when unset, the bottom `bottom` are. */
  @property({ type: Number }) threshold: number | null = null;
  /** How many at the bottom count as lagging when there is no threshold. */
  @property({ type: Number }) bottom = 3;
  /**
   * Without a threshold, a bottom row lags only if worse than the median by at least this
   * much, in the indicator's unit (0.02 = 2 points); unset, 1 point for rates, a tenth of the
   * median for counts. Shown in the legend.
   */
  @property({ type: Number, attribute: 'lag-gap' }) lagGap: number | null = null;
  /** The selected node's code. */
  @property() selected: string | null = null;
  /** Title; defaults to the translated “ranking of sub-areas”. */
  @property() label = '';

  private size = new SizeController(this, 480);

  protected titleText(): string {
    return this.label || this.s.rankingTitle;
  }

  private def(): IndicatorDef {
    return indicatorDef(this.indicator, this.indicators);
  }

  /** The rows as shown: ranked, lagging ones marked. */
  rows(): BarRow[] {
    return rankRows(this.items, this.def(), this.threshold, this.bottom, this.lagGap)
      .map((r) => ({ ...r, selected: r.code === this.selected }));
  }

  figures(): TableModel[] {
    const s = this.s, def = this.def();
    return [{
      title: `${this.titleText()}（${indicatorLabel(def, s)}）`,
      head: [s.name, s.rank, indicatorLabel(def, s), s.lagging],
      rows: this.rows().map((r) => [r.label, r.rank === undefined ? s.missing : String(r.rank), { v: r.value, format: def.format }, r.lag ? s.lagging : '']),
    }];
  }

  private rule(): string {
    const def = this.def(), s = this.s;
    if (this.threshold !== null && this.threshold === this.threshold) {
      return fill(def.better === 'lower' ? s.lagAbove : s.lagBelow, { t: this.f.number(this.threshold, def.format) });
    }
    const vs = this.items.map((it) => it.values[def.id]).filter(isNum);
    const gap = lagGapOf(def, vs.length ? median(vs) : 0, this.lagGap);
    const t = def.format === 'percent'
      ? fill(s.points, { n: new Intl.NumberFormat(this.f.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(gap * 100) })
      : this.f.number(gap, def.format);
    return fill(s.lagBottom, { n: this.bottom, gap: t });
  }

  /** A description for screen readers: how many, by what, which lag, and the rule. */
  summary(): string {
    const rows = this.rows();
    if (!rows.length) return this.s.empty;
    const lag = rows.filter((r) => r.lag).map((r) => r.label);
    const sep = this.uiLang === 'zh' ? '：' : ': ';
    return fill(this.s.rankingSummary, {
      n: rows.length, indicator: indicatorLabel(this.def(), this.s), k: lag.length,
      names: lag.length ? sep + this.f.list(lag) : '', rule: this.rule(),
    });
  }

  protected override picture(p: Palette): Picture | null {
    const title = `${this.titleText()} · ${indicatorLabel(this.def(), this.s)}`;
    return this.items.length ? barsPicture(title, this.rows(), this.def().format, this.f, p, this.size.width, this.size.fontPx, this.s.lagging) : null;
  }

  private pick(r: BarRow): void {
    this.selected = r.code;
    emit<JcSelectDetail>(this, 'jc-select', { code: r.code });
  }

  private choose(e: Event): void {
    this.indicator = (e.target as HTMLSelectElement).value;
    emit<JcIndicatorDetail>(this, 'jc-indicator', { indicator: this.indicator });
  }

  protected override render(): TemplateResult {
    const rows = this.rows();
    if (this.focusIndex >= rows.length) this.focusIndex = 0;
    const def = this.def();
    const picker = this.indicators.length > 1 ? html`<label class="pick">${this.s.rankBy}
      <select part="indicator" @change=${(e: Event) => this.choose(e)}>
        ${this.indicators.map((d) => html`<option value=${d.id} ?selected=${d.id === this.indicator}>${indicatorLabel(d, this.s)}</option>`)}
      </select></label>` : nothing;
    return html`<figure aria-labelledby="title" aria-describedby="summary">
      ${this.head(picker)}
      ${rows.length
        ? barList(rows, def.format, this.f, this.s.lagging, (r) => this.shown(this.f.value(r.value, def.format)),
          { focus: this.focusIndex, pressed: false, pick: (r) => this.pick(r), key: (e, i) => void this.rove(e, i, rows.length) })
        : html`<p class="empty">${this.s.empty}</p>`}
      ${rows.length ? html`<p class="rule">${this.rule()}</p>` : nothing}
      <p id="summary" class="jc-visually-hidden">${this.summary()}</p>
      ${this.foot()}
    </figure>`;
  }
}
