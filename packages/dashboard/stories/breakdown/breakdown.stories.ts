import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../../src/define.js';
import { putianData } from '../../test/shared/fixtures.js';
import { backdrop, lookArgTypes, type LookArgs } from '../shared/story-args.js';

const meta: Meta<LookArgs & { plain: boolean }> = {
  title: 'Dashboard/jc-breakdown',
  component: 'jc-breakdown',
  argTypes: lookArgTypes,
  args: { theme: 'light', lang: 'zh', plain: false },
  render: ({ theme, lang, plain }) => html`<div style=${backdrop(theme)}><jc-breakdown style="max-inline-size: 480px"
    theme=${theme} lang=${lang} ?plain=${plain} exportable .items=${putianData().breakdown}
    @jc-category=${(e: CustomEvent) => console.log('jc-category', e.detail)}></jc-breakdown></div>`,
};
export default meta;
type Story = StoryObj<LookArgs & { plain: boolean }>;

/** Bars are buttons: arrows move, Enter or Space selects and sends jc-category. */
export const Light: Story = {};
export const Dark: Story = { args: { theme: 'dark' } };
/** Display only. */
export const Plain: Story = { args: { plain: true } };
export const English: Story = { args: { lang: 'en' } };
/** As on a wall screen (大屏): large type, dark theme. */
export const Wall: Story = { args: { theme: 'dark' }, decorators: [(story) => html`<div style="--jc-font-size-base: 20px">${story()}</div>`] };
