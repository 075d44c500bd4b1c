/**
 * `<jc-case-form>`: the intake of a new case (`mode="intake"`, the default) and the lifecycle
 * action forms of an existing case (`mode="action"`), validated with the core's own zod
 * schemas and messages.
 * @module
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { resolveLang, themeTokens, translate, type UiLang } from '@jiceng/ui';
import { type Actor, type CaseState, type HierarchyIndex, type JcIssue } from '@jiceng/core';
import {
  availableActions, CASE_SOURCES, FIELD_LABELS, TEXT_LIMITS, URGENCIES, validateCommand, type Attachment, type CaseAction, type CaseContext, type Category, type CategoryTable,
} from '@jiceng/core/cases';
import '@jiceng/grid-tree';
import { caseFormStrings, fill, type CaseFormStrings } from './i18n.js';
import { INTAKE_LABELS, intakeCommands, validateIntake, type CaseIntake, type IntakeInput } from './intake.js';
import { ACTION_FIELDS, buildActionCommand, isRequired, type ActionField, type ActionValues } from './actions.js';
import { attachmentOf, formatSize } from './attachments.js';
import { clearDraft, defaultDraftStorage, readDraft, writeDraft, type DraftStorage } from './draft.js';
import { caseFormStyles } from './styles.js';
import type { CommandResult, JcCommandDetail, JcSubmitDetail } from './events.js';
import { need } from '@jiceng/core/errors';

/**
 * The intake as typed: strings as in the inputs, so that a half-typed value survives a
 * reload and shows its own message.
 *
 * @example
 * ```ts
 * const raw: IntakeRaw = { ...EMPTY_INTAKE, description: '楼道堆物' };
 * ```
 */
export interface IntakeRaw {
  category: string;
  node: string;
  address: string;
  lat: string;
  lng: string;
  description: string;
  urgency: string;
  source: string;
  reporterName: string;
  reporterPhone: string;
  consent: boolean;
  anonymous: boolean;
  attachments: Attachment[];
}

/**
 * A blank intake (urgency defaults to normal).
 *
 * @example
 * ```ts
 * form.reset(); // back to EMPTY_INTAKE
 * ```
 */
export const EMPTY_INTAKE: Readonly<IntakeRaw> = Object.freeze({
  category: '', node: '', address: '', lat: '', lng: '', description: '', urgency: 'normal', source: '',
  reporterName: '', reporterPhone: '', consent: false, anonymous: false, attachments: [],
});

/** Field order on screen (and for "focus the first invalid field"). */
const INTAKE_ORDER = [
  'category', 'description', 'node', 'address', 'lat', 'lng', 'urgency', 'source',
  'reporterName', 'reporterPhone', 'consent', 'anonymous', 'attachments',
] as const;

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.trim()));
const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s);

/**
 * Turns the typed intake into the input of the intake schema.
 *
 * @example
 * ```ts
 * intakeInput({ ...EMPTY_INTAKE, lat: '25.4' }).lat; // 25.4
 * ```
 */
export function intakeInput(r: IntakeRaw): IntakeInput {
  need('intakeInput', 'r', r, 'object', {
    category: 'string', node: 'string', address: 'string', lat: 'string', lng: 'string', description: 'string', urgency: 'string',
    source: 'string', reporterName: 'string', reporterPhone: 'string', consent: 'boolean', anonymous: 'boolean', attachments: 'array',
  });
  const out: IntakeInput = {
    category: r.category, node: r.node, description: r.description, consent: r.consent, anonymous: r.anonymous,
    address: opt(r.address), lat: num(r.lat), lng: num(r.lng), reporterName: opt(r.reporterName),
    reporterPhone: opt(r.reporterPhone), attachments: r.attachments.length ? r.attachments : undefined,
  };
  if (r.urgency) out.urgency = r.urgency as IntakeInput['urgency'];
  if (r.source) out.source = r.source as IntakeInput['source'];
  return out;
}

interface Draft {
  intake?: IntakeRaw;
  actions?: Record<string, ActionValues>;
}

type ErrorMap = Map<string, JcIssue>;

function byField(errors: readonly JcIssue[], fields: readonly string[]): { fields: ErrorMap; rest: JcIssue[] } {
  const map: ErrorMap = new Map();
  const rest: JcIssue[] = [];
  for (const e of errors) {
    const col = e.column ?? '';
    const f = fields.find((n) => col === n || col.startsWith(`${n}.`)) ?? (col.startsWith('attachments') ? 'attachments' : undefined);
    if (f && fields.includes(f)) {
      if (!map.has(f)) map.set(f, e);
    } else rest.push(e);
  }
  return { fields: map, rest };
}

/** The core's length limit of a text field (the reporter's name is the core's `reporter`). */
function limitOf(field: string): number | undefined {
  const key = field === 'reporterName' ? 'reporter' : field;
  return Object.prototype.hasOwnProperty.call(TEXT_LIMITS, key) ? (TEXT_LIMITS as Record<string, number>)[key] : undefined;
}

