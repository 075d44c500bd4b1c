/**
 * `<jc-dashboard>`: the figures of one node and period at a glance, with drill-down.
 * @module
 */
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { JcDashboardElement } from '../shared/base.js';
import type { JcBreakdown } from '../breakdown/breakdown.js';
import type { JcRanking } from '../ranking/ranking.js';
import type { JcTrend } from '../trend/trend.js';
import { emit, type JcCategoryDetail, type JcIndicatorDetail, type JcPeriodDetail, type JcTopicDetail } from '../shared/events.js';
import { fill } from '../shared/i18n.js';
import { INDICATORS, indicatorLabel } from '../shared/indicators.js';
import { anySuppressed, type TableModel } from '../shared/table.js';
import type { DashboardData, IndicatorId, PeriodKind, TopicOption } from '../shared/types.js';

const PERIODS: readonly PeriodKind[] = ['month', 'quarter', 'year'];

/**
 * The dashboard of one node and period: KPI tiles (collected, closed, 办结率, 按期结案率,
 * overdue, satisfaction) with the change against the previous period — for a period still
 * running (`data.until`), against the same span of it, as the line under the name says — the trend, the
 * breakdown by category, the ranking of the child nodes, the share closed at each level
 * (小事不出村、大事不出镇) and the organisation coverage figures.
 *
 * Data flows one way: the host passes `data` (computed by the core's metrics) and listens
 * for `jc-period`, `jc-topic`, `jc-select`, `jc-category` and `jc-indicator` to recompute
 * and pass new data; the dashboard never computes a metric and never fetches. `mode="wall"`
 * is the wall-screen (大屏) layout: large type (no text under 18 px), names that wrap instead
 * of being cut, every panel on one 1920×1080 screen and, unless `theme` is set, the dark theme.
 * The layout follows the element's own width (container queries), from a phone to a wall.
 *
 * @tagname jc-dashboard
 * @summary Figures of a node at a glance, with drill-down.
 * @fires jc-period - The period length was changed: `{ period: 'month' | 'quarter' | 'year' }`.
 * @fires jc-topic - The topic was changed: `{ topic: string | null }`.
 * @fires jc-select - A child node was chosen in the ranking: `{ code }`.
 * @fires jc-category - A category bar was chosen: `{ code: string | null }`.
 * @fires jc-indicator - The ranking indicator was changed: `{ indicator }`.
 * @fires jc-export - A CSV, SVG or PNG file is about to be downloaded (cancelable).
 * @csspart frame - The outer box.
 * @csspart span - What the KPIs are compared with, while the period is still running.
 * @example
 * ```html
 * <jc-dashboard period="month"></jc-dashboard>
 * <script type="module">
 *   const d = document.querySelector('jc-dashboard');
 *   d.topics = [{ id: 'safety', label: '安全生产' }];
 *   d.data = dashboardDataFromCore(node, period);
 *   d.addEventListener('jc-select', (e) => { d.data = dashboardDataFromCore(e.detail.code, period); });
 * </script>
 * ```
 */
