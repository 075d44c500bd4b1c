// The demo portal's host code: plain JavaScript, no framework, no bundler. Everything it
// shows comes from the Jiceng API (@jiceng/server) through the typed client, and everything
// the user does goes back as a command with the version last seen and a command id. The
// elements only render what they are given and say what the user did (data in, events out).
import { buildHierarchy, periodOf, periodLabel, CASE_TOPICS, CASE_STATUS_LABELS, putianConfig, putianCategories } from '/bundle/jiceng-portal.js';
import { dashboardDataFromSlice } from '/bundle/jiceng.js';
import { JicengClient, JicengApiError } from '/client/client.js';

const $ = (id) => document.getElementById(id);
const T = {
  zh: {
    title: '莆田市基层治理', loading: '正在连接服务器…', actor: '当前人员', area: '区域', figures: '治理数据', switch: '切换人员', skip: '跳到事件',
    skipFigures: '跳到治理数据', skipMap: '跳到地图', map: '地图', mapLabel: '莆田市地图', skips: '跳转', wall: '大屏', actAs: '办理人（演示）', actAsGo: '以此身份办理',
    actingAs: (name) => `现在以${name}身份办理`,
    urgency: { normal: '一般', urgent: '紧急', critical: '特急' },
    cases: '事件', newCase: '登记新事件', close: '关闭', ready: (n) => `已连接，范围内共 ${n.toLocaleString('zh-CN')} 件事件`,
    treeLabel: '莆田市治理层级', none: '该区域暂无事件', recorded: (id) => `已登记事件 ${id}`, lang: 'English',
    arrived: (id, s) => `事件 ${id} 有更新：${s}`, offline: '与服务器的连接中断，正在重连…', back: '已重新连接',
    notRegistered: '已上报，等待有权限的人员立案', refused: '未被接受',
    purpose: '案件办理',
    noScope: '您没有管辖区域：事件、区域和治理数据只对网格员和干部显示。群众点单、时间银行和积分在下方。',
    roles: { 'grid-worker': '网格员', 'grid-head': '网格长', 'village-officer': '村居干部', 'town-officer': '镇街干部', 'county-officer': '县区干部', 'city-officer': '市级干部', citizen: '群众' },
  },
  en: {
    title: 'Putian grassroots governance', loading: 'Connecting to the server…', actor: 'Signed in as', area: 'Area', figures: 'Figures', switch: 'Switch person', skip: 'Skip to cases',
    skipFigures: 'Skip to figures', skipMap: 'Skip to the map', map: 'Map', mapLabel: 'Map of Putian', skips: 'Skip links', wall: 'Wall screen', actAs: 'Acting person (demo)', actAsGo: 'Act as this person',
    actingAs: (name) => `Now acting as ${name}`,
    urgency: { normal: 'Normal', urgent: 'Urgent', critical: 'Critical' },
    cases: 'Cases', newCase: 'Record a case', close: 'Close', ready: (n) => `Connected: ${n.toLocaleString('en')} cases in scope`,
    treeLabel: 'Putian governance hierarchy', none: 'No cases in this area', recorded: (id) => `Case ${id} recorded`, lang: '中文',
    arrived: (id, s) => `Case ${id} changed: ${s}`, offline: 'Lost the server; reconnecting…', back: 'Reconnected',
    notRegistered: 'Reported; waiting for someone who may register it', refused: 'Not accepted',
    purpose: 'Case handling',
    noScope: 'You govern no area: cases, places and figures are for grid workers and officers. Orders, the time bank and points are below.',
    roles: { 'grid-worker': 'Grid worker', 'grid-head': 'Grid head', 'village-officer': 'Village officer', 'town-officer': 'Town officer', 'county-officer': 'County officer', 'city-officer': 'City officer', citizen: 'Citizen' },
  },
};
let lang = localStorage.getItem('jiceng.lang') === 'en' ? 'en' : 'zh';
const t = () => T[lang];
/** A status in the core's one vocabulary (the case file's too). */
const statusName = (s) => CASE_STATUS_LABELS[s]?.[lang] ?? s;
const state = { node: '', periodKind: 'year', topic: null, indicator: 'banjieRate', caseId: null, total: 0 };

