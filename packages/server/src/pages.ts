/**
 * Two small pages the server serves from the package itself (no CDN: portals run on
 * intranets): the API reference, rendered in the browser from `/api/openapi.json`, and the
 * development sign-in. Both build their DOM with `textContent` only.
 * @module
 */

const STYLE = `body{font:15px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2937}
header{background:#0f4c81;color:#fff;padding:12px 24px}main{max-width:1000px;margin:0 auto;padding:16px 24px}
h1{font-size:20px;margin:0}h2{font-size:17px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:28px}
.op{border:1px solid #ddd;border-radius:6px;margin:10px 0}.op>summary{cursor:pointer;padding:8px 12px;list-style:none}
.m{display:inline-block;min-width:56px;font-weight:600;text-transform:uppercase}.get{color:#047857}.post{color:#1d4ed8}
code,pre{font:13px/1.4 ui-monospace,Menlo,Consolas,monospace}pre{background:#f6f8fa;padding:8px;overflow:auto;margin:4px 12px 12px}
table{border-collapse:collapse;margin:4px 12px}td,th{border:1px solid #e5e7eb;padding:2px 8px;text-align:left}
button{font:inherit;padding:4px 10px;margin:2px}input{font:inherit;padding:4px}li{margin:4px 0}`;
import { need } from '@jiceng/core/errors';

/**
 * The API reference page: every path and method with its parameters, request body and
 * answers, and the schemas, read from the OpenAPI document at run time.
 *
 * @example
 * ```ts
 * app.get('/api/reference', (c) => c.html(referencePage()));
 * ```
 */
export function referencePage(specUrl = '/api/openapi.json'): string {
  need('referencePage', 'specUrl', specUrl, 'string');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Jiceng API 参考</title><style>${STYLE}</style></head><body><header><h1 id="title">Jiceng API</h1></header><main id="main" aria-live="polite">…</main>
<script type="module">
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
const spec = await (await fetch(${JSON.stringify(specUrl)})).json();
const main = document.getElementById('main');
document.getElementById('title').textContent = spec.info.title + ' ' + spec.info.version;
main.replaceChildren(el('p', spec.info.description ?? ''), el('p', 'OpenAPI ' + spec.openapi + ' · '));
main.lastChild.append(Object.assign(el('a', 'openapi.json'), { href: ${JSON.stringify(specUrl)} }));
const byTag = new Map();
for (const [path, item] of Object.entries(spec.paths)) for (const [method, op] of Object.entries(item)) {
  const tag = op.tags?.[0] ?? 'other';
  if (!byTag.has(tag)) byTag.set(tag, []);
  byTag.get(tag).push([method, path, op]);
}
for (const [tag, ops] of byTag) {
  main.append(el('h2', tag));
  for (const [method, path, op] of ops) {
    const d = el('details', undefined, 'op'); const s = el('summary');
    s.append(el('span', method, 'm ' + method), el('code', path), el('span', ' — ' + (op.summary ?? '')));
    if (op.security?.length) s.append(el('span', ' 🔒'));
    d.append(s);
    if (op.parameters?.length) {
      const t = el('table'); const hr = el('tr'); for (const x of ['name', 'in', 'required', 'schema']) hr.append(el('th', x)); t.append(hr);
      for (const p of op.parameters) { const r = el('tr'); r.append(el('td', p.name), el('td', p.in), el('td', String(!!p.required)), el('td', JSON.stringify(p.schema))); t.append(r); }
      d.append(t);
    }
    if (op.requestBody) { d.append(el('p', 'Request body')); d.append(el('pre', JSON.stringify(op.requestBody.content, null, 2))); }
    for (const [code, r] of Object.entries(op.responses ?? {})) { d.append(el('p', code + ' — ' + (r.description ?? ''))); if (r.content) d.append(el('pre', JSON.stringify(r.content, null, 2))); }
    main.append(d);
  }
}
main.append(el('h2', 'schemas'));
for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
  const d = el('details', undefined, 'op'); d.id = 'schema-' + name; d.append(el('summary', name), el('pre', JSON.stringify(schema, null, 2))); main.append(d);
}
</script></body></html>`;
}

/**
 * The development sign-in page: find a place of the demo city, pick a person acting there,
 * get a token (kept in `localStorage['jiceng.token']`) and go back to the portal.
 *
 * @example
 * ```ts
 * app.get('/dev/signin', (c) => c.html(signinPage()));
 * ```
 */
export function signinPage(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>开发登录 Development sign-in</title><style>${STYLE}</style></head><body><header><h1>开发登录 · Development sign-in (demo only)</h1></header><main>
<form id="f"><label>区域 Place <input id="q" name="q" required placeholder="荔城 / lcq / 350304"></label> <button>查找 Search</button></form>
<ul id="places"></ul><h2 id="who-h" hidden>人员 People</h2><ul id="people"></ul><p id="status" role="status"></p></main>
<script type="module">
const el = (tag, text) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; };
const next = new URLSearchParams(location.search).get('next');
const status = document.getElementById('status');
const api = async (url, init) => { const r = await fetch(url, init); const b = await r.json(); if (!r.ok) throw new Error(b.error.zh + ' / ' + b.error.en); return b; };
async function showPeople(code) {
  const people = await api('/api/dev/people?node=' + encodeURIComponent(code));
  document.getElementById('who-h').hidden = false;
  document.getElementById('people').replaceChildren(...people.map((p) => {
    const li = el('li'); const b = el('button', p.name.zh + ' / ' + p.name.en); b.type = 'button';
    b.dataset.person = p.id;
    b.addEventListener('click', async () => {
      try {
        const t = await api('/api/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ person: p.id }) });
        localStorage.setItem('jiceng.token', t.token);
        localStorage.setItem('jiceng.actor', JSON.stringify(t.actor));
        status.textContent = '已登录 Signed in: ' + p.id;
        if (next && next.startsWith('/')) location.href = next;
      } catch (e) { status.textContent = e.message; }
    });
    li.append(b); return li;
  }));
}
document.getElementById('f').addEventListener('submit', async (e) => {
  e.preventDefault();
  const q = document.getElementById('q').value.trim();
  status.textContent = '';
  try {
    const places = await api('/api/dev/places?q=' + encodeURIComponent(q));
    document.getElementById('places').replaceChildren(...places.map((n) => {
      const li = el('li'); const b = el('button', n.name.zh + ' · ' + n.levelName.zh + ' · ' + n.code); b.type = 'button';
      b.addEventListener('click', () => showPeople(n.code).catch((x) => { status.textContent = x.message; }));
      li.append(b); return li;
    }));
  } catch (x) { status.textContent = x.message; }
});
</script></body></html>`;
}
