// The portal's engagement section (群众点单、社区派单、党员接单): plain JavaScript over the
// Jiceng API, like app.js. A resident orders a service and confirms it; the village's staff
// dispatch it, choosing from suggested members; a party member reports (报到) to their village,
// accepts, completes, and sees the hours in their time bank and their place in the ranking.
// The elements render what they are given and say what the user did; the server decides.
import { JicengClient, JicengApiError } from '/client/client.js';

const root = document.getElementById('engagement');
const token = localStorage.getItem('jiceng.token');
const T = {
  zh: {
    title: '志愿服务', report: '报到到本村（社区）', skills: '我能提供的服务', reported: (v) => `已报到：${v}`, bank: '我的时间银行',
    ranking: '积分排行', rank: '名次', name: '姓名', points: '积分', hours: '服务时长', orders: '服务次数', you: '（我）', none: '暂无',
    changed: '志愿服务有更新',
  },
  en: {
    title: 'Volunteer services', report: 'Report to my village', skills: 'Services I can offer', reported: (v) => `Reported to ${v}`, bank: 'My time bank',
    ranking: 'Points ranking', rank: 'Rank', name: 'Name', points: 'Points', hours: 'Hours', orders: 'Services', you: ' (me)', none: 'None yet',
    changed: 'Volunteer services changed',
  },
};
const lang = () => (document.documentElement.lang === 'en' ? 'en' : 'zh');
const t = () => T[lang()];
const el = (tag, props = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k in e) e[k] = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
};

/** The API's refusal as the core's issues, for the elements to show in place. */
function issuesOf(e) {
  if (!(e instanceof JicengApiError)) return [{ code: 'E_NETWORK', zh: `请求失败：${e.message}`, en: `request failed: ${e.message}` }];
  const { code, zh, en, fields } = e.error;
  return [{ code, zh, en }, ...(fields ?? []).filter((f) => f.code !== code).map((f) => ({ code: f.code, zh: f.zh, en: f.en, column: f.field }))];
}

if (root && token) {
  const api = new JicengClient({ token });
  const me = await api.me().catch(() => undefined);
  if (me) await start(api, me);
}