// ---------------------------------------------------------------- sign-in
const token = localStorage.getItem('jiceng.token');
const signIn = () => { localStorage.removeItem('jiceng.token'); location.replace('/dev/signin?next=' + encodeURIComponent(location.pathname)); };
const never = () => new Promise(() => {}); // the page is leaving for the sign-in
if (!token) { signIn(); await never(); }
const api = new JicengClient({ token });
let me;
try {
  me = await api.me();
} catch (e) {
  if (!(e instanceof JicengApiError && e.status === 401)) throw e;
  signIn();
  await never();
}
let actor = { id: me.id, roles: me.grants };
/** One clock: the server's (the demo's runs on from its history); the current period holds its now. */
const clockAt = Date.now(), serverNow = (await api.health()).now;
const now = () => serverNow + (Date.now() - clockAt);

// ---------------------------------------------------------------- the hierarchy, as far as the user has opened it
/** Nodes fetched from the hierarchy routes (parents before children), by code. */
const known = new Map();
let h;
const add = (nodes) => { for (const n of nodes) if (!known.has(n.code)) known.set(n.code, n); };
function rebuild() {
  const r = buildHierarchy(putianConfig, [...known.values()].map((n) => ({
    code: n.code, parent: n.parent, level: n.level, name: n.name.zh, nameEn: n.name.en, ...(/[A-Za-z]/.test(n.code) ? { zone: true } : {}),
  })));
  if (!r.ok) throw new Error(r.errors.map((e) => e.en).join('; '));
  h = r.value;
  // the pickers inside the forms see every place fetched so far
  for (const id of ['tree', 'intake', 'actions']) { const el = $(id); if (el && el.hierarchy) el.hierarchy = h; }
  return h;
}
async function reveal(code) {
  if (!known.has(code)) add(await api.path(code));
  return rebuild();
}
let scopeRoots = me.scope.map((n) => n.code);
if (scopeRoots.length === 0) {
  // A resident or party member governs no area: there is no tree, case list or figures to show
  // them (the server would refuse every one), only the sections for everyone (the service board).
  for (const sel of ['.layout > .cases', '.layout > .tree', '.layout > .middle', '.layout > .map']) document.querySelector(sel)?.setAttribute('hidden', '');
  $('status').textContent = t().noScope;
  document.body.dataset.ready = '';
  await never();
}
for (const code of scopeRoots) add(await api.path(code));
for (const code of scopeRoots) add(await api.children(code));
rebuild();
state.node = scopeRoots[0] ?? '';
const nodeName = (code) => { const n = known.get(code); return n ? n.name[lang] : code; };
const categories = putianCategories({ config: putianConfig });

// ---------------------------------------------------------------- the elements
const tree = $('tree');
const dashboard = $('dashboard');
const intake = $('intake');
const actionsEl = $('actions');
const file = $('case-file');
tree.hierarchy = h;
tree.loader = async (code) => { add(await api.children(code)); return rebuild(); };
tree.selected = [state.node];
tree.expandTo(state.node);
intake.categories = categories;
intake.hierarchy = h;
actionsEl.hierarchy = h;
actionsEl.categories = categories;
actionsEl.actor = actor;

/** A message with every place code it names replaced by the place's name (and level), in `l`. */
function places(text, l) {
  return String(text ?? '').replace(/\b\d{6}[0-9A-Z]{6}\d{0,6}\b/g, (code) => {
    const n = known.get(code);
    if (!n) return code;
    const lv = h.config.levels[h.levelOf[h.indexOf(code)]]?.name;
    return `${n.name[l]}${lv ? (l === 'zh' ? `（${lv.zh ?? lv}）` : ` (${lv.en ?? lv})`) : ''}`;
  });
}
/** The API's refusal as the core's issues, so the elements show its zh/en message in place. */
function issuesOf(e) {
  if (!(e instanceof JicengApiError)) return [{ code: 'E_NETWORK', zh: `请求失败：${e.message}`, en: `request failed: ${e.message}` }];
  const { code, zh, en, fields } = e.error;
  const rest = (fields ?? []).filter((f) => f.code !== code).map((f) => ({ code: f.code, zh: places(f.zh, 'zh'), en: places(f.en, 'en'), ...(f.field ? { column: f.field, field: f.field } : {}) }));
  return [{ code, zh: places(zh, 'zh'), en: places(en, 'en') }, ...rest];
}
/** Shows a refusal in `el`, or (without one) clears a refusal shown there before; other notes stay. */
const say = (el, e) => {
  if (e) { el.textContent = issuesOf(e).map((i) => (lang === 'zh' ? `${i.zh}（${i.code}）` : `${i.en} (${i.code})`)).join(lang === 'zh' ? '；' : '; '); el.dataset.error = 'true'; }
  else if (el.dataset.error) { el.textContent = ''; delete el.dataset.error; }
};

