/**
 * <jc-service-board> and <jc-ledger>, one story per state, on a small community run by the real
 * core's engagement store (see ../test/fixtures.ts). Board actions are run on the story's store
 * and the core's answer is shown.
 */
import { html } from 'lit';
import type { Actor } from '@jiceng/core';
import '../src/define.js';
import type { JcEngagementCommandDetail, JcServiceBoard } from '../src/index.js';
import { world, U1, type World } from '../test/shared/fixtures.js';

export default {
  title: 'Components/jc-service-board and jc-ledger',
  component: 'jc-service-board',
  parameters: { docs: { description: { component: '群众点单、社区派单、党员接单 — the actions each role may take — and printable time-bank / points statements.' } } },
  loaders: [async () => ({ w: await world() })],
};

type Ctx = { loaded: { w: World } };
const board = (w: World, who: keyof World['actors'], lang = 'zh-CN') => {
  const actor: Actor = w.actors[who];
  const run = (e: Event) => {
    const el = e.currentTarget as JcServiceBoard;
    el.showResult(w.store.execute((e as CustomEvent<JcEngagementCommandDetail>).detail.command, actor));
    el.orders = w.orders();
  };
  return html`<jc-service-board lang=${lang} node=${U1} .orders=${w.orders()} .members=${w.members()} .actor=${actor} .suggest=${w.suggest}
    .now=${() => w.clock.now} @jc-command=${run}></jc-service-board>`;
};

/** A resident: orders a service, cancels, confirms and rates. */
export const Resident = { render: (_: unknown, { loaded }: Ctx) => board(loaded.w, 'r1') };
/** Community staff: dispatch with suggested members and the reasons. */
export const Staff = { render: (_: unknown, { loaded }: Ctx) => board(loaded.w, 'vo') };
/** The dispatch panel open. */
export const StaffDispatching = {
  render: (_: unknown, { loaded }: Ctx) => board(loaded.w, 'vo'),
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('jc-service-board')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="dispatchOrder"]')?.click();
  },
};
/** The member dispatched: accept or decline, then complete. */
export const Member = { render: (_: unknown, { loaded }: Ctx) => board(loaded.w, 'pm1') };
/** English, via `lang="en"`. */
export const English = { render: (_: unknown, { loaded }: Ctx) => board(loaded.w, 'vo', 'en') };
/** No orders yet. */
export const Empty = { render: () => html`<jc-service-board></jc-service-board>` };

/** A time-bank statement. */
export const TimeBank = { render: (_: unknown, { loaded }: Ctx) => html`<jc-ledger owner-name="林*红" .statement=${loaded.w.eng.accountStatement(loaded.w.store.state, 'time:pm1')}></jc-ledger>` };
/** A points statement with points pending settlement, in English. */
export const Points = { render: (_: unknown, { loaded }: Ctx) => html`<jc-ledger lang="en" .statement=${loaded.w.eng.accountStatement(loaded.w.store.state, 'points:pm1')}></jc-ledger>` };
/** No statement. */
export const NoStatement = { render: () => html`<jc-ledger></jc-ledger>` };
