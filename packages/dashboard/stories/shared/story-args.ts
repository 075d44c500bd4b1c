/** What every dashboard story lets you switch: theme, language, wall mode. */
import type { ArgTypes } from '@storybook/web-components-vite';

export interface LookArgs {
  theme: 'light' | 'dark';
  lang: 'zh' | 'en';
}

export const lookArgTypes: Partial<ArgTypes<LookArgs>> = {
  theme: { control: 'inline-radio', options: ['light', 'dark'] },
  lang: { control: 'inline-radio', options: ['zh', 'en'] },
};

/** A page background that matches the theme, so dark stories are not framed in white. */
export const backdrop = (theme: string) => `padding:16px;background:${theme === 'dark' ? '#010409' : '#eef1f5'}`;
