/**
 * The benchmark page: <jc-grid-tree>, Shoelace's <sl-tree> and Vaadin's tree grid on the same
 * hierarchy, each measured with performance.now() from the first call to two
 * requestAnimationFrames after the last update. Driven by ../grid-tree.bench.ts.
 */
import type { HierarchyConfig, HierarchyIndex, NodeInput } from '../../packages/core/src/hierarchy/index.js';
import { buildHierarchy } from '../../packages/core/src/hierarchy/build.js';
import '../../packages/grid-tree/src/define.js';
import type { JcGridTree } from '../../packages/grid-tree/src/grid-tree/grid-tree.js';
import '@shoelace-style/shoelace/dist/components/tree/tree.js';
import '@shoelace-style/shoelace/dist/components/tree-item/tree-item.js';
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-tree-column.js';

const raf = () => new Promise<number>((r) => requestAnimationFrame(r));
const twoFrames = async () => {
  await raf();
  await raf();
};
const host = () => document.getElementById('host')!;
const clear = () => host().replaceChildren();

/** Elements in the subtree of `root`, shadow roots included. */
function domCount(root: Element | ShadowRoot): number {
  let n = 0;
  const walk = (node: Element | ShadowRoot) => {
    for (const c of Array.from(node.children)) {
      n++;
      walk(c);
      if (c.shadowRoot) walk(c.shadowRoot);
    }
  };
  if (root instanceof Element) {
    n++;
    if (root.shadowRoot) walk(root.shadowRoot);
  }
  walk(root);
  return n;
}

/** Forces style and layout of the element's rows; returns the time when they are laid out. */
function settle(el: JcGridTree): number {
  for (const r of el.shadowRoot!.querySelectorAll('.row')) void r.getBoundingClientRect().top;
  return performance.now();
}

let nodes: NodeInput[] = [];
let config: HierarchyConfig;
let full: HierarchyIndex;
const subsets = new Map<number, HierarchyIndex>();

function build(list: NodeInput[]): HierarchyIndex {
  const r = buildHierarchy(config, list);
  if (!r.ok) throw new Error(r.errors.slice(0, 3).map((e) => e.en).join('; '));
  return r.value;
}

function withChildren(h: HierarchyIndex, from = 0, to = h.size): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) if (h.ends[i] > i + 1) out.push(h.code(i));
  return out;
}

async function mountOurs(h: HierarchyIndex, expanded?: string[]): Promise<JcGridTree> {
  const el = document.createElement('jc-grid-tree');
  if (expanded) el.expanded = expanded;
  el.hierarchy = h;
  host().append(el);
  await el.updateComplete;
  return el;
}

/** A town with many nodes, its county, and its position. */
function bigTown(): { town: number; county: number } {
  let best = -1;
  for (let i = 0; i < full.size; i++) {
    if (full.level(i).id !== 'town') continue;
    if (best < 0 || full.ends[i] - i > full.ends[best] - best) best = i;
  }
  return { town: best, county: full.parents[best] };
}

