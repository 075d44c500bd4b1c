/**
 * `<jc-case-intake>`: the intake of a new case, validated with the core's own zod schemas and
 * messages.
 * @module
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type JcIssue } from '@jiceng/core';
import { CASE_SOURCES, URGENCIES } from '@jiceng/core/cases';
import { fill } from '../shared/i18n.js';
import { byField, limitOf } from '../shared/issues.js';
import { CaseFormElement } from '../shared/form-element.js';
import { DraftController } from '../controllers/draft.js';
import { FocusController } from '../controllers/focus.js';
import { EMPTY_INTAKE, intakeCommands, intakeInput, validateIntake, type CaseIntake, type IntakeRaw } from './intake.js';
import type { CommandResult, JcSubmitDetail } from '../events.js';

/** Field order on screen (and for "focus the first invalid field"). */
const INTAKE_ORDER = [
  'category', 'description', 'node', 'address', 'lat', 'lng', 'urgency', 'source',
  'reporterName', 'reporterPhone', 'consent', 'anonymous', 'attachments',
] as const;

const blank = (): IntakeRaw => ({ ...EMPTY_INTAKE, attachments: [] });

/**
 * The intake of a new case: category, node, address and coordinates, description, urgency,
 * source, reporter (consent, hide identity) and attachment metadata, validated with the
 * core's schemas. It is a form-associated element: inside a plain `<form>` its value (the
 * intake as JSON) is submitted under its `name`, and the form will not submit while it is
 * invalid. It follows the page's language (`<html lang>`) unless given its own `lang`.
 *
 * @tagname jc-case-intake
 * @summary The intake of a new case, validated by the core's own schemas.
 *
 * @example
 * ```html
 * <form action="/cases" method="post">
 *   <jc-case-intake name="case" draft-key="intake" hide-submit></jc-case-intake>
 *   <button>提交</button>
 * </form>
 * <script type="module">
 *   const f = document.querySelector('jc-case-intake');
 *   f.categories = categoryTable; f.hierarchy = hierarchyIndex;
 * </script>
 * ```
 *
 * @event jc-submit - A valid intake was submitted. `detail: JcSubmitDetail` ({ intake, discover, register, reporter, files }).
 *
 * @csspart form - The inner form.
 * @csspart field - Every field wrapper; invalid ones also have `field-invalid`.
 * @csspart label - Every field label or legend.
 * @csspart input - Every text input, textarea and the category combobox's text box.
 * @csspart counter - The live count of a limited text field.
 * @csspart error - The inline error text of a field (present only while in error).
 * @csspart listbox - The category list.
 * @csspart option - A category in the list.
 * @csspart node-picker - The `<jc-grid-tree>` used to pick a node.
 * @csspart attachments - The list of attached files.
 * @csspart submit - The submit button.
 * @csspart status - The message after submitting (success or refusal).
 *
 * @cssproperty [--jc-color-accent=#b4232a] - Submit button and focus accents.
 * @cssproperty [--jc-color-bad=#cf222e] - Error text and invalid borders.
 * @cssproperty [--jc-spacing=8px] - Base spacing.
 */
export class JcCaseIntake extends CaseFormElement {
  /** Takes part in forms through ElementInternals. */
  static formAssociated = true;

  /** Hides the element's own submit button (inside a page's `<form>` with its own button). */
  @property({ type: Boolean, attribute: 'hide-submit', reflect: true }) hideSubmit = false;

  @state() private _raw: IntakeRaw = blank();
  @state() private _touched = new Set<string>();
  @state() private _showAll = false;

  readonly #internals: ElementInternals;
  readonly #draft = new DraftController<IntakeRaw>(this, 'intake');
  readonly #focus = new FocusController(this, 'data-field');

  constructor() {
    super();
    this.#internals = this.attachInternals();
  }

  /** The validated intake, or null while something is invalid. */
  get value(): CaseIntake | null {
    const r = validateIntake(intakeInput(this._raw));
    return r.ok ? r.value : null;
  }

  /** Every current problem of the intake (zh/en, field in `column`), whether shown yet or not. */
  get issues(): JcIssue[] {
    const r = validateIntake(intakeInput(this._raw));
    return r.ok ? [] : r.errors;
  }

