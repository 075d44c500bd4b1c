/**
 * <jc-grid-tree>, one story per state. Data: a generated city of 152,272 nodes with the six
 * Putian levels, and a small hand-made one (the test fixtures).
 */
import { html } from 'lit';
import type { HierarchyIndex } from '@jiceng/core';
import '../../src/define.js';
import { build, cityTree, smallNodes, smallTree } from '../../test/grid-tree/fixtures.js';

export default {
  title: 'Components/jc-grid-tree',
  component: 'jc-grid-tree',
  parameters: { docs: { description: { component: 'The whole governance hierarchy in one virtual, accessible tree.' } } },
};

let city: HierarchyIndex | undefined;
const bigCity = () => (city ??= cityTree(14));
const small = smallTree();
const log = (e: Event) => console.log(e.type, (e as CustomEvent).detail);

/** The full city (152,272 nodes), root expanded. */
export const Default = {
  render: () => html`<jc-grid-tree .hierarchy=${bigCity()} @jc-select=${log} @jc-expand=${log} @jc-search=${log}></jc-grid-tree>`,
};

/** A search for 镇海: matches with their ancestors, the matched text highlighted. Try `lcq` (pinyin initials) or a code prefix. */
export const Searched = {
  render: () => html`<jc-grid-tree .hierarchy=${small} query="镇海" @jc-search=${log}></jc-grid-tree>`,
};

/** Several nodes selected; click or Space toggles. */
export const MultiSelect = {
  render: () =>
    html`<jc-grid-tree
      .hierarchy=${small}
      selection="multiple"
      .expanded=${['350300000000', '350304000000']}
      .selected=${['350304001000', '350302000000']}
      @jc-select=${log}
    ></jc-grid-tree>`,
};

/** Scope selection: a checked node stands for its whole subtree; ancestors show "mixed". */
export const Scope = {
  render: () =>
    html`<jc-grid-tree
      .hierarchy=${small}
      selection="scope"
      .expanded=${['350300000000', '350304000000', '350304001000']}
      .selected=${['350304001000']}
      @jc-select=${log}
    ></jc-grid-tree>`,
};

/** A number per node (e.g. open cases) with warning and alarm bands; the number is always shown. */
export const Badges = {
  render: () => {
    const h = bigCity();
    const values = new Float64Array(h.size);
    for (let i = h.size - 1; i >= 0; i--) {
      if (h.ends[i] === i + 1) values[i] = (i * 7919) % 5 === 0 ? 1 : 0;
      const p = h.parents[i];
      if (p >= 0) values[p] += values[i];
    }
    return html`<jc-grid-tree .hierarchy=${h} .badges=${{ values, thresholds: { warn: 4030, bad: 4040 } }}></jc-grid-tree>`;
  },
};

/** Children fetched on demand: the host's loader resolves with a bigger index after 800 ms. */
export const Lazy = {
  render: () => {
    const shown = new Set(['350300000000']);
    const withChildrenOf = (code: string) => {
      shown.add(code);
      return build(smallNodes.filter((n) => n.parent === null || shown.has(n.parent)));
    };
    const loader = (code: string) => new Promise<HierarchyIndex>((r) => setTimeout(() => r(withChildrenOf(code)), 800));
    return html`<jc-grid-tree .hierarchy=${withChildrenOf('350300000000')} .loader=${loader}></jc-grid-tree>`;
  },
};

/** The dark theme. */
export const Dark = {
  render: () =>
    html`<div style="background:#010409;padding:16px">
      <jc-grid-tree .hierarchy=${small} theme="dark" .expanded=${['350300000000', '350304000000']} .selected=${['350304002000']}></jc-grid-tree>
    </div>`,
};

/** English strings and names through `lang="en"`. */
export const English = {
  render: () => html`<jc-grid-tree .hierarchy=${small} lang="en" .expanded=${['350300000000', '350304000000']}></jc-grid-tree>`,
};