async function start(api, me) {
  const actor = { id: me.id, roles: me.grants };
  const STAFF = new Set(['grid-worker', 'grid-head', 'village-officer', 'town-officer']);
  const staff = me.grants.some((g) => STAFF.has(g.role));
  const home = me.grants[0]?.node ?? '';
  const memberVillage = me.grants.find((g) => g.role === 'party-member')?.node;

  const style = el('style');
  style.textContent = `#engagement{padding:0 1rem 1.5rem;max-width:100%;box-sizing:border-box}
#engagement jc-service-board,#engagement jc-ledger,#engagement .eng-scroll{display:block;max-width:100%;overflow-x:auto}
#engagement .eng-grid{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,22rem),1fr))}
#engagement table{border-collapse:collapse}#engagement td,#engagement th{padding:.2rem .5rem;text-align:start}
#engagement tr[data-self="true"]{font-weight:bold}#engagement fieldset{border:1px solid #ccc}`;
  const heading = el('h2', { id: 'eng-h' }, t().title);
  const status = el('p', { className: 'note', role: 'status', id: 'eng-status' });
  const board = el('jc-service-board', { id: 'eng-board' });
  const reportBox = el('div', { id: 'eng-report' });
  const bankBox = el('section', { id: 'eng-bank', hidden: true, 'aria-labelledby': 'eng-bank-h' }, el('h3', { id: 'eng-bank-h' }, t().bank));
  const ledger = el('jc-ledger', { id: 'eng-ledger' });
  bankBox.append(ledger);
  const rankBox = el('section', { id: 'eng-rank', hidden: true, 'aria-labelledby': 'eng-rank-h' }, el('h3', { id: 'eng-rank-h' }, t().ranking));
  root.replaceChildren(style, heading, status, board, el('div', { className: 'eng-grid' }, reportBox, bankBox, rankBox));
  root.hidden = false;

  board.actor = actor;
  board.node = home;
  board.lang = lang();
  const CATEGORIES = board.categories; // the element's default service categories (the core's)
  const candidates = new Map();
  board.suggest = (o) => candidates.get(o.id) ?? [];

  let member = null;
  async function refresh() {
    const [orders, mine] = await Promise.all([api.engagementOrders({ limit: 50 }), api.engagementMe()]);
    member = mine.member;
    if (staff) {
      const waiting = orders.items.filter((o) => o.status === 'ordered').slice(0, 20);
      await Promise.all(waiting.map(async (o) => candidates.set(o.id, await api.engagementCandidates(o.id))));
      board.members = await api.engagementMembers(home, 500);
    } else if (member) board.members = [{ id: member.id, name: member.name, active: member.active }];
    board.orders = orders.items;
    renderReport();
    const time = mine.accounts.find((a) => a.ledger === 'time');
    bankBox.hidden = !time;
    if (time) {
      ledger.ownerName = member?.name || me.id;
      ledger.lang = lang();
      ledger.statement = await api.engagementStatement(time.account);
    }
    const rankAt = member ? member.node : staff ? home : '';
    rankBox.hidden = !rankAt;
    if (rankAt) renderRanking(await api.engagementMemberRanking(rankAt, 20));
  }

  function renderReport() {
    if (!memberVillage) { reportBox.hidden = true; return; }
    reportBox.hidden = false;
    if (member?.active) { reportBox.replaceChildren(el('p', { dataset: { reported: 'true' } }, t().reported(member.node))); return; }
    const skills = [...new Set(CATEGORIES.map((c) => c.skill))];
    const form = el('form', { id: 'eng-report-form' },
      el('fieldset', {}, el('legend', {}, t().skills),
        ...skills.map((s) => {
          const cat = CATEGORIES.find((c) => c.skill === s);
          return el('label', {}, el('input', { type: 'checkbox', name: 'skill', value: s }), ` ${cat.name[lang()]} `);
        })),
      el('button', { type: 'submit' }, t().report),
      el('p', { className: 'note', role: 'alert', id: 'eng-report-note' }));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const chosen = [...form.querySelectorAll('input[name="skill"]:checked')].map((i) => i.value);
      try {
        await api.engagementCommand({ type: 'reportMember', member: me.id, kind: 'party-member', node: memberVillage, skills: chosen, days: [0, 1, 2, 3, 4, 5, 6] });
        await refresh();
      } catch (x) {
        form.querySelector('#eng-report-note').textContent = issuesOf(x).map((i) => i[lang()]).join('；');
      }
    });
    reportBox.replaceChildren(form);
  }

  function renderRanking(rows) {
    const s = t();
    const body = rows.length
      ? rows.map((r) => el('tr', { dataset: { self: String(r.self), points: String(r.points) } },
        el('td', {}, String(r.rank)), el('td', {}, `${r.name}${r.self ? s.you : ''}`), el('td', {}, String(r.points)), el('td', {}, String(r.hours)), el('td', {}, String(r.orders))))
      : [el('tr', {}, el('td', { colSpan: 5 }, s.none))];
    const table = el('table', { id: 'eng-ranking' },
      el('thead', {}, el('tr', {}, ...[s.rank, s.name, s.points, s.hours, s.orders].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...body));
    rankBox.replaceChildren(el('h3', { id: 'eng-rank-h' }, s.ranking), el('div', { className: 'eng-scroll', tabIndex: 0 }, table));
  }

  board.addEventListener('jc-command', async (e) => {
    try {
      await api.engagementCommand(e.detail.command);
      board.showResult({ ok: true });
      await refresh();
    } catch (x) {
      board.showResult({ ok: false, errors: issuesOf(x) });
    }
  });

  // the live feed: refresh on every change this person may see; reconnect when the server comes back
  let pending;
  const soon = () => {
    pending ??= Promise.resolve().then(async () => {
      try { await refresh(); } finally { pending = undefined; }
      status.textContent = t().changed;
    });
  };
  let after;
  let wait = 500;
  const follow = async () => {
    for (;;) {
      try {
        await api.engagementFeed({
          ...(after !== undefined ? { after } : {}),
          onReady: (p) => { after = p; wait = 500; root.dataset.live = 'true'; },
          onChange: (it) => { after = it.position; soon(); },
        });
      } catch { /* the server went away: try again */ }
      root.dataset.live = 'false';
      await new Promise((ok) => setTimeout(ok, wait));
      wait = Math.min(wait * 2, 8000);
    }
  };
  // The page's language may change at any time — also while the first refresh is on its way
  // (the portal applies a remembered language once it has loaded): follow <html lang> from now on.
  const speak = () => {
    board.lang = lang(); ledger.lang = lang();
    heading.textContent = t().title;
    bankBox.querySelector('h3').textContent = t().bank;
    rankBox.querySelector('h3').textContent = t().ranking;
  };
  new MutationObserver(() => { speak(); void refresh(); })
    .observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  await refresh();
  speak();
  void follow();
  root.dataset.ready = 'true';
}
