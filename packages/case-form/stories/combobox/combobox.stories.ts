/**
 * <jc-combobox>: the filtering text box the case forms use to pick a category, on its own.
 */
import { html } from 'lit';
import '../../src/define.js';
import type { ComboboxOption } from '../../src/index.js';

export default {
  title: 'Components/jc-combobox',
  component: 'jc-combobox',
  parameters: { docs: { description: { component: 'A text box that filters a list of options (WAI-ARIA combobox).' } } },
};

const options: ComboboxOption[] = [
  { value: 'city', label: '城市管理', depth: 0 },
  { value: 'city.rubbish', label: '暴露垃圾', text: '城市管理 / 暴露垃圾', hint: '0101', depth: 1 },
  { value: 'city.road', label: '道路破损', text: '城市管理 / 道路破损', hint: '0102', depth: 1 },
  { value: 'safety', label: '安全隐患', depth: 0 },
  { value: 'safety.fire', label: '消防通道堵塞', text: '安全隐患 / 消防通道堵塞', hint: '0201', depth: 1 },
];

const log = (e: Event) => console.log(e.type, (e as CustomEvent).detail);

/** With a label outside it; type 垃圾 and press ↓ and Enter. */
export const Default = {
  render: () => html`<label for="story-combo">事项类别</label>
    <jc-combobox input-id="story-combo" label="事项类别" placeholder="输入名称或编码筛选" empty-text="没有匹配的类别" .options=${options} @jc-change=${log}></jc-combobox>`,
};

/** With a value already chosen: the text box shows the option's path. */
export const Chosen = {
  render: () => html`<label for="story-combo-2">事项类别</label>
    <jc-combobox input-id="story-combo-2" label="事项类别" value="safety.fire" .options=${options} @jc-change=${log}></jc-combobox>`,
};