/**
 * Records a case and acts on it. With `mode="intake"` (the default) it is the intake of a new
 * case: category, node, address and coordinates, description, urgency, source, reporter
 * (consent, hide identity) and attachment metadata, validated with the core's schemas; it is
 * a form-associated element, so inside a plain `<form>` its value (the intake as JSON) is
 * submitted under its `name` and the form will not submit while it is invalid. With
 * `mode="action"` it shows the lifecycle actions the actor may take on the case now, each
 * with its own fields, and emits ready core commands.
 *
 * @tagname jc-case-form
 * @summary Case intake and lifecycle action forms, validated by the core's own schemas.
 *
 * @example
 * ```html
 * <form action="/cases" method="post">
 *   <jc-case-form name="case" draft-key="intake" hide-submit></jc-case-form>
 *   <button>提交</button>
 * </form>
 * <script type="module">
 *   const f = document.querySelector('jc-case-form');
 *   f.categories = categoryTable; f.hierarchy = hierarchyIndex;
 * </script>
 * ```
 *
 * @event jc-submit - A valid intake was submitted. `detail: JcSubmitDetail` ({ intake, discover, register, reporter, files }).
 * @event jc-command - An action form was submitted. `detail: JcCommandDetail` ({ action, command, files }); answer with `showResult()`.
 *
 * @csspart form - The inner form.
 * @csspart field - Every field wrapper; invalid ones also have `field-invalid`.
 * @csspart label - Every field label or legend.
 * @csspart input - Every text input, textarea and the category combobox.
 * @csspart error - The inline error text of a field (present only while in error).
 * @csspart listbox - The category list.
 * @csspart option - A category in the list.
 * @csspart node-picker - The `<jc-grid-tree>` used to pick a node.
 * @csspart attachments - The list of attached files.
 * @csspart submit - The submit button.
 * @csspart status - The message after submitting (success or refusal).
 * @csspart action-button - A button that opens an action form.
 * @csspart action-panel - The fields of the open action.
 *
 * @cssproperty [--jc-color-accent=#b4232a] - Submit button and focus accents.
 * @cssproperty [--jc-color-bad=#cf222e] - Error text and invalid borders.
 * @cssproperty [--jc-spacing=8px] - Base spacing.
 */
export class JcCaseForm extends LitElement {
  /** Takes part in forms through ElementInternals. */
  static formAssociated = true;
  /** Focus given to the element goes to its first focusable control. */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  /** The element's styles: the shared theme tokens, then its own. */
  static override styles = [themeTokens, caseFormStyles];

  /** `intake` (a new case) or `action` (act on `caseState`). */
  @property({ reflect: true }) mode: 'intake' | 'action' = 'intake';
  /** Language (`zh` default, `en…` for English); falls back to the nearest `lang`. */
  @property() override lang!: string;
  /** Colour theme: light, dark, or auto (follows the system). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  /** Overrides of any visible string. */
  @property({ attribute: false }) i18n: Partial<CaseFormStrings> = {};
  /** The category table (from the core's `buildCategoryTable`). */
  @property({ attribute: false }) categories: CategoryTable | undefined = undefined;
  /** The hierarchy for the node pickers. */
  @property({ attribute: false }) hierarchy: HierarchyIndex | undefined = undefined;
  /** Where drafts are kept; default `localStorage`. Drafts are kept only with a `draft-key`. */
  @property({ attribute: false }) storage: DraftStorage | undefined = undefined;
  /** Key of this form's draft; without it nothing is stored. */
  @property({ attribute: 'draft-key' }) draftKey = '';
  /** Hides the element's own submit button (inside a page's `<form>` with its own button). */
  @property({ type: Boolean, attribute: 'hide-submit', reflect: true }) hideSubmit = false;
  /** Action mode: the case as the core's `CaseState` (masked as the host received it). */
  @property({ attribute: false }) caseState: CaseState | undefined = undefined;
  /** Action mode: who acts. */
  @property({ attribute: false }) actor: Actor | undefined = undefined;
  /** Action mode: the core's case context; with `caseState` and `actor` the element asks the core which actions are open. */
  @property({ attribute: false }) context: CaseContext | undefined = undefined;
  /** Action mode: the actions to offer, when the host computed them itself (used when `context` is not set). */
  @property({ attribute: false }) actions: readonly CaseAction[] | undefined = undefined;
  /**
   * Action mode: values an action's form starts with (e.g. the likely dispatch target), by
   * action; what the user types replaces them.
   * @example `form.actionDefaults = { dispatch: { node: '350302001001' } };`
   */
  @property({ attribute: false }) actionDefaults: Partial<Record<CaseAction, ActionValues>> | undefined = undefined;

  @state() private _raw: IntakeRaw = { ...EMPTY_INTAKE, attachments: [] };
  @state() private _touched = new Set<string>();
  @state() private _showAll = false;
  @state() private _status: { kind: 'ok' | 'error' | 'info'; text: string } | null = null;
  @state() private _catQuery: string | null = null;
  @state() private _catOpen = false;
  @state() private _catActive = 0;
  @state() private _hashing = 0;
  @state() private _disabled = false;
  @state() private _open: CaseAction | null = null;
  @state() private _actionValues: Record<string, ActionValues> = {};
  @state() private _actionErrors: JcIssue[] = [];
  @state() private _actionShowAll = false;
  @state() private _pending: CaseAction | null = null;

  private readonly _internals: ElementInternals;
  private _files = new Map<string, File>();
  private _lastResult: CommandResult | undefined;
  private _restored = false;

  constructor() {
    super();
    this._internals = this.attachInternals();
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
    return this._internals.form;
  }

