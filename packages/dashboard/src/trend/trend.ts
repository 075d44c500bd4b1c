/**
 * `<jc-trend>`: cases and close rate over time, on two axes.
 * @module
 */
import { css, html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { scaleLinear, scalePoint } from '../shared/scale.js';
import { JcDashboardElement, LIVE_PALETTE, type Palette, type Picture } from '../shared/base.js';
import { isNum } from '../shared/format.js';
import { fill } from '../shared/i18n.js';
import { SizeController, textWidth } from '../shared/measure.js';
import { areaPath, linePath } from './paths.js';
import type { TableModel } from '../shared/table.js';
import type { Figure, TrendPoint } from '../shared/types.js';

/** Steps between labelled periods, from which the smallest that fits is taken. */
const STEPS = [1, 2, 3, 4, 6, 12, 24, 36, 60, 120];

/**
 * A trend chart: cases collected (line over an area) and closed (dashed line) on the left
 * axis, close rate (dotted line with markers) on the right axis. Lines differ in dash and
 * marker as well as colour; the legend shows both. Gaps mark suppressed or missing periods.
 * Screen readers get a summary and the full data table.
 *
 * @tagname jc-trend
 * @summary Cases and close rate over time.
 * @csspart chart - The SVG.
 * @example
 * ```html
 * <jc-trend></jc-trend>
 * <script type="module">
 *   document.querySelector('jc-trend').points = [
 *     { period: '2024-01', cases: 4210, closed: 4180, rate: 0.993 },
 *     { period: '2024-02', cases: 3980, closed: 3975, rate: 0.999 },
 *   ];
 * </script>
 * ```
 */
export class JcTrend extends JcDashboardElement {
  /** The element's styles (theme tokens, series colours and its own rules). */
  static override styles = [
    ...JcDashboardElement.styles,
    css`
      svg { display: block; max-inline-size: 100%; overflow: visible; }
    `,
  ];

  /** The points, oldest first. */
  @property({ attribute: false }) points: TrendPoint[] = [];
  /** Title; defaults to the translated “case trend”. */
  @property() label = '';
  /** Height of the chart in pixels. */
  @property({ type: Number }) height = 300;

  private size = new SizeController(this, 640);

  protected titleText(): string {
    return this.label || this.s.trendTitle;
  }

  figures(): TableModel[] {
    const s = this.s;
    return [{
      title: this.titleText(),
      head: [s.period, s.trendCases, s.trendClosed, s.banjieRate],
      rows: this.points.map((p) => [
        this.f.period(p.period),
        { v: p.cases, format: 'count' },
        { v: p.closed, format: 'count' },
        { v: p.rate, format: 'percent' },
      ]),
    }];
  }

  /** A one-paragraph description of the trend for screen readers. */
  summary(): string {
    const pts = this.points;
    if (!pts.length) return this.s.empty;
    const counts = pts.map((p) => p.cases).filter(isNum);
    const last = pts[pts.length - 1];
    return fill(this.s.trendSummary, {
      from: this.f.period(pts[0].period),
      to: this.f.period(last.period),
      min: counts.length ? this.f.number(Math.min(...counts), 'count') : this.s.missing,
      max: counts.length ? this.f.number(Math.max(...counts), 'count') : this.s.missing,
      last: this.f.period(last.period),
      cases: this.f.value(last.cases, 'count').text,
      rate: this.f.value(last.rate, 'percent').text,
    });
  }

  protected override picture(p: Palette): Picture | null {
    return this.points.length ? this.draw(p, true) : null;
  }

  /** Axis ticks with their labels, each label once: counts are whole, rounding never repeats one. */
  private ticks(values: number[], format: 'count' | 'percent'): [number, string][] {
    const seen = new Set<string>();
    return values.map((t): [number, string] => [t, this.f.tick(t, format)]).filter(([, l]) => !seen.has(l) && !!seen.add(l));
  }

  /** Draws the chart; `standalone` adds the title, background and font for a file. */
  private draw(p: Palette, standalone: boolean): Picture {
    const pts = this.points;
    const fs = Math.max(this.size.fontPx * 0.85, this.size.minPx);
    const W = Math.max(240, this.size.width);
    const top = standalone ? fs * 4 : fs * 2.6;
    const H = this.height + (standalone ? fs * 1.5 : 0);
    const m = { t: top, r: fs * 4.2, b: fs * 2.2, l: fs * 4.2 };
    const x = scalePoint(pts.map((d) => d.period), [m.l, W - m.r], 0.2);
    const counts = pts.flatMap((d) => [d.cases, d.closed]).filter(isNum);
    const yC = scaleLinear([0, Math.max(1, ...counts)], [H - m.b, m.t]).nice(5);
    // Both axes start at zero: a rate axis that starts at 50 % turns a small dip into a plunge.
    const yR = scaleLinear([0, Math.max(1, ...pts.map((d) => d.rate).filter(isNum))], [H - m.b, m.t]);
    const px = (d: TrendPoint) => x(d.period) ?? 0;
    const yOf = (scale: (v: number) => number, v: Figure) => (isNum(v) ? scale(v) : null);
    const caseArea = areaPath(pts, px, (d) => yOf(yC, d.cases), yC(0));
    const caseLine = linePath(pts, px, (d) => yOf(yC, d.cases));
    const closedLine = linePath(pts, px, (d) => yOf(yC, d.closed));
    const rateLine = linePath(pts, px, (d) => yOf(yR, d.rate));
    const room = Math.max(1, Math.floor((W - m.l - m.r) / (fs * 6.5)));
    const step = STEPS.find((s) => Math.ceil(pts.length / s) <= room) ?? pts.length;
    const labelled = pts.filter((_, i) => (pts.length - 1 - i) % step === 0);
    const markers = pts.length <= 40;
    const s = this.s;
    const legend: [string, string, string, boolean][] = [
      [s.trendCases, p.cases, '', false],
      [s.trendClosed, p.closed, '7 4', false],
      [`${s.banjieRate} →`, p.rate, '2 3', true],
    ];
    let lx = m.l;
    const ly = standalone ? fs * 2.6 : fs * 0.9;
    const text = (x0: number, y0: number, t: string, anchor: string, colour = p.muted) =>
      svg`<text x=${x0} y=${y0} text-anchor=${anchor} style=${`fill:${colour}`}>${t}</text>`;
    const tpl = html`<svg part="chart" width=${W} height=${H} viewBox="0 0 ${W} ${H}"
        role=${standalone ? nothing : 'img'} aria-labelledby=${standalone ? nothing : 'title'} aria-describedby=${standalone ? nothing : 'summary'}
        style=${`font-size:${fs}px;font-family:${p.font}`}>
      ${standalone ? svg`<rect width=${W} height=${H} style=${`fill:${p.bg}`}></rect>
        <text x=${m.l} y=${fs * 1.3} style=${`fill:${p.fg};font-weight:600;font-size:${fs * 1.2}px`}>${this.titleText()}</text>` : nothing}
      <g>${legend.map(([label, colour, dash, marker]) => {
        const x0 = lx;
        lx += textWidth(label, fs) + fs * 4;
        return svg`<g>
          <line x1=${x0} x2=${x0 + fs * 2} y1=${ly} y2=${ly} style=${`stroke:${colour};stroke-width:2.5;stroke-dasharray:${dash || 'none'}`}></line>
          ${marker ? svg`<rect x=${x0 + fs - 3.5} y=${ly - 3.5} width="7" height="7" transform="rotate(45 ${x0 + fs} ${ly})" style=${`fill:${p.bg};stroke:${colour};stroke-width:1.5`}></rect>` : nothing}
          ${text(x0 + fs * 2.4, ly + fs * 0.35, label, 'start', p.fg)}</g>`;
      })}</g>
      <g>${this.ticks(yC.ticks(5).filter(Number.isInteger), 'count').map(([t, label]) => svg`
        <line x1=${m.l} x2=${W - m.r} y1=${yC(t)} y2=${yC(t)} style=${`stroke:${p.grid};stroke-width:1`}></line>
        ${text(m.l - 6, yC(t) + fs * 0.35, label, 'end')}`)}</g>
      <g>${this.ticks(yR.ticks(5), 'percent').map(([t, label]) => text(W - m.r + 6, yR(t) + fs * 0.35, label, 'start', p.rate))}</g>
      <g>${labelled.map((d) => text(px(d), H - m.b + fs * 1.4, this.f.period(d.period), 'middle'))}</g>
      <path d=${caseArea} style=${`fill:${p.cases};fill-opacity:0.1;stroke:none`}></path>
      <path d=${caseLine} style=${`fill:none;stroke:${p.cases};stroke-width:2.5`}></path>
      <path d=${closedLine} style=${`fill:none;stroke:${p.closed};stroke-width:2;stroke-dasharray:7 4`}></path>
      <path d=${rateLine} style=${`fill:none;stroke:${p.rate};stroke-width:2.5;stroke-dasharray:2 3;stroke-linecap:round`}></path>
      ${markers ? pts.filter((d) => isNum(d.rate)).map((d) => {
        const cx = px(d), cy = yR(d.rate as number);
        return svg`<rect x=${cx - 3.5} y=${cy - 3.5} width="7" height="7" transform="rotate(45 ${cx} ${cy})" style=${`fill:${p.bg};stroke:${p.rate};stroke-width:1.5`}></rect>`;
      }) : nothing}
      <line x1=${m.l} x2=${W - m.r} y1=${yC(0)} y2=${yC(0)} style=${`stroke:${p.muted};stroke-width:1`}></line>
    </svg>`;
    return { tpl, width: W, height: H };
  }

  protected override render(): TemplateResult {
    return html`<figure>
      ${this.head()}
      ${this.points.length ? this.draw(LIVE_PALETTE, false).tpl : html`<p class="empty">${this.s.empty}</p>`}
      <p id="summary" class="jc-visually-hidden">${this.summary()}</p>
      ${this.foot()}
    </figure>`;
  }
}
