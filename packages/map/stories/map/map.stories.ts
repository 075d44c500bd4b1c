/**
 * <jc-map>, one story per state. Data: the small test city (two counties … 16 grids) and,
 * for the full city, the generated Putian (seed 1: 10,439 grids) with generated case points.
 */
import { html } from 'lit';
import '../../src/define.js';
import type { MapLayer } from '../../src/index.js';
import { smallMap } from '../../test/map/fixtures.js';

export default {
  title: 'Components/jc-map',
  component: 'jc-map',
  parameters: { docs: { description: { component: 'The whole city on one map: areas of every level, topic layers, drill-down in step with the tree.' } } },
};

const small = smallMap();
const log = (e: Event) => console.log(e.type, (e as CustomEvent).detail);
const points: number[] = [];
let s = 3;
const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
for (let k = 0; k < 20000; k++) points.push(118.9 + 0.4 * rnd() ** 2, 25.3 + 0.3 * rnd());
const layers: MapLayer[] = [
  { id: 'open', kind: 'points', label: '未办结案件', labelEn: 'Open cases', points, color: '#cf222e' },
  { id: 'alerts', kind: 'markers', label: '预警', labelEn: 'Alerts', markers: [{ at: [119.05, 25.45], label: '超期', tone: 'bad' }, { at: [119.2, 25.4], label: '临期', tone: 'warn' }] },
  { id: 'rate', kind: 'choropleth', label: '办结率', labelEn: 'Close rate', values: new Map([['350302000000', 0.93], ['350303000000', 0.995]]), breaks: [0.95, 0.99], visible: false },
];
const map = (attrs: { theme?: string; lang?: string; node?: string; layers?: MapLayer[] } = {}) => html`<jc-map
  theme=${attrs.theme ?? 'light'} lang=${attrs.lang ?? 'zh-CN'} .hierarchy=${small.hierarchy} .geometry=${small.geometry}
  .layers=${attrs.layers ?? layers} .node=${attrs.node ?? ''} @jc-select=${log} @jc-layer=${log}></jc-map>`;

/** The whole city with a density layer, alert markers and a choropleth (off). */
export const Default = { render: () => map() };
/** Drilled into a county: its towns are listed and outlined. */
export const DrilledDown = { render: () => map({ node: '350303000000' }) };
/** A grid shown from the tree: selected inside its village; no smaller areas. */
export const GridSelected = { render: () => map({ node: '350302001001002' }) };
/** Points as clusters with their counts. */
export const Clusters = { render: () => map({ layers: [{ ...layers[0], style: 'cluster' } as MapLayer] }) };
/** A choropleth of the close rate with its legend. */
export const Choropleth = { render: () => map({ layers: [{ ...layers[2], visible: true }] }) };
/** Dark theme. */
export const Dark = { render: () => map({ theme: 'dark' }) };
/** Wall (大屏) theme: large type on deep blue. */
export const Wall = { render: () => map({ theme: 'wall' }) };
/** English. */
export const English = { render: () => map({ lang: 'en' }) };
/** No data yet. */
export const Empty = { render: () => html`<jc-map></jc-map>` };
