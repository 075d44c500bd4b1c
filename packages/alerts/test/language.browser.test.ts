import { fixture, html, expect, aTimeout } from '@open-wc/testing';
import '../src/define.js';
import type { JcAlerts, JcDispatchBoard } from '../src/index.js';
import { row, T0 } from './shared/fixtures.js';

/** Mutation records reach the language controller as a microtask; then the update runs. */
async function settled(...els: (JcAlerts | JcDispatchBoard)[]): Promise<void> {
  await aTimeout(0);
  await Promise.all(els.map((el) => el.updateComplete));
}

describe('alerts elements follow <html lang>', () => {
  afterEach(() => document.documentElement.setAttribute('lang', 'zh-CN'));

  it('render again in English when the page switches to English, and back', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <jc-alerts .now=${T0 + 3 * 3_600_000}></jc-alerts><jc-dispatch-board></jc-dispatch-board>
    </div>`);
    const list = wrap.querySelector('jc-alerts')!;
    const board = wrap.querySelector('jc-dispatch-board')!;
    list.alerts = [row()];
    await list.updateComplete;
    expect(list.shadowRoot!.querySelector('ul')!.getAttribute('aria-label')).to.equal('预警');
    expect(board.shadowRoot!.querySelector('.empty')!.textContent).to.equal('暂无待办案件');
    document.documentElement.setAttribute('lang', 'en');
    await settled(list, board);
    expect(list.shadowRoot!.querySelector('ul')!.getAttribute('aria-label')).to.equal('Alerts');
    expect(list.shadowRoot!.querySelector('li')!.textContent).to.contain('3 h ago');
    expect(board.shadowRoot!.querySelector('.empty')!.textContent).to.equal('No case waiting');
    document.documentElement.setAttribute('lang', 'zh-CN');
    await settled(list, board);
    expect(list.shadowRoot!.querySelector('ul')!.getAttribute('aria-label')).to.equal('预警');
  });
});