async function renderDashboard() {
  const period = state.periodKind === 'year' ? undefined : periodLabel(periodOf(now(), state.periodKind));
  try {
    const slice = await api.dashboard({ node: state.node, ...(period ? { period } : {}), ...(state.topic ? { topic: state.topic } : {}), rankBy: state.indicator });
    say($('dash-note'));
    dashboard.period = state.periodKind;
    dashboard.topic = state.topic;
    dashboard.indicator = state.indicator;
    dashboard.data = dashboardDataFromSlice(slice, { lang });
  } catch (e) { say($('dash-note'), e); }
}

const fmtDate = (ms) => new Date(ms).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai' });
async function renderCaseList() {
  const list = $('case-list');
  let page;
  try { page = await api.cases({ node: state.node, limit: 30 }); } catch (e) { say($('case-note'), e); return; }
  say($('case-note'));
  state.total = page.total;
  const current = page.items.some((c) => c.id === state.caseId) ? state.caseId : page.items[0]?.id;
  list.replaceChildren(...page.items.map((c) => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.case = c.id;
    b.setAttribute('aria-current', String(c.id === state.caseId));
    b.tabIndex = c.id === current ? 0 : -1; // one tab stop; arrow keys move within the list
    const title = document.createElement('span');
    title.textContent = `${c.id} · ${c.category?.name[lang] ?? ''}`;
    const m = document.createElement('div');
    m.className = 'meta';
    m.dataset.status = c.status;
    m.textContent = [statusName(c.status), c.urgency ? t().urgency[c.urgency] ?? c.urgency : '', c.node.name[lang], fmtDate(c.reportedAt)].filter(Boolean).join(' · ');
    if (c.urgency) m.dataset.urgency = c.urgency;
    b.append(title, m);
    li.append(b);
    return li;
  }));
  if (!page.items.length) {
    const li = document.createElement('li');
    li.textContent = t().none;
    list.append(li);
  }
}

/** The case file as the server prepared it for this person, and the actions open to them. */
async function showCase(id, { focus = false } = {}) {
  let f;
  try { f = await api.caseFile(id, t().purpose); } catch (e) { say($('case-note'), e); return; }
  state.caseId = id;
  if (!known.has(f.case.node.code)) await reveal(f.case.node.code); // the case's place, for the pickers
  $('case-detail').hidden = false;
  $('case-h').textContent = `${f.case.id} · ${statusName(f.case.status)}`;
  $('case-h').dataset.status = f.case.status;
  actionsEl.actions = f.actions;
  actionsEl.actionDefaults = { dispatch: likelyTarget(f.case) };
  await fillPeople(f.case.node.code);
  actionsEl.caseState = {
    id: f.case.id, version: f.case.version, status: f.case.status, node: f.case.node.code, category: f.case.category?.id ?? null,
    urgency: f.case.urgency, source: f.case.source, reportedAt: f.case.reportedAt, dueAt: f.case.dueAt, closedAt: f.case.closedAt, ...f.state,
  };
  file.dossier = localDossier(f.dossier);
  for (const b of $('case-list').querySelectorAll('button[data-case]')) {
    b.setAttribute('aria-current', String(b.dataset.case === id));
    b.tabIndex = b.dataset.case === id ? 0 : -1;
  }
  if (focus) $('case-h').focus();
}

