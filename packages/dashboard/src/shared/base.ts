/**
 * What every dashboard element shares: language, theme, translations, Intl formatting, the
 * hidden data table, the suppression note, and export of its figures and picture.
 * @module
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LanguageController, themeTokens, translate, type UiLang } from '@jiceng/ui';
import { DASHBOARD_STRINGS, fill, type DashboardStrings } from './i18n.js';
import { Formats, type Shown } from './format.js';
import { anySuppressed, dataTable, toCsv, type TableModel } from './table.js';
import { deliver, fileName, serializeSvg, svgToPng } from './export.js';
import { chartFrame, chartTokens } from './styles.js';

/**
 * The next row to focus for a navigation key, or null if the key is not one.
 *
 * @example
 * ```ts
 * rovingTarget('ArrowDown', 0, 5); // 1
 * rovingTarget('End', 0, 5); // 4
 * ```
 */
export function rovingTarget(key: string, current: number, count: number): number | null {
  if (!count) return null;
  switch (key) {
    case 'ArrowDown': case 'ArrowRight': return Math.min(count - 1, current + 1);
    case 'ArrowUp': case 'ArrowLeft': return Math.max(0, current - 1);
    case 'Home': return 0;
    case 'End': return count - 1;
    default: return null;
  }
}

/**
 * Colours used in a chart's SVG: CSS `var()` references while on the page, resolved colours
 * in an exported file.
 *
 * @example
 * ```ts
 * const p: Palette = { ...LIVE_PALETTE, fg: '#1f2328' };
 * ```
 */
export interface Palette {
  fg: string;
  muted: string;
  bg: string;
  grid: string;
  cases: string;
  closed: string;
  rate: string;
  bar: string;
  lag: string;
  font: string;
}

const PALETTE_VARS: Record<keyof Palette, string> = {
  fg: '--jc-fg', muted: '--jc-fg-muted', bg: '--jc-bg', grid: '--jc-c-grid', cases: '--jc-c-cases',
  closed: '--jc-c-closed', rate: '--jc-c-rate', bar: '--jc-c-bar', lag: '--jc-c-lag', font: '--jc-font',
};

/**
 * The palette as `var()` references, for the live chart.
 *
 * @example
 * ```ts
 * LIVE_PALETTE.cases; // 'var(--jc-c-cases)'
 * ```
 */
export const LIVE_PALETTE: Palette = Object.fromEntries(
  Object.entries(PALETTE_VARS).map(([k, v]) => [k, `var(${v})`]),
) as unknown as Palette;

/**
 * A chart drawn as one SVG: the template and its size.
 *
 * @example
 * ```ts
 * const pic: Picture = { tpl: html`<svg width="10" height="10"></svg>`, width: 10, height: 10 };
 * ```
 */
export interface Picture {
  tpl: TemplateResult;
  width: number;
  height: number;
}

/**
 * Base class of the dashboard elements. Subclasses give their tables (the figures shown)
 * and, for charts, a picture.
 *
 * @cssproperty [--jc-color-series-1=#0550ae] Cases series colour.
 * @cssproperty [--jc-color-series-2=#1a7f37] Closed series colour.
 * @cssproperty [--jc-color-series-3=#8250df] Close-rate series colour.
 * @cssproperty [--jc-color-bar=#0969da] Bar colour.
 * @cssproperty [--jc-text-min=0px] The smallest text size: small print (notes, deltas, axis labels, tool buttons) is never drawn smaller (wall mode sets 18px).
 * @cssproperty [--jc-bar-label-white-space=nowrap] Bar labels: `nowrap` cuts a long name with an ellipsis, `normal` wraps it (wall mode).
 * @cssproperty [--jc-bar-label-width=30%] The widest a bar label's column grows.
 * @example
 * ```ts
 * class JcThing extends JcDashboardElement { figures() { return []; } protected titleText() { return "t"; } }
 * ```
 */
export abstract class JcDashboardElement extends LitElement {
  /** The element's styles (theme tokens, series colours and its own rules). */
  static override styles = [themeTokens, chartTokens, chartFrame];

  /** Language: `zh` (default) or `en`; inherited from the page when unset. */
  @property({ reflect: true }) override lang!: string;
  /** `light` (default), `dark` or `auto` (follows the system). */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';
  /** Overrides of any visible string. */
  @property({ attribute: false }) i18n: Partial<DashboardStrings> = {};
  /** The ARIA level of the element's heading. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;
  /** Hides the suppression note (a host that shows one note for the page sets it). */
  @property({ type: Boolean, attribute: 'hide-note' }) hideNote = false;
  /** Shows buttons to export the chart as SVG and PNG. */
  @property({ type: Boolean }) exportable = false;

  /** The row that holds the single tab stop of a list of row buttons. */
  @state() protected focusIndex = 0;

  /** The strings in use. */
  protected s: DashboardStrings = DASHBOARD_STRINGS.zh;
  /** The formatters in use. */
  protected f: Formats = new Formats('zh', DASHBOARD_STRINGS.zh);
  private fKey: [UiLang, Partial<DashboardStrings>] | null = null;
  /** Follows the page's language: the element renders again when `<html lang>` changes. */
  readonly #language = new LanguageController(this);

