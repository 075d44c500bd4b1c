import { expect, fixture, html, oneEvent, nextFrame } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import 'axe-core';
import type AxeCore from 'axe-core';
import '../../src/define.js';
import '../../../grid-tree/src/define.js';
import type { JcGridTree, JcSelectDetail } from '../../../grid-tree/src/index.js';
import { mercator, type JcMap, type JcMapSelectDetail, type JcLayerDetail, type MapLayer } from '../../src/index.js';
import { centre, smallMap } from './fixtures.js';

/** axe-core is a UMD script: imported for its side effect, it sets `window.axe`. */
const axe = (window as unknown as { axe: typeof AxeCore }).axe;
const { hierarchy, geometry } = smallMap();

async function mount(attrs: { lang?: string; theme?: string } = {}, layers: MapLayer[] = []): Promise<JcMap> {
  const el = await fixture<JcMap>(html`<jc-map style="inline-size: 900px; --jc-map-height: 400px" lang=${attrs.lang ?? 'zh-CN'}
    theme=${attrs.theme ?? 'light'} .layers=${layers} .hierarchy=${hierarchy} .geometry=${geometry}></jc-map>`);
  await drawn(el);
  return el;
}
/** Waits for the update and the frame that draws it. */
async function drawn(el: JcMap): Promise<void> {
  await el.updateComplete;
  await nextFrame();
  await nextFrame();
}
const root = (el: JcMap) => el.shadowRoot!;
const stage = (el: JcMap) => root(el).querySelector<HTMLElement>('.stage')!;
const options = (el: JcMap) => [...root(el).querySelectorAll<HTMLElement>('[role="option"]')].map((o) => o.textContent.trim());
/** Where a WGS-84 point is on the stage, CSS pixels. */
function onStage(el: JcMap, [lon, lat]: [number, number]): [number, number] {
  const v = el.view, [cx, cy] = mercator(...v.center), [x, y] = mercator(lon, lat), s = stage(el);
  return [(x - cx) / v.resolution + s.clientWidth / 2, (cy - y) / v.resolution + s.clientHeight / 2];
}
/** The canvas pixel at a stage point as [r, g, b]. */
function pixel(el: JcMap, [x, y]: [number, number]): number[] {
  const c = root(el).querySelector('canvas')!;
  const k = c.width / stage(el).clientWidth;
  return [...c.getContext('2d')!.getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data.slice(0, 3)];
}
/** The page position of a stage point. */
function page(el: JcMap, p: [number, number]): [number, number] {
  const r = stage(el).getBoundingClientRect();
  return [Math.round(r.left + p[0]), Math.round(r.top + p[1])];
}
const rgb = (css: string) => css.match(/\d+/g)!.slice(0, 3).map(Number);

describe('jc-map rendering', () => {
  it('draws the city on land colour over the sea, lists its counties and says what is shown', async () => {
    const el = await mount();
    expect(el.node).to.equal('350300000000');
    expect(options(el)).to.deep.equal(['城厢区', '涵江区']);
    const land = rgb(getComputedStyle(el).getPropertyValue('--jc-map-land').trim().replace('#', '').match(/../g)!.map((h) => String(parseInt(h, 16))).join(','));
    // Inside the city, off any outline (a quarter into the first village's first grid).
    expect(pixel(el, onStage(el, [118.925, 25.33]))).to.deep.equal(land);
    expect(pixel(el, [3, 3])).to.not.deep.equal(land, 'outside the city is sea');
    const summary = root(el).querySelector('#summary')!.textContent;
    expect(summary).to.contain('莆田市').and.contain('2个县区');
    const s = stage(el);
    expect(s.getAttribute('role')).to.equal('application');
    expect(s.getAttribute('aria-label')).to.equal('全市一张图');
  });

  it('speaks English with lang="en"', async () => {
    const el = await mount({ lang: 'en' });
    expect(options(el)).to.deep.equal(['Chengxiang', 'Hanjiang']);
    expect(root(el).querySelector('#summary')!.textContent).to.contain('Showing Putian: 2 areas at County level');
  });

  it('shows nothing but a message without data', async () => {
    const el = await fixture<JcMap>(html`<jc-map></jc-map>`);
    expect(root(el).querySelector('.empty')!.textContent).to.equal('暂无地图数据');
  });
});