const api = {
  init(data: { nodes: NodeInput[]; config: HierarchyConfig }) {
    nodes = data.nodes;
    config = data.config;
    const t0 = performance.now();
    full = build(nodes);
    const { town } = bigTown();
    return { size: full.size, buildMs: performance.now() - t0, town: full.code(town), townNodes: full.ends[town] - town };
  },

  prepareSubset(n: number) {
    if (!subsets.has(n)) subsets.set(n, build(nodes.slice(0, n)));
    return subsets.get(n)!.size;
  },

  /** Ours: first render of the full city (root expanded). */
  async oursFirstRender() {
    clear();
    await twoFrames();
    const t0 = performance.now();
    const el = await mountOurs(full);
    const workMs = settle(el) - t0;
    await twoFrames();
    const ms = performance.now() - t0;
    return { ms, workMs, dom: domCount(el), rows: el.shadowRoot!.querySelectorAll('.row').length };
  },

  /** Ours: the user expands the biggest town (one level) from its arrow. */
  async oursExpandTown() {
    clear();
    const { town, county } = bigTown();
    const el = await mountOurs(full, [full.code(0), full.code(county)]);
    await twoFrames();
    const toggle = el.shadowRoot!.querySelector(`.row[data-pos="${town}"] .toggle`) as HTMLElement;
    const t0 = performance.now();
    toggle.click();
    await el.updateComplete;
    const workMs = settle(el) - t0;
    await twoFrames();
    const ms = performance.now() - t0;
    return { ms, workMs, dom: domCount(el), rows: el.shadowRoot!.querySelectorAll('.row').length };
  },

  /**
   * Ours: the whole subtree of the biggest town expanded (every village, grid and unit
   * visible), then scrolled through, one viewport per frame. Per frame: the work from setting
   * scrollTop to the laid-out rows, and the rAF-to-rAF interval.
   */
  async oursTownSubtreeAndScroll(frames = 120) {
    clear();
    const { town, county } = bigTown();
    const el2 = await mountOurs(full, [full.code(0), full.code(county)]);
    await twoFrames();
    const t0 = performance.now();
    el2.expanded = [...el2.expanded, ...withChildren(full, town, full.ends[town])];
    await el2.updateComplete;
    const expandWorkMs = settle(el2) - t0;
    await twoFrames();
    const expandMs = performance.now() - t0;
    const sc = el2.shadowRoot!.querySelector('.scroller') as HTMLElement;
    const work: number[] = [];
    const intervals: number[] = [];
    let maxRows = 0;
    let last = await raf();
    const step = sc.clientHeight;
    for (let f = 0; f < frames; f++) {
      const ts = await raf();
      intervals.push(ts - last);
      last = ts;
      const w0 = performance.now();
      sc.scrollTop += step;
      sc.dispatchEvent(new Event('scroll')); // handle it in this frame, as a real scroll would
      await el2.updateComplete;
      void (el2.shadowRoot!.querySelector('.canvas') as HTMLElement).getBoundingClientRect();
      for (const r of el2.shadowRoot!.querySelectorAll('.row')) void r.getBoundingClientRect().top;
      work.push(performance.now() - w0);
      maxRows = Math.max(maxRows, el2.shadowRoot!.querySelectorAll('.row').length);
    }
    const visibleRows = (el2.shadowRoot!.querySelector('.canvas') as HTMLElement).offsetHeight / 28;
    return { expandMs, expandWorkMs, work, intervals, maxRows, visibleRows, dom: domCount(el2) };
  },

  /** Ours with n nodes, all expanded (n visible rows). */
  async oursVisible(n: number) {
    clear();
    const h = subsets.get(n)!;
    const codes = withChildren(h);
    await twoFrames();
    const t0 = performance.now();
    const el = await mountOurs(h, codes);
    const workMs = settle(el) - t0;
    await twoFrames();
    const ms = performance.now() - t0;
    return { ms, workMs, dom: domCount(el), visible: (el.shadowRoot!.querySelector('.canvas') as HTMLElement).offsetHeight / 28 };
  },

  /** Shoelace <sl-tree> with the same n nodes, all expanded. */
  async shoelaceVisible(n: number) {
    clear();
    const h = subsets.get(n)!;
    await twoFrames();
    const t0 = performance.now();
    const tree = document.createElement('sl-tree');
    const items: Element[] = new Array(h.size);
    for (let i = 0; i < h.size; i++) {
      const it = document.createElement('sl-tree-item');
      it.textContent = h.name(i);
      if (h.ends[i] > i + 1) it.setAttribute('expanded', '');
      items[i] = it;
      const p = h.parents[i];
      (p < 0 ? tree : items[p]).append(it);
    }
    host().append(tree);
    await (tree as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    await Promise.all(items.map((it) => (it as unknown as { updateComplete: Promise<unknown> }).updateComplete));
    await twoFrames();
    const ms = performance.now() - t0;
    return { ms, dom: domCount(tree) };
  },

  /** Vaadin grid in tree mode over the full city: root expanded, then a town expanded. */
  async vaadin() {
    clear();
    await twoFrames();
    type Item = { code: string; pos: number; name: string; children: boolean };
    const item = (i: number): Item => ({ code: full.code(i), pos: i, name: full.name(i), children: full.ends[i] > i + 1 });
    const t0 = performance.now();
    const grid = document.createElement('vaadin-grid') as HTMLElement & Record<string, unknown>;
    grid.style.height = '400px';
    const col = document.createElement('vaadin-grid-tree-column') as HTMLElement & Record<string, unknown>;
    col.setAttribute('path', 'name');
    grid.append(col);
    grid.itemIdPath = 'code';
    grid.itemHasChildrenPath = 'children';
    grid.dataProvider = (
      params: { page: number; pageSize: number; parentItem?: Item },
      cb: (items: Item[], size: number) => void,
    ) => {
      const kids = params.parentItem ? full.children(params.parentItem.pos) : [0];
      const start = params.page * params.pageSize;
      cb(kids.slice(start, start + params.pageSize).map(item), kids.length);
    };
    grid.expandedItems = [item(0)];
    host().append(grid);
    const shows = async (text: string) => {
      for (let k = 0; k < 600; k++) {
        const cells = Array.from(grid.querySelectorAll('vaadin-grid-cell-content'));
        if (!grid.loading && cells.some((c) => c.textContent?.includes(text))) return;
        await raf();
      }
      throw new Error(`vaadin-grid never showed ${text}`);
    };
    await shows(full.name(full.children(0)[0]));
    await twoFrames();
    const firstMs = performance.now() - t0;
    const { town, county } = bigTown();
    grid.expandedItems = [item(0), item(county)];
    await shows(full.name(town));
    await twoFrames();
    const t1 = performance.now();
    grid.expandedItems = [item(0), item(county), item(town)];
    await shows(full.name(full.children(town)[0]));
    await twoFrames();
    const expandMs = performance.now() - t1;
    return { firstMs, expandMs, dom: domCount(grid) };
  },
};

(window as unknown as { bench: typeof api }).bench = api;
document.title = 'ready';
