// A small world for the element tests: the core's engagement store on the case tests' tree,
// members reported, and orders in every state.
import type { Actor } from '@jiceng/core';

export const XSS = '<img src=x onerror=window.__pwned=1>';
export const V1 = '350302101001';
export const G1 = '350302101001001';
export const U1 = '350302101001001001';
export const T0 = Date.parse('2025-03-03T09:00:00+08:00');
const H = 3_600_000;

export async function world() {
  const core = { ...await import('@jiceng/core'), ...await import('@jiceng/core/errors'), ...await import('@jiceng/core/calendar') };
  const eng = await import('@jiceng/core/engagement');
  const lvl = (id: string, length: number, significant: number) => ({ id, name: { zh: id, en: id }, duties: [], code: { length, significant } });
  const config = { id: 't', levels: [lvl('city', 12, 4), lvl('county', 12, 6), lvl('town', 12, 9), lvl('village', 12, 12), lvl('grid', 15, 15), lvl('unit', 18, 18)] };
  const h = core.buildHierarchy(config, [
    { code: '350300000000', parent: null, level: 'city', name: '市' },
    { code: '350302000000', parent: '350300000000', level: 'county', name: '区' },
    { code: '350302101000', parent: '350302000000', level: 'town', name: '镇' },
    { code: V1, parent: '350302101000', level: 'village', name: '村' },
    { code: G1, parent: V1, level: 'grid', name: '网格' },
    { code: U1, parent: G1, level: 'unit', name: '单元' },
  ]);
  if (!h.ok) throw new Error('tree');
  const cal = core.createCalendar(core.CHINA_CALENDAR_2025_2026);
  if (!cal.ok) throw new Error('calendar');
  const clock = { now: T0 };
  const store = new eng.EngagementStore({ hierarchy: h.value, calendar: cal.value, clock: () => clock.now });
  const a = (id: string, role: string, node: string): Actor => ({ id, roles: [{ role, node }] });
  const actors = { vo: a('vo', 'village-officer', V1), r1: a('r1', 'citizen', U1), pm1: a('pm1', 'party-member', V1), pm2: a('pm2', 'party-member', V1) };
  let k = 0;
  const run = (cmd: Record<string, unknown>, who: Actor) => {
    const r = store.execute({ commandId: `w${++k}`, ...cmd }, who);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
  };
  run({ type: 'reportMember', member: 'pm1', name: '林小红', kind: 'party-member', node: V1, home: G1, skills: ['repair'], days: [1, 2, 3, 4, 5] }, actors.pm1);
  run({ type: 'reportMember', member: 'pm2', name: XSS, kind: 'party-member', node: V1, skills: ['care'], days: [0, 6] }, actors.pm2);
  const place = (order: string, description = '水管漏水') => run({ type: 'placeOrder', order, node: U1, category: 'repair', from: T0 + 24 * H, to: T0 + 26 * H, description }, actors.r1);
  place('o-ordered', XSS);
  place('o-dispatched'); run({ type: 'dispatchOrder', order: 'o-dispatched', member: 'pm1' }, actors.vo);
  place('o-accepted'); run({ type: 'dispatchOrder', order: 'o-accepted', member: 'pm1' }, actors.vo); run({ type: 'acceptOrder', order: 'o-accepted' }, actors.pm1);
  place('o-completed'); run({ type: 'dispatchOrder', order: 'o-completed', member: 'pm1' }, actors.vo); run({ type: 'acceptOrder', order: 'o-completed' }, actors.pm1);
  run({ type: 'completeOrder', order: 'o-completed', hours: 1.5 }, actors.pm1);
  place('o-confirmed'); run({ type: 'dispatchOrder', order: 'o-confirmed', member: 'pm1' }, actors.vo); run({ type: 'acceptOrder', order: 'o-confirmed' }, actors.pm1);
  run({ type: 'completeOrder', order: 'o-confirmed', hours: 1 }, actors.pm1); run({ type: 'confirmOrder', order: 'o-confirmed', rating: 5 }, actors.r1);
  run({ type: 'redeemHours', account: 'time:pm1', hours: 0.5, memo: XSS }, actors.pm1);
  const orders = () => [...store.state.orders.values()].map((o) => ({ ...o, declinedBy: [...o.declinedBy] }));
  const members = () => [...store.state.members.values()];
  const suggest = (o: import('@jiceng/core/engagement').OrderState) => eng.suggestCandidates(store.state, o, h.value);
  return { core, eng, store, actors, orders, members, suggest, clock, hierarchy: h.value };
}
export type World = Awaited<ReturnType<typeof world>>;
