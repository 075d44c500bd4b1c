/**
 * <jc-case-actions>, one story per person and state, on a small city built with the real core
 * (see ../data.ts); each story applies the command to the story's store and shows the core's answer.
 */
import { html } from 'lit';
import type { CaseState } from '@jiceng/core';
import '../../src/define.js';
import type { JcCaseActions, JcCommandDetail } from '../../src/index.js';
import { actors, categories, ctx, handled, handling, registered, store } from '../data.js';

export default {
  title: 'Components/jc-case-actions',
  component: 'jc-case-actions',
  parameters: { docs: { description: { component: 'Act on a case: the lifecycle actions the actor may take now, validated by the core\'s own schemas.' } } },
};

function actionStory(caseId: string, who: keyof typeof actors, lang = 'zh-CN') {
  return {
    render: () => {
      const onCommand = (e: CustomEvent<JcCommandDetail>) => {
        const el = e.target as JcCaseActions;
        el.showResult(store.execute(e.detail.command, actors[who], ctx));
        el.caseState = { ...(store.get(caseId) as CaseState) };
      };
      return html`<jc-case-actions lang=${lang} .caseState=${{ ...store.get(caseId)! }} .actor=${actors[who]}
        .context=${ctx} .categories=${categories} @jc-command=${onCommand}></jc-case-actions>`;
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

