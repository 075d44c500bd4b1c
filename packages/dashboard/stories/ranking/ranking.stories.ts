import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../../src/define.js';
import { putianData } from '../../test/shared/fixtures.js';
import { backdrop, lookArgTypes, type LookArgs } from '../shared/story-args.js';

interface Args extends LookArgs { indicator: string; threshold: number | null; bottom: number }

const meta: Meta<Args> = {
  title: 'Dashboard/jc-ranking',
  component: 'jc-ranking',
  argTypes: { ...lookArgTypes, indicator: { control: 'select', options: ['collected', 'closed', 'banjieRate', 'onTimeCloseRate', 'overdue', 'satisfiedRate'] } },
  args: { theme: 'light', lang: 'zh', indicator: 'banjieRate', threshold: null, bottom: 3 },
  render: ({ theme, lang, indicator, threshold, bottom }) => html`<div style=${backdrop(theme)}><jc-ranking style="max-inline-size: 520px"
    theme=${theme} lang=${lang} exportable indicator=${indicator} .threshold=${threshold} bottom=${bottom}
    .items=${putianData({ code: '350302000000', name: '城厢区', scale: 1 / 7 }).children}
    @jc-select=${(e: CustomEvent) => console.log('jc-select', e.detail)}></jc-ranking></div>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The bottom 3 lag: marked with ⚠ and the word, not colour alone. Rows drill down (jc-select). */
export const Light: Story = {};
export const Dark: Story = { args: { theme: 'dark' } };
/** Lagging: close rate below 98%. */
export const Threshold: Story = { args: { threshold: 0.98 } };
/** Ranked by overdue cases, where lower is better. */
export const ByOverdue: Story = { args: { indicator: 'overdue', threshold: 40 } };
export const English: Story = { args: { lang: 'en' } };
/** As on a wall screen (大屏): large type, dark theme. */
export const Wall: Story = { args: { theme: 'dark' }, decorators: [(story) => html`<div style="--jc-font-size-base: 20px">${story()}</div>`] };
