/**
 * <jc-case-file>: the complete file of a closed case, built with the real core (see ../data.ts).
 */
import { html } from 'lit';
import '../../src/define.js';
import { dossier } from '../data.js';

export default {
  title: 'Components/jc-case-file',
  component: 'jc-case-file',
  parameters: { docs: { description: { component: 'A case file 一件一档 as a printable timeline of the seven-step loop.' } } },
};

/** The complete file of a closed case with escalation, rework, supervision and accountability. */
export const FullDossier = {
  render: () => html`<jc-case-file lang="zh-CN" .dossier=${dossier}></jc-case-file>`,
};

/** The same file in English. */
export const FullDossierEnglish = {
  render: () => html`<jc-case-file lang="en" .dossier=${dossier}></jc-case-file>`,
};