  /** The `name` attribute, under which the form data holds the value. */
  get name(): string | null {
    return this.getAttribute('name');
  }

  /** The actions offered now: the core's `availableActions` when `context` is set, else `actions`. */
  get offeredActions(): CaseAction[] {
    const s = this.caseState;
    if (!s) return [];
    if (this.context && this.actor) return availableActions(s, this.actor, this.context);
    return [...(this.actions ?? [])];
  }

  /** Validity, as for native controls. */
  checkValidity(): boolean {
    return this._internals.checkValidity();
  }

  /** Validity, showing every error (and the browser's message). */
  reportValidity(): boolean {
    this._showAll = true;
    return this._internals.reportValidity();
  }

  /** Clears the intake (and its draft). @example `form.reset();` */
  reset(): void {
    this._raw = { ...EMPTY_INTAKE, attachments: [] };
    this._touched = new Set();
    this._showAll = false;
    this._status = null;
    this._catQuery = null;
    this._files.clear();
    clearDraft(this._storage, this._intakeKey);
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
      this._status = { kind: 'error', text: fill(this._s.errorCount, { n: r.errors.length }) };
      await this.updateComplete;
      this._focusField(this._firstInvalid(r.errors));
      return false;
    }
    const files: Record<string, File> = {};
    for (const a of r.value.attachments ?? []) {
      const f = this._files.get(a.id);
      if (f) files[a.id] = f;
    }
    const { reporterName, reporterPhone, consent, anonymous } = r.value;
    const detail: JcSubmitDetail = { intake: r.value, ...intakeCommands(r.value), reporter: { consent, anonymous }, files };
    if (reporterName) detail.reporter.reporterName = reporterName;
    if (reporterPhone) detail.reporter.reporterPhone = reporterPhone;
    clearDraft(this._storage, this._intakeKey);
    this._status = { kind: 'ok', text: this._s.submitted };
    this.dispatchEvent(new CustomEvent('jc-submit', { detail, bubbles: true, composed: true }));
    return true;
  }

  /**
   * Shows the outcome of the last `jc-command`: on success the action's fields are cleared;
   * on refusal the core's message appears in place (next to the field it concerns, if any)
   * and everything typed stays.
   * @example `form.showResult(decide(e.detail.command, actor, lookup, ctx));`
   */
  showResult(result: CommandResult): void {
    this._lastResult = result;
    const action = this._pending ?? this._open;
    this._pending = null;
    if (result.ok) {
      if (action) {
        const next = { ...this._actionValues };
        delete next[action];
        this._actionValues = next;
        this._saveDraft();
      }
      this._actionErrors = [];
      this._actionShowAll = false;
      this._status = { kind: 'ok', text: this._s.accepted };
      this._open = null;
    } else {
      this._actionErrors = [...result.errors];
      this._actionShowAll = true;
      this._status = { kind: 'error', text: this._s.refused };
      if (action) this._open = action;
    }
  }

  /** The last result shown; setting it is the same as calling {@link showResult}. */
  set result(r: CommandResult | undefined) {
    if (r) this.showResult(r);
  }
  get result(): CommandResult | undefined {
    return this._lastResult;
  }

  formResetCallback(): void {
    this.reset();
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      this.raw = JSON.parse(state) as IntakeRaw;
    } catch {
      /* not ours */
    }
  }

  formDisabledCallback(disabled: boolean): void {
    this._disabled = disabled;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('invalid', this._onInvalid);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('invalid', this._onInvalid);
  }

  private _onInvalid = (): void => {
    this._showAll = true;
  };

  private get _s(): CaseFormStrings {
    return translate(caseFormStrings, this._lang, this.i18n);
  }

  private get _lang(): UiLang {
    return resolveLang(this);
  }

  private get _storage(): DraftStorage | undefined {
    return this.storage ?? defaultDraftStorage();
  }

  private get _intakeKey(): string {
    return this.draftKey ? `${this.draftKey}` : '';
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this._restored && this.draftKey) {
      this._restored = true;
      const d = readDraft<Draft>(this._storage, this.draftKey);
      if (d?.intake) {
        this._raw = { ...EMPTY_INTAKE, ...d.intake, attachments: [...(d.intake.attachments ?? [])] };
        this._status = { kind: 'info', text: this._s.draftRestored };
      }
      if (d?.actions) this._actionValues = d.actions;
    }
    if (changed.has('caseState') && changed.get('caseState') !== undefined) {
      this._actionErrors = [];
    }
  }

  protected override updated(): void {
    this._syncForm();
  }

  private _saveDraft(): void {
    if (!this.draftKey) return;
    const d: Draft = {};
    if (this.mode === 'intake') d.intake = this._raw;
    else d.intake = readDraft<Draft>(this._storage, this.draftKey)?.intake;
    if (Object.keys(this._actionValues).length) d.actions = this._actionValues;
    if (!d.intake && !d.actions) clearDraft(this._storage, this.draftKey);
    else writeDraft(this._storage, this.draftKey, d);
  }

  private _syncForm(): void {
    if (this.mode !== 'intake') {
      this._internals.setFormValue(null);
      this._internals.setValidity({});
      return;
    }
    const r = validateIntake(intakeInput(this._raw));
    const state = JSON.stringify(this._raw);
    if (r.ok) {
      this._internals.setFormValue(JSON.stringify(r.value), state);
      this._internals.setValidity({});
    } else {
      this._internals.setFormValue(null, state);
      const first = this._firstInvalid(r.errors);
      const msg = r.errors.find((e) => this._fieldOf(e.column) === first) ?? r.errors[0];
      const anchor = this._control(first) ?? undefined;
      this._internals.setValidity({ customError: true }, this._lang === 'en' ? msg.en : msg.zh, anchor);
    }
  }

  private _fieldOf(column: string | undefined): string {
    const col = column ?? '';
    return INTAKE_ORDER.find((f) => col === f || col.startsWith(`${f}.`)) ?? col;
  }

  private _firstInvalid(errors: readonly JcIssue[]): string {
    const bad = new Set(errors.map((e) => this._fieldOf(e.column)));
    return INTAKE_ORDER.find((f) => bad.has(f)) ?? 'category';
  }

  private _control(field: string): HTMLElement | null {
    const root = this.renderRoot;
    if (!root || !('querySelector' in root)) return null;
    if (field === 'node') return root.querySelector<HTMLElement>('jc-grid-tree[data-field="node"]');
    return (
      root.querySelector<HTMLElement>(`[data-field="${field}"]:checked`) ??
      root.querySelector<HTMLElement>(`[data-field="${field}"]`)
    );
  }

  private _focusField(field: string): void {
    const el = this._control(field);
    el?.focus();
  }

  // ---- intake editing ----

  private _set<K extends keyof IntakeRaw>(key: K, value: IntakeRaw[K]): void {
    this._raw = { ...this._raw, [key]: value };
    this._status = null;
    this._saveDraft();
  }

  private _touch(field: string): void {
    if (this._touched.has(field)) return;
    this._touched = new Set(this._touched).add(field);
  }

  private _errorsShown(errors: readonly JcIssue[]): ErrorMap {
    const { fields } = byField(errors, INTAKE_ORDER);
    if (this._showAll) return fields;
    for (const k of [...fields.keys()]) if (!this._touched.has(k)) fields.delete(k);
    return fields;
  }

  private _msg(e: JcIssue | undefined): string {
    return e ? (this._lang === 'en' ? e.en : e.zh) : '';
  }

  private _label(field: string): string {
    const s = this._s as unknown as Record<string, unknown>;
    if (typeof s[field] === 'string') return s[field] as string;
    return this._fieldLabel(field);
  }

  /** A command field's label: the host's `i18n.fieldLabels`, else this package's or the core's. */
  private _fieldLabel(field: string): string {
    const own = this._s.fieldLabels[field];
    if (own) return own;
    const l = INTAKE_LABELS[field] ?? FIELD_LABELS[field];
    return l ? l[this._lang] : field;
  }

  // ---- category combobox ----

  private _catName(c: Category): string {
    const t = this.categories;
    const parts: string[] = [];
    let i = c.index;
    while (i >= 0 && t) {
      const x = t.list[i];
      parts.unshift(x.name[this._lang] || x.name.zh);
      i = x.parent;
    }
    return parts.join(' / ');
  }

  private _catMatches(): Category[] {
    const t = this.categories;
    if (!t) return [];
    const q = (this._catQuery ?? '').trim().toLowerCase();
    const out: Category[] = [];
    for (const c of t.list) {
      if (!q || c.name.zh.includes(q) || c.name.en.toLowerCase().includes(q) || c.id.toLowerCase().includes(q) || (c.code ?? '').startsWith(q)) {
        out.push(c);
        if (out.length >= 200) break;
      }
    }
    return out;
  }

  private _depth(c: Category): number {
    let d = 0;
    let i = c.parent;
    while (i >= 0 && this.categories) {
      d++;
      i = this.categories.list[i].parent;
    }
    return d;
  }

  private _pickCategory(c: Category): void {
    this._set('category', c.id);
    this._catQuery = null;
    this._catOpen = false;
    this._touch('category');
  }

  private _catKey(e: KeyboardEvent, matches: Category[], pick: (c: Category) => void, close: () => void): void {
    const n = matches.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this._catOpen) this._catOpen = true;
        else this._catActive = n ? (this._catActive + 1) % n : 0;
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!this._catOpen) this._catOpen = true;
        else this._catActive = n ? (this._catActive - 1 + n) % n : 0;
        break;
      case 'Enter':
        if (this._catOpen && n) {
          e.preventDefault();
          pick(matches[Math.min(this._catActive, n - 1)]);
        }
        break;
      case 'Escape':
        if (this._catOpen) {
          e.preventDefault();
          close();
        }
        break;
      default:
    }
  }

  private _renderCategory(value: string, err: JcIssue | undefined, onPick: (c: Category) => void, onClear: () => void, idp: string): TemplateResult {
    const s = this._s;
    const t = this.categories;
    const chosen = value && t ? t.get(value) : undefined;
    const open = this._catOpen;
    const matches = open ? this._catMatches() : [];
    const active = Math.min(this._catActive, Math.max(0, matches.length - 1));
    const shown = this._catQuery ?? (chosen ? this._catName(chosen) : value);
    const close = () => {
      this._catOpen = false;
    };
    return html`
      <div class="field combo" part="field${err ? ' field-invalid' : ''}">
        <label part="label" for="${idp}f-category">${this._label('category')} <span class="req">(${s.required})</span></label>
        <input id="${idp}f-category" data-field="category" part="input" type="text" role="combobox" autocomplete="off"
          aria-autocomplete="list" aria-expanded=${open ? 'true' : 'false'} aria-controls="${idp}lb-category"
          aria-activedescendant=${open && matches.length ? `${idp}cat-${matches[active].index}` : nothing}
          aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? `${idp}e-category` : nothing}
          aria-required="true" placeholder=${s.categoryPlaceholder} .value=${shown} ?disabled=${this._disabled}
          @input=${(e: Event) => {
            this._catQuery = (e.target as HTMLInputElement).value;
            this._catOpen = true;
            this._catActive = 0;
            if (value) onClear();
          }}
          @keydown=${(e: KeyboardEvent) => this._catKey(e, this._catMatches(), onPick, close)}
          @click=${() => {
            this._catOpen = !this._catOpen;
          }}
          @blur=${() => {
            this._catOpen = false;
            this._touch('category');
          }} />
        <ul id="${idp}lb-category" role="listbox" part="listbox" aria-label=${this._label('category')} ?hidden=${!open}>
          ${matches.map(
            (c, i) => html`<li id="${idp}cat-${c.index}" role="option" part="option" aria-selected=${i === active ? 'true' : 'false'}
              class=${i === active ? 'active' : ''} style="padding-inline-start: calc(var(--jc-space) * ${1 + this._depth(c) * 2})"
              @mousedown=${(e: Event) => e.preventDefault()} @click=${() => onPick(c)}>${c.name[this._lang] || c.name.zh}${
                c.code ? html` <span class="muted">${c.code}</span>` : nothing
              }</li>`,
          )}
          ${open && !matches.length ? html`<li role="option" aria-disabled="true" aria-selected="false" class="muted">${s.categoryNone}</li>` : nothing}
        </ul>
        ${this._error(err, `${idp}e-category`)}
      </div>
    `;
  }

  private _pickCategoryBound = (c: Category): void => this._pickCategory(c);

  private _error(err: JcIssue | undefined, id: string): TemplateResult | typeof nothing {
    return err ? html`<div id=${id} class="error" part="error" role="alert">${this._msg(err)}</div>` : nothing;
  }

  private _nodeName(code: string): string {
    const h = this.hierarchy ?? this.context?.hierarchy;
    const i = h && code ? h.indexOf(code) : -1;
    if (!h || i < 0) return code;
    return h.path(i).slice(1).map((p) => (this._lang === 'en' ? h.nameEn(p) : h.name(p))).join(' / ') || h.name(i);
  }

  private _selected: { code: string; list: string[] } = { code: '', list: [] };

  /** The same array for the same code, so the tree is not told of a new selection on every render. */
  private _selection(code: string): string[] {
    if (this._selected.code !== code) this._selected = { code, list: code ? [code] : [] };
    return this._selected.list;
  }

  private _renderNode(value: string, err: JcIssue | undefined, onPick: (code: string) => void, idp: string, field: string): TemplateResult {
    const s = this._s;
    const h = this.hierarchy ?? this.context?.hierarchy;
    return html`
      <div class="field" part="field${err ? ' field-invalid' : ''}" role="group" aria-labelledby="${idp}l-${field}"
        aria-describedby=${err ? `${idp}e-${field}` : `${idp}o-${field}`}>
        <span id="${idp}l-${field}" class="label" part="label">${this.mode === 'action' ? s.dispatchTarget : s.node} <span class="req">(${s.required})</span></span>
        <jc-grid-tree data-field=${field} part="node-picker" class=${err ? 'invalid' : ''} .hierarchy=${h} selection="single"
          .selected=${this._selection(value)} lang=${this._lang} label=${this.mode === 'action' ? s.dispatchTarget : s.node} search-delay="120"
          @jc-select=${(e: CustomEvent<{ code: string; codes: string[] }>) => onPick(e.detail.codes[0] ?? '')}
          @focusout=${() => this._touch(field)}></jc-grid-tree>
        <output id="${idp}o-${field}" class="muted">${value ? fill(s.nodeChosen, { name: this._nodeName(value) }) : s.nodeNone}</output>
        ${this._error(err, `${idp}e-${field}`)}
      </div>
    `;
  }

  private _text(field: keyof IntakeRaw, err: JcIssue | undefined, opts: { required?: boolean; multiline?: boolean; inputmode?: string; type?: string } = {}): TemplateResult {
    const id = `f-${field}`;
    const value = this._raw[field] as string;
    const onInput = (e: Event) => this._set(field, (e.target as HTMLInputElement).value as never);
    const max = limitOf(field);
    const describedby = [max ? `c-${field}` : '', err ? `e-${field}` : ''].filter(Boolean).join(' ') || undefined;
    return html`
      <div class="field" part="field${err ? ' field-invalid' : ''}">
        <label part="label" for=${id}>${this._label(field)}${opts.required ? html` <span class="req">(${this._s.required})</span>` : nothing}</label>
        ${opts.multiline
          ? html`<textarea id=${id} data-field=${field} part="input" rows="4" .value=${value} ?disabled=${this._disabled}
              maxlength=${max ?? nothing}
              aria-invalid=${err ? 'true' : 'false'} aria-describedby=${describedby ?? nothing} aria-required=${opts.required ? 'true' : 'false'}
              @input=${onInput} @blur=${() => this._touch(field)}></textarea>`
          : html`<input id=${id} data-field=${field} part="input" type=${opts.type ?? 'text'} inputmode=${opts.inputmode ?? nothing}
              maxlength=${max ?? nothing}
              .value=${value} ?disabled=${this._disabled} aria-invalid=${err ? 'true' : 'false'}
              aria-describedby=${describedby ?? nothing} aria-required=${opts.required ? 'true' : 'false'}
              @input=${onInput} @blur=${() => this._touch(field)} />`}
        ${this._counter(value, max, `c-${field}`)}
        ${this._error(err, `e-${field}`)}
      </div>
    `;
  }

  /** The live count of a limited field, with its unit (“12/2000 字”); the field refuses more in place (maxlength). */
  private _counter(value: string, max: number | undefined, id: string): TemplateResult | typeof nothing {
    if (!max) return nothing;
    const n = value.length;
    return html`<div id=${id} class="counter${n >= max ? ' full' : ''}" part="counter">${fill(this._s.counter, { n, max })}</div>`;
  }

  private _radios(field: 'urgency' | 'source', options: readonly string[], names: Record<string, string>, err: JcIssue | undefined): TemplateResult {
    const value = this._raw[field];
    return html`
      <fieldset class="field radios" part="field${err ? ' field-invalid' : ''}" aria-describedby=${err ? `e-${field}` : nothing}>
        <legend part="label">${this._label(field)} <span class="req">(${this._s.required})</span></legend>
        <div role="radiogroup" aria-invalid=${err ? 'true' : 'false'} aria-required="true" aria-label=${this._label(field)}>
          ${options.map(
            (o) => html`<label class="choice"><input type="radio" name=${field} data-field=${field} value=${o} .checked=${value === o}
              ?disabled=${this._disabled} @change=${() => {
                this._set(field, o);
                this._touch(field);
              }} />${names[o] ?? o}</label>`,
          )}
        </div>
        ${this._error(err, `e-${field}`)}
      </fieldset>
    `;
  }

  private async _addFiles(input: HTMLInputElement, onAdd: (a: Attachment[]) => void): Promise<void> {
    const picked = [...(input.files ?? [])];
    input.value = '';
    if (!picked.length) return;
    this._hashing += picked.length;
    const metas: Attachment[] = [];
    for (const f of picked) {
      const m = await attachmentOf(f);
      this._files.set(m.id, f);
      metas.push(m);
      this._hashing--;
    }
    onAdd(metas);
  }

  private _renderFiles(list: readonly Attachment[], err: JcIssue | undefined, onChange: (next: Attachment[]) => void, idp: string): TemplateResult {
    const s = this._s;
    return html`
      <div class="field" part="field${err ? ' field-invalid' : ''}">
        <label part="label" for="${idp}f-attachments">${this._label('attachments')}</label>
        <input id="${idp}f-attachments" data-field="attachments" type="file" multiple ?disabled=${this._disabled}
          aria-describedby="${idp}h-attachments${err ? ` ${idp}e-attachments` : ''}"
          @change=${(e: Event) => this._addFiles(e.target as HTMLInputElement, (m) => onChange([...list, ...m]))} />
        <div id="${idp}h-attachments" class="muted">${s.attachmentsHint}${globalThis.crypto?.subtle ? '' : `（${s.noHash}）`}</div>
        ${this._hashing ? html`<div role="status" class="muted">${s.hashing}</div>` : nothing}
        ${list.length
          ? html`<ul part="attachments" class="files">
              ${list.map(
                (a) => html`<li><span class="fname">${a.name}</span> <span class="muted">${a.mime} · ${formatSize(a.size)}${a.sha256 ? ` · SHA-256 ${a.sha256.slice(0, 12)}…` : ''}</span>
                  <button type="button" class="link" aria-label=${fill(s.remove, { name: a.name })}
                    @click=${() => onChange(list.filter((x) => x.id !== a.id))}>×</button></li>`,
              )}
            </ul>`
          : nothing}
        ${this._error(err, `${idp}e-attachments`)}
      </div>
    `;
  }

  private _renderStatus(): TemplateResult | typeof nothing {
    const st = this._status;
    if (!st) return nothing;
    return html`<div part="status" class="status ${st.kind}" role=${st.kind === 'error' ? 'alert' : 'status'}>${st.text}</div>`;
  }

  private _renderIntake(): TemplateResult {
    const s = this._s;
    const r = validateIntake(intakeInput(this._raw));
    const shown = this._errorsShown(r.ok ? [] : r.errors);
    const e = (f: string) => shown.get(f);
    return html`
      <form part="form" novalidate @submit=${(ev: Event) => {
        ev.preventDefault();
        void this.submit();
      }}>
        <h2 class="title">${s.intakeTitle}</h2>
        ${this._renderCategory(this._raw.category, e('category'), this._pickCategoryBound, () => this._set('category', ''), '')}
        ${this._text('description', e('description'), { required: true, multiline: true })}
        ${this._renderNode(this._raw.node, e('node'), (code) => {
          this._set('node', code);
          this._touch('node');
        }, '', 'node')}
        ${this._text('address', e('address'))}
        <fieldset class="field coords">
          <legend part="label">${s.coordinates}</legend>
          ${this._text('lat', e('lat'), { inputmode: 'decimal' })}
          ${this._text('lng', e('lng'), { inputmode: 'decimal' })}
        </fieldset>
        ${this._radios('urgency', URGENCIES, s.urgencies, e('urgency'))}
        ${this._radios('source', CASE_SOURCES, s.sources, e('source'))}
        <fieldset class="field reporter">
          <legend part="label">${s.reporter}</legend>
          ${this._text('reporterName', e('reporterName'))}
          ${this._text('reporterPhone', e('reporterPhone'), { type: 'tel', inputmode: 'tel' })}
          ${this._check('consent', s.consent, e('consent'))}
          ${this._check('anonymous', s.anonymous, e('anonymous'))}
        </fieldset>
        ${this._renderFiles(this._raw.attachments, e('attachments'), (next) => this._set('attachments', next), '')}
        ${this._renderStatus()}
        ${this.hideSubmit ? nothing : html`<button type="submit" part="submit" class="primary" ?disabled=${this._disabled}>${s.submit}</button>`}
      </form>
    `;
  }

  private _check(field: 'consent' | 'anonymous', text: string, err: JcIssue | undefined): TemplateResult {
    return html`
      <div class="field" part="field${err ? ' field-invalid' : ''}">
        <label class="choice"><input type="checkbox" id="f-${field}" data-field=${field} .checked=${this._raw[field]}
          ?disabled=${this._disabled} aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? `e-${field}` : nothing}
          @change=${(ev: Event) => {
            this._set(field, (ev.target as HTMLInputElement).checked);
            this._touch(field);
          }} />${text}</label>
        ${this._error(err, `e-${field}`)}
      </div>
    `;
  }

  // ---- action mode ----

  private _setAction(name: string, value: ActionValues[string]): void {
    const a = this._open;
    if (!a) return;
    this._actionValues = { ...this._actionValues, [a]: { ...(this._actionValues[a] ?? {}), [name]: value } };
    this._status = null;
    this._saveDraft();
  }

  private async _submitAction(action: CaseAction): Promise<void> {
    const s = this.caseState;
    if (!s) return;
    const values = this._valuesOf(action);
    const command = buildActionCommand(action, s, values);
    const v = validateCommand(command);
    this._actionShowAll = true;
    if (!v.ok) {
      this._actionErrors = v.errors;
      this._status = { kind: 'error', text: fill(this._s.errorCount, { n: v.errors.length }) };
      await this.updateComplete;
      const names = ACTION_FIELDS[action].map((f) => f.name);
      const { fields } = byField(v.errors, names);
      const first = names.find((n) => fields.has(n));
      if (first) this._actionControl(first)?.focus();
      return;
    }
    this._actionErrors = [];
    this._pending = action;
    this._status = { kind: 'info', text: this._s.busy };
    const files: Record<string, File> = {};
    const atts = (values.attachments as Attachment[] | undefined) ?? [];
    for (const a of atts) {
      const f = this._files.get(a.id);
      if (f) files[a.id] = f;
    }
    const detail: JcCommandDetail = { action, command: command as JcCommandDetail['command'], files };
    this.dispatchEvent(new CustomEvent('jc-command', { detail, bubbles: true, composed: true }));
  }

  /** What an action's form holds: the host's defaults under what the user typed. */
  private _valuesOf(action: CaseAction): ActionValues {
    return { ...(this.actionDefaults?.[action] ?? {}), ...(this._actionValues[action] ?? {}) };
  }

  /** After a panel opens, focus goes to its first required field still empty, else its submit button. */
  private async _focusPanel(action: CaseAction): Promise<void> {
    await this.updateComplete;
    if (this._open !== action) return;
    const values = this._valuesOf(action);
    const empty = ACTION_FIELDS[action].find((f) => isRequired(action, f.name) && (values[f.name] === undefined || values[f.name] === ''));
    const target = (empty && this._actionControl(empty.name)) ?? this.renderRoot.querySelector<HTMLElement>(`#panel-${action} [part="submit"]`);
    target?.focus();
  }

  private _actionControl(name: string): HTMLElement | null {
    const root = this.renderRoot;
    if (name === 'node') return root.querySelector<HTMLElement>('jc-grid-tree[data-field="node"]');
    return root.querySelector<HTMLElement>(`[data-afield="${name}"]:checked`) ?? root.querySelector<HTMLElement>(`[data-afield="${name}"]`);
  }

  private _actionLabel(f: ActionField): string {
    if (f.name === 'limit.amount') return `${this._fieldLabel('limit')}（${this._fieldLabel('amount')}）`;
    if (f.name === 'limit.unit') return this._fieldLabel('limit');
    return this._fieldLabel(f.name);
  }

  private _deadlineInfo(): string | undefined {
    const s = this.caseState;
    const cat = s?.category && this.context?.categories.get(s.category);
    const lim = cat && s?.urgency ? cat.limits[s.urgency] : undefined;
    if (!lim) return undefined;
    return fill(this._s.deadlineInfo, { limit: `${lim.amount} ${lim.unit === 'workHours' ? this._s.workHours : this._s.workDays}` });
  }

  private _renderActionField(action: CaseAction, f: ActionField, err: JcIssue | undefined): TemplateResult {
    const s = this._s;
    const values = this._valuesOf(action);
    const v = values[f.name];
    const id = `a-${action}-${f.name.replace('.', '-')}`;
    const eid = `ae-${action}-${f.name.replace('.', '-')}`;
    const required = isRequired(action, f.name);
    const label = this._actionLabel(f);
    const req = required ? html` <span class="req">(${s.required})</span>` : nothing;
    const max = f.kind === 'textarea' || f.kind === 'text' ? limitOf(f.name) : undefined;
    const cid = `ac-${action}-${f.name.replace('.', '-')}`;
    const aria = { invalid: err ? 'true' : 'false', describedby: [max ? cid : '', err ? eid : ''].filter(Boolean).join(' ') || undefined };
    const str = typeof v === 'string' ? v : '';
    const onInput = (e: Event) => this._setAction(f.name, (e.target as HTMLInputElement).value);
    const wrap = (inner: TemplateResult) => html`<div class="field" part="field${err ? ' field-invalid' : ''}">${inner}${this._error(err, eid)}</div>`;
    switch (f.kind) {
      case 'node':
        return this._renderNode(str, err, (code) => this._setAction('node', code), `${action}-`, 'node');
      case 'category':
        return this._renderCategory(str, err, (c) => {
          this._setAction('category', c.id);
          this._catQuery = null;
          this._catOpen = false;
        }, () => this._setAction('category', ''), `${action}-`);
      case 'textarea':
        return wrap(html`<label part="label" for=${id}>${label}${req}</label>
          <textarea id=${id} data-afield=${f.name} part="input" rows="3" .value=${str} aria-invalid=${aria.invalid} maxlength=${max ?? nothing}
            aria-describedby=${aria.describedby ?? nothing} aria-required=${required ? 'true' : 'false'} @input=${onInput}></textarea>
          ${this._counter(str, max, cid)}`);
      case 'text':
      case 'amount':
        return wrap(html`<label part="label" for=${id}>${label}${req}</label>
          <input id=${id} data-afield=${f.name} part="input" type="text" inputmode=${f.kind === 'amount' ? 'decimal' : nothing}
            .value=${str} aria-invalid=${aria.invalid} aria-describedby=${aria.describedby ?? nothing} maxlength=${max ?? nothing}
            aria-required=${required ? 'true' : 'false'} @input=${onInput} />
          ${this._counter(str, max, cid)}`);
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
        const opts: [string, string][] =
          f.kind === 'urgency'
            ? URGENCIES.map((u) => [u, s.urgencies[u]])
            : f.kind === 'satisfaction'
              ? s.satisfaction.map((n, i) => [String(i + 1), `${i + 1} ${n}`])
              : [['yes', s[f.labels ?? 'grant'][0]], ['no', s[f.labels ?? 'grant'][1]]];
        return html`<fieldset class="field radios" part="field${err ? ' field-invalid' : ''}" aria-describedby=${aria.describedby ?? nothing}>
          <legend part="label">${label}${req}</legend>
          <div role="radiogroup" aria-label=${label} aria-invalid=${aria.invalid} aria-required=${required ? 'true' : 'false'}>
            ${opts.map(([val, name]) => html`<label class="choice"><input type="radio" name="${action}-${f.name}" data-afield=${f.name}
              value=${val} .checked=${str === val} @change=${() => this._setAction(f.name, val)} />${name}</label>`)}
          </div>
          ${this._error(err, eid)}
        </fieldset>`;
      }
      case 'checkbox':
        return wrap(html`<label class="choice"><input type="checkbox" id=${id} data-afield=${f.name} .checked=${v === true}
          @change=${(e: Event) => this._setAction(f.name, (e.target as HTMLInputElement).checked)} />${label}</label>`);
      case 'attachments':
        return this._renderFiles((v as Attachment[] | undefined) ?? [], err, (next) => this._setAction('attachments', next), `${action}-`);
    }
  }

  private _renderActions(): TemplateResult {
    const s = this._s;
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
                this._actionErrors = [];
                this._actionShowAll = false;
                this._status = null;
                if (this._open) void this._focusPanel(a);
              }}>${s.actions[a]}</button>`,
          )}
        </div>
        ${open ? this._renderPanel(open) : nothing}
        ${open ? nothing : this._renderStatus()}
      </section>
    `;
  }

  private _renderPanel(action: CaseAction): TemplateResult {
    const s = this._s;
    const fields = ACTION_FIELDS[action];
    const { fields: errs, rest } = byField(this._actionErrors, fields.map((f) => f.name));
    const info = action === 'dispatch' ? this._deadlineInfo() : undefined;
    return html`
      <form id="panel-${action}" part="action-panel" class="panel" novalidate aria-label=${s.actions[action]}
        @submit=${(e: Event) => {
          e.preventDefault();
          void this._submitAction(action);
        }}>
        <h3>${s.actions[action]}</h3>
        ${info ? html`<p class="muted">${info}</p>` : nothing}
        ${fields.map((f) => this._renderActionField(action, f, this._actionShowAll ? errs.get(f.name) : undefined))}
        ${rest.length
          ? html`<div class="error" part="error" role="alert">${rest.map((e) => html`<p>${this._msg(e)}</p>`)}</div>`
          : nothing}
        ${this._renderStatus()}
        <button type="submit" part="submit" class="primary" ?disabled=${this._pending === action}>${s.actions[action]}</button>
      </form>
    `;
  }

  protected override render(): TemplateResult {
    return this.mode === 'action' ? this._renderActions() : this._renderIntake();
  }
}
