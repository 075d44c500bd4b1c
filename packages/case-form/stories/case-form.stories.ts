/**
 * <jc-case-form> and <jc-case-file>, one story per state, on a small city built with the real
 * core (see ./data.ts). Events are logged to the console; the action stories apply the command
 * to the story's store and show the core's answer.
 */
import { html } from 'lit';
import type { CaseState } from '@jiceng/core';
import '../src/define.js';
import type { JcCaseForm, JcCommandDetail } from '../src/index.js';
import { actors, categories, ctx, dossier, handled, handling, hierarchy, registered, store } from './data.js';

export default {
  title: 'Components/jc-case-form',
  component: 'jc-case-form',
  parameters: { docs: { description: { component: 'Record a case, act on it, read its file — validated by the core\'s own schemas.' } } },
};

const log = (e: Event) => console.log(e.type, (e as CustomEvent).detail);

/** An empty intake (Chinese, the default). */
export const EmptyIntake = {
  render: () => html`<jc-case-form lang="zh-CN" .categories=${categories} .hierarchy=${hierarchy} @jc-submit=${log}></jc-case-form>`,
};

/** The same after a submit with nothing filled in: every error inline, the first field focused. */
export const WithErrors = {
  render: () => html`<jc-case-form lang="zh-CN" .categories=${categories} .hierarchy=${hierarchy} .raw=${{ lat: '91', reporterName: '张三' }}
    @jc-submit=${log}></jc-case-form>`,
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('jc-case-form')!;
    await el.updateComplete;
    await el.submit();
  },
};

/** English, via `lang="en"`. */
export const English = {
  render: () => html`<jc-case-form lang="en" .categories=${categories} .hierarchy=${hierarchy} @jc-submit=${log}></jc-case-form>`,
};

/** Inside a plain page form: the intake is submitted as JSON under `name="case"`; the form will not submit while it is invalid. */
export const InAPageForm = {
  render: () => html`<form @submit=${(e: Event) => {
      e.preventDefault();
      console.log(Object.fromEntries(new FormData(e.target as HTMLFormElement)));
    }}>
    <jc-case-form lang="zh-CN" name="case" hide-submit draft-key="story-intake" .categories=${categories} .hierarchy=${hierarchy}></jc-case-form>
    <button>提交</button> <button type="reset">清空</button>
  </form>`,
};

function actionStory(caseId: string, who: keyof typeof actors, lang = 'zh-CN') {
  return {
    render: () => {
      const onCommand = (e: CustomEvent<JcCommandDetail>) => {
        const el = e.target as JcCaseForm;
        el.showResult(store.execute(e.detail.command, actors[who], ctx));
        el.caseState = { ...(store.get(caseId) as CaseState) };
      };
      return html`<jc-case-form mode="action" lang=${lang} .caseState=${{ ...store.get(caseId)! }} .actor=${actors[who]}
        .context=${ctx} .categories=${categories} @jc-command=${onCommand}></jc-case-form>`;
    },
  };
}

/** A village officer on a registered case: register is done, so dispatch (with the node picker and the time limit), merge. */
export const ActionsDispatcher = actionStory(registered, 'villageOfficer');
/** The grid worker handling the case: progress, extension, suspension, escalation, report handled. */
export const ActionsHandler = actionStory(handling, 'gridWorker');
/** Another grid worker on a handled case: verification with evidence (the handler may not verify their own work). */
export const ActionsVerifier = actionStory(handled, 'verifier');
/** The county supervisor: supervision 督办 and accountability 问责 only. */
export const ActionsSupervisor = actionStory(handling, 'supervisor', 'en');

/** The complete file of a closed case with escalation, rework, supervision and accountability. */
export const FullDossier = {
  render: () => html`<jc-case-file lang="zh-CN" .dossier=${dossier}></jc-case-file>`,
};

/** The same file in English. */
export const FullDossierEnglish = {
  render: () => html`<jc-case-file lang="en" .dossier=${dossier}></jc-case-file>`,
};
