// The demo portal's host code: plain JavaScript, no framework, no bundler. It owns the
// data (the city, the case facts, the metrics, the live cases) and the elements only
// render what they are given and say what the user did (data flows one way).
import {
  buildHierarchy, buildOverlay, createMetrics, dashboardSlice, periodOf, CaseStore, decide, buildDossier,
  readFactRow, writeFactRow, CASE_STATUSES, CASE_TOPICS, formatIssue, createAccess, readDossier,
} from '/bundle/jiceng-core.js';
import { generatePutian, putianCoverage, PutianScenario } from '/bundle/jiceng-putian.js';
import { dashboardDataFromSlice } from '/bundle/jiceng.js';
import { decodeFacts } from './facts-codec.js';

const $ = (id) => document.getElementById(id);
const T = {
  zh: {
    title: '莆田市基层治理', loading: '正在生成莆田市数据…', actor: '身份', area: '区域', figures: '治理数据',
    cases: '事件', newCase: '登记新事件', close: '关闭', ready: (n, c) => `已载入 ${n.toLocaleString('zh-CN')} 个节点、${c.toLocaleString('zh-CN')} 件事件`,
    treeLabel: '莆田市治理层级', none: '该区域暂无事件', recorded: (id) => `已登记事件 ${id}`, lang: 'English',
    status: { discovered: '已发现', registered: '已立案', dispatched: '已派遣', handling: '处置中', handled: '已处置', verified: '已核查', followup: '回访中', closed: '已办结', suspended: '已挂账', rejected: '不予立案', duplicate: '重复', void: '作废' },
    roles: { 'grid-worker': '网格员', 'grid-head': '网格长', 'village-officer': '村居干部', 'town-officer': '镇街干部', 'county-officer': '县区干部', 'city-officer': '市级干部', citizen: '群众' },
  },
  en: {
    title: 'Putian grassroots governance', loading: 'Generating the Putian data…', actor: 'Acting as', area: 'Area', figures: 'Figures',
    cases: 'Cases', newCase: 'Record a case', close: 'Close', ready: (n, c) => `${n.toLocaleString('en')} nodes and ${c.toLocaleString('en')} cases loaded`,
    treeLabel: 'Putian governance hierarchy', none: 'No cases in this area', recorded: (id) => `Case ${id} recorded`, lang: '中文',
    status: { discovered: 'Discovered', registered: 'Registered', dispatched: 'Dispatched', handling: 'Handling', handled: 'Handled', verified: 'Verified', followup: 'Follow-up', closed: 'Closed', suspended: 'Suspended', rejected: 'Rejected', duplicate: 'Duplicate', void: 'Void' },
    roles: { 'grid-worker': 'Grid worker', 'grid-head': 'Grid head', 'village-officer': 'Village officer', 'town-officer': 'Town officer', 'county-officer': 'County officer', 'city-officer': 'City officer', citizen: 'Citizen' },
  },
};
let lang = 'zh';
const t = () => T[lang];
const state = { node: 0, periodKind: 'year', topic: null, indicator: 'banjieRate', caseRow: -1, caseId: null, actorIndex: 0 };

// ---------------------------------------------------------------- data
const started = performance.now();
const city = generatePutian({ seed: 1 });
const built = buildHierarchy(city.config, city.nodes);
if (!built.ok) throw new Error('the Putian hierarchy did not build');
const h = built.value;
const overlay = buildOverlay(h, city.overlay);
const sim = new PutianScenario(h, { seed: 1 });
const ctx = sim.ctx;
const { meta, facts: loaded } = decodeFacts(await (await fetch('data/putian-facts-seed1.bin')).arrayBuffer());
const facts = withRoom(loaded, 1000);
const asOf = meta.asOf;
ctx.now = asOf;
const cats = ctx.categories.list;
const topicIds = Object.keys(CASE_TOPICS);
const metricsOptions = {
  hierarchy: h, facts, now: asOf, closeRateBase: 'collected',
  categoryTopics: cats.map((c) => Math.max(0, topicIds.indexOf(c.topic))),
  categoryNames: cats.map((c) => c.name), topicNames: topicIds.map((k) => CASE_TOPICS[k]),
  ...(overlay.ok ? { coverage: { source: overlay.value, defs: putianCoverage() } } : {}),
};
const metrics = unwrap(createMetrics(metricsOptions));
/** The figures of one topic (疫情防控, 安全生产…): computed on first use, kept current after. */
const byTopic = new Map();
function metricsFor(topic) {
  if (!topic) return metrics;
  if (!byTopic.has(topic)) byTopic.set(topic, unwrap(createMetrics({ ...metricsOptions, filter: { topics: [topicIds.indexOf(topic)] } })));
  return byTopic.get(topic);
}
/** Cases recorded in the page: their own store; their facts rows are copied into `facts`. */
const live = new CaseStore({ hierarchy: h, categories: ctx.categories }, { keepLog: true });
const liveRows = new Map();

