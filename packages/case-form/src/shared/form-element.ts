/**
 * What `<jc-case-intake>` and `<jc-case-actions>` share: their common properties (language,
 * theme, strings, the category table and the hierarchy, drafts) and the controllers that draw
 * and run their common parts.
 * @module
 */
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LanguageController, themeTokens, translate, type UiLang } from '@jiceng/ui';
import type { HierarchyIndex } from '@jiceng/core';
import type { CategoryTable } from '@jiceng/core/cases';
import { caseFormStrings, type CaseFormStrings } from './i18n.js';
import type { DraftStorage } from './draft.js';
import type { CommandResult } from '../events.js';
import { caseFormStyles } from './styles.js';
import { StatusController } from '../controllers/status.js';
import { FilesController } from '../controllers/files.js';
import { FieldsController } from '../controllers/fields.js';

/**
 * The base of the case form elements: their shared properties and controllers. Not an
 * element of its own; extend it only to make another case form element.
 *
 * @example
 * ```ts
 * class JcMyForm extends CaseFormElement {
 *   render() { return html`${this.status.render()}`; }
 * }
 * ```
 *
 * @cssproperty [--jc-color-accent=#b4232a] - Submit button and focus accents.
 * @cssproperty [--jc-color-bad=#cf222e] - Error text and invalid borders.
 * @cssproperty [--jc-spacing=8px] - Base spacing.
 */
export abstract class CaseFormElement extends LitElement {
  /** Focus given to the element goes to its first focusable control. */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  /** The element's styles: the shared theme tokens, then its own (its comboboxes' included). */
  static override styles = [themeTokens, caseFormStyles];

  /** Language (`zh` default, `en…` for English); else the nearest `lang`, followed as the page's changes. */
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
  /** Key of this element's draft; without it nothing is stored. */
  @property({ attribute: 'draft-key' }) draftKey = '';

  /** @internal True while a disabled fieldset or form holds the element. */
  @state() protected disabled = false;
  /** @internal The page's language, followed. */
  protected readonly language = new LanguageController(this);
  /** @internal The message after submitting. */
  protected readonly status = new StatusController(this);
  /** @internal Picked files. */
  protected readonly files = new FilesController(this);
  /** @internal The shared fields. */
  protected readonly fields = new FieldsController(this, this.files, () => ({
    lang: this.uiLang, strings: this.strings, categories: this.categories, hierarchy: this.hierarchy, disabled: this.disabled,
  }));

  /** @internal The last result shown. */
  protected lastResult: CommandResult | undefined;

  /**
   * Shows the host's answer to the element's last event (`jc-submit`, `jc-command`).
   * @example `form.showResult({ ok: true });`
   */
  abstract showResult(result: CommandResult): void;

  /** The last result shown; setting it is the same as calling {@link showResult}. */
  set result(r: CommandResult | undefined) {
    if (r) this.showResult(r);
  }
  get result(): CommandResult | undefined {
    return this.lastResult;
  }

  /** @internal The language spoken now. */
  protected get uiLang(): UiLang {
    return this.language.lang;
  }

  /** @internal The strings in that language, with the host's overrides. */
  protected get strings(): CaseFormStrings {
    return translate(caseFormStrings, this.uiLang, this.i18n);
  }

  /** Resolves once the element and the comboboxes inside it have rendered. @example `await form.updateComplete;` */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const inner = [...(this.renderRoot?.querySelectorAll?.('jc-combobox') ?? [])] as unknown as LitElement[];
    await Promise.all(inner.map((c) => c.updateComplete));
    return done;
  }
}
