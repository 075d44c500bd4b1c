/**
 * A small XML writer for Open311's answers: plain objects to elements, text escaped, arrays
 * as repeated child elements. Nothing a user typed is ever written unescaped.
 * @module
 */

/** A value the writer can write: text, numbers, booleans, nested objects and lists. */
export type XmlValue = string | number | boolean | null | undefined | XmlObject | XmlList;
/** An element's children by name. */
export interface XmlObject { [name: string]: XmlValue }
/** A list written as repeated `item` elements. */
export interface XmlList { item: string; values: readonly XmlValue[] }

// Characters XML 1.0 does not allow even escaped (C0 controls but tab, CR, LF; lone surrogates; U+FFFE/F).
const INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Escapes text for element content and attribute values; drops characters XML cannot carry.
 *
 * @example
 * ```ts
 * escapeXml('a < b & "c"'); // 'a &lt; b &amp; &quot;c&quot;'
 * ```
 */
export function escapeXml(s: string): string {
  return s.replace(INVALID, '').replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));
}

/**
 * A list for {@link xmlDocument}: each value becomes an `<item>` element.
 *
 * @example
 * ```ts
 * xmlList('format', ['text/xml', 'application/json']);
 * ```
 */
export function xmlList(item: string, values: readonly XmlValue[]): XmlList {
  return { item, values };
}

const isList = (v: XmlValue): v is XmlList => typeof v === 'object' && v !== null && 'item' in v && 'values' in v && Array.isArray((v as XmlList).values);

function write(name: string, v: XmlValue, out: string[]): void {
  if (v === undefined) return;
  if (v === null) { out.push(`<${name}/>`); return; }
  if (typeof v === 'object') {
    out.push(`<${name}>`);
    if (isList(v)) for (const x of v.values) write(v.item, x, out);
    else for (const [k, x] of Object.entries(v)) write(k, x, out);
    out.push(`</${name}>`);
    return;
  }
  out.push(`<${name}>${escapeXml(String(v))}</${name}>`);
}

/**
 * A whole document: the declaration and one root element. `null` writes an empty element,
 * `undefined` leaves the element out.
 *
 * @example
 * ```ts
 * xmlDocument('errors', xmlList('error', [{ code: 404, description: 'not found' }]));
 * // '<?xml version="1.0" encoding="utf-8"?><errors><error><code>404</code>…'
 * ```
 */
export function xmlDocument(root: string, body: XmlValue): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  write(root, body, out);
  return out.join('');
}
