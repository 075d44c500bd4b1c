/**
 * What both elements share: language, strings, a roving-tabindex list (one tab stop; arrows,
 * Home and End move between items) and one open menu at a time (arrows move, Escape closes
 * and returns focus to the button that opened it).
 * @module
 */
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LanguageController, themeTokens, translate, type UiLang } from '@jiceng/ui';
import { listStyles } from './styles.js';
import { ALERTS_STRINGS, type AlertsStrings } from './i18n.js';

/**
 * The menu open in a list: the key of the item and the action it belongs to.
 *
 * @example
 * ```ts
 * const m: OpenMenu = { key: 'A-1', kind: 'resolve' };
 * ```
 */
export interface OpenMenu {
  key: string;
  kind: string;
}

/**
 * The base of `<jc-alerts>` and `<jc-dispatch-board>`; not registered itself.
 *
 * @example
 * ```ts
 * class MyList extends JcAlertsBase { protected keys() { return ['a', 'b']; } }
 * ```
 */
export abstract class JcAlertsBase extends LitElement {
  /** The styles both elements share: the theme tokens and the list's rules. */
  static override styles = [themeTokens, listStyles];
  /** `zh` (default) or `en`; inherited from the nearest `lang` attribute when unset. */
  @property() override lang!: string;
  /** Overrides of the built-in strings. */
  @property({ attribute: false }) i18n: Partial<AlertsStrings> = {};
  /** `light` (default), `dark` or `auto`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  /** The current time (epoch ms) ages and deadlines are shown against; default: when rendered. */
  @property({ type: Number }) now: number | undefined = undefined;

  /** Index of the item that holds the list's tab stop. */
  @state() protected active = 0;
  /** The menu open now, if any. */
  @state() protected menu: OpenMenu | null = null;

  /** Follows the page's language: the element renders again when `<html lang>` changes. */
  readonly #language = new LanguageController(this);

  /** The keys of the items, in order. */
  protected abstract keys(): string[];

  /** The resolved language. */
  protected get uiLang(): UiLang {
    return this.#language.lang;
  }

  /** The strings in the resolved language, with overrides. */
  protected get s(): AlertsStrings {
    return translate(ALERTS_STRINGS, this.uiLang, this.i18n);
  }

  /** The time to show against. */
  protected get nowMs(): number {
    return this.now ?? Date.now();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const n = this.keys().length;
    if (this.active >= n) this.active = Math.max(0, n - 1);
    if (this.menu && !this.keys().includes(this.menu.key)) this.menu = null;
  }

  /** `tabindex` of item i. */
  protected tabFor(i: number): number {
    return i === this.active ? 0 : -1;
  }

  /** Keyboard on the list: arrows, Home, End between items (when an item itself has focus); Escape closes a menu. */
  protected onListKey(e: KeyboardEvent): void {
    const target = e.target as HTMLElement;
    if (e.key === 'Escape' && this.menu) {
      e.preventDefault();
      void this.closeMenu();
      return;
    }
    if (target.getAttribute('role') === 'menuitem') {
      const items = [...(target.parentElement?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
      const i = items.indexOf(target);
      const next = e.key === 'ArrowDown' ? (i + 1) % items.length : e.key === 'ArrowUp' ? (i - 1 + items.length) % items.length
        : e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : -1;
      if (next >= 0) { e.preventDefault(); items[next].focus(); }
      return;
    }
    if (target.tagName !== 'LI') return;
    const n = this.keys().length;
    const to = e.key === 'ArrowDown' ? Math.min(n - 1, this.active + 1) : e.key === 'ArrowUp' ? Math.max(0, this.active - 1)
      : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    void this.focusItem(to);
  }

  /** Moves the tab stop to item i and focuses it. */
  protected async focusItem(i: number): Promise<void> {
    this.active = i;
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLElement>('li[data-key]')[i]?.focus();
  }

  /** Keeps the tab stop on the item that received focus (by click or Tab). */
  protected onFocusIn(e: FocusEvent): void {
    const li = (e.target as HTMLElement).closest('li[data-key]');
    if (!li) return;
    const i = this.keys().indexOf(li.getAttribute('data-key')!);
    if (i >= 0 && i !== this.active) this.active = i;
  }

  /** Opens (or closes, if open) a menu and focuses its first item. */
  protected async toggleMenu(key: string, kind: string): Promise<void> {
    if (this.menu && this.menu.key === key && this.menu.kind === kind) { void this.closeMenu(); return; }
    this.menu = { key, kind };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[role="menu"] [role="menuitem"]')?.focus();
  }

  /** Closes the menu and gives focus back to the button that opened it. */
  protected async closeMenu(): Promise<void> {
    const m = this.menu;
    this.menu = null;
    await this.updateComplete;
    if (m) this.renderRoot.querySelector<HTMLElement>(`li[data-key="${CSS.escape(m.key)}"] [data-opens="${m.kind}"]`)?.focus();
  }

  /** Sends `jc-command` with a ready core command. */
  protected send(command: Record<string, unknown>): void {
    this.dispatchEvent(new CustomEvent('jc-command', { detail: { command }, bubbles: true, composed: true }));
  }
}
