/**
 * The fields both form elements draw the same way — an error under a field, the live counter
 * of a limited text, the category combobox, the node picker and the attachment list — so that
 * a field looks, reads and behaves the same in the intake and in an action.
 * @module
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { type HierarchyIndex, type JcIssue } from '@jiceng/core';
import { FIELD_LABELS, type Attachment, type Category, type CategoryTable } from '@jiceng/core/cases';
import type { UiLang } from '@jiceng/ui';
import type { ComboboxOption, JcComboboxChangeDetail } from '../combobox/combobox.js';
import { fill, type CaseFormStrings } from '../shared/i18n.js';
import { INTAKE_LABELS } from '../case-intake/intake.js';
import { formatSize } from '../shared/attachments.js';
import type { FilesController } from './files.js';

/** What the fields read from their element now. */
export interface FieldsState {
  lang: UiLang;
  strings: CaseFormStrings;
  categories: CategoryTable | undefined;
  hierarchy: HierarchyIndex | undefined;
  disabled: boolean;
}

/** What a text field shows and does. */
export interface TextField {
  /** The field's name (`data-field`, or `data-afield` in an action's form). */
  name: string;
  /** The action whose form holds the field (none: the intake). */
  action?: string;
  id: string;
  /** Ids of the error and the counter. */
  eid: string;
  cid: string;
  label: string;
  value: string;
  err: JcIssue | undefined;
  required?: boolean;
  max?: number | undefined;
  /** Rows of a textarea (none: a one-line input). */
  rows?: number;
  type?: string;
  inputmode?: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
}

/** What a radio group shows and does. */
export interface RadioField {
  name: string;
  action?: string;
  eid: string;
  label: string;
  value: string;
  /** `[value, text]` of each choice. */
  options: readonly (readonly [string, string])[];
  err: JcIssue | undefined;
  required?: boolean;
  onPick: (value: string) => void;
}

/** Stops an inner element's event at the element's boundary: the page hears only the element's own events. */
const contain = (e: Event): void => e.stopPropagation();

/**
 * Renders the shared fields of a form element.
 *
 * @example
 * ```ts
 * readonly fields = new FieldsController(this, this.files, () => ({ lang, strings, categories, hierarchy, disabled }));
 * render() { return html`${this.fields.counter(text, 2000, 'c-description')}`; }
 * ```
 */
export class FieldsController implements ReactiveController {
  #options: { table: CategoryTable; lang: UiLang; list: ComboboxOption[]; byId: Map<string, Category> } | undefined;
  #selected: { code: string; list: string[] } = { code: '', list: [] };

  readonly #files: FilesController;
  readonly #read: () => FieldsState;

  constructor(host: ReactiveControllerHost, files: FilesController, read: () => FieldsState) {
    this.#files = files;
    this.#read = read;
    host.addController(this);
  }

  /** Lit calls this when the host connects; nothing to set up. */
  hostConnected(): void {}