export class JcDashboard extends JcDashboardElement {
  /** The element's styles (theme tokens, series colours and its own rules). */
  static override styles = [
    ...JcDashboardElement.styles,
    css`
      :host { --jc-gap: calc(var(--jc-space) * 1.5); }
      :host([mode='wall']) { line-height: 1.3; --jc-font-size-base: 18px; --jc-gap: var(--jc-space); --jc-text-min: 18px; --jc-bar-label-white-space: normal; --jc-bar-label-width: 50%; }
      .frame { container-type: inline-size; display: grid; gap: var(--jc-gap); padding: var(--jc-gap); background: var(--jc-bg); }
      .top { display: flex; flex-wrap: wrap; gap: var(--jc-space) calc(var(--jc-space) * 3); align-items: end; justify-content: space-between; }
      .node { margin: 0; font-size: 1.6em; font-weight: 650; }
      .period { margin: 2px 0 0; color: var(--jc-fg-muted); }
      .controls { display: flex; flex-wrap: wrap; gap: var(--jc-space) calc(var(--jc-space) * 2); align-items: center; }
      fieldset { border: 0; margin: 0; padding: 0; display: flex; align-items: center; gap: var(--jc-space); }
      legend { float: left; margin-inline-end: var(--jc-space); padding: 0; color: var(--jc-fg-muted); }
      .seg { display: inline-flex; border: 1px solid var(--jc-border); border-radius: var(--jc-radius); overflow: hidden; }
      .seg label { position: relative; }
      .seg input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
      .seg span { display: block; padding: 4px 12px; min-block-size: 24px; box-sizing: border-box; }
      .seg label + label span { border-inline-start: 1px solid var(--jc-border); }
      .seg input:checked + span { background: var(--jc-accent); color: var(--jc-accent-fg); font-weight: 600; }
      .seg input:focus-visible + span { outline: 2px solid var(--jc-focus); outline-offset: -3px; }
      .topic { display: flex; gap: var(--jc-space); align-items: center; color: var(--jc-fg-muted); }
      select { border: 1px solid var(--jc-border); border-radius: var(--jc-radius); background: var(--jc-bg); color: var(--jc-fg); padding: 4px 6px; min-block-size: 28px; }
      .kpis { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: var(--jc-gap); }
      .grid { display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--jc-gap); }
      .card { border: 1px solid var(--jc-border); border-radius: var(--jc-radius); padding: var(--jc-gap); background: var(--jc-bg); }
      .heads { display: grid; grid-template-columns: 1fr 1fr; gap: var(--jc-space); margin: var(--jc-space) 0 0; }
      .heads div { border-inline-start: 4px solid var(--jc-c-closed); padding-inline-start: var(--jc-space); }
      .heads dt { color: var(--jc-fg-muted); font-size: max(0.9em, var(--jc-text-min, 0px)); }
      .heads dd { margin: 0; font-size: 1.5em; font-weight: 650; font-variant-numeric: tabular-nums; }
      table.cov { border-collapse: collapse; inline-size: 100%; font-variant-numeric: tabular-nums; }
      .cov caption { text-align: start; font-weight: 600; font-size: 1.1em; margin-block-end: var(--jc-space); }
      .cov th, .cov td { padding: 4px 6px; border-block-end: 1px solid var(--jc-border); text-align: end; }
      .cov th[scope='row'], .cov thead th:first-child { text-align: start; font-weight: 400; }
      .cov thead th { color: var(--jc-fg-muted); font-weight: 400; font-size: max(0.9em, var(--jc-text-min, 0px)); }
      .cov tr.zero th, .flag { color: var(--jc-c-lag); font-weight: 600; }
      .flag { margin: var(--jc-space) 0 0; }
      @container (min-width: 640px) {
        .kpis { grid-template-columns: repeat(3, minmax(0, 1fr)); }
        .grid { grid-template-columns: repeat(2, minmax(0, 1fr)); }
        .wide { grid-column: 1 / -1; }
      }
      @container (min-width: 1100px) {
        .kpis { grid-template-columns: repeat(6, minmax(0, 1fr)); }
        .grid { grid-template-columns: repeat(3, minmax(0, 1fr)); }
        .wide { grid-column: span 2; }
      }
      /* The wall: every panel on one screen (1920×1080) — categories above level shares, the
         trend above the ranking, the coverage down the last column. */
      @container (min-width: 1500px) {
        :host([mode='wall']) .grid {
          grid-template-columns: repeat(3, minmax(0, 1fr)) minmax(0, 1.4fr); align-items: start;
          grid-template-areas: 'cats trend trend cov' 'cats rank rank cov' 'levels rank rank cov';
        }
        :host([mode='wall']) .grid > :nth-child(1) { grid-area: trend; }
        :host([mode='wall']) .grid > :nth-child(2) { grid-area: cats; }
        :host([mode='wall']) .grid > :nth-child(3) { grid-area: rank; }
        :host([mode='wall']) .grid > :nth-child(4) { grid-area: levels; }
        :host([mode='wall']) .grid > :nth-child(5) { grid-area: cov; }
      }
    `,
  ];

