/**
 * Writing figures, changes and periods for a language with `Intl`, and showing suppressed
 * figures as such (never as 0).
 * @module
 */
import type { UiLang } from '@jiceng/ui';
import { fill, type DashboardStrings } from './i18n.js';
import type { Better, Figure, ValueFormat } from './types.js';

/**
 * A figure as written: its text, and whether it was suppressed for privacy.
 *
 * @example
 * ```ts
 * const s: Shown = { text: '<5', suppressed: true };
 * ```
 */
export interface Shown {
  text: string;
  suppressed: boolean;
}

/**
 * The change of a figure against the previous period, as written.
 *
 * @example
 * ```ts
 * const d: Delta = { dir: 'up', good: true, abs: '+128', rel: '+3.0%' };
 * ```
 */
export interface Delta {
  dir: 'up' | 'down' | 'flat';
  /** true if the change is for the better, false if worse, null if flat. */
  good: boolean | null;
  /** The absolute change (percentage points for rates). */
  abs: string;
  /** The relative change for counts, if the previous figure is not 0. */
  rel: string | null;
}

/** Whether a figure carries a number (not suppressed, not missing). @example `isNum(null) // false` */
export function isNum(v: Figure | undefined): v is number {
  return typeof v === 'number' && v === v;
}

/**
 * The `Intl` formatters of one language, with the element's strings.
 *
 * @example
 * ```ts
 * const f = new Formats('en', DASHBOARD_STRINGS.en);
 * f.value(0.995, 'percent').text; // '99.5%'
 * f.value(null, 'count').text;    // '<5'
 * ```
 */
export class Formats {
  /** The BCP 47 locale used with Intl. */
  readonly locale: string;
  private readonly count: Intl.NumberFormat;
  private readonly pct: Intl.NumberFormat;
  private readonly score: Intl.NumberFormat;
  private readonly compact: Intl.NumberFormat;
  private readonly month: Intl.DateTimeFormat;
  private readonly day: Intl.DateTimeFormat;

  constructor(lang: UiLang, readonly s: DashboardStrings) {
    this.locale = lang === 'en' ? 'en-US' : 'zh-CN';
    this.count = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 0 });
    this.pct = new Intl.NumberFormat(this.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    this.score = new Intl.NumberFormat(this.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    this.compact = new Intl.NumberFormat(this.locale, { notation: 'compact', maximumFractionDigits: 1 });
    this.month = new Intl.DateTimeFormat(this.locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
    this.day = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'UTC' });
  }

  /** A figure as text; `null` shows the suppression mark, a missing figure a dash. */
  value(v: Figure | undefined, format: ValueFormat): Shown {
    if (v === null) return { text: format === 'count' ? this.s.suppressedCount : this.s.suppressedRate, suppressed: true };
    if (!isNum(v)) return { text: this.s.missing, suppressed: false };
    return { text: this.number(v, format), suppressed: false };
  }

  /** A number as text in the given format. */
  number(v: number, format: ValueFormat): string {
    return format === 'percent' ? this.pct.format(v) : format === 'score' ? this.score.format(v) : this.count.format(v);
  }

  /** A short number for an axis tick. */
  tick(v: number, format: ValueFormat): string {
    if (format === 'percent') return this.pct.format(v);
    return Math.abs(v) >= 10_000 ? this.compact.format(v) : this.count.format(v);
  }

  /**
   * The change from `previous` to `value`, or null if either is suppressed or missing.
   * Rates change in percentage points; counts also get the relative change.
   */
  delta(value: Figure | undefined, previous: Figure | undefined, format: ValueFormat, better: Better): Delta | null {
    if (!isNum(value) || !isNum(previous)) return null;
    const digits = format === 'percent' ? 1 : format === 'score' ? 2 : 0;
    const scale = format === 'percent' ? 100 : 1;
    const diff = Math.round((value - previous) * scale * 10 ** digits) / 10 ** digits;
    const dir = diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat';
    const good = dir === 'flat' ? null : (dir === 'up') === (better === 'higher');
    const signed = new Intl.NumberFormat(this.locale, {
      signDisplay: 'exceptZero', minimumFractionDigits: digits, maximumFractionDigits: digits,
    });
    const abs = format === 'percent' ? fill(this.s.points, { n: signed.format(diff) }) : signed.format(diff);
    let rel: string | null = null;
    if (format === 'count' && previous !== 0) {
      rel = new Intl.NumberFormat(this.locale, {
        style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1,
      }).format((value - previous) / Math.abs(previous));
    }
    return { dir, good, abs, rel };
  }

  /**
   * A core period label (`2024-03`, `2024-Q1`, `2024`, `2024-03-05`) written for the
   * language; anything else is returned as given.
   */
  period(label: string): string {
    let m = /^(\d{4})-(\d{2})$/.exec(label);
    if (m) return this.month.format(Date.UTC(+m[1], +m[2] - 1, 1));
    m = /^(\d{4})-Q([1-4])$/.exec(label);
    if (m) return fill(this.s.quarterLabel, { y: m[1], q: m[2] });
    m = /^(\d{4})$/.exec(label);
    if (m) return fill(this.s.yearLabel, { y: m[1] });
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
    if (m) return this.day.format(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return label;
  }

  /** A list of names joined for the language. */
  list(items: string[]): string {
    return new Intl.ListFormat(this.locale, { style: 'short', type: 'conjunction' }).format(items);
  }
}
