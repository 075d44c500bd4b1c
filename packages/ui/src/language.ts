/**
 * One controller that keeps every Jiceng element in its page's language.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { argumentsError } from './args.js';
import { resolveLang, type UiLang } from './lang.js';

/**
 * The element a {@link LanguageController} serves: a Lit element (a reactive controller host).
 * @example `const host: LanguageHost = this; // in a LitElement`
 */
export type LanguageHost = ReactiveControllerHost & HTMLElement;

/** Hosts connected now; each is asked to render again when any `lang` attribute changes. */
const hosts = new Set<LanguageHost>();
let observer: MutationObserver | undefined;

function watch(): void {
  if (observer || typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  observer = new MutationObserver(() => hosts.forEach((h) => h.requestUpdate()));
  // The whole document: a change of `<html lang>` or of a container's `lang` between the
  // page and the element both change what `resolveLang` answers.
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * A Lit reactive controller that gives its element the language it should speak
 * ({@link resolveLang}: its own `lang`, else the nearest ancestor's, else `<html lang>`) and
 * renders the element again whenever any `lang` attribute in the page changes. One
 * `MutationObserver` serves every connected element.
 *
 * @example
 * ```ts
 * class JcThing extends LitElement {
 *   readonly #language = new LanguageController(this);
 *   render() { return html`${this.#language.lang === 'en' ? 'Hello' : '你好'}`; }
 * }
 * // document.documentElement.lang = 'en' → every JcThing renders 'Hello'
 * ```
 */
export class LanguageController implements ReactiveController {
  readonly #host: LanguageHost;

  constructor(host: LanguageHost) {
    if (typeof (host as Partial<LanguageHost> | null)?.addController !== 'function') {
      throw argumentsError('LanguageController', { zh: 'Lit 元素', en: 'a Lit element' });
    }
    this.#host = host;
    host.addController(this);
  }

  /** The language the host speaks now. @example `controller.lang // 'zh'` */
  get lang(): UiLang {
    return resolveLang(this.#host);
  }

  /** @internal Lit calls this when the host is connected. */
  hostConnected(): void {
    hosts.add(this.#host);
    watch();
  }

  /** @internal Lit calls this when the host is disconnected. */
  hostDisconnected(): void {
    hosts.delete(this.#host);
  }
}
