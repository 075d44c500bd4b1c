/**
 * Language resolution shared by every Jiceng element.
 * @module
 */
import { argumentsError, need } from './args.js';

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
  const ok = typeof table === 'object' && table !== null && (lang === 'zh' || lang === 'en')
    && typeof table[lang] === 'object' && table[lang] !== null && (overrides === undefined || overrides === null || typeof overrides === 'object');
  if (!ok) throw argumentsError('translate', { zh: '译文表 { zh, en }、语言 zh 或 en，以及可选的覆盖对象', en: 'a table { zh, en }, the language zh or en, and optional overrides' });
  return overrides ? { ...table[lang], ...overrides } : table[lang];
}

/**
 * Fills the `{key}` placeholders of a template from `values`; a placeholder without a value
 * stays as it is. Every element's strings use it (each package re-exports it under its old
 * name: `fill`, or `fillMap` in `@jiceng/map`).
 *
 * @example
 * ```ts
 * fill('找到 {n} 个节点', { n: 3 }); // '找到 3 个节点'
 * ```
 */
export function fill(template: string, values: Record<string, string | number>): string {
  need('fill', 'template', template, 'string');
  need('fill', 'values', values, 'object');
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
