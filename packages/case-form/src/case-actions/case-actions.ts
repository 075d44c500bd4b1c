/**
 * `<jc-case-actions>`: the lifecycle actions an actor may take on a case now, each with its
 * own form, validated with the core's own zod schemas and messages.
 * @module
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type Actor, type CaseState, type JcIssue } from '@jiceng/core';
import {
  availableActions, URGENCIES, validateCommand, type Attachment, type CaseAction, type CaseContext,
} from '@jiceng/core/cases';
import { fill } from '../shared/i18n.js';
import { byField, limitOf } from '../shared/issues.js';
import { CaseFormElement } from '../shared/form-element.js';
import { DraftController } from '../controllers/draft.js';
import { FocusController } from '../controllers/focus.js';
import { ACTION_FIELDS, buildActionCommand, isRequired, type ActionField, type ActionValues } from './actions.js';
import type { CommandResult, JcCommandDetail } from '../events.js';

type Values = Record<string, ActionValues>;

/**
 * The lifecycle actions the actor may take on the case now (the core's `availableActions`,
 * or the host's list), each opening its own form with its own fields; a valid form becomes a
 * ready core command in `jc-command`, and the host answers with `showResult()`. A refusal
 * shows the core's message in place, beside the field it concerns, and keeps what was typed.
 * After each step focus goes somewhere useful: into an opened form, back to its button.
 *
 * @tagname jc-case-actions
 * @summary The lifecycle action forms of a case, validated by the core's own schemas.
 *
 * @example
 * ```html
 * <jc-case-actions></jc-case-actions>
 * <script type="module">
 *   const a = document.querySelector('jc-case-actions');
 *   a.caseState = store.get(caseId); a.actor = actor; a.context = ctx;
 *   a.addEventListener('jc-command', (e) => a.showResult(store.execute(e.detail.command, actor, ctx)));
 * </script>
 * ```
 *
 * @event jc-command - An action form was submitted. `detail: JcCommandDetail` ({ action, command, files }); answer with `showResult()`.
 *
 * @csspart form - The section of actions.
 * @csspart action-button - A button that opens an action form.
 * @csspart action-panel - The fields of the open action.
 * @csspart field - Every field wrapper; invalid ones also have `field-invalid`.
 * @csspart label - Every field label or legend.
 * @csspart input - Every text input, textarea and the category combobox's text box.
 * @csspart counter - The live count of a limited text field.
 * @csspart error - The inline error text of a field, or a refusal not about a field.
 * @csspart listbox - The category list.
 * @csspart option - A category in the list.
 * @csspart node-picker - The `<jc-grid-tree>` used to pick the handling body.
 * @csspart attachments - The list of attached files.
 * @csspart submit - The submit button of the open action.
 * @csspart status - The message after submitting (success or refusal).
 *
 * @cssproperty [--jc-color-accent=#b4232a] - Submit button and focus accents.
 * @cssproperty [--jc-color-bad=#cf222e] - Error text and invalid borders.
 * @cssproperty [--jc-spacing=8px] - Base spacing.
 */
export class JcCaseActions extends CaseFormElement {
  /** The case as the core's `CaseState` (masked as the host received it). */
  @property({ attribute: false }) caseState: CaseState | undefined = undefined;
  /** Who acts. */
  @property({ attribute: false }) actor: Actor | undefined = undefined;
  /** The core's case context; with `caseState` and `actor` the element asks the core which actions are open. */
  @property({ attribute: false }) context: CaseContext | undefined = undefined;
  /** The actions to offer, when the host computed them itself (used when `context` is not set). */
  @property({ attribute: false }) actions: readonly CaseAction[] | undefined = undefined;
  /**
   * Values an action's form starts with (e.g. the likely dispatch target), by action; what the
   * user types replaces them.
   * @example `actions.actionDefaults = { dispatch: { node: '350302001001' } };`
   */
  @property({ attribute: false }) actionDefaults: Partial<Record<CaseAction, ActionValues>> | undefined = undefined;

  @state() private _open: CaseAction | null = null;
  @state() private _values: Values = {};
  @state() private _errors: JcIssue[] = [];
  @state() private _showAll = false;
  @state() private _pending: CaseAction | null = null;

  readonly #draft = new DraftController<Values>(this, 'actions');
  readonly #focus = new FocusController(this, 'data-afield');

  /** The actions offered now: the core's `availableActions` when `context` is set, else `actions`. */
  get offeredActions(): CaseAction[] {
    const s = this.caseState;
    if (!s) return [];
    if (this.context && this.actor) return availableActions(s, this.actor, this.context);
    return [...(this.actions ?? [])];
  }