  /** The language the element speaks now. */
  protected get uiLang(): UiLang {
    return this.#language.lang;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.sync();
  }

  /**
   * Brings the strings and formatters in line with the language and `i18n` (done before
   * every render; call it before reading {@link figures} outside a render).
   *
   * @example
   * ```ts
   * el.lang = 'en'; el.sync(); el.figures();
   * ```
   */
  sync(): void {
    const lang = this.uiLang;
    if (!this.fKey || this.fKey[0] !== lang || this.fKey[1] !== this.i18n) {
      this.s = translate(DASHBOARD_STRINGS, lang, this.i18n);
      this.f = new Formats(lang, this.s);
      this.fKey = [lang, this.i18n];
    }
  }

  /**
   * The figures shown, as tables: what the hidden data table holds and CSV exports.
   *
   * @example
   * ```ts
   * document.querySelector('jc-breakdown')!.figures()[0].rows.length;
   * ```
   */
  abstract figures(): TableModel[];

  /** The chart as one SVG in the given palette, if the element draws one. */
  protected picture(_palette: Palette): Picture | null {
    return null;
  }

  /** The element's title. */
  protected abstract titleText(): string;

  /**
   * The figures shown, as CSV text.
   *
   * @example
   * ```ts
   * const csv = document.querySelector('jc-breakdown')!.toCSV();
   * ```
   */
  toCSV(): string {
    this.sync();
    return toCsv(this.figures(), this.f);
  }

  /**
   * The chart as a standalone SVG document with resolved colours, or null if it draws none.
   *
   * @example
   * ```ts
   * const svg = document.querySelector('jc-trend')!.toSVG();
   * ```
   */
  toSVG(): string | null {
    const pic = this.picture(this.resolvedPalette());
    return pic ? serializeSvg(pic.tpl) : null;
  }

  /**
   * Exports the figures as CSV (sends `jc-export`, then downloads unless cancelled).
   *
   * @example
   * ```ts
   * el.exportCSV();
   * ```
   */
  exportCSV(): boolean {
    const text = this.toCSV();
    const blob = new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' });
    return deliver(this, { format: 'csv', filename: fileName(this.titleText(), 'csv'), text, blob });
  }

  /**
   * Exports the chart as SVG or PNG (sends `jc-export`, then downloads unless cancelled).
   *
   * @example
   * ```ts
   * await el.exportImage('png');
   * ```
   */
  async exportImage(format: 'svg' | 'png'): Promise<boolean> {
    const pic = this.picture(this.resolvedPalette());
    if (!pic) return false;
    const text = serializeSvg(pic.tpl);
    const filename = fileName(this.titleText(), format);
    if (format === 'svg') {
      return deliver(this, { format, filename, text, blob: new Blob([text], { type: 'image/svg+xml' }) });
    }
    const blob = await svgToPng(text, pic.width, pic.height);
    return deliver(this, { format, filename, blob });
  }

  /** The palette with colours resolved from the element's computed style. */
  protected resolvedPalette(): Palette {
    const cs = getComputedStyle(this);
    const out = {} as Palette;
    for (const [k, v] of Object.entries(PALETTE_VARS) as [keyof Palette, string][]) {
      out[k] = cs.getPropertyValue(v).trim() || (k === 'font' ? 'sans-serif' : '#000');
    }
    return out;
  }

  /** Moves focus between row buttons with the arrow keys, Home and End (one tab stop). */
  protected async rove(e: KeyboardEvent, i: number, count: number): Promise<void> {
    const next = rovingTarget(e.key, i, count);
    if (next === null) return;
    e.preventDefault();
    this.focusIndex = next;
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLButtonElement>('button.row')[next]?.focus();
  }

  /** The heading with the export tools. */
  protected head(extra: TemplateResult | typeof nothing = nothing): TemplateResult {
    const title = this.titleText();
    const label = fill(this.s.exportChart, { title });
    return html`<div class="head" part="head">
      <span class="title" id="title" role="heading" aria-level=${this.headingLevel} part="title">${title}</span>
      ${extra}
      ${this.exportable ? html`<span class="tools" role="group" aria-label=${label}>
        <button class="tool" part="tool" @click=${() => this.exportImage('svg')}><span class="jc-visually-hidden">${label} </span>SVG</button>
        <button class="tool" part="tool" @click=${() => this.exportImage('png')}><span class="jc-visually-hidden">${label} </span>PNG</button>
      </span>` : nothing}
    </div>`;
  }

  /** A figure as text; a suppressed one carries its explanation for screen readers. */
  protected shown(v: Shown): TemplateResult | string {
    return v.suppressed
      ? html`<span class="supp" title=${this.s.suppressedNote}>${v.text}<span class="jc-visually-hidden"> (${this.s.suppressedShort})</span></span>`
      : v.text;
  }

  /** The suppression note (if anything shown is suppressed) and the hidden data tables. */
  protected foot(withTables = true): TemplateResult {
    const tables = this.figures();
    return html`${!this.hideNote && anySuppressed(tables) ? html`<p class="note" part="note">${this.s.suppressedNote}</p>` : nothing}
      ${withTables ? tables.map((t) => dataTable(t, this.f, fill(this.s.dataTable, { title: t.title }))) : nothing}`;
  }
}
