/**
 * <jc-case-intake>, one story per state, on a small city built with the real core (see
 * ../data.ts). Events are logged to the console.
 */
import { html } from 'lit';
import '../../src/define.js';
import { categories, hierarchy } from '../data.js';

export default {
  title: 'Components/jc-case-intake',
  component: 'jc-case-intake',
  parameters: { docs: { description: { component: 'Record a new case — validated by the core\'s own schemas.' } } },
};

const log = (e: Event) => console.log(e.type, (e as CustomEvent).detail);

/** An empty intake (Chinese, the default). */
export const EmptyIntake = {
  render: () => html`<jc-case-intake lang="zh-CN" .categories=${categories} .hierarchy=${hierarchy} @jc-submit=${log}></jc-case-intake>`,
};

/** The same after a submit with nothing filled in: every error inline, the first field focused. */
export const WithErrors = {
  render: () => html`<jc-case-intake lang="zh-CN" .categories=${categories} .hierarchy=${hierarchy} .raw=${{ lat: '91', reporterName: '张三' }}
    @jc-submit=${log}></jc-case-intake>`,
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('jc-case-intake')!;
    await el.updateComplete;
    await el.submit();
  },
};

/** English, via `lang="en"`. */
export const English = {
  render: () => html`<jc-case-intake lang="en" .categories=${categories} .hierarchy=${hierarchy} @jc-submit=${log}></jc-case-intake>`,
};

/** Inside a plain page form: the intake is submitted as JSON under `name="case"`; the form will not submit while it is invalid. */
export const InAPageForm = {
  render: () => html`<form @submit=${(e: Event) => {
      e.preventDefault();
      console.log(Object.fromEntries(new FormData(e.target as HTMLFormElement)));
    }}>
    <jc-case-intake lang="zh-CN" name="case" hide-submit draft-key="story-intake" .categories=${categories} .hierarchy=${hierarchy}></jc-case-intake>
    <button>提交</button> <button type="reset">清空</button>
  </form>`,
};