/** The dossier with places and (in the demo) people named in the page's language. */
function localDossier(d) {
  const place = (code, fallback) => known.get(code)?.name[lang] ?? fallback;
  return {
    ...d,
    node: { ...d.node, name: place(d.node.code, d.node.name) },
    entries: d.entries.map((e) => ({ ...e, actor: peopleNames.get(e.actor)?.[lang] ?? e.actor, roleNodeName: place(e.roleNode, e.roleNodeName) })),
  };
}

/** The likely dispatch target: the case's own place or its ancestor at the level that handles its category. */
function likelyTarget(c) {
  const cat = c.category ? categories.get(c.category.id) : undefined;
  const i = h.indexOf(c.node.code);
  if (!cat?.handleLevel || i < 0) return {};
  const path = h.path(i);
  const at = path.find((p) => h.config.levels[h.levelOf[p]].id === cat.handleLevel);
  return at === undefined ? {} : { node: h.code(at) };
}

/** The demo's people who act at or above the case's place: another person takes over in place (development sign-in only). */
let peopleFor = '';
const peopleNames = new Map();
async function fillPeople(code) {
  if (peopleFor === code) return;
  let people;
  try { people = await api.devPeople(code); } catch { $('act-as').hidden = true; return; }
  peopleFor = code;
  for (const p of people) peopleNames.set(p.id, p.name);
  const sel = $('person');
  sel.replaceChildren(...people.map((p) => {
    const o = document.createElement('option');
    o.value = p.id;
    o.dataset.zh = p.name.zh;
    o.dataset.en = p.name.en;
    o.textContent = p.name[lang];
    o.selected = p.id === me.id;
    return o;
  }));
  $('act-as').hidden = people.length === 0;
}

let feed;
/** Takes over as another person of the demo city, without leaving the page. */
async function actAs(person) {
  const tk = await api.devToken(person);
  localStorage.setItem('jiceng.token', tk.token);
  me = await api.me();
  actor = { id: me.id, roles: me.grants };
  actionsEl.actor = actor;
  document.body.dataset.actor = me.id;
  scopeRoots = me.scope.map((n) => n.code);
  for (const code of scopeRoots) add(await api.path(code));
  rebuild();
  const i = h.indexOf(state.node);
  const inScope = i >= 0 && scopeRoots.some((r) => h.path(i).includes(h.indexOf(r)));
  if (!inScope) state.node = scopeRoots[0] ?? state.node;
  connect();
  applyLang();
  await selectNode(state.node);
  if (state.caseId) await showCase(state.caseId);
}

async function selectNode(code) {
  state.node = code;
  await Promise.all([renderDashboard(), renderCaseList(), renderMap(code)]);
}

// ---------------------------------------------------------------- the map (全市一张图)
// The outlines come from the API a node at a time (the node's area and its children's), as far
// as the user has gone; the map is given the hierarchy fetched so far and shows the node chosen
// in the tree, the figures or itself.
const map = $('map');
/** Area outlines (GeoJSON geometry, WGS-84) by code. */
const outlines = new Map();
/** Per node fetched: whether it has an area of its own and how many of its children do. */
const outlined = new Map();
const inScope = (code) => {
  const i = h.indexOf(code);
  return i >= 0 && scopeRoots.some((r) => h.path(i).includes(h.indexOf(r)));
};
async function outline(code) {
  if (outlined.has(code)) return outlined.get(code);
  const [g] = await Promise.all([api.geometry(code), known.get(code)?.childCount ? api.children(code).then(add) : undefined]);
  for (const f of g.features) outlines.set(f.properties.code, f.geometry);
  const o = { own: g.features.some((f) => f.properties.code === code), children: g.features.filter((f) => f.properties.code !== code).length };
  outlined.set(code, o);
  return o;
}
let mapSeq = 0;
async function renderMap(code) {
  const seq = ++mapSeq;
  try {
    if (!known.has(code)) await reveal(code);
    // a unit has no area: its grid stands for it; a grid (no smaller areas) is shown among its siblings
    let at = code;
    let o = await outline(at);
    const parentOf = (c) => known.get(c)?.parent;
    while (!o.own && parentOf(at) && inScope(parentOf(at))) o = await outline((at = parentOf(at)));
    if (o.children === 0 && parentOf(at) && inScope(parentOf(at))) await outline(parentOf(at));
    if (seq !== mapSeq) return; // a later choice is on its way
    map.hierarchy = rebuild();
    map.geometry = new Map(outlines);
    map.show(code);
    say($('map-note'));
  } catch (e) { say($('map-note'), e); }
}

