// Imports a component's bundle the first time its tag appears in the page (also in tags added
// later), so a server-rendered portal can add one script tag and use any jc-* element.
const base = new URL('.', import.meta.url);
const map = {
  'jc-grid-tree': 'jc-grid-tree.js',
  'jc-case-intake': 'jc-case-form.js',
  'jc-case-actions': 'jc-case-form.js',
  'jc-case-file': 'jc-case-form.js',
  'jc-combobox': 'jc-case-form.js',
  'jc-dashboard': 'jc-dashboard.js',
  'jc-kpi': 'jc-dashboard.js',
  'jc-trend': 'jc-dashboard.js',
  'jc-breakdown': 'jc-dashboard.js',
  'jc-ranking': 'jc-dashboard.js',
  'jc-service-board': 'jc-engagement.js',
  'jc-ledger': 'jc-engagement.js',
  'jc-alerts': 'jc-alerts.js',
  'jc-dispatch-board': 'jc-alerts.js',
  'jc-map': 'jc-map.js',
};
const loading = new Set();
function scan(root) {
  for (const tag of Object.keys(map)) {
    if (loading.has(map[tag]) || customElements.get(tag)) continue;
    if (root.querySelector?.(tag) || root.localName === tag) {
      loading.add(map[tag]);
      import(new URL(map[tag], base).href);
    }
  }
}
scan(document);
new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) scan(n);
}).observe(document.documentElement, { childList: true, subtree: true });
