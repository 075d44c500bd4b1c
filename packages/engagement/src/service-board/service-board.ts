/**
 * `<jc-service-board>`: a community's service orders 群众点单、社区派单、党员接单.
 * @module
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { chinaLocalTime, fromChinaLocalTime, LanguageController, themeTokens, translate, type UiLang } from '@jiceng/ui';
import type { Actor, JcIssue } from '@jiceng/core';
import {
  DEFAULT_ENGAGEMENT_POLICY, DEFAULT_SERVICE_CATEGORIES, validateEngagementCommand, type Candidate, type EngagementPolicy,
  type MemberState, type OrderState, type ServiceCategory,
} from '@jiceng/core/engagement';
import { mayOrder, orderActions } from './actions.js';
import type { BoardAction, BoardResult, JcEngagementCommandDetail } from '../shared/events.js';
import { serviceBoardStrings, type ServiceBoardStrings } from '../shared/i18n.js';
import { serviceBoardStyles } from '../shared/styles.js';

/** `2025-03-03T09:00` (China's wall clock) from epoch ms; '' for no time. */
const local = (t: number) => (Number.isFinite(t) ? chinaLocalTime(t) : '');

/**
 * Shows a community's service orders and lets each person take only the actions their role
 * allows: a resident orders a service, cancels it or confirms and rates it; community staff
 * dispatch an order to a member, choosing from suggested candidates (the host's `suggest`,
 * usually the core's `suggestCandidates`) with the reasons shown; the member dispatched
 * accepts or declines, then reports the service complete with its hours. Every action is
 * checked with the core's schema and emitted as a `jc-command` event; nothing changes until
 * the host runs it and answers with `showResult`. All text is rendered as text.
 *
 * @tagname jc-service-board
 * @summary A community's service orders with the actions each role may take.
 *
 * @fires jc-command - An action ready for the core: `detail.command` (see `JcEngagementCommandDetail`).
 *
 * @example
 * ```html
 * <jc-service-board></jc-service-board>
 * <script type="module">
 *   const board = document.querySelector('jc-service-board');
 *   Object.assign(board, { orders, actor, node: '350302001001001001', suggest: (o) => suggestCandidates(store.state, o, h) });
 *   board.addEventListener('jc-command', (e) => board.showResult(store.execute(e.detail.command, actor)));
 * </script>
 * ```
 *
 * @csspart order-form - The form to place an order.
 * @csspart table - The table of orders.
 * @csspart row - One order; also `row-<status>`.
 * @csspart action-button - A button that opens (or runs) an action.
 * @csspart action-panel - The fields of the open action.
 * @csspart submit - The submit button of a form.
 * @csspart errors - The refusal shown after `showResult`.
 *
 * @cssproperty [--jc-accent=#0969da] - Primary buttons.
 * @cssproperty [--jc-bad=#cf222e] - Overdue orders and errors.
 */
export class JcServiceBoard extends LitElement {
  /** The element's styles: the shared theme tokens, then its own. */
  static override styles = [themeTokens, ...serviceBoardStyles];

  /** The orders to show (the core's `OrderState`s, already limited to the reader's scope). */
  @property({ attribute: false }) orders: readonly OrderState[] = [];
  /** Reported members (for names and the dispatch list). */
  @property({ attribute: false }) members: readonly Pick<MemberState, 'id' | 'name' | 'active'>[] = [];
  /** The service categories (default the core's). */
  @property({ attribute: false }) categories: readonly ServiceCategory[] = DEFAULT_SERVICE_CATEGORIES;
  /** Who is looking: decides the actions offered. */
  @property({ attribute: false }) actor: Actor | undefined = undefined;
  /** Which roles may place and dispatch orders (default the core's policy). */
  @property({ attribute: false }) policy: EngagementPolicy = DEFAULT_ENGAGEMENT_POLICY;
  /** Candidates for an order, best first (e.g. the core's `suggestCandidates`). */
  @property({ attribute: false }) suggest: ((order: OrderState) => readonly Candidate[]) | undefined = undefined;
  /** Code of the node new orders are placed at (the resident's unit). */
  @property() node = '';
  /** Makes command and order ids (default `crypto.randomUUID()`). */
  @property({ attribute: false }) newId: () => string = () => crypto.randomUUID();
  /** Current time for the overdue marks (default `Date.now()`). */
  @property({ attribute: false }) now: () => number = () => Date.now();
  /** Language (`zh` default, `en…` for English); falls back to the nearest `lang`. */
  @property() override lang!: string;
  /** Colour theme: light, dark, or auto. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  /** Overrides of any visible string. */
  @property({ attribute: false }) i18n: Partial<ServiceBoardStrings> = {};