function unwrap(r) {
  if (!r.ok) throw new Error(r.errors.map((e) => formatIssue(e, 'en')).join('; '));
  return r.value;
}
function withRoom(f, extra) {
  const out = { ...f, caseIds: [] };
  for (const [k, v] of Object.entries(f)) {
    if (!ArrayBuffer.isView(v)) continue;
    const c = new v.constructor(f.length + extra);
    c.set(v);
    out[k] = c;
  }
  return out;
}
const caseIdOf = (row) => (row < meta.cases ? sim.caseId(row) : facts.caseIds[row]);

// ---------------------------------------------------------------- the elements
const tree = $('tree');
const dashboard = $('dashboard');
const intake = $('intake');
const actions = $('actions');
const file = $('case-file');
tree.hierarchy = h;
tree.badges = { values: metrics.column('open'), thresholds: { warn: 20, bad: 100 } };
tree.selected = [h.code(0)];
tree.expandTo(h.code(0));
dashboard.topics = topicIds.filter((k) => k !== 'other').map((k) => ({ id: k, label: CASE_TOPICS[k][lang] }));
intake.categories = ctx.categories;
intake.hierarchy = h;
actions.context = ctx;

function period() {
  return periodOf(asOf - 1, state.periodKind);
}
function renderDashboard() {
  const slice = dashboardSlice(metricsFor(state.topic), state.node, period(), { trendRate: 'banjieRate', rankBy: state.indicator });
  dashboard.period = state.periodKind;
  dashboard.topic = state.topic;
  dashboard.indicator = state.indicator;
  dashboard.data = dashboardDataFromSlice(slice, { lang });
}

function renderCaseList() {
  const list = $('case-list');
  const from = state.node, to = h.ends[state.node];
  const rows = [];
  for (let r = facts.length - 1; r >= 0 && rows.length < 30; r--) {
    const n = facts.node[r];
    if (n >= from && n < to) rows.push(r);
  }
  list.replaceChildren(...rows.map((r) => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.row = String(r);
    b.setAttribute('aria-current', String(r === state.caseRow));
    const title = document.createElement('span');
    title.textContent = `${caseIdOf(r)} · ${cats[facts.category[r]]?.name[lang] ?? ''}`;
    const m = document.createElement('div');
    m.className = 'meta';
    m.textContent = `${t().status[CASE_STATUSES[facts.status[r]]]} · ${h.name(facts.node[r])} · ${new Date(facts.reportedAt[r]).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai' })}`;
    b.append(title, m);
    li.append(b);
    return li;
  }));
  if (!rows.length) {
    const li = document.createElement('li');
    li.textContent = t().none;
    list.append(li);
  }
}

/** The people who may act on a case at its unit: from the grid worker up to the county. */
function actorsFor(unitCode) {
  const u = h.indexOf(unitCode);
  const grid = h.parents[u], village = h.parents[grid], town = h.parents[village], county = h.parents[town];
  const a = (id, role, pos, n = '') => ({ id, roles: [{ role, node: h.code(pos) }], name: `${t().roles[role]}${n} · ${h.name(pos)}` });
  return [
    a(`gw-${h.code(grid)}`, 'grid-worker', grid), a(`gh-${h.code(grid)}`, 'grid-head', grid),
    a(`vi1-${h.code(village)}`, 'village-officer', village, ' 1'), a(`vi2-${h.code(village)}`, 'village-officer', village, ' 2'),
    a(`to1-${h.code(town)}`, 'town-officer', town, ' 1'), a(`to2-${h.code(town)}`, 'town-officer', town, ' 2'),
    a(`co1-${h.code(county)}`, 'county-officer', county),
  ];
}
let actorList = [];
function renderActors(unitCode) {
  actorList = actorsFor(unitCode);
  const sel = $('actor');
  sel.replaceChildren(...actorList.map((a, i) => {
    const o = document.createElement('option');
    o.value = String(i);
    o.textContent = a.name;
    return o;
  }));
  state.actorIndex = Math.min(state.actorIndex, actorList.length - 1);
  $('who').hidden = false;
  sel.value = String(state.actorIndex);
  actions.actor = actorList[state.actorIndex];
}

/** Opens a case: its events (regenerated for the history, live for the page's own cases). */
function openCase(row) {
  state.caseRow = row;
  const id = caseIdOf(row);
  state.caseId = id;
  if (!live.get(id)) for (const e of sim.caseEvents(row)) live.apply(e);
  showCase();
  renderCaseList();
}
function showCase() {
  const s = live.get(state.caseId);
  $('case-detail').hidden = false;
  renderActors(s.node);
  actions.caseState = { ...s };
  // The file as the acting person may see it: the access layer masks, the element renders.
  const d = buildDossier(live.events(state.caseId), { hierarchy: h, categories: ctx.categories });
  const seen = d.ok ? readDossier(createAccess(actorList[state.actorIndex], h), d.value, { withoutPurpose: 'mask' }) : d;
  file.dossier = seen.ok ? seen.value : undefined;
}

