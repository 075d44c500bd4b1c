/**
 * `<jc-ledger>`: a statement of a time-bank or points account, for the screen and for paper.
 * @module
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { chinaLocalTime, LanguageController, themeTokens, translate, type UiLang } from '@jiceng/ui';
import type { Statement, StatementLine } from '@jiceng/core/engagement';
import { ledgerStrings, type LedgerStrings } from '../shared/i18n.js';
import { ledgerStyles } from '../shared/styles.js';

/**
 * Shows a statement (the core's `accountStatement`): the account, its owner, balance, floor
 * and cap, points pending settlement, the totals in and out, every movement with the balance
 * after it, and the redemptions. Hours show with one decimal, points whole. Prints as a
 * black-on-white statement without controls. Renders only what it is given, as text.
 *
 * @tagname jc-ledger
 * @summary A printable statement of time-bank hours or points.
 *
 * @example
 * ```html
 * <jc-ledger owner-name="林*"></jc-ledger>
 * <script type="module">
 *   document.querySelector('jc-ledger').statement = accountStatement(store.state, 'time:pm-1');
 * </script>
 * ```
 *
 * @csspart header - The account figures (`<dl>`).
 * @csspart movements - The table of movements.
 * @csspart redemptions - The table of redemptions.
 * @csspart print-button - The print button (hidden in print).
 *
 * @cssproperty [--jc-color-ok=#1a7f37] - Amounts credited.
 * @cssproperty [--jc-bad=#cf222e] - Amounts debited.
 */
export class JcLedger extends LitElement {
  /** The element's styles: the shared theme tokens, then its own (with the print rules). */
  static override styles = [themeTokens, ...ledgerStyles];

  /** The statement to show. */
  @property({ attribute: false }) statement: Statement | undefined = undefined;
  /** The owner's name as the reader may see it (masked by the host if need be). */
  @property({ attribute: 'owner-name' }) ownerName = '';
  /** Language (`zh` default, `en…` for English); falls back to the nearest `lang`. */
  @property() override lang!: string;
  /** Colour theme: light, dark, or auto. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  /** Overrides of any visible string. */
  @property({ attribute: false }) i18n: Partial<LedgerStrings> = {};
  /** Hides the print button. */
  @property({ type: Boolean, attribute: 'no-print-button', reflect: true }) noPrintButton = false;

  /** Follows the page's language: the element renders again when `<html lang>` changes. */
  readonly #language = new LanguageController(this);

  private get _lang(): UiLang {
    return this.#language.lang;
  }

  private get _s(): LedgerStrings {
    return translate(ledgerStrings, this._lang, this.i18n);
  }

  private _amount(n: number | null, signed = false): string {
    const st = this.statement;
    if (n === null) return this._s.noLimit;
    const hours = st?.ledger === 'time';
    const v = Math.abs(n).toLocaleString(this._lang === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: hours ? 1 : 0, maximumFractionDigits: hours ? 1 : 0 });
    const sign = n < 0 ? '−' : signed && n > 0 ? '+' : '';
    return `${sign}${v} ${hours ? this._s.unitTime : this._s.unitPoints}`;
  }

  private _detail(l: StatementLine): string {
    return [l.item, l.qty !== undefined ? `× ${l.qty}` : '', l.order, l.memo, l.counterparty].filter(Boolean).join(' · ');
  }

  private _rows(lines: readonly StatementLine[]): TemplateResult {
    const s = this._s;
    return html`<thead><tr><th scope="col">${s.date}</th><th scope="col">${s.kind}</th><th scope="col" class="num">${s.amount}</th><th scope="col" class="num">${s.after}</th><th scope="col">${s.detail}</th></tr></thead>
      <tbody>${lines.map((l) => html`<tr>
        <td><time datetime=${new Date(l.at).toISOString()}>${chinaLocalTime(l.at).replace('T', ' ')}</time></td>
        <td>${s.kinds[l.kind] ?? l.kind}</td>
        <td class="num ${l.amount < 0 ? 'minus' : 'plus'}">${this._amount(l.amount, true)}</td>
        <td class="num">${this._amount(l.balance)}</td>
        <td class="muted">${this._detail(l)}</td>
      </tr>`)}</tbody>`;
  }

  protected override render(): TemplateResult {
    const s = this._s;
    const st = this.statement;
    if (!st) return html`<p class="muted">${s.empty}</p>`;
    const title = st.ledger === 'time' ? s.titleTime : s.titlePoints;
    return html`<article aria-labelledby="ledger-title">
      ${this.noPrintButton ? nothing : html`<div class="controls"><button type="button" part="print-button" @click=${() => window.print()}>${s.print}</button></div>`}
      <h2 id="ledger-title">${title}</h2>
      <dl part="header">
        <dt>${s.account}</dt><dd>${st.account}</dd>
        <dt>${s.owner}</dt><dd>${this.ownerName || st.owner}</dd>
        <dt>${s.balance}</dt><dd data-figure="balance">${this._amount(st.closing)}</dd>
        ${st.pending !== null ? html`<dt>${s.pending}</dt><dd data-figure="pending">${this._amount(st.pending)}</dd>` : nothing}
        <dt>${s.opening}</dt><dd>${this._amount(st.opening)}</dd>
        <dt>${s.credits}</dt><dd>${this._amount(st.credits)}</dd>
        <dt>${s.debits}</dt><dd>${this._amount(st.debits)}</dd>
        <dt>${s.floor}</dt><dd>${this._amount(st.floor)}</dd>
        <dt>${s.cap}</dt><dd>${this._amount(st.cap)}</dd>
      </dl>
      <table part="movements"><caption>${s.movements}</caption>${this._rows(st.lines)}</table>
      ${st.lines.length === 0 ? html`<p class="muted">${s.noMovements}</p>` : nothing}
      ${st.redemptions.length
        ? html`<table part="redemptions"><caption>${s.redemptions}</caption>${this._rows(st.redemptions)}</table>`
        : nothing}
    </article>`;
  }
}