// ---------------------------------------------------------------- events from the elements
tree.addEventListener('jc-select', (e) => { if (e.detail.code) void selectNode(e.detail.code); });
/** A place chosen in the figures or on the map: the tree opens to it and everything follows. */
async function chosen(e) {
  const code = e.detail.code;
  tree.hierarchy = await reveal(code);
  tree.expandTo(code);
  tree.selected = [code];
  await selectNode(code);
}
dashboard.addEventListener('jc-select', chosen);
map.addEventListener('jc-select', chosen);
dashboard.addEventListener('jc-period', (e) => { state.periodKind = e.detail.period; void renderDashboard(); });
dashboard.addEventListener('jc-topic', (e) => { state.topic = e.detail.topic; void renderDashboard(); });
dashboard.addEventListener('jc-indicator', (e) => { state.indicator = e.detail.indicator; void renderDashboard(); });
$('case-list').addEventListener('keydown', (e) => {
  const rows = [...$('case-list').querySelectorAll('button[data-case]')];
  const i = rows.indexOf(e.target.closest('button[data-case]'));
  if (i < 0) return;
  const j = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: rows.length - 1 }[e.key];
  if (j === undefined || !rows[j]) return;
  e.preventDefault();
  for (const r of rows) r.tabIndex = r === rows[j] ? 0 : -1;
  rows[j].focus();
});
$('case-list').addEventListener('click', (e) => {
  const b = e.target.closest('button[data-case]');
  if (b) void showCase(b.dataset.case, { focus: true });
});
actionsEl.addEventListener('jc-command', async (e) => {
  const id = state.caseId;
  try {
    await api.command(id, e.detail.command);
  } catch (x) {
    actionsEl.showResult({ ok: false, errors: issuesOf(x) });
    return;
  }
  actionsEl.showResult({ ok: true, value: [] });
  await Promise.all([showCase(id), renderCaseList()]);
  // focus goes to the result: the case's heading, which now names its new status
  $('case-h').focus();
});
actionsEl.addEventListener('keydown', (e) => {
  // Escape closes an open action panel: the element's own toggle button closes it
  if (e.key !== 'Escape' || e.defaultPrevented) return;
  const open = actionsEl.shadowRoot?.querySelector('button[data-action][aria-expanded="true"]');
  if (open) { e.preventDefault(); open.click(); open.focus(); }
});
$('new-case').addEventListener('click', () => {
  say($('intake-note'));
  // the form starts at the place already chosen in the tree
  if (!intake.raw.node && state.node) intake.raw = { ...intake.raw, node: state.node };
  $('new-case-dialog').showModal();
});
$('person-go').addEventListener('click', async () => {
  const sel = $('person');
  if (sel.value === me.id) return;
  try { await actAs(sel.value); } catch (e) { say($('case-note'), e); return; }
  $('status').textContent = t().actingAs(sel.selectedOptions[0]?.textContent ?? sel.value);
  // focus goes to the result: the case as the new person sees it, with their actions
  (state.caseId ? $('case-h') : $('cases-h')).focus();
});
$('close-dialog').addEventListener('click', () => $('new-case-dialog').close());
intake.addEventListener('jc-submit', async (e) => {
  const { discover, register } = e.detail;
  let id;
  try {
    id = (await api.discover(discover)).caseId;
  } catch (x) {
    intake.showResult?.({ ok: false, errors: issuesOf(x) });
    say($('intake-note'), x);
    return;
  }
  // the person who reported may also register it (an officer); otherwise it waits for one
  let f = await api.caseFile(id);
  let note = t().notRegistered;
  if (f.actions.includes('register')) {
    try {
      await api.command(id, { ...register, caseId: id, expectedVersion: f.case.version });
      note = '';
    } catch (x) { note = issuesOf(x).map((i) => i[lang]).join(lang === 'zh' ? '；' : '; '); }
  }
  intake.showResult?.({ ok: true, value: [] });
  $('new-case-dialog').close();
  $('status').textContent = `${t().recorded(id)}${note ? ` · ${note}` : ''}`;
  await Promise.all([renderCaseList(), renderDashboard(), showCase(id, { focus: true })]);
  say($('case-note'));
  $('case-note').textContent = $('status').textContent; // the confirmation where the user is, on a phone too
});

