// The command post (指挥哨所) in the demo portal: the alerts of the signed-in person's area
// (<jc-alerts>) and the board of cases waiting to be registered, dispatched or accepted
// (<jc-dispatch-board>), both from the API and kept current by the live feed's `alert` and
// `change` events. Acknowledging goes back as an alert command; dispatching from the board is
// the ordinary case command — each with the version last seen and a command id. It fills the
// page's <section id="command-post"> and stays hidden for people without an area.
import { JicengClient, JicengApiError } from '/client/client.js';

const section = document.getElementById('command-post');
const token = localStorage.getItem('jiceng.token');
const T = {
  zh: { title: '预警与指挥调度', alerts: '预警', board: '待办调度', refused: '未被接受' },
  en: { title: 'Alerts and dispatch', alerts: 'Alerts', board: 'Waiting for dispatch', refused: 'Not accepted' },
};
const lang = () => (document.documentElement.lang === 'en' ? 'en' : 'zh');

async function start() {
  const api = new JicengClient({ token });
  const me = await api.me();
  const node = me.scope[0]?.code;
  if (!node) return;
  const el = (tag, props = {}) => Object.assign(document.createElement(tag), props);
  const heading = el('h2', { id: 'command-post-h', textContent: T[lang()].title });
  const note = el('p', { id: 'command-post-note', className: 'note' });
  note.setAttribute('role', 'alert');
  const list = el('jc-alerts', { id: 'command-alerts' });
  const board = el('jc-dispatch-board', { id: 'command-board' });
  list.setAttribute('label', T[lang()].alerts);
  board.setAttribute('label', T[lang()].board);
  section.setAttribute('aria-labelledby', heading.id);
  section.replaceChildren(heading, note, list, board);
  section.hidden = false;
  // Follow the page's language (<html lang>), which the portal may set after this runs.
  const speak = () => {
    heading.textContent = T[lang()].title;
    list.setAttribute('label', T[lang()].alerts);
    board.setAttribute('label', T[lang()].board);
    list.lang = board.lang = lang() === 'en' ? 'en' : 'zh-CN';
  };
  speak();
  new MutationObserver(speak).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });

  // One refresh at a time; changes arriving meanwhile ask for one more after it.
  let running = null;
  let again = false;
  const load = async () => {
    const [alerts, b] = await Promise.all([api.alerts({ node }), api.board(node)]);
    const now = Date.now();
    list.now = now;
    list.alerts = alerts.items;
    board.now = now;
    board.rows = b.rows.map((r) => ({ ...r, deadline: r.deadline ?? NaN }));
    board.loads = b.loads;
    section.dataset.alerts = String(alerts.items.length);
  };
  const refresh = () => {
    if (running) { again = true; return running; }
    running = (async () => {
      do { again = false; await load(); } while (again);
    })().finally(() => { running = null; });
    return running;
  };
  const run = async (send) => {
    note.textContent = '';
    try {
      await send();
    } catch (e) {
      if (!(e instanceof JicengApiError)) throw e;
      note.textContent = `${T[lang()].refused}（${e.error.code}）：${e.error[lang()]}`;
    }
    await refresh();
  };
  list.addEventListener('jc-command', (e) => {
    const cmd = e.detail.command;
    void run(() => api.alertCommand(cmd.alertId, cmd));
  });
  board.addEventListener('jc-command', (e) => {
    const cmd = e.detail.command;
    void run(() => api.command(cmd.caseId, cmd));
  });
  await refresh();
  // EventSource reconnects by itself and resumes with Last-Event-ID.
  const feed = new EventSource(api.feedUrl());
  feed.addEventListener('alert', () => { void refresh(); });
  feed.addEventListener('change', () => { void refresh(); });
  feed.addEventListener('ready', () => { section.dataset.live = 'true'; void refresh(); });
  feed.addEventListener('error', () => { section.dataset.live = 'false'; });
}

if (section && token) void start();