  /** The typed intake (a copy). Settable, e.g. to prefill a form. */
  get raw(): IntakeRaw {
    return { ...this._raw, attachments: [...this._raw.attachments] };
  }
  set raw(v: Partial<IntakeRaw>) {
    this._raw = { ...EMPTY_INTAKE, ...v, attachments: [...(v.attachments ?? [])] };
  }

  /** The form this element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  /** The `name` attribute, under which the form data holds the value. */
  get name(): string | null {
    return this.getAttribute('name');
  }

  /** Validity, as for native controls. */
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  /** Validity, showing every error (and the browser's message). */
  reportValidity(): boolean {
    this._showAll = true;
    return this.#internals.reportValidity();
  }

  /** Clears the intake (and its draft). @example `form.reset();` */
  reset(): void {
    this._raw = blank();
    this._touched = new Set();
    this._showAll = false;
    this.status.clear();
    this.files.clear();
    this.#draft.clear();
    this.renderRoot?.querySelectorAll?.('jc-combobox').forEach((c) => c.clear());
  }

  /**
   * Submits the intake: shows every error and focuses the first invalid field, or emits
   * `jc-submit` and clears the draft. Returns true if it was submitted.
   * @example `form.submit();`
   */
  async submit(): Promise<boolean> {
    this._showAll = true;
    const r = validateIntake(intakeInput(this._raw));
    if (!r.ok) {
      this.status.set('error', fill(this.strings.errorCount, { n: r.errors.length }));
      await this.#focus.after(() => this.#focus.control(this.#firstInvalid(r.errors)));
      return false;
    }
    const { reporterName, reporterPhone, consent, anonymous } = r.value;
    const detail: JcSubmitDetail = {
      intake: r.value, ...intakeCommands(r.value), reporter: { consent, anonymous }, files: this.files.of(r.value.attachments),
    };
    if (reporterName) detail.reporter.reporterName = reporterName;
    if (reporterPhone) detail.reporter.reporterPhone = reporterPhone;
    this.#draft.clear();
    this.status.set('ok', this.strings.submitted);
    this.dispatchEvent(new CustomEvent('jc-submit', { detail, bubbles: true, composed: true }));
    return true;
  }

  /**
   * Shows the host's answer to the last `jc-submit`: accepted, or refused (everything typed
   * stays, for another try).
   * @example `form.showResult(await api.record(e.detail));`
   */
  override showResult(result: CommandResult): void {
    this.lastResult = result;
    if (result.ok) this.status.set('ok', this.strings.accepted);
    else this.status.set('error', this.strings.refused);
  }

  /** @internal The owning form was reset. */
  formResetCallback(): void {
    this.reset();
  }

