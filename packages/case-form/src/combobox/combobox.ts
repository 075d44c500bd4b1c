/**
 * `<jc-combobox>`: a text box that filters a list of options, after the WAI-ARIA combobox
 * pattern (editable, list autocomplete).
 * @module
 */
import { LitElement, html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

/**
 * One option of a `<jc-combobox>`.
 *
 * @example
 * ```ts
 * const o: ComboboxOption = { value: 'city.rubbish', label: '暴露垃圾', text: '城市管理 / 暴露垃圾', hint: '0101', depth: 1 };
 * ```
 */
export interface ComboboxOption {
  /** What the combobox's `value` becomes when the option is chosen. */
  value: string;
  /** What the list shows. */
  label: string;
  /** What the text box shows once the option is chosen (default: `label`). */
  text?: string;
  /** A quieter second text after the label (a code, say). */
  hint?: string;
  /** Indentation level in the list (0 = none). */
  depth?: number;
}

/**
 * The `jc-change` event of `<jc-combobox>`: an option was chosen (`value` is its value), or the
 * user started typing over a chosen one (`value` is `''`).
 *
 * @example
 * ```ts
 * combo.addEventListener('jc-change', (e) => console.log(e.detail.value));
 * ```
 */
export interface JcComboboxChangeDetail {
  value: string;
}

let ids = 0;

/** The default filter: the label or the chosen text contains the query (case-insensitive). */
const matches = (o: ComboboxOption, q: string): boolean => `${o.label} ${o.text ?? ''}`.toLowerCase().includes(q);

/**
 * A text box that filters a list of options as the user types — the WAI-ARIA combobox pattern
 * (`role="combobox"`, `aria-autocomplete="list"`, `aria-expanded`, `aria-controls`, and the
 * active option in `aria-activedescendant` while focus stays in the text box). Arrow keys open
 * the list and move through it, Enter chooses, Escape closes; a click chooses too.
 *
 * It renders into its own children, not a shadow root, so that a `<label for>`, an error text
 * and `aria-describedby` in the document or shadow root around it reach its input (ARIA
 * references do not cross shadow roots); the document or shadow root it sits in styles it
 * (the case forms' styles include its list and options).
 * Its `jc-change` event bubbles but is not composed: inside another element's shadow root it
 * stays there.
 *
 * @tagname jc-combobox
 * @summary A filtering text box with a list of options (WAI-ARIA combobox).
 *
 * @example
 * ```html
 * <label for="cat">事项类别</label>
 * <jc-combobox input-id="cat"></jc-combobox>
 * <script type="module">
 *   const c = document.querySelector('jc-combobox');
 *   c.options = [{ value: 'city.rubbish', label: '暴露垃圾' }, { value: 'city.road', label: '道路破损' }];
 *   c.addEventListener('jc-change', (e) => console.log(e.detail.value));
 * </script>
 * ```
 *
 * @event jc-change - An option was chosen, or typing cleared the choice. `detail: JcComboboxChangeDetail` ({ value }).
 *
 * @csspart input - The text box.
 * @csspart listbox - The list of options.
 * @csspart option - One option.
 */
export class JcCombobox extends LitElement {
  /** The options, in list order. */
  @property({ attribute: false }) options: readonly ComboboxOption[] = [];
  /** The chosen option's value (`''` for none). */
  @property() value = '';
  /** Which options a query (trimmed, lower case) keeps; default: those whose label or chosen text contains it, ignoring case. */
  @property({ attribute: false }) filter: ((option: ComboboxOption, query: string) => boolean) | undefined = undefined;
  /** The text box's id, for a `<label for>` outside. */
  @property({ attribute: 'input-id' }) inputId = '';
  /** `data-field` of the text box (how a form around it finds the control of a field). */
  @property() field = '';
  /** The list's accessible name. */
  @property() label = '';
  /** Placeholder of the text box. */
  @property() placeholder = '';
  /** The text of the empty list. */
  @property({ attribute: 'empty-text' }) emptyText = '—';
  /** Ids of the elements that describe the text box (an error message, say). */
  @property() describedby = '';
  /** Marks the text box invalid (`aria-invalid`). */
  @property({ type: Boolean }) invalid = false;
  /** Marks the text box required (`aria-required`). */
  @property({ type: Boolean }) required = false;
  /** Disables the text box. */
  @property({ type: Boolean }) disabled = false;

  @state() private _query: string | null = null;
  @state() private _open = false;
  @state() private _active = 0;
  readonly #uid = `jc-combobox-${++ids}`;

  /** None of its own: it has no shadow root, so the form it sits in styles it (see the class comment). */
  static override styles: CSSResultGroup = [];

  /** Renders into the element itself: see the class comment. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A value set from outside shows its option's text, not what was being typed.
    if (changed.has('value') && this.value) this._query = null;
  }

  /** Empties the text box and the choice, and closes the list. @example `combo.clear();` */
  clear(): void {
    this._query = null;
    this._open = false;
    this.value = '';
  }

  get #id(): string {
    return this.inputId || this.#uid;
  }

  /** The options the current query keeps (at most 200). */
  get shownOptions(): ComboboxOption[] {
    const q = (this._query ?? '').trim().toLowerCase();
    const keep = this.filter ?? matches;
    const out: ComboboxOption[] = [];
    for (const o of this.options) {
      if (!q || keep(o, q)) {
        out.push(o);
        if (out.length >= 200) break;
      }
    }
    return out;
  }

  #choose(o: ComboboxOption): void {
    this._query = null;
    this._open = false;
    this.value = o.value;
    this.#emit();
  }

  #emit(): void {
    this.dispatchEvent(new CustomEvent<JcComboboxChangeDetail>('jc-change', { detail: { value: this.value }, bubbles: true }));
  }

  #onInput(e: Event): void {
    this._query = (e.target as HTMLInputElement).value;
    this._open = true;
    this._active = 0;
    if (this.value) {
      this.value = '';
      this.#emit();
    }
  }

  #onKey(e: KeyboardEvent): void {
    const list = this.shownOptions;
    const n = list.length;
    const step = (d: number) => {
      e.preventDefault();
      if (!this._open) this._open = true;
      else this._active = n ? (this._active + d + n) % n : 0;
    };
    if (e.key === 'ArrowDown') step(1);
    else if (e.key === 'ArrowUp') step(-1);
    else if (e.key === 'Enter' && this._open && n) {
      e.preventDefault();
      this.#choose(list[Math.min(this._active, n - 1)]);
    } else if (e.key === 'Escape' && this._open) {
      e.preventDefault();
      e.stopPropagation();
      this._open = false;
    }
  }

  protected override render(): TemplateResult {
    const open = this._open;
    const list = open ? this.shownOptions : [];
    const active = Math.min(this._active, Math.max(0, list.length - 1));
    const chosen = this.value ? this.options.find((o) => o.value === this.value) : undefined;
    const shown = this._query ?? (chosen ? chosen.text ?? chosen.label : this.value);
    const optId = (o: ComboboxOption) => `${this.#id}-o${this.options.indexOf(o)}`;
    return html`
      <input id=${this.#id} data-field=${this.field || nothing} part="input" type="text" role="combobox" autocomplete="off"
        aria-autocomplete="list" aria-expanded=${open ? 'true' : 'false'} aria-controls="${this.#id}-listbox"
        aria-activedescendant=${open && list.length ? optId(list[active]) : nothing}
        aria-invalid=${this.invalid ? 'true' : 'false'} aria-describedby=${this.describedby || nothing}
        aria-required=${this.required ? 'true' : 'false'} placeholder=${this.placeholder || nothing} .value=${shown} ?disabled=${this.disabled}
        @input=${this.#onInput} @keydown=${this.#onKey}
        @click=${() => {
          this._open = !this._open;
        }}
        @blur=${() => {
          this._open = false;
        }} />
      <ul id="${this.#id}-listbox" role="listbox" part="listbox" aria-label=${this.label || nothing} ?hidden=${!open}>
        ${list.map(
          (o, i) => html`<li id=${optId(o)} role="option" part="option" aria-selected=${i === active ? 'true' : 'false'}
            class=${i === active ? 'active' : ''} style="padding-inline-start: calc(var(--jc-space) * ${1 + (o.depth ?? 0) * 2})"
            @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.#choose(o)}>${o.label}${
              o.hint ? html` <span class="muted">${o.hint}</span>` : nothing
            }</li>`,
        )}
        ${open && !list.length ? html`<li role="option" aria-disabled="true" aria-selected="false" class="muted">${this.emptyText}</li>` : nothing}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-combobox': JcCombobox;
  }
}
