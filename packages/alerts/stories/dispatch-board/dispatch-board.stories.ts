import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../../src/define.js';
import type { BoardLoad, BoardRow } from '@jiceng/core/alerts';
import { LOADS, NOW, ROWS } from '../shared/fixtures.js';

interface Args { theme: 'light' | 'dark'; lang: 'zh' | 'en'; rows: BoardRow[]; loads: BoardLoad[] }

const meta: Meta<Args> = {
  title: 'Alerts/jc-dispatch-board',
  component: 'jc-dispatch-board',
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark'] }, lang: { control: 'inline-radio', options: ['zh', 'en'] } },
  args: { theme: 'light', lang: 'zh', rows: ROWS, loads: LOADS },
  render: (a) => html`<jc-dispatch-board style="max-inline-size: 640px" theme=${a.theme} lang=${a.lang} .now=${NOW} .rows=${a.rows} .loads=${a.loads}></jc-dispatch-board>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Light: Story = {};
export const Dark: Story = { args: { theme: 'dark' } };
export const English: Story = { args: { lang: 'en' } };
/** Nothing waiting. */
export const Empty: Story = { args: { rows: [], loads: [] } };
