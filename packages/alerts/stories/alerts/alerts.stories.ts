import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../../src/define.js';
import type { AlertRow } from '@jiceng/core/alerts';
import { ALERTS, NOW } from '../shared/fixtures.js';

interface Args { theme: 'light' | 'dark'; lang: 'zh' | 'en'; alerts: AlertRow[] }

const meta: Meta<Args> = {
  title: 'Alerts/jc-alerts',
  component: 'jc-alerts',
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark'] }, lang: { control: 'inline-radio', options: ['zh', 'en'] } },
  args: { theme: 'light', lang: 'zh', alerts: ALERTS },
  render: (a) => html`<jc-alerts style="max-inline-size: 560px" theme=${a.theme} lang=${a.lang} .now=${NOW} .alerts=${a.alerts}
    .assignees=${[{ id: 'gw1', name: a.lang === 'en' ? 'Zhang (grid worker)' : '张网格员' }]}></jc-alerts>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Light: Story = {};
export const Dark: Story = { args: { theme: 'dark' } };
export const English: Story = { args: { lang: 'en' } };
/** Nothing to show. */
export const Empty: Story = { args: { alerts: [] } };
/** A viewer who may only read: no buttons. */
export const ReadOnly: Story = { args: { alerts: ALERTS.map((a) => ({ ...a, actions: [] })) } };
