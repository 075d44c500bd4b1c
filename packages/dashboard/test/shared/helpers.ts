/** What tests read off the page: the text a user sees, the hidden tables, rows. */
export const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The text a sighted user sees: without the visually hidden parts. */
export const seen = (el: Element | null | undefined) => {
  if (!el) return '';
  const c = el.cloneNode(true) as Element;
  c.querySelectorAll('.jc-visually-hidden').forEach((h) => h.remove());
  return text(c);
};

export const root = (el: Element) => el.shadowRoot!;

/** Rows of the hidden data tables of an element, as cell texts. */
export const tableRows = (el: Element) =>
  [...root(el).querySelectorAll('.jc-visually-hidden table tbody tr')].map((tr) => [...tr.children].map((c) => text(c)));

/** Formatting written independently of the package, straight from Intl. */
export const intl = (locale: string) => ({
  int: (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(v),
  pct: (v: number) => new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v),
});