// ---------------------------------------------------------------- the live feed
// EventSource reconnects by itself and resumes with Last-Event-ID (the last position seen).
let refreshing;
function refreshSoon(item) {
  if (refreshing) return;
  refreshing = Promise.resolve().then(async () => {
    await renderCaseList();
    if (state.caseId && item.caseId === state.caseId) await showCase(state.caseId);
    refreshing = undefined;
  });
}
let lost = false;
function connect() {
  feed?.close();
  feed = new EventSource(api.feedUrl());
  feed.addEventListener('change', onChange);
  feed.addEventListener('ready', onReady);
  feed.addEventListener('reset', () => { void renderCaseList(); void renderDashboard(); });
  feed.addEventListener('error', () => { lost = true; document.body.dataset.live = 'false'; $('status').textContent = t().offline; });
}
function onChange(e) {
  const item = JSON.parse(e.data);
  $('status').textContent = t().arrived(item.caseId, statusName(item.status));
  refreshSoon(item);
}
function onReady() {
  if (lost) { lost = false; $('status').textContent = t().back; void renderCaseList(); }
  document.body.dataset.live = 'true';
}
connect();

// ---------------------------------------------------------------- language
function applyLang() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-t]')) {
    const v = t()[el.dataset.t];
    if (typeof v === 'string') el.textContent = v;
  }
  $('lang').textContent = t().lang;
  $('lang').lang = lang === 'zh' ? 'en' : 'zh-CN'; // the switch names the other language in that language
  $('lang').setAttribute('aria-pressed', String(lang === 'en'));
  $('who-name').textContent = me.grants.map((g) => `${t().roles[g.role] ?? g.role} · ${nodeName(g.node)}`).join('，') || me.id;
  $('who').hidden = false;
  tree.label = t().treeLabel;
  map.label = t().mapLabel;
  // every element of the page (the portal's and other modules') speaks the page's language
  for (const el of document.querySelectorAll('*')) if (el.localName.startsWith('jc-')) el.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-t-label]')) el.setAttribute('aria-label', t()[el.dataset.tLabel]);
  for (const o of $('person').options) o.textContent = o.dataset[lang] ?? o.textContent;
  dashboard.topics = Object.keys(CASE_TOPICS).filter((k) => k !== 'other').map((k) => ({ id: k, label: CASE_TOPICS[k][lang] }));
}
$('lang').addEventListener('click', async () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('jiceng.lang', lang);
  applyLang();
  await Promise.all([renderDashboard(), renderCaseList()]);
  if (state.caseId) await showCase(state.caseId);
  $('status').textContent = t().ready(state.total);
});
// ---------------------------------------------------------------- wall mode (大屏): the figures alone, full width, large type
function applyView() {
  const wall = view === 'wall';
  document.body.classList.toggle('wall', wall);
  dashboard.mode = wall ? 'wall' : 'standard';
  $('wall').setAttribute('aria-pressed', String(wall));
}
let view = new URLSearchParams(location.search).get('view') ?? localStorage.getItem('jiceng.view') ?? '';
$('wall').addEventListener('click', () => {
  view = view === 'wall' ? '' : 'wall';
  localStorage.setItem('jiceng.view', view);
  applyView();
});
applyView();
$('signout').addEventListener('click', () => { localStorage.removeItem('jiceng.actor'); signIn(); });

applyLang();
await selectNode(state.node);
$('status').textContent = t().ready(state.total);
document.body.dataset.ready = 'true';
document.body.dataset.actor = me.id;
