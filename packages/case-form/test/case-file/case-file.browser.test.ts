import { fixture, html, expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { Dossier } from '@jiceng/core/cases';
import type { JcCaseFile } from '../../src/index.js';
import { world, TO_HANDLING, XSS, type World } from '../fixtures.js';

let w: World;
let dossier: Dossier;

/** A neighbour dispute reported by a citizen, escalated to the town, reworked once, supervised, closed (verified by the county, outside the handling body; closed by a colleague, not the handler). */
before(async () => {
  w = await world();
  const id = w.run([
    ...TO_HANDLING,
    ['gw', { type: 'escalate', reason: '涉及多户，村级难以调处' }],
    ['to', { type: 'accept' }],
    ['to', { type: 'reportHandled', result: '已约谈当事人' }],
    ['co', { type: 'verify', passed: false, note: `杂物仍在 ${XSS}` }],
    ['sup', { type: 'supervise', note: '请三日内整改到位' }],
    ['to', { type: 'reportHandled', result: '杂物已清运' }],
    ['co', { type: 'verify', passed: true, note: '现场核查已清理' }],
    ['sup', { type: 'recordAccountability', person: '村干部甲', measure: '约谈', reason: '首次处置不到位' }],
    ['vo', { type: 'giveFeedback', channel: 'phone', note: '已电话告知报告人' }],
    ['vo', { type: 'followUp', satisfaction: 4, recurred: false }],
    ['to2', { type: 'close', note: '办结' }],
  ]);
  const d = w.store.dossier(id);
  if (!d.ok) throw new Error(JSON.stringify(d.errors));
  dossier = d.value;
});

const root = (el: JcCaseFile) => el.shadowRoot!;

async function mount(d: Dossier | undefined, lang = 'zh'): Promise<JcCaseFile> {
  const el = await fixture<JcCaseFile>(html`<jc-case-file lang=${lang}></jc-case-file>`);
  el.dossier = d;
  await el.updateComplete;
  return el;
}

describe('<jc-case-file>', () => {
  it('shows what was entered at intake: urgency, source, address, coordinates, reporter — as text', async () => {
    const intake = { source: 'patrol' as const, urgency: 'critical' as const, address: `沙堤村18号 ${XSS}`, lng: 119.0123, lat: 25.4321, reporter: '李四' };
    const el = await mount({ ...dossier, intake });
    const dd = (part: string) => root(el).querySelector(`[part="${part}"]`)?.textContent?.trim();
    expect(dd('urgency')).to.equal('特急');
    expect(dd('source')).to.equal('网格巡查');
    expect(dd('address')).to.equal(`沙堤村18号 ${XSS}`);
    expect(root(el).querySelector('img')).to.equal(null);
    expect(dd('coordinates')).to.equal('25.432100, 119.012300');
    expect(dd('reporter')).to.equal('李四');
    const masked = await mount({ ...dossier, intake: { source: 'citizen', urgency: 'urgent', address: '黄田村第三网格' } }, 'en');
    expect(root(masked).querySelector('[part="urgency"]')!.textContent.trim()).to.equal('Urgent');
    expect(root(masked).querySelector('[part="coordinates"]')).to.equal(null);
    expect(root(masked).querySelector('[part="reporter"]')).to.equal(null);
  });

  it('shows the seven steps as a progress line in words, not colour alone', async () => {
    const el = await mount(dossier);
    const steps = [...root(el).querySelectorAll('[part~="step"]')].map((s) => s.textContent.replace(/\s+/g, ''));
    expect(steps).to.deep.equal([
      '–单元巡查（不适用）', '✓源头发现（已完成）', '✓信息采集（已完成）', '✓任务分派（已完成）',
      '✓问题处置（已完成）', '✓核查反馈（已完成）', '✓跟踪问效（已完成）',
    ]);
    const open = await mount({ ...dossier, steps: dossier.steps.map((s, i) => ({ ...s, status: i < 4 ? 'done' : i === 4 ? 'current' : 'pending' })) });
    const current = root(open).querySelector('[aria-current="step"]')!;
    expect(current.textContent).to.contain('问题处置').and.to.contain('进行中');
    expect(root(open).querySelectorAll('[aria-current]').length).to.equal(1);
  });

  it('lists every event with actor, role, time, duration, deadlines, notes and marks — rework and escalation included', async () => {
    const el = await mount(dossier);
    const entries = [...root(el).querySelectorAll<HTMLElement>('[part~="entry"]')];
    expect(entries.length).to.equal(dossier.events.length).and.to.equal(15);
    expect(entries.map((e) => e.dataset.type)).to.deep.equal([
      'discovered', 'registered', 'dispatched', 'accepted', 'escalated', 'accepted', 'handled', 'verified',
      'supervised', 'handled', 'verified', 'accountabilityRecorded', 'feedbackGiven', 'followedUp', 'closed',
    ]);
    const text = (i: number) => entries[i].textContent.replace(/\s+/g, ' ');
    expect(text(0)).to.contain('发现上报').and.to.contain('gw1').and.to.contain('网格员').and.to.contain('2025-03-03 12:00');
    expect(text(2)).to.contain('派遣').and.to.contain('✗ 超期'); // dispatched three hours after registering, limit one working hour
    expect(text(4)).to.contain('上报上级').and.to.contain('涉及多户，村级难以调处').and.to.contain('新时限');
    const rework = entries.find((e) => e.dataset.type === 'verified')!;
    expect(rework.querySelector('[part="mark"]')!.textContent).to.equal('返工');
    expect(rework.querySelector('[part="note"]')!.textContent).to.equal(`杂物仍在 ${XSS}`);
    const sup = entries.find((e) => e.dataset.type === 'supervised')!;
    expect(sup.getAttribute('part')).to.equal('entry entry-marked');
    expect(sup.querySelector('[part="mark"]')!.textContent).to.equal('督办');
    expect(entries.find((e) => e.dataset.type === 'accountabilityRecorded')!.querySelector('[part="mark"]')!.textContent).to.equal('问责');
    expect(text(1)).to.contain('距上一步 3小时');
    const summary = [...root(el).querySelectorAll('[part="summary"] dt')].map((dt) => `${dt.textContent}=${dt.nextElementSibling!.textContent}`);
    expect(summary).to.include.members(['事件数=15', '超期次数=1', '返工次数=1', '上报次数=1', '督办次数=1', '问责次数=1', '满意度=4']);
    expect(root(el).querySelector('h2')!.textContent).to.equal(`案件档案 ${dossier.caseId}`);
  });

  it('speaks English with lang="en"', async () => {
    const el = await mount(dossier, 'en');
    const t = root(el).textContent.replace(/\s+/g, ' ');
    expect(t).to.contain('Seven-step progress').and.to.contain('Escalated').and.to.contain('Grid worker').and.to.contain('Supervision');
    expect(t).to.contain('missed');
  });

  it('renders what it is given: masked values stay masked, the raw events are never shown', async () => {
    // as a reader without personal rights gets it: actors and the intake's reporter masked
    const masked: Dossier = { ...dossier, intake: { ...dossier.intake!, reporter: '张**' }, entries: dossier.entries.map((e) => ({ ...e, actor: e.actor === 'gw1' ? '林**' : e.actor })) };
    const el = await mount(masked);
    const t = root(el).textContent;
    expect(t).to.contain('林**');
    expect(t).to.not.contain('gw1');
    expect(t).to.not.contain('张三丰'); // the reporter's name lives only in the raw discover event
  });

  it('renders notes with markup as text', async () => {
    const el = await mount(dossier);
    expect(root(el).querySelectorAll('img').length).to.equal(0);
    expect((window as unknown as Record<string, unknown>).__pwned).to.equal(undefined);
  });

  it('prints black on white without controls, one section per page', async () => {
    const el = await mount(dossier);
    const button = root(el).querySelector<HTMLElement>('[part="print-button"]')!;
    expect(getComputedStyle(button).display).to.not.equal('none');
    await emulateMedia({ media: 'print' });
    try {
      expect(matchMedia('print').matches).to.equal(true);
      expect(getComputedStyle(button).display).to.equal('none');
      const sections = root(el).querySelectorAll('section');
      expect(getComputedStyle(sections[1]).breakBefore).to.equal('page');
      expect(getComputedStyle(el).color).to.equal('rgb(0, 0, 0)');
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(255, 255, 255)');
      const missed = root(el).querySelector('.missed')!;
      expect(getComputedStyle(missed).color).to.equal('rgb(0, 0, 0)');
      expect(missed.textContent).to.contain('超期'); // the meaning survives without colour
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('says so when there is no dossier, and has no axe violations', async () => {
    const empty = await mount(undefined);
    expect(root(empty).textContent).to.contain('没有案件档案');
    await expect(await mount(dossier)).to.be.accessible();
  });
});
