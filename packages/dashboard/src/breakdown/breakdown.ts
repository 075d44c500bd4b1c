/**
 * `<jc-breakdown>`: figures by category as horizontal bars.
 * @module
 */
import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { JcDashboardElement, type Palette, type Picture } from '../shared/base.js';
import { barList, barsPicture, barStyles, type BarRow } from '../shared/bars.js';
import { emit, type JcCategoryDetail } from '../shared/events.js';
import { isNum } from '../shared/format.js';
import { fill } from '../shared/i18n.js';
import { SizeController } from '../shared/measure.js';
import type { TableModel } from '../shared/table.js';
import type { BreakdownItem, Figure, ValueFormat } from '../shared/types.js';
import { need } from '@jiceng/ui';

/**
 * Sorts figures largest first; suppressed and missing ones last, in their given order.
 *
 * @example
 * ```ts
 * byValueDesc([{ value: 1 }, { value: null }, { value: 5 }]); // 5, 1, null
 * ```
 */
export function byValueDesc<T extends { value: Figure | undefined }>(items: readonly T[]): T[] {
  need('byValueDesc', 'items', items, 'array');
  return items
    .map((it, i) => ({ it, i }))
    .sort((a, b) => {
      const av = isNum(a.it.value), bv = isNum(b.it.value);
      if (av && bv) return (b.it.value as number) - (a.it.value as number) || a.i - b.i;
      return av === bv ? a.i - b.i : av ? -1 : 1;
    })
    .map((x) => x.it);
}

/**
 * A bar chart by category. Each bar is a button (one tab stop; arrow keys, Home and End
 * move between bars; Enter or Space selects): choosing a bar sends `jc-category` with its
 * code, choosing it again clears the choice (`code: null`). With `plain` the rows are not
 * interactive. Screen readers get a summary and the data table.
 *
 * @tagname jc-breakdown
 * @summary Bar chart by category; bars select.
 * @fires jc-category - A bar was chosen or the choice cleared: `{ code: string | null }`.
 * @csspart row - A bar row.
 * @example
 * ```html
 * <jc-breakdown></jc-breakdown>
 * <script type="module">
 *   const b = document.querySelector('jc-breakdown');
 *   b.items = [{ code: 'env', label: '生态环保', value: 812 }, { code: 'safety', label: '安全生产', value: 640 }];
 *   b.addEventListener('jc-category', (e) => console.log(e.detail.code));
 * </script>
 * ```
 */
export class JcBreakdown extends JcDashboardElement {
  /** The element's styles (theme tokens, series colours and its own rules). */
  static override styles = [...JcDashboardElement.styles, barStyles];

  /** The bars. */
  @property({ attribute: false }) items: BreakdownItem[] = [];
  /** The selected category's code. */
  @property() selected: string | null = null;
  /** Title; defaults to the translated “cases by category”. */
  @property() label = '';
  /** How the figures are written. */
  @property() format: ValueFormat = 'count';
  /** `value` sorts largest first; `none` keeps the given order. */
  @property() sort: 'value' | 'none' = 'value';
  /** Rows are not buttons (a display-only chart). */
  @property({ type: Boolean }) plain = false;

  private size = new SizeController(this, 480);

  protected titleText(): string {
    return this.label || this.s.breakdownTitle;
  }

  private rows(): BarRow[] {
    const items = this.sort === 'value' ? byValueDesc(this.items) : this.items;
    return items.map((it) => ({ code: it.code, label: it.label, value: it.value, selected: it.code === this.selected }));
  }

  figures(): TableModel[] {
    return [{
      title: this.titleText(),
      head: [this.s.category, this.s.value],
      rows: this.rows().map((r) => [r.label, { v: r.value, format: this.format }]),
    }];
  }

  /** A one-sentence description for screen readers. */
  summary(): string {
    const rows = this.rows().filter((r) => isNum(r.value));
    if (!rows.length) return this.s.empty;
    const top = rows.reduce((a, b) => ((b.value as number) > (a.value as number) ? b : a));
    const bottom = rows.reduce((a, b) => ((b.value as number) < (a.value as number) ? b : a));
    return fill(this.s.breakdownSummary, {
      n: this.items.length,
      top: top.label, topValue: this.f.value(top.value, this.format).text,
      bottom: bottom.label, bottomValue: this.f.value(bottom.value, this.format).text,
    });
  }

  protected override picture(p: Palette): Picture | null {
    return this.items.length ? barsPicture(this.titleText(), this.rows(), this.format, this.f, p, this.size.width, this.size.fontPx, '') : null;
  }

  private pick(r: BarRow): void {
    this.selected = r.code === this.selected ? null : r.code;
    emit<JcCategoryDetail>(this, 'jc-category', { code: this.selected });
  }

  protected override render(): TemplateResult {
    const rows = this.rows();
    if (this.focusIndex >= rows.length) this.focusIndex = 0;
    return html`<figure aria-labelledby="title" aria-describedby="summary">
      ${this.head()}
      ${rows.length
        ? barList(rows, this.format, this.f, '', (r) => this.shown(this.f.value(r.value, this.format)),
          this.plain ? undefined : { focus: this.focusIndex, pressed: true, pick: (r) => this.pick(r), key: (e, i) => void this.rove(e, i, rows.length) })
        : html`<p class="empty">${this.s.empty}</p>`}
      <p id="summary" class="jc-visually-hidden">${this.summary()}</p>
      ${this.foot()}
    </figure>`;
  }
}