/** Applies a command from an element: the core decides, the page applies and shows. */
function execute(command, actor) {
  ctx.now = Math.max(Date.now(), asOf);
  const r = decide(command, actor, (id) => live.get(id), ctx);
  if (!r.ok) return r;
  for (const e of r.value) {
    const before = liveRows.has(e.caseId) ? readFactRow(facts, liveRows.get(e.caseId)) : null;
    live.apply(e);
    syncFacts(e.caseId, before);
  }
  return r;
}
/** Copies a live case's fact row into the page's facts and updates the figures in O(depth). */
function syncFacts(caseId, before) {
  let row = liveRows.get(caseId);
  const isHistory = caseId.startsWith('PT-') && !caseId.startsWith('PT-N');
  if (isHistory) row = Number(caseId.slice(3)) - 1;
  else if (row === undefined) {
    row = facts.length++;
    facts.caseIds[row] = caseId;
    liveRows.set(caseId, row);
  }
  const old = before ?? (isHistory ? readFactRow(facts, row) : null);
  writeFactRow(facts, row, readFactRow(live.facts, live.rowOf(caseId)));
  metrics.update(row, old, facts);
  for (const m of byTopic.values()) m.update(row, old, facts);
}

// ---------------------------------------------------------------- events from the elements
tree.addEventListener('jc-select', (e) => {
  const pos = e.detail.positions?.[0] ?? h.indexOf(e.detail.code);
  if (pos < 0) return;
  state.node = pos;
  renderDashboard();
  renderCaseList();
});
dashboard.addEventListener('jc-select', (e) => {
  const pos = h.indexOf(e.detail.code);
  if (pos < 0) return;
  state.node = pos;
  tree.expandTo(e.detail.code);
  tree.selected = [e.detail.code];
  renderDashboard();
  renderCaseList();
});
dashboard.addEventListener('jc-period', (e) => { state.periodKind = e.detail.period; renderDashboard(); });
dashboard.addEventListener('jc-topic', (e) => { state.topic = e.detail.topic; renderDashboard(); });
dashboard.addEventListener('jc-indicator', (e) => { state.indicator = e.detail.indicator; renderDashboard(); });
$('case-list').addEventListener('click', (e) => {
  const b = e.target.closest('button[data-row]');
  if (b) openCase(Number(b.dataset.row));
});
$('actor').addEventListener('change', (e) => {
  state.actorIndex = Number(e.target.value);
  actions.actor = actorList[state.actorIndex];
  if (state.caseId) showCase();
});
actions.addEventListener('jc-command', (e) => {
  const r = execute(e.detail.command, actorList[state.actorIndex]);
  actions.showResult(r);
  if (r.ok) { showCase(); renderDashboard(); renderCaseList(); }
});
$('new-case').addEventListener('click', () => $('new-case-dialog').showModal());
$('close-dialog').addEventListener('click', () => $('new-case-dialog').close());
intake.addEventListener('jc-submit', (e) => {
  const { discover, register } = e.detail;
  const reporter = actorsFor(discover.node)[0];
  const d = execute(discover, reporter);
  if (!d.ok) { intake.showResult?.(d); return; }
  const id = d.value[0].caseId;
  const r = execute({ ...register, caseId: id, expectedVersion: 1 }, actorsFor(discover.node)[2]);
  intake.showResult?.(r.ok ? d : r);
  $('new-case-dialog').close();
  state.caseId = id;
  state.caseRow = liveRows.get(id);
  state.actorIndex = 2;
  $('status').textContent = t().recorded(id);
  showCase();
  renderDashboard();
  renderCaseList();
});

// ---------------------------------------------------------------- language
function applyLang() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-t]')) {
    const v = t()[el.dataset.t];
    if (typeof v === 'string') el.textContent = v;
  }
  $('lang').textContent = t().lang;
  $('lang').setAttribute('aria-pressed', String(lang === 'en'));
  tree.label = t().treeLabel;
  dashboard.topics = topicIds.filter((k) => k !== 'other').map((k) => ({ id: k, label: CASE_TOPICS[k][lang] }));
  renderDashboard();
  renderCaseList();
  if (state.caseId) showCase();
}
$('lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; applyLang(); $('status').textContent = t().ready(h.size, facts.length); });

applyLang();
$('status').textContent = t().ready(h.size, facts.length);
document.body.dataset.ready = String(Math.round(performance.now() - started));