  /** The figures of the selected node and period (from the core's metrics). */
  @property({ attribute: false }) data: DashboardData | null = null;
  /** The period length chosen in the period selector. */
  @property() period: PeriodKind = 'month';
  /** The topics offered in the topic filter. */
  @property({ attribute: false }) topics: TopicOption[] = [];
  /** The chosen topic id, or null for all topics. */
  @property() topic: string | null = null;
  /** The indicator the ranking sorts by. */
  @property() indicator: string = 'banjieRate';
  /** Ranking: values worse than this are lagging (else the bottom `bottom`). */
  @property({ type: Number }) threshold: number | null = null;
  /** Ranking: how many at the bottom count as lagging when there is no threshold. */
  @property({ type: Number }) bottom = 3;
  /** Ranking: the gap from the median a bottom row must fall short by to lag (see `<jc-ranking>`). */
  @property({ type: Number, attribute: 'lag-gap' }) lagGap: number | null = null;
  /** The chosen category (breakdown), or null. */
  @property() category: string | null = null;
  /** `standard` or `wall` (大屏: large type, dark theme). */
  @property({ reflect: true }) mode: 'standard' | 'wall' = 'standard';

  @query('jc-trend') private trendEl?: JcTrend;
  @query('jc-breakdown.cats') private breakdownEl?: JcBreakdown;
  @query('jc-ranking') private rankingEl?: JcRanking;
  @query('jc-breakdown.levels') private levelsEl?: JcBreakdown;

  constructor() {
    super();
    this.headingLevel = 2;
  }

