import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../../src/define.js';
import { putianData } from '../../test/shared/fixtures.js';
import { backdrop, lookArgTypes, type LookArgs } from '../shared/story-args.js';

interface Args extends LookArgs { months: number; gap: boolean }

const meta: Meta<Args> = {
  title: 'Dashboard/jc-trend',
  component: 'jc-trend',
  argTypes: { ...lookArgTypes, months: { control: { type: 'range', min: 2, max: 120 } } },
  args: { theme: 'light', lang: 'zh', months: 120, gap: false },
  render: ({ theme, lang, months, gap }) => {
    const points = putianData({ months }).trend;
    if (gap && points.length > 3) points[points.length - 3] = { ...points[points.length - 3], cases: null, closed: null, rate: null };
    return html`<div style=${backdrop(theme)}><jc-trend theme=${theme} lang=${lang} exportable .points=${points}></jc-trend></div>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Ten years of months, as in Putian. */
export const Light: Story = {};
export const Dark: Story = { args: { theme: 'dark' } };
/** A year: markers on the close rate. */
export const OneYear: Story = { args: { months: 12 } };
/** A suppressed month is a gap, not a drop to zero. */
export const WithGap: Story = { args: { months: 12, gap: true } };
export const English: Story = { args: { lang: 'en' } };
/** As on a wall screen (大屏): large type, dark theme. */
export const Wall: Story = { args: { theme: 'dark' }, decorators: [(story) => html`<div style="--jc-font-size-base: 20px">${story()}</div>`] };