  /** A problem's message in the element's language. */
  msg(e: JcIssue | undefined): string {
    return e ? (this.#read().lang === 'en' ? e.en : e.zh) : '';
  }

  /** A command field's label: the host's `i18n.fieldLabels`, else this package's or the core's. */
  fieldLabel(field: string): string {
    const { strings, lang } = this.#read();
    const own = strings.fieldLabels[field];
    if (own) return own;
    const l = INTAKE_LABELS[field] ?? FIELD_LABELS[field];
    return l ? l[lang] : field;
  }

  /** A field's label: the element's own string of that name, else {@link fieldLabel}. */
  label(field: string): string {
    const s = this.#read().strings as unknown as Record<string, unknown>;
    return typeof s[field] === 'string' ? (s[field]) : this.fieldLabel(field);
  }

  /** The message under a field (present only while it is in error). */
  error(err: JcIssue | undefined, id: string): TemplateResult | typeof nothing {
    return err ? html`<div id=${id} class="error" part="error" role="alert">${this.msg(err)}</div>` : nothing;
  }

  /** The live count of a limited field, with its unit (“12/2000 字”); the field refuses more in place (maxlength). */
  counter(value: string, max: number | undefined, id: string): TemplateResult | typeof nothing {
    if (!max) return nothing;
    const n = value.length;
    return html`<div id=${id} class="counter${n >= max ? ' full' : ''}" part="counter">${fill(this.#read().strings.counter, { n, max })}</div>`;
  }

  /**
   * A text field (input or textarea) with its label, live counter and error. `field` names it
   * in `data-field` (the intake) or `data-afield` (an action's form, `action` set).
   */
  text(o: TextField): TemplateResult {
    const { strings: s, disabled } = this.#read();
    const { id, name, err, max } = o;
    const describedby = [max ? o.cid : '', err ? o.eid : ''].filter(Boolean).join(' ') || nothing;
    const input = (e: Event) => o.onInput((e.target as HTMLInputElement).value);
    const common = { invalid: err ? 'true' : 'false', required: o.required ? 'true' : 'false' };
    return html`
      <div class="field" part="field${err ? ' field-invalid' : ''}">
        <label part="label" for=${id}>${o.label}${o.required ? html` <span class="req">(${s.required})</span>` : nothing}</label>
        ${o.rows
          ? html`<textarea id=${id} data-field=${o.action ? nothing : name} data-afield=${o.action ? name : nothing} part="input" rows=${o.rows}
              .value=${o.value} ?disabled=${disabled} maxlength=${max ?? nothing} aria-invalid=${common.invalid}
              aria-describedby=${describedby} aria-required=${common.required} @input=${input} @blur=${o.onBlur}></textarea>`
          : html`<input id=${id} data-field=${o.action ? nothing : name} data-afield=${o.action ? name : nothing} part="input"
              type=${o.type ?? 'text'} inputmode=${o.inputmode ?? nothing} maxlength=${max ?? nothing} .value=${o.value} ?disabled=${disabled}
              aria-invalid=${common.invalid} aria-describedby=${describedby} aria-required=${common.required} @input=${input} @blur=${o.onBlur} />`}
        ${this.counter(o.value, max, o.cid)}
        ${this.error(err, o.eid)}
      </div>
    `;
  }

  /** A group of radio buttons in a fieldset, with its legend and error (`data-field` or, in an action, `data-afield`). */
  radios(o: RadioField): TemplateResult {
    const { strings: s, disabled } = this.#read();
    const { err, name } = o;
    return html`
      <fieldset class="field radios" part="field${err ? ' field-invalid' : ''}" aria-describedby=${err ? o.eid : nothing}>
        <legend part="label">${o.label}${o.required ? html` <span class="req">(${s.required})</span>` : nothing}</legend>
        <div role="radiogroup" aria-invalid=${err ? 'true' : 'false'} aria-required=${o.required ? 'true' : 'false'} aria-label=${o.label}>
          ${o.options.map(
            ([value, text]) => html`<label class="choice"><input type="radio" name=${o.action ? `${o.action}-${name}` : name}
              data-field=${o.action ? nothing : name} data-afield=${o.action ? name : nothing} value=${value} .checked=${o.value === value}
              ?disabled=${disabled} @change=${() => o.onPick(value)} />${text}</label>`,
          )}
        </div>
        ${this.error(err, o.eid)}
      </fieldset>
    `;
  }

  /** The category table as combobox options (indented, the path shown once chosen), cached per table and language. */
  #categoryOptions(): { list: ComboboxOption[]; byId: Map<string, Category> } {
    const { categories: t, lang } = this.#read();
    if (!t) return { list: [], byId: new Map() };
    if (this.#options?.table === t && this.#options.lang === lang) return this.#options;
    const name = (c: Category) => c.name[lang] || c.name.zh;
    const list: ComboboxOption[] = [];
    const byId = new Map<string, Category>();
    for (const c of t.list) {
      const path: string[] = [];
      for (let i = c.index; i >= 0; i = t.list[i].parent) path.unshift(name(t.list[i]));
      const o: ComboboxOption = { value: c.id, label: name(c), text: path.join(' / '), depth: path.length - 1 };
      if (c.code) o.hint = c.code;
      list.push(o);
      byId.set(c.id, c);
    }
    this.#options = { table: t, lang, list, byId };
    return this.#options;
  }

  /** The category combobox: finds a category by its name (zh or en), id or code. */
  category(value: string, err: JcIssue | undefined, onPick: (id: string) => void, onLeave: () => void, idp: string): TemplateResult {
    const { strings: s, disabled } = this.#read();
    const { list, byId } = this.#categoryOptions();
    const filter = (o: ComboboxOption, q: string) => {
      const c = byId.get(o.value);
      return Boolean(c && (c.name.zh.includes(q) || c.name.en.toLowerCase().includes(q) || c.id.toLowerCase().includes(q) || (c.code ?? '').startsWith(q)));
    };
    return html`
      <div class="field combo" part="field${err ? ' field-invalid' : ''}">
        <label part="label" for="${idp}f-category">${this.label('category')} <span class="req">(${s.required})</span></label>
        <jc-combobox input-id="${idp}f-category" field="category" .options=${list} .filter=${filter} .value=${value}
          label=${this.label('category')} placeholder=${s.categoryPlaceholder} empty-text=${s.categoryNone}
          describedby=${err ? `${idp}e-category` : ''} ?invalid=${Boolean(err)} required ?disabled=${disabled}
          @jc-change=${(e: CustomEvent<JcComboboxChangeDetail>) => {
            e.stopPropagation();
            onPick(e.detail.value);
          }}
          @focusout=${onLeave}></jc-combobox>
        ${this.error(err, `${idp}e-category`)}
      </div>
    `;
  }

  /** A node's name with its path ("Town / Village / Grid"), in the element's language. */
  nodeName(code: string): string {
    const { hierarchy: h, lang } = this.#read();
    const i = h && code ? h.indexOf(code) : -1;
    if (!h || i < 0) return code;
    return h.path(i).slice(1).map((p) => (lang === 'en' ? h.nameEn(p) : h.name(p))).join(' / ') || h.name(i);
  }

  /** The same array for the same code, so the tree is not told of a new selection on every render. */
  #selection(code: string): string[] {
    if (this.#selected.code !== code) this.#selected = { code, list: code ? [code] : [] };
    return this.#selected.list;
  }

  /**
   * The node picker: a `<jc-grid-tree>` and the choice in words. The tree's own events
   * (`jc-select`, `jc-expand`, `jc-search`) stop here; the element speaks for itself.
   */
  node(value: string, err: JcIssue | undefined, onPick: (code: string) => void, onLeave: () => void, idp: string, label: string): TemplateResult {
    const { strings: s, hierarchy, lang } = this.#read();
    return html`
      <div class="field" part="field${err ? ' field-invalid' : ''}" role="group" aria-labelledby="${idp}l-node"
        aria-describedby=${err ? `${idp}e-node` : `${idp}o-node`}>
        <span id="${idp}l-node" class="label" part="label">${label} <span class="req">(${s.required})</span></span>
        <jc-grid-tree data-field="node" part="node-picker" class=${err ? 'invalid' : ''} .hierarchy=${hierarchy} selection="single"
          .selected=${this.#selection(value)} lang=${lang} label=${label} search-delay="120"
          @jc-select=${(e: CustomEvent<{ codes: string[] }>) => {
            contain(e);
            onPick(e.detail.codes[0] ?? '');
          }}
          @jc-expand=${contain} @jc-search=${contain} @focusout=${onLeave}></jc-grid-tree>
        <output id="${idp}o-node" class="muted">${value ? fill(s.nodeChosen, { name: this.nodeName(value) }) : s.nodeNone}</output>
        ${this.error(err, `${idp}e-node`)}
      </div>
    `;
  }

  /** The file input and the list of attached files (name, type, size, start of the hash). */
  attachments(list: readonly Attachment[], err: JcIssue | undefined, onChange: (next: Attachment[]) => void, idp: string): TemplateResult {
    const { strings: s, disabled } = this.#read();
    return html`
      <div class="field" part="field${err ? ' field-invalid' : ''}">
        <label part="label" for="${idp}f-attachments">${this.label('attachments')}</label>
        <input id="${idp}f-attachments" data-field="attachments" type="file" multiple ?disabled=${disabled}
          aria-describedby="${idp}h-attachments${err ? ` ${idp}e-attachments` : ''}"
          @change=${(e: Event) => this.#files.add(e.target as HTMLInputElement, (m) => onChange([...list, ...m]))} />
        <div id="${idp}h-attachments" class="muted">${s.attachmentsHint}${globalThis.crypto?.subtle ? '' : `（${s.noHash}）`}</div>
        ${this.#files.hashing ? html`<div role="status" class="muted">${s.hashing}</div>` : nothing}
        ${list.length
          ? html`<ul part="attachments" class="files">
              ${list.map(
                (a) => html`<li><span class="fname">${a.name}</span> <span class="muted">${a.mime} · ${formatSize(a.size)}${a.sha256 ? ` · SHA-256 ${a.sha256.slice(0, 12)}…` : ''}</span>
                  <button type="button" class="link" aria-label=${fill(s.remove, { name: a.name })}
                    @click=${() => onChange(list.filter((x) => x.id !== a.id))}>×</button></li>`,
              )}
            </ul>`
          : nothing}
        ${this.error(err, `${idp}e-attachments`)}
      </div>
    `;
  }
}
