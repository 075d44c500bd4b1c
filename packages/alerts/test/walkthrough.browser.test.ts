// The command post walk-through, driven by the core (the portal part needs the server):
// three rubbish cases reported in one grid raise a cluster alert on the town's list; the town
// acknowledges it there, then dispatches a waiting case from its board.
import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { AlertEngine, AlertLog, alertRows, dispatchBoard, raiseCommand, visibleAlerts } from '@jiceng/core/alerts';
import { DEFAULT_ROLE_RULES, scopeOf } from '@jiceng/core/access';
import { type AnyCaseEvent } from '@jiceng/core/cases';
import '../src/define.js';
import type { JcAlerts, JcDispatchBoard, JcAlertCommandDetail } from '../src/index.js';
import { ACTORS, alertCtx, calendar, caseCtx, categories, clock, G1, hierarchy, newStore, T0, T1, U1, U2, V1 } from './shared/fixtures.js';

describe('walk-through: a cluster on the town\u2019s board', () => {
  it('raises, acknowledges and dispatches', async () => {
    const store = newStore();
    const engine = new AlertEngine({ hierarchy, categories, calendar }, alertCtx.rules);
    const log = new AlertLog();
    const feed = (events: readonly AnyCaseEvent[]) => {
      for (const e of events) for (const f of engine.apply(e)) {
        const r = log.execute(raiseCommand(f), ACTORS.monitor, alertCtx);
        if (!r.ok) throw new Error(r.errors[0].en);
      }
    };
    const exec = (cmd: Record<string, unknown>, who: keyof typeof ACTORS) => {
      const r = store.execute(cmd, ACTORS[who], caseCtx);
      if (!r.ok) throw new Error(`${String(cmd.type)}: ${r.errors[0].code}`);
      feed(r.value);
      return r.value[0].caseId;
    };
    const report = (unit: string) => {
      clock.now += 20 * 60_000;
      const id = exec({ type: 'discover', node: unit, source: 'patrol', description: '路边暴露垃圾' }, 'gw');
      exec({ type: 'register', caseId: id, expectedVersion: 1, category: 'city.rubbish', urgency: 'normal', description: '路边暴露垃圾' }, 'vo');
      return id;
    };
    clock.now = T0;
    const town = ACTORS.to;
    const townScope = scopeOf(town, hierarchy, DEFAULT_ROLE_RULES);
    const list = await fixture<JcAlerts>(html`<jc-alerts></jc-alerts>`);
    const board = await fixture<JcDispatchBoard>(html`<jc-dispatch-board></jc-dispatch-board>`);
    const refresh = async () => {
      list.now = clock.now;
      list.alerts = alertRows(visibleAlerts(log.all(), townScope, hierarchy), town, alertCtx, categories);
      Object.assign(board, dispatchBoard(store.all(), { hierarchy, categories }, hierarchy.indexOf(T1), clock.now), { now: clock.now });
      await list.updateComplete;
      await board.updateComplete;
    };
    await refresh();
    const first = report(U1);
    report(U2);
    await refresh();
    expect(log.size).to.equal(0);
    expect(list.shadowRoot!.querySelectorAll('li').length).to.equal(0);
    report(U1);
    await refresh();
    expect(log.size).to.equal(1);
    const item = list.shadowRoot!.querySelector('li')!;
    expect(item.textContent).to.contain('网格内同类事件聚集 · 第一网格').and.contain('3 件');
    expect(list.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('新预警 1 条');

    // The town acknowledges on its list.
    list.addEventListener('jc-command', (e) => {
      const r = log.execute((e as CustomEvent<JcAlertCommandDetail>).detail.command, town, alertCtx);
      if (!r.ok) throw new Error(r.errors[0].en);
    });
    setTimeout(() => item.querySelector('button')!.click());
    await oneEvent(list, 'jc-command');
    await refresh();
    expect(log.all()[0].status).to.equal('acknowledged');
    expect(list.shadowRoot!.querySelector('li')!.textContent).to.contain('已确认');

    // …and dispatches the first case from its board to the village.
    expect(board.rows.map((r) => r.waitingFor)).to.deep.equal(['dispatch', 'dispatch', 'dispatch']);
    board.addEventListener('jc-command', (e) => { exec((e as CustomEvent<JcAlertCommandDetail>).detail.command, 'to'); });
    const firstItem = board.shadowRoot!.querySelector<HTMLElement>(`li[data-key="${first}"]`)!;
    firstItem.querySelector<HTMLButtonElement>('[data-opens="dispatch"]')!.click();
    await board.updateComplete;
    const target = [...board.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((b) => b.textContent.startsWith('英龙社区'))!;
    setTimeout(() => target.click());
    await oneEvent(board, 'jc-command');
    await refresh();
    expect(store.get(first)!.status).to.equal('dispatched');
    expect(store.get(first)!.handler).to.equal(V1);
    expect(board.rows.find((r) => r.caseId === first)!.waitingFor).to.equal('accept');
    expect(board.loads.find((l) => l.node === V1)!.waiting).to.equal(1);
    void G1;
  });
});