  @state() private _open: { order: string; action: BoardAction } | null = null;
  @state() private _errors: readonly JcIssue[] = [];

  /** Follows the page's language: the element renders again when `<html lang>` changes. */
  readonly #language = new LanguageController(this);

  private get _lang(): UiLang {
    return this.#language.lang;
  }

  private get _s(): ServiceBoardStrings {
    return translate(serviceBoardStrings, this._lang, this.i18n);
  }

  /**
   * Shows the host's answer to the last `jc-command`: closes the action on success, lists the
   * refusal otherwise (in the element's language).
   *
   * @example
   * ```ts
   * board.showResult(store.execute(e.detail.command, actor));
   * ```
   */
  showResult(result: BoardResult): void {
    this._errors = result.ok ? [] : result.errors;
    if (result.ok) this._open = null;
  }

  private _name(id: string | null): string {
    if (id === null) return this._s.none;
    return this.members.find((m) => m.id === id)?.name || id;
  }

  private _category(id: string): string {
    const c = this.categories.find((x) => x.id === id);
    return c ? c.name[this._lang] : id;
  }

  private _emit(action: BoardAction, input: Record<string, unknown>): void {
    const r = validateEngagementCommand({ type: action, commandId: this.newId(), ...input });
    if (!r.ok) {
      this._errors = r.errors;
      return;
    }
    this._errors = [];
    const detail: JcEngagementCommandDetail = { action, command: r.value as JcEngagementCommandDetail['command'] };
    this.dispatchEvent(new CustomEvent('jc-command', { detail, bubbles: true, composed: true }));
  }

  private _field(form: HTMLElement, name: string): string {
    return (form.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value ?? '').trim();
  }

