import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../../src/define.js';
import type { Better, Figure, ValueFormat } from '../../src/shared/types.js';
import { backdrop, lookArgTypes, type LookArgs } from '../shared/story-args.js';

interface Args extends LookArgs {
  label: string;
  value: Figure;
  previous: Figure;
  format: ValueFormat;
  better: Better;
  unit: string;
}

const meta: Meta<Args> = {
  title: 'Dashboard/jc-kpi',
  component: 'jc-kpi',
  argTypes: { ...lookArgTypes, format: { control: 'inline-radio', options: ['count', 'percent', 'score'] }, better: { control: 'inline-radio', options: ['higher', 'lower'] } },
  args: { theme: 'light', lang: 'zh', label: '采集案件', value: 4528, previous: 4478, format: 'count', better: 'higher', unit: '件' },
  render: (a) => html`<div style=${backdrop(a.theme)}><jc-kpi style="max-inline-size: 260px" theme=${a.theme} lang=${a.lang}
    label=${a.label} .value=${a.value} .previous=${a.previous} format=${a.format} better=${a.better} unit=${a.unit}></jc-kpi></div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Light: Story = {};
export const Dark: Story = { args: { theme: 'dark' } };
/** A rate falls: down in percentage points, and “worse”. */
export const RateWorse: Story = { args: { label: '办结率', value: 0.995, previous: 0.996, format: 'percent', unit: '' } };
/** Overdue falls: lower is better. */
export const LowerIsBetter: Story = { args: { label: '超期在办', value: 18, previous: 22, better: 'lower' } };
/** Suppressed for privacy. */
export const Suppressed: Story = { args: { label: '超期在办', value: null, previous: 3 } };
export const English: Story = { args: { lang: 'en', label: 'Cases collected', unit: '' } };
/** As on a wall screen (大屏): large type, dark theme. */
export const Wall: Story = { args: { theme: 'dark' }, decorators: [(story) => html`<div style="--jc-font-size-base: 20px">${story()}</div>`] };
