import { fixture, html, expect } from '@open-wc/testing';
import type { JcCaseFile } from '../../src/index.js';
import { world, COUNTY, G1, U1, type World } from '../fixtures.js';

// The access layer decides what a reader sees; the element renders only that. A case whose
// texts quote the reporter's phone and ID number, read by a county officer (no personal
// rights) and shown on a wall screen, never puts the raw numbers into the DOM.
const PHONE = '13812345678';
const ID = '350302199001011234';

describe('<jc-case-file> with a file prepared by the access layer', () => {
  let w: World;
  let caseId: string;
  before(async () => {
    w = await world();
    caseId = w.run([
      ['gw', { type: 'discover', node: U1, source: 'citizen', description: `楼道堆物，报告人电话 ${PHONE}，身份证 ${ID}` }],
      ['vo', { type: 'register', category: 'dispute.neighbour', urgency: 'normal', description: `回电 ${PHONE} 核实` }],
    ]);
  });

  async function render(role: string, node: string, view: 'staff' | 'wall-screen' = 'staff') {
    const raw = w.store.dossier(caseId);
    if (!raw.ok) throw new Error('dossier');
    expect(JSON.stringify(raw.value)).to.include(PHONE); // the raw file does quote it
    const access = w.core.createAccess({ id: `${role}-x`, roles: [{ role, node }] }, w.hierarchy);
    const r = w.core.readDossier(access, raw.value, { view, purpose: '展示' });
    if (!r.ok) throw new Error(r.errors[0].code);
    const el = await fixture<JcCaseFile>(html`<jc-case-file .dossier=${r.value}></jc-case-file>`);
    await el.updateComplete;
    return (el.shadowRoot!.innerHTML + el.innerHTML);
  }

  it('a county officer sees the case with the numbers masked', async () => {
    const dom = await render('county-officer', COUNTY);
    expect(dom).to.include('138****5678');
    expect(dom).not.to.include(PHONE);
    expect(dom).not.to.include(ID);
  });

  it('a wall screen shows no raw number even to a role that may read them', async () => {
    const dom = await render('grid-worker', G1, 'wall-screen');
    expect(dom).not.to.include(PHONE);
    expect(dom).not.to.include(ID);
  });

  it('the grid worker who calls the reporter back sees the number', async () => {
    const dom = await render('grid-worker', G1);
    expect(dom).to.include(PHONE);
  });
});