describe('jc-map drill-down', () => {
  it('a click selects the area under the pointer with the tree\'s event detail; a double click drills into it', async () => {
    const el = await mount();
    const at = page(el, onStage(el, centre('350303000000')));
    const ev = oneEvent<CustomEvent<JcMapSelectDetail>>(el, 'jc-select');
    await sendMouse({ type: 'click', position: at });
    const d = (await ev).detail;
    const pos = hierarchy.indexOf('350303000000');
    expect(d).to.deep.equal({ codes: ['350303000000'], code: '350303000000', positions: [pos] });
    expect(el.selected).to.equal('350303000000');
    await drawn(el);
    expect(root(el).querySelector('[aria-selected="true"]')!.textContent.trim()).to.equal('涵江区');
    const dbl = oneEvent<CustomEvent<JcMapSelectDetail>>(el, 'jc-select');
    stage(el).dispatchEvent(new MouseEvent('dblclick', { clientX: at[0], clientY: at[1], bubbles: true }));
    expect((await dbl).detail.code).to.equal('350303000000');
    await drawn(el);
    expect(el.node).to.equal('350303000000');
    expect(options(el)).to.deep.equal(['涵江1镇', '涵江2镇']);
    // The view fits the county: its centre is the stage's centre.
    const [x, y] = onStage(el, centre('350303000000'));
    expect(Math.abs(x - stage(el).clientWidth / 2)).to.be.below(1);
    expect(Math.abs(y - stage(el).clientHeight / 2)).to.be.below(1);
  });

  it('follows <jc-grid-tree> both ways, wired as the docs show', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="display:flex">
      <jc-grid-tree style="inline-size: 300px" .hierarchy=${hierarchy}></jc-grid-tree>
      <jc-map style="inline-size: 700px" .hierarchy=${hierarchy} .geometry=${geometry}></jc-map></div>`);
    const tree = box.querySelector<JcGridTree>('jc-grid-tree')!, map = box.querySelector<JcMap>('jc-map')!;
    tree.addEventListener('jc-select', (e) => map.show((e).detail.code));
    map.addEventListener('jc-select', (e) => { tree.selected = (e as CustomEvent<JcMapSelectDetail>).detail.codes; tree.expandTo((e as CustomEvent<JcMapSelectDetail>).detail.code); });
    await drawn(map);
    await tree.updateComplete;
    // Tree → map: choosing 城厢区 in the tree drills the map into it.
    const row = [...tree.shadowRoot!.querySelectorAll<HTMLElement>('[role="treeitem"]')].find((r) => r.textContent.includes('城厢区'))!;
    const fromTree = oneEvent<CustomEvent<JcSelectDetail>>(tree, 'jc-select');
    row.click();
    const treeDetail = (await fromTree).detail;
    await drawn(map);
    expect(map.node).to.equal('350302000000');
    expect(options(map)).to.deep.equal(['城厢1镇', '城厢2镇']);
    // A grid chosen in the tree is selected inside its village.
    map.show('350302001002001');
    await drawn(map);
    expect([map.node, map.selected]).to.deep.equal(['350302001002', '350302001002001']);
    map.show('350302000000');
    await drawn(map);
    // Map → tree: Enter in the list of areas drills into 城厢2镇 and the tree selects and reveals it.
    const list = root(map).querySelector<HTMLElement>('[role="listbox"]')!;
    list.focus();
    await sendKeys({ press: 'ArrowDown' });
    const fromMap = oneEvent<CustomEvent<JcMapSelectDetail>>(map, 'jc-select');
    await sendKeys({ press: 'Enter' });
    const mapDetail = (await fromMap).detail;
    expect(mapDetail.code).to.equal('350302002000');
    expect(Object.keys(mapDetail)).to.deep.equal(Object.keys(treeDetail), 'the same detail shape as the tree');
    await tree.updateComplete;
    await nextFrame();
    expect(tree.selected).to.deep.equal(['350302002000']);
    expect(tree.expanded).to.include('350302000000');
    expect(map.node).to.equal('350302002000');
  });
});

describe('jc-map layers', () => {
  const points: number[] = [];
  for (let k = 0; k < 400; k++) points.push(119.2 + (k % 20) * 0.0005, 25.5 + Math.floor(k / 20) * 0.0005);
  const layers: MapLayer[] = [
    { id: 'cases', kind: 'points', label: '案件', labelEn: 'Cases', points, color: '#0000ff' },
    { id: 'alerts', kind: 'markers', label: '预警', markers: [{ at: [119.0, 25.4], label: '超期', tone: 'bad' }], color: '#ff0000' },
    { id: 'rate', kind: 'choropleth', label: '办结率', values: new Map([['350302000000', 0.9], ['350303000000', 0.99]]), breaks: [0.95], color: '#00aa00', visible: false },
  ];

  it('draws each visible layer and switches layers on and off from the list, with jc-layer', async () => {
    const el = await mount({}, layers);
    const blue = pixel(el, onStage(el, [119.205, 25.505]));
    expect(blue[2]).to.be.above(blue[0] + 60, 'the density of the case points is drawn in the layer colour');
    const red = pixel(el, onStage(el, [119.0, 25.399]));
    expect(red[0]).to.be.above(red[2] + 100, 'the alert marker');
    const boxes = [...root(el).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((b) => b.checked)).to.deep.equal([true, true, false], 'a layer given visible: false starts off');
    const ev = oneEvent<CustomEvent<JcLayerDetail>>(el, 'jc-layer');
    boxes[0].click();
    expect((await ev).detail).to.deep.equal({ id: 'cases', visible: false });
    await drawn(el);
    const after = pixel(el, onStage(el, [119.205, 25.505]));
    expect(after[2] - after[0]).to.be.below(30, 'the points are gone');
    expect(el.hiddenLayers.sort()).to.deep.equal(['cases', 'rate']);
    // The choropleth: on, it fills 涵江区 (0.99, the upper class) darker than 城厢区, and shows its legend.
    boxes[2].click();
    await drawn(el);
    const hj = pixel(el, onStage(el, [119.25, 25.35])), cx = pixel(el, onStage(el, [118.95, 25.35]));
    expect(hj[1] - hj[0]).to.be.above(cx[1] - cx[0]);
    expect([...root(el).querySelectorAll('[part="legend"] li')].map((l) => l.textContent.trim())).to.deep.equal(['< 0.95', '≥ 0.95']);
  });

  it('clusters points with a count when asked', async () => {
    const el = await mount({}, [{ id: 'c', kind: 'points', style: 'cluster', label: '案件', points, color: '#0000ff' }]);
    const p = pixel(el, onStage(el, [119.2045, 25.5045]));
    expect(p[2]).to.be.above(p[0] + 60);
    expect(root(el).querySelector('.count')!.textContent).to.equal('400');
  });
});

describe('jc-map keyboard', () => {
  it('arrow keys pan, + and - zoom, 0 resets, Escape goes up with jc-select', async () => {
    const el = await mount();
    el.show('350303001000');
    await drawn(el);
    stage(el).focus();
    const v0 = el.view;
    await sendKeys({ press: 'ArrowRight' });
    expect(el.view.center[0]).to.be.above(v0.center[0]);
    await sendKeys({ press: 'ArrowUp' });
    expect(el.view.center[1]).to.be.above(v0.center[1]);
    await sendKeys({ press: '+' });
    expect(el.view.resolution).to.be.closeTo(v0.resolution / 1.5, 1e-6);
    await sendKeys({ press: '-' });
    await sendKeys({ press: '-' });
    expect(el.view.resolution).to.be.closeTo(v0.resolution * 1.5, 1e-6);
    await sendKeys({ press: '0' });
    expect(el.view).to.deep.equal(v0);
    const up = oneEvent<CustomEvent<JcMapSelectDetail>>(el, 'jc-select');
    await sendKeys({ press: 'Escape' });
    expect((await up).detail.code).to.equal('350303000000');
    await drawn(el);
    expect(el.node).to.equal('350303000000');
    expect(root(el).querySelector('[role="option"].active')!.textContent.trim()).to.equal('涵江1镇', 'the area we came from stays active');
  });

  it('Tab reaches the list of areas; arrows move, Space selects, Enter drills, Escape returns', async () => {
    const el = await mount();
    stage(el).focus();
    await sendKeys({ press: 'Tab' });
    const list = root(el).activeElement as HTMLElement;
    expect(list.getAttribute('role')).to.equal('listbox');
    expect(list.getAttribute('aria-activedescendant')).to.equal(root(el).querySelector('[role="option"]')!.id);
    await sendKeys({ press: 'ArrowDown' });
    const sel = oneEvent<CustomEvent<JcMapSelectDetail>>(el, 'jc-select');
    await sendKeys({ press: ' ' });
    expect((await sel).detail.code).to.equal('350303000000');
    expect(el.node).to.equal('350300000000', 'Space selects without drilling');
    await sendKeys({ press: 'Enter' });
    await drawn(el);
    expect(el.node).to.equal('350303000000');
    expect(options(el)).to.deep.equal(['涵江1镇', '涵江2镇']);
    await sendKeys({ press: 'Escape' });
    await drawn(el);
    expect(el.node).to.equal('350300000000');
  });
});

describe('jc-map accessibility', () => {
  for (const theme of ['light', 'dark', 'wall']) {
    it(`has no axe-core violations (${theme})`, async () => {
      const el = await mount({ theme }, [{ id: 'cases', kind: 'points', label: '案件', points: [119, 25.4] },
        { id: 'rate', kind: 'choropleth', label: '办结率', values: new Map(), breaks: [0.9] }]);
      const r = await axe.run(el, { resultTypes: ['violations'] });
      expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).to.deep.equal([]);
    });
  }
});

describe('jc-map base map', () => {
  /** A tile server in a data URL: every tile one colour, its z/x/y in a comment. */
  const tiles = (fill: string) => `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><!--')}{z}/{x}/{y}/{s}${encodeURIComponent(`--><rect width="256" height="256" fill="${fill}"/></svg>`)}`;
  const tilesDrawn = async (el: JcMap, at: [number, number], want: number[]) => {
    for (let k = 0; k < 100 && pixel(el, at).join() !== want.join(); k++) await new Promise((r) => setTimeout(r, 20));
  };

  it('draws the host\'s tiles under the areas (sea and land), with its credit as text; none without a base map', async () => {
    const el = await mount();
    const sea = pixel(el, [3, 3]);
    el.basemap = { url: tiles('#00ff00'), crs: 'CGCS2000', attribution: '© 天地图 <b>x</b>' };
    await drawn(el);
    await tilesDrawn(el, [3, 3], [0, 255, 0]);
    expect(pixel(el, [3, 3])).to.deep.equal([0, 255, 0], 'the tiles show at sea');
    expect(pixel(el, onStage(el, [118.925, 25.33]))).to.deep.equal([0, 255, 0], 'and through the land, under the outlines');
    const credit = root(el).querySelector('[part="attribution"]')!;
    expect(credit.textContent).to.equal('© 天地图 <b>x</b>', 'the credit is text, never HTML');
    el.basemap = undefined;
    await drawn(el);
    expect(pixel(el, [3, 3])).to.deep.equal(sea);
    expect(root(el).querySelector('[part="attribution"]')).to.equal(null);
  });

  it('shifts a GCJ-02 base map by its conversion at the view\'s centre, and refuses one without it', async () => {
    const el = await mount();
    const seen: [number, number][] = [];
    const shift = (p: [number, number]): [number, number] => { seen.push(p); return [p[0] + 0.005, p[1] - 0.003]; };
    el.basemap = { url: tiles('#0000ff'), crs: 'GCJ02', fromWgs84: shift };
    await drawn(el);
    await tilesDrawn(el, [3, 3], [0, 0, 255]);
    expect(seen.length).to.be.greaterThan(0);
    const [lon, lat] = seen.at(-1)!;
    expect(Math.abs(lon - el.view.center[0]) < 1e-9 && Math.abs(lat - el.view.center[1]) < 1e-9).to.equal(true, 'converted at the view\'s centre');
    expect(pixel(el, [3, 3])).to.deep.equal([0, 0, 255]);
    const before = el.basemap;
    for (const bad of [{ url: tiles('#fff'), crs: 'GCJ02' }, { url: 'https://tiles.example/{z}/{x}.png', crs: 'WGS84' }, { url: tiles('#fff'), crs: 'EPSG:3857' }]) {
      let code = '';
      try { el.basemap = bad as never; } catch (e) { code = (e as { issue?: { code: string; zh: string; en: string } }).issue?.code ?? ''; }
      expect(code).to.equal('E_ARGUMENT', JSON.stringify(bad));
      expect(el.basemap).to.equal(before, 'a refused base map changes nothing');
    }
  });
});