  private _onAction(o: OrderState, action: BoardAction): void {
    if (action === 'acceptOrder') {
      this._emit(action, { order: o.id });
      return;
    }
    this._errors = [];
    this._open = { order: o.id, action };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="action-panel"] select, [part~="action-panel"] input, [part~="action-panel"] textarea')?.focus());
  }

  private _close(): void {
    const open = this._open;
    this._open = null;
    this._errors = [];
    if (open) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-order="${CSS.escape(open.order)}"][data-action="${open.action}"]`)?.focus());
  }

  private _submitPanel(e: Event, o: OrderState, action: BoardAction): void {
    e.preventDefault();
    const f = e.currentTarget as HTMLFormElement;
    const note = this._field(f, 'note');
    const opt = (v: string) => (v ? v : undefined);
    switch (action) {
      case 'dispatchOrder': this._emit(action, { order: o.id, member: this._field(f, 'member'), ...(note ? { note } : {}) }); break;
      case 'declineOrder':
      case 'cancelOrder': this._emit(action, { order: o.id, reason: this._field(f, 'reason') }); break;
      case 'completeOrder': this._emit(action, { order: o.id, hours: Number(this._field(f, 'hours')), note: opt(note) }); break;
      case 'confirmOrder': this._emit(action, { order: o.id, rating: Number(this._field(f, 'rating')), note: opt(note) }); break;
      default: break;
    }
  }

  private _submitOrder(e: Event): void {
    e.preventDefault();
    const f = e.currentTarget as HTMLFormElement;
    this._emit('placeOrder', {
      order: this.newId(), node: this.node, category: this._field(f, 'category'),
      from: fromChinaLocalTime(this._field(f, 'from')), to: fromChinaLocalTime(this._field(f, 'to')), description: this._field(f, 'description'),
    });
  }

  private _why(c: Candidate): string {
    const w = this._s.why;
    return [c.skill ? w.skill : '', c.available ? w.available : '', w.distance[c.distance], `${w.load} ${c.load}`].filter(Boolean).join(' · ');
  }

  private _panel(o: OrderState, action: BoardAction): TemplateResult {
    const s = this._s;
    const id = `p-${o.id}`;
    let fields: TemplateResult;
    if (action === 'dispatchOrder') {
      const cands = this.suggest?.(o) ?? [];
      const shown = new Set(cands.map((c) => c.member));
      const rest = this.members.filter((m) => m.active !== false && !shown.has(m.id) && m.id !== o.resident && !o.declinedBy.includes(m.id));
      fields = html`<label>${s.chooseMember}
          <select name="member" required>
            ${cands.length ? html`<optgroup label=${s.suggested}>${cands.map((c) => html`<option value=${c.member}>${this._name(c.member)}（${this._why(c)}）</option>`)}</optgroup>` : nothing}
            ${rest.length ? html`<optgroup label=${s.others}>${rest.map((m) => html`<option value=${m.id}>${m.name || m.id}</option>`)}</optgroup>` : nothing}
          </select></label>
        <label>${s.note}<input name="note" type="text" maxlength="2000" /></label>`;
    } else if (action === 'declineOrder' || action === 'cancelOrder') {
      fields = html`<label>${s.reason}<textarea name="reason" required maxlength="500"></textarea></label>`;
    } else if (action === 'completeOrder') {
      fields = html`<label>${s.hours}<input name="hours" type="number" min="0.5" step="0.5" value="1" required /></label>
        <label>${s.note}<input name="note" type="text" maxlength="2000" /></label>`;
    } else {
      fields = html`<label>${s.rating}<select name="rating">${[5, 4, 3, 2, 1].map((n) => html`<option value=${n}>${'★'.repeat(n)} ${n}</option>`)}</select></label>
        <label>${s.note}<input name="note" type="text" maxlength="2000" /></label>`;
    }
    return html`<form part="action-panel" class="panel" aria-labelledby=${id} @submit=${(e: Event) => this._submitPanel(e, o, action)}
        @keydown=${(e: KeyboardEvent) => { if (e.key === 'Escape') { e.preventDefault(); this._close(); } }}>
      <span id=${id} class="muted">${s.actionNames[action]} · ${this._category(o.category)}</span>
      ${fields}
      ${this._errorList()}
      <div class="row-actions">
        <button type="submit" part="submit" class="primary">${s.submit}</button>
        <button type="button" @click=${() => this._close()}>${s.cancel}</button>
      </div>
    </form>`;
  }

  private _errorList(): TemplateResult | typeof nothing {
    if (!this._errors.length) return nothing;
    return html`<div part="errors" class="error" role="alert"><p>${this._s.problems}</p>
      <ul>${this._errors.map((e) => html`<li>${this._lang === 'en' ? e.en : e.zh}</li>`)}</ul></div>`;
  }

  private _orderForm(): TemplateResult | typeof nothing {
    if (!mayOrder(this.actor, this.policy) || !this.node) return nothing;
    const s = this._s;
    const base = local(this.now() + 24 * 3_600_000);
    return html`<details part="order-form">
      <summary>${s.newOrder}</summary>
      <form @submit=${(e: Event) => this._submitOrder(e)}>
        <label>${s.category}<select name="category">${this.categories.map((c) => html`<option value=${c.id}>${c.name[this._lang]}</option>`)}</select></label>
        <label>${s.from}<input name="from" type="datetime-local" required .value=${base} /></label>
        <label>${s.to}<input name="to" type="datetime-local" required .value=${local(this.now() + 26 * 3_600_000)} /></label>
        <label>${s.description}<textarea name="description" required maxlength="2000"></textarea></label>
        <button type="submit" part="submit" class="primary">${s.place}</button>
      </form>
    </details>`;
  }

  protected override render(): TemplateResult {
    const s = this._s;
    const now = this.now();
    return html`
      <section aria-labelledby="board-title">
        <h2 id="board-title">${s.title}</h2>
        ${this._open === null ? this._errorList() : nothing}
        ${this._orderForm()}
        ${this.orders.length === 0
          ? html`<p class="muted">${s.empty}</p>`
          : html`<table part="table">
              <thead><tr><th scope="col">${s.category}</th><th scope="col">${s.window}</th><th scope="col">${s.status}</th><th scope="col">${s.member}</th><th scope="col">${s.actions}</th></tr></thead>
              <tbody>${this.orders.map((o) => {
                const actions = orderActions(o, this.actor, this.policy);
                const open = this._open?.order === o.id ? this._open.action : null;
                const late = (o.status === 'ordered' || o.status === 'dispatched' || o.status === 'accepted') && now > o.dueAt;
                return html`<tr part="row row-${o.status}" data-id=${o.id}>
                  <td>${this._category(o.category)}<div class="desc muted">${o.description}</div></td>
                  <td>${local(o.from).replace('T', ' ')} – ${local(o.to).slice(11)}<div class="muted ${late ? 'overdue' : ''}">${s.dueAt} ${local(o.dueAt).replace('T', ' ')}${late ? `（${s.overdue}）` : ''}</div></td>
                  <td>${s.statuses[o.status] ?? o.status}${o.status === 'confirmed' ? html`<div class="muted" aria-label=${`${s.rating} ${o.rating}`}>${'★'.repeat(o.rating)}</div>` : nothing}</td>
                  <td>${this._name(o.member)}</td>
                  <td>
                    <div class="row-actions">${actions.map((a) => html`<button type="button" part="action-button" data-order=${o.id} data-action=${a}
                        aria-expanded=${a === 'acceptOrder' ? nothing : String(open === a)} @click=${() => this._onAction(o, a)}>${s.actionNames[a]}</button>`)}</div>
                    ${open ? this._panel(o, open) : nothing}
                  </td>
                </tr>`;
              })}</tbody>
            </table>`}
      </section>`;
  }
}
