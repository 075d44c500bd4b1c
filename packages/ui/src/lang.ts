/**
 * Language resolution shared by every Jiceng element.
 * @module
 */

/** A language an element can speak. @example `const l: UiLang = 'en';` */
export type UiLang = 'zh' | 'en';

/**
 * The language an element speaks: its own `lang` (attribute, or property — a Lit element's
 * `lang` property need not reflect), else the nearest ancestor's attribute, else the
 * document's; anything starting with `en` gives English, everything else Chinese (the
 * default).
 *
 * @example
 * ```ts
 * resolveLang(el); // 'zh' unless el or the page says lang="en…"
 * ```
 */
export function resolveLang(el: Element): UiLang {
  const own = (el as Partial<HTMLElement>).lang;
  const raw = own || (el.closest('[lang]')?.getAttribute('lang') ?? el.ownerDocument?.documentElement.lang ?? '');
  return raw.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/**
 * Picks the string for `lang` from a table of translations, merged with any partial
 * overrides the host supplied.
 *
 * @example
 * ```ts
 * const strings = { zh: { search: '搜索' }, en: { search: 'Search' } };
 * translate(strings, 'en', { search: 'Find' }).search; // 'Find'
 * ```
 */
export function translate<T extends object>(table: { zh: T; en: T }, lang: UiLang, overrides?: Partial<T>): T {
  return overrides ? { ...table[lang], ...overrides } : table[lang];
}
