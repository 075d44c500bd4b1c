import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../../src/define.js';
import { putianData, TOPICS } from '../../test/shared/fixtures.js';
import { backdrop, lookArgTypes, type LookArgs } from '../shared/story-args.js';

interface Args extends LookArgs {
  mode: 'standard' | 'wall';
  suppressed: boolean;
}

const meta: Meta<Args> = {
  title: 'Dashboard/jc-dashboard',
  component: 'jc-dashboard',
  argTypes: { ...lookArgTypes, mode: { control: 'inline-radio', options: ['standard', 'wall'] } },
  args: { theme: 'light', lang: 'zh', mode: 'standard', suppressed: false },
  parameters: { layout: 'fullscreen' },
  render: ({ theme, lang, mode, suppressed }) => {
    const data = putianData();
    if (suppressed) data.kpis.overdue = { value: null, previous: 3 };
    return html`<div style=${backdrop(mode === 'wall' ? 'dark' : theme)}>
      <jc-dashboard theme=${theme} lang=${lang} mode=${mode} .topics=${TOPICS} .data=${data}
        @jc-select=${(e: CustomEvent) => console.log('jc-select', e.detail)}
        @jc-period=${(e: CustomEvent) => console.log('jc-period', e.detail)}
        @jc-topic=${(e: CustomEvent) => console.log('jc-topic', e.detail)}></jc-dashboard>
    </div>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** The city of Putian, December 2024, light theme. */
export const Light: Story = {};
/** Dark theme. */
export const Dark: Story = { args: { theme: 'dark' } };
/** 大屏: the wall-screen mode — large type, dark theme. */
export const Wall: Story = { args: { mode: 'wall' } };
/** English, with English number and date formats. */
export const English: Story = { args: { lang: 'en' } };
/** A figure suppressed for privacy shows as “<5” with the note, never as 0. */
export const Suppressed: Story = { args: { suppressed: true } };
/** No data yet: the controls are there, the figures are not. */
export const Empty: Story = { render: ({ theme }) => html`<jc-dashboard theme=${theme}></jc-dashboard>` };