  /** @internal The browser restores the typed intake (history navigation, autofill). */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      this.raw = JSON.parse(state) as IntakeRaw;
    } catch {
      /* not ours */
    }
  }

  /** @internal A fieldset or form around the element was disabled or enabled. */
  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('invalid', this.#onInvalid);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('invalid', this.#onInvalid);
  }

  #onInvalid = (): void => {
    this._showAll = true;
  };

  protected override willUpdate(_changed: PropertyValues): void {
    const d = this.#draft.restore();
    if (d) {
      this._raw = { ...EMPTY_INTAKE, ...d, attachments: [...(d.attachments ?? [])] };
      this.status.set('info', this.strings.draftRestored);
    }
  }

  protected override updated(): void {
    const r = validateIntake(intakeInput(this._raw));
    const state = JSON.stringify(this._raw);
    if (r.ok) {
      this.#internals.setFormValue(JSON.stringify(r.value), state);
      this.#internals.setValidity({});
    } else {
      this.#internals.setFormValue(null, state);
      const first = this.#firstInvalid(r.errors);
      const msg = r.errors.find((e) => this.#fieldOf(e.column) === first) ?? r.errors[0];
      this.#internals.setValidity({ customError: true }, this.fields.msg(msg), this.#focus.control(first) ?? undefined);
    }
  }

  #fieldOf(column: string | undefined): string {
    const col = column ?? '';
    return INTAKE_ORDER.find((f) => col === f || col.startsWith(`${f}.`)) ?? col;
  }

  #firstInvalid(errors: readonly JcIssue[]): string {
    const bad = new Set(errors.map((e) => this.#fieldOf(e.column)));
    return INTAKE_ORDER.find((f) => bad.has(f)) ?? 'category';
  }

  #set<K extends keyof IntakeRaw>(key: K, value: IntakeRaw[K]): void {
    this._raw = { ...this._raw, [key]: value };
    this.status.clear();
    this.#draft.save(this._raw);
  }

  #touch(field: string): void {
    if (this._touched.has(field)) return;
    this._touched = new Set(this._touched).add(field);
  }

  #errorsShown(errors: readonly JcIssue[]): Map<string, JcIssue> {
    const { fields } = byField(errors, INTAKE_ORDER);
    if (this._showAll) return fields;
    for (const k of [...fields.keys()]) if (!this._touched.has(k)) fields.delete(k);
    return fields;
  }

  #text(field: keyof IntakeRaw, err: JcIssue | undefined, opts: { required?: boolean; multiline?: boolean; inputmode?: string; type?: string } = {}): TemplateResult {
    return this.fields.text({
      name: field, id: `f-${field}`, eid: `e-${field}`, cid: `c-${field}`, label: this.fields.label(field), value: this._raw[field] as string,
      err, required: opts.required, max: limitOf(field), rows: opts.multiline ? 4 : 0, type: opts.type, inputmode: opts.inputmode,
      onInput: (v) => this.#set(field, v), onBlur: () => this.#touch(field),
    });
  }

  #radios(field: 'urgency' | 'source', options: readonly string[], names: Record<string, string>, err: JcIssue | undefined): TemplateResult {
    return this.fields.radios({
      name: field, eid: `e-${field}`, label: this.fields.label(field), value: this._raw[field], err, required: true,
      options: options.map((o) => [o, names[o] ?? o] as const),
      onPick: (o) => {
        this.#set(field, o);
        this.#touch(field);
      },
    });
  }

  #check(field: 'consent' | 'anonymous', text: string, err: JcIssue | undefined): TemplateResult {
    return html`
      <div class="field" part="field${err ? ' field-invalid' : ''}">
        <label class="choice"><input type="checkbox" id="f-${field}" data-field=${field} .checked=${this._raw[field]}
          ?disabled=${this.disabled} aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? `e-${field}` : nothing}
          @change=${(ev: Event) => {
            this.#set(field, (ev.target as HTMLInputElement).checked);
            this.#touch(field);
          }} />${text}</label>
        ${this.fields.error(err, `e-${field}`)}
      </div>
    `;
  }

  protected override render(): TemplateResult {
    const s = this.strings;
    const r = validateIntake(intakeInput(this._raw));
    const shown = this.#errorsShown(r.ok ? [] : r.errors);
    const e = (f: string) => shown.get(f);
    return html`
      <form part="form" novalidate @submit=${(ev: Event) => {
        ev.preventDefault();
        void this.submit();
      }}>
        <h2 class="title">${s.intakeTitle}</h2>
        ${this.fields.category(this._raw.category, e('category'), (id) => {
          this.#set('category', id);
          if (id) this.#touch('category');
        }, () => this.#touch('category'), '')}
        ${this.#text('description', e('description'), { required: true, multiline: true })}
        ${this.fields.node(this._raw.node, e('node'), (code) => {
          this.#set('node', code);
          this.#touch('node');
        }, () => this.#touch('node'), '', s.node)}
        ${this.#text('address', e('address'))}
        <fieldset class="field coords">
          <legend part="label">${s.coordinates}</legend>
          ${this.#text('lat', e('lat'), { inputmode: 'decimal' })}
          ${this.#text('lng', e('lng'), { inputmode: 'decimal' })}
        </fieldset>
        ${this.#radios('urgency', URGENCIES, s.urgencies, e('urgency'))}
        ${this.#radios('source', CASE_SOURCES, s.sources, e('source'))}
        <fieldset class="field reporter">
          <legend part="label">${s.reporter}</legend>
          ${this.#text('reporterName', e('reporterName'))}
          ${this.#text('reporterPhone', e('reporterPhone'), { type: 'tel', inputmode: 'tel' })}
          ${this.#check('consent', s.consent, e('consent'))}
          ${this.#check('anonymous', s.anonymous, e('anonymous'))}
        </fieldset>
        ${this.fields.attachments(this._raw.attachments, e('attachments'), (next) => this.#set('attachments', next), '')}
        ${this.status.render()}
        ${this.hideSubmit ? nothing : html`<button type="submit" part="submit" class="primary" ?disabled=${this.disabled}>${s.submit}</button>`}
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-case-intake': JcCaseIntake;
  }
}