  /**
   * Shows the outcome of the last `jc-command`: on success the action's fields are cleared;
   * on refusal the core's message appears in place (next to the field it concerns, if any)
   * and everything typed stays.
   * @example `actions.showResult(decideCase(e.detail.command, actor, lookup, ctx));`
   */
  override showResult(result: CommandResult): void {
    this.lastResult = result;
    const action = this._pending ?? this._open;
    this._pending = null;
    if (result.ok) {
      if (action) {
        const next = { ...this._values };
        delete next[action];
        this._values = next;
        this.#saveDraft();
      }
      this._errors = [];
      this._showAll = false;
      this.status.set('ok', this.strings.accepted);
      this._open = null;
    } else {
      this._errors = [...result.errors];
      this._showAll = true;
      this.status.set('error', this.strings.refused);
      if (action) this._open = action;
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    const d = this.#draft.restore();
    if (d) this._values = d;
    if (changed.has('caseState') && changed.get('caseState') !== undefined) this._errors = [];
  }

  #saveDraft(): void {
    this.#draft.save(Object.keys(this._values).length ? this._values : undefined);
  }

  #set(name: string, value: ActionValues[string]): void {
    const a = this._open;
    if (!a) return;
    this._values = { ...this._values, [a]: { ...(this._values[a] ?? {}), [name]: value } };
    this.status.clear();
    this.#saveDraft();
  }

  async #submit(action: CaseAction): Promise<void> {
    const s = this.caseState;
    if (!s) return;
    const values = this.#valuesOf(action);
    const command = buildActionCommand(action, s, values);
    const v = validateCommand(command);
    this._showAll = true;
    if (!v.ok) {
      this._errors = v.errors;
      this.status.set('error', fill(this.strings.errorCount, { n: v.errors.length }));
      const names = ACTION_FIELDS[action].map((f) => f.name);
      const { fields } = byField(v.errors, names);
      const first = names.find((n) => fields.has(n));
      if (first) await this.#focus.after(() => this.#focus.control(first));
      return;
    }
    this._errors = [];
    this._pending = action;
    this.status.set('info', this.strings.busy);
    const files = this.files.of((values.attachments as Attachment[] | undefined) ?? []);
    const detail: JcCommandDetail = { action, command: command as JcCommandDetail['command'], files };
    this.dispatchEvent(new CustomEvent('jc-command', { detail, bubbles: true, composed: true }));
  }

  /** What an action's form holds: the host's defaults under what the user typed. */
  #valuesOf(action: CaseAction): ActionValues {
    return { ...(this.actionDefaults?.[action] ?? {}), ...(this._values[action] ?? {}) };
  }

  /** After a panel opens, focus goes to its first required field still empty, else its submit button. */
  #focusPanel(action: CaseAction): Promise<void> {
    return this.#focus.after(() => {
      if (this._open !== action) return null;
      const values = this.#valuesOf(action);
      const empty = ACTION_FIELDS[action].find((f) => isRequired(action, f.name) && (values[f.name] === undefined || values[f.name] === ''));
      return (empty && this.#focus.control(empty.name)) ?? this.renderRoot.querySelector<HTMLElement>(`#panel-${action} [part="submit"]`);
    });
  }

  #label(f: ActionField): string {
    if (f.name === 'limit.amount') return `${this.fields.fieldLabel('limit')}（${this.fields.fieldLabel('amount')}）`;
    if (f.name === 'limit.unit') return this.fields.fieldLabel('limit');
    return this.fields.fieldLabel(f.name);
  }

  #deadlineInfo(): string | undefined {
    const s = this.caseState;
    const cat = s?.category && this.context?.categories.get(s.category);
    const lim = cat && s?.urgency ? cat.limits[s.urgency] : undefined;
    if (!lim) return undefined;
    return fill(this.strings.deadlineInfo, { limit: `${lim.amount} ${lim.unit === 'workHours' ? this.strings.workHours : this.strings.workDays}` });
  }

  #field(action: CaseAction, f: ActionField, err: JcIssue | undefined): TemplateResult {
    const s = this.strings;
    const v = this.#valuesOf(action)[f.name];
    const key = `${action}-${f.name.replace('.', '-')}`;
    const [id, eid, cid] = [`a-${key}`, `ae-${key}`, `ac-${key}`];
    const required = isRequired(action, f.name);
    const label = this.#label(f);
    const req = required ? html` <span class="req">(${s.required})</span>` : nothing;
    const max = f.kind === 'textarea' || f.kind === 'text' ? limitOf(f.name) : undefined;
    const aria = { invalid: err ? 'true' : 'false', describedby: [max ? cid : '', err ? eid : ''].filter(Boolean).join(' ') || undefined };
    const str = typeof v === 'string' ? v : '';
    const onInput = (e: Event) => this.#set(f.name, (e.target as HTMLInputElement).value);
    const wrap = (inner: TemplateResult) => html`<div class="field" part="field${err ? ' field-invalid' : ''}">${inner}${this.fields.error(err, eid)}</div>`;
    switch (f.kind) {
      case 'node':
        return this.fields.node(str, err, (code) => this.#set('node', code), () => undefined, `${action}-`, s.dispatchTarget);
      case 'category':
        return this.fields.category(str, err, (c) => this.#set('category', c), () => undefined, `${action}-`);
      case 'textarea':
      case 'text':
      case 'amount':
        return this.fields.text({
          name: f.name, action, id, eid, cid, label, value: str, err, required, max, rows: f.kind === 'textarea' ? 3 : 0,
          inputmode: f.kind === 'amount' ? 'decimal' : undefined, onInput: (value) => this.#set(f.name, value),
        });
      case 'unit':
        return wrap(html`<label part="label" for=${id}>${label}</label>
          <select id=${id} data-afield=${f.name} @change=${onInput}>
            ${(['workDays', 'workHours'] as const).map((u) => html`<option value=${u} ?selected=${(str || 'workDays') === u}>${u === 'workDays' ? s.workDays : s.workHours}</option>`)}
          </select>`);
      case 'channel':
        return wrap(html`<label part="label" for=${id}>${label}${req}</label>
          <select id=${id} data-afield=${f.name} aria-invalid=${aria.invalid} aria-describedby=${aria.describedby ?? nothing}
            aria-required=${required ? 'true' : 'false'} @change=${onInput}>
            <option value="" ?selected=${!str}>—</option>
            ${Object.entries(s.channels).map(([k, name]) => html`<option value=${k} ?selected=${str === k}>${name}</option>`)}
          </select>`);
      case 'urgency':
      case 'yesno':
      case 'satisfaction': {
        const options: [string, string][] =
          f.kind === 'urgency'
            ? URGENCIES.map((u) => [u, s.urgencies[u]])
            : f.kind === 'satisfaction'
              ? s.satisfaction.map((n, i) => [String(i + 1), `${i + 1} ${n}`])
              : [['yes', s[f.labels ?? 'grant'][0]], ['no', s[f.labels ?? 'grant'][1]]];
        return this.fields.radios({ name: f.name, action, eid, label, value: str, options, err, required, onPick: (value) => this.#set(f.name, value) });
      }
      case 'checkbox':
        return wrap(html`<label class="choice"><input type="checkbox" id=${id} data-afield=${f.name} .checked=${v === true}
          @change=${(e: Event) => this.#set(f.name, (e.target as HTMLInputElement).checked)} />${label}</label>`);
      case 'attachments':
        return this.fields.attachments((v as Attachment[] | undefined) ?? [], err, (next) => this.#set('attachments', next), `${action}-`);
    }
  }

  #panel(action: CaseAction): TemplateResult {
    const s = this.strings;
    const fields = ACTION_FIELDS[action];
    const { fields: errs, rest } = byField(this._errors, fields.map((f) => f.name));
    const info = action === 'dispatch' ? this.#deadlineInfo() : undefined;
    return html`
      <form id="panel-${action}" part="action-panel" class="panel" novalidate aria-label=${s.actions[action]}
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.#submit(action);
        }}>
        <h3>${s.actions[action]}</h3>
        ${info ? html`<p class="muted">${info}</p>` : nothing}
        ${fields.map((f) => this.#field(action, f, this._showAll ? errs.get(f.name) : undefined))}
        ${rest.length
          ? html`<div class="error" part="error" role="alert">${rest.map((e) => html`<p>${this.fields.msg(e)}</p>`)}</div>`
          : nothing}
        ${this.status.render()}
        <button type="submit" part="submit" class="primary" ?disabled=${this._pending === action}>${s.actions[action]}</button>
      </form>
    `;
  }

  protected override render(): TemplateResult {
    const s = this.strings;
    const offered = this.offeredActions;
    const open = this._open && offered.includes(this._open) ? this._open : null;
    return html`
      <section part="form" aria-labelledby="actions-title">
        <h2 class="title" id="actions-title">${s.actionsTitle}</h2>
        ${offered.length === 0 ? html`<p class="muted">${s.noActions}</p>` : nothing}
        <div class="action-buttons">
          ${offered.map(
            (a) => html`<button type="button" part="action-button" data-action=${a} aria-expanded=${open === a ? 'true' : 'false'}
              aria-controls="panel-${a}" class=${open === a ? 'open' : ''}
              @click=${() => {
                this._open = open === a ? null : a;
                this._errors = [];
                this._showAll = false;
                this.status.clear();
                if (this._open) void this.#focusPanel(a);
              }}>${s.actions[a]}</button>`,
          )}
        </div>
        ${open ? this.#panel(open) : nothing}
        ${open ? nothing : this.status.render()}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-case-actions': JcCaseActions;
  }
}