  /** Whether the dark theme was put on by wall mode (and so comes off with it). */
  private wallTheme = false;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('mode')) {
      if (this.mode === 'wall' && !this.theme) { this.theme = 'dark'; this.wallTheme = true; }
      else if (this.mode !== 'wall' && this.wallTheme) { this.theme = undefined; this.wallTheme = false; }
    }
    super.willUpdate(changed);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const kids = [...this.renderRoot.querySelectorAll<JcDashboardElement>('jc-kpi, jc-trend, jc-breakdown, jc-ranking')];
    const all = await Promise.all(kids.map((k) => k.updateComplete));
    return done && all.every(Boolean);
  }

  protected titleText(): string {
    const d = this.data;
    return d ? `${d.node.name} ${d.period}` : 'jiceng';
  }

  private kpiTable(): TableModel {
    const s = this.s, k = this.data?.kpis ?? {};
    return {
      title: s.kpisTitle,
      head: [s.indicator, s.current, s.previous],
      rows: INDICATORS.map((d) => {
        const fig = k[d.id as IndicatorId];
        return [indicatorLabel(d, s), { v: fig?.value, format: d.format }, { v: fig?.previous, format: d.format }];
      }),
    };
  }

  private levelTable(): TableModel {
    const s = this.s, l = this.data?.levels;
    return {
      title: s.levelsTitle,
      head: [s.level, s.closed, s.share],
      rows: [
        ...(l?.levels ?? []).map((x) => [x.label, { v: x.closed, format: 'count' as const }, { v: x.share, format: 'percent' as const }]),
        ...(l && l.withinVillage !== undefined ? [[s.withinVillage, '', { v: l.withinVillage, format: 'percent' as const }]] : []),
        ...(l && l.withinTown !== undefined ? [[s.withinTown, '', { v: l.withinTown, format: 'percent' as const }]] : []),
      ],
    };
  }

  private coverageTable(): TableModel {
    const s = this.s;
    return {
      title: s.coverageTitle,
      head: [s.item, s.value, s.total, s.rate],
      rows: (this.data?.coverage ?? []).map((c) => [c.label, { v: c.value, format: 'count' }, { v: c.total, format: 'count' }, { v: c.rate, format: 'percent' }]),
    };
  }

  /**
   * Every figure shown, as tables: KPIs, trend, breakdown, ranking, levels, coverage.
   *
   * @example
   * ```ts
   * dashboard.figures().map((t) => t.title);
   * ```
   */
  figures(): TableModel[] {
    this.sync();
    if (!this.data) return [];
    const kids = [this.trendEl, this.breakdownEl, this.rankingEl].flatMap((el) => {
      if (!el) return [];
      el.sync();
      return el.figures();
    });
    return [this.kpiTable(), ...kids, this.levelTable(), this.coverageTable()];
  }

  private choosePeriod(p: PeriodKind): void {
    if (p === this.period) return;
    this.period = p;
    emit<JcPeriodDetail>(this, 'jc-period', { period: p });
  }

  private chooseTopic(e: Event): void {
    const v = (e.target as HTMLSelectElement).value;
    this.topic = v || null;
    emit<JcTopicDetail>(this, 'jc-topic', { topic: this.topic });
  }

  private controls(): TemplateResult {
    const s = this.s;
    return html`<div class="controls">
      <fieldset>
        <legend>${s.periodKind}</legend>
        <div class="seg" part="period">${PERIODS.map((p) => html`<label>
          <input type="radio" name="period" value=${p} .checked=${this.period === p} @change=${() => this.choosePeriod(p)}><span>${s[p]}</span>
        </label>`)}</div>
      </fieldset>
      ${this.topics.length ? html`<label class="topic">${s.topic}
        <select part="topic" @change=${(e: Event) => this.chooseTopic(e)}>
          <option value="" ?selected=${!this.topic}>${s.allTopics}</option>
          ${this.topics.map((t) => html`<option value=${t.id} ?selected=${t.id === this.topic}>${t.label}</option>`)}
        </select></label>` : nothing}
      <button class="tool" part="export" @click=${() => this.exportCSV()}>${s.exportCsv}</button>
    </div>`;
  }

  protected override render(): TemplateResult {
    const d = this.data, s = this.s, f = this.f;
    const lang = this.uiLang, theme = this.theme ?? nothing, wall = this.mode === 'wall';
    const sub = this.headingLevel + 1;
    const topic = this.topics.find((t) => t.id === this.topic);
    const head = html`<div class="top">
      <div>
        <div class="node" role="heading" aria-level=${this.headingLevel} part="heading">${d ? d.node.name : s.empty}</div>
        ${d ? html`<p class="period">${f.period(d.period)}${topic ? html` · ${topic.label}` : nothing}${d.until
          ? html` · <span id="span" part="span">${fill(/^\d{4}$/.test(d.period) ? s.spanYear : d.period.includes('Q') ? s.spanQuarter : s.spanMonth, { to: d.until.slice(5) })}</span>`
          : nothing}</p>` : nothing}
      </div>
      ${this.controls()}
    </div>`;
    if (!d) return html`<div class="frame" part="frame">${head}</div>`;
    const lv = d.levels;
    return html`<div class="frame" part="frame">
      ${head}
      <section aria-labelledby="kpis" aria-describedby=${d.until ? 'span' : nothing}>
        <div id="kpis" class="jc-visually-hidden" role="heading" aria-level=${sub}>${s.kpisTitle}</div>
        <div class="kpis">${INDICATORS.map((def) => {
          const fig = d.kpis[def.id as IndicatorId];
          return html`<jc-kpi lang=${lang} theme=${theme} .i18n=${this.i18n} hide-note
            .label=${indicatorLabel(def, s)} .value=${fig?.value} .previous=${fig?.previous}
            .format=${def.format} .better=${def.better} .unit=${def.format === 'count' ? s.countUnit : ''}></jc-kpi>`;
        })}</div>
      </section>
      <div class="grid">
        <jc-trend class="card wide" lang=${lang} theme=${theme} .i18n=${this.i18n} hide-note exportable
          heading-level=${sub} .points=${d.trend} .height=${wall ? 230 : 300}></jc-trend>
        <jc-breakdown class="card cats" lang=${lang} theme=${theme} .i18n=${this.i18n} hide-note exportable
          heading-level=${sub} .items=${d.breakdown} .selected=${this.category}
          @jc-category=${(e: CustomEvent<JcCategoryDetail>) => { this.category = e.detail.code; }}></jc-breakdown>
        <jc-ranking class="card" lang=${lang} theme=${theme} .i18n=${this.i18n} hide-note exportable
          heading-level=${sub} .items=${d.children} .indicator=${this.indicator}
          .threshold=${this.threshold} .bottom=${this.bottom} .lagGap=${this.lagGap}
          @jc-indicator=${(e: CustomEvent<JcIndicatorDetail>) => { this.indicator = e.detail.indicator; }}></jc-ranking>
        <div class="card">
          <jc-breakdown class="levels" plain sort="none" format="percent" lang=${lang} theme=${theme} .i18n=${this.i18n} hide-note
            heading-level=${sub} .label=${s.levelsTitle}
            .items=${lv.levels.map((l) => ({ code: l.level, label: l.label, value: l.share }))}></jc-breakdown>
          ${lv.withinVillage !== undefined || lv.withinTown !== undefined ? html`<dl class="heads">
            ${lv.withinVillage !== undefined ? html`<div><dt>${s.withinVillage}</dt><dd>${this.shown(f.value(lv.withinVillage, 'percent'))}</dd></div>` : nothing}
            ${lv.withinTown !== undefined ? html`<div><dt>${s.withinTown}</dt><dd>${this.shown(f.value(lv.withinTown, 'percent'))}</dd></div>` : nothing}
          </dl>` : nothing}
        </div>
        <div class="card">${this.coverage()}</div>
      </div>
      ${anySuppressed([this.kpiTable(), this.levelTable(), this.coverageTable()]) || this.childSuppressed()
        ? html`<p class="note" part="note">${s.suppressedNote}</p>` : nothing}
    </div>`;
  }

  private childSuppressed(): boolean {
    const d = this.data;
    if (!d) return false;
    return d.trend.some((p) => p.cases === null || p.closed === null || p.rate === null)
      || d.breakdown.some((b) => b.value === null)
      || d.children.some((c) => c.values[this.indicator] === null);
  }

  private coverage(): TemplateResult {
    const t = this.coverageTable();
    // nothing covered out of a real total is flagged in words and colour, not left as a quiet 0
    const zero = (this.data?.coverage ?? []).map((c) => c.value === 0 && typeof c.total === 'number' && c.total > 0);
    const zeroNames = t.rows.filter((_, k) => zero[k]).map((r) => r[0] as string);
    return html`<table class="cov" part="coverage">
      <caption><span role="heading" aria-level=${this.headingLevel + 1}>${t.title}</span></caption>
      <thead><tr>${t.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>${t.rows.map((r, k) => html`<tr class=${zero[k] ? 'zero' : ''}>${r.map((c, i) => i === 0
        ? html`<th scope="row">${c as string}</th>`
        : html`<td>${typeof c === 'string' ? c : c.v === undefined ? '' : this.shown(this.f.value(c.v, c.format))}</td>`)}</tr>`)}</tbody>
    </table>
    ${zeroNames.length ? html`<p class="flag" part="flag">⚠ ${this.s.noCoverage}${this.uiLang === 'zh' ? '：' : ': '}${this.f.list(zeroNames)}</p>` : nothing}`;
  }
}
