/**
 * The 一历五单 of a mental-health hand-over as data: the record (一历, the person's history
 * card) and the five forms (五单) that pass a person between the bodies that share the
 * care. Places name and number the forms differently, so the form set is data a host
 * supplies; a hand-over names its form and fills its fields, and is checked against the set.
 *
 * No public description of Putian's own forms could be found (the seed document only says
 * 推送精神障碍患者"一历（表）五单"2.02万单). {@link EXAMPLE_FORM_SET} is therefore a clearly
 * labelled **example**, built on the five-part responsibility system named in the Fujian
 * action plan for mental health 2018–2020 (闽政办〔2018〕64号): 家庭监护、卫计救治、民政救助、
 * 残联帮扶、公安处置 — one form towards each of those bodies. Replace it with the real set.
 * @module
 */
import { issue, type JcIssue, type LocalizedText } from '../errors/errors.js';
import type { PopulationGroup } from './groups.js';
import { need } from '../errors/args.js';

/**
 * One field of a form or of the record.
 *
 * @example
 * ```ts
 * const f: FormField = { id: 'dischargeDate', label: { zh: '出院日期', en: 'Discharge date' }, required: true };
 * ```
 */
export interface FormField {
  id: string;
  label: LocalizedText;
  required: boolean;
}

/**
 * One form of the set: its place-specific number and name, the bodies it passes between,
 * and its fields.
 *
 * @example
 * ```ts
 * const f: HandoverForm = { id: 'treatment', number: '单2', name: { zh: '救治交接单', en: 'Treatment hand-over' }, from: 'hospital', to: 'governance', fields: [] };
 * ```
 */
export interface HandoverForm {
  id: string;
  /** The number the place gives it (`单1`, `表3`, …). */
  number: string;
  name: LocalizedText;
  /** Body ids (see the set's `bodies`). */
  from: string;
  to: string;
  fields: FormField[];
}

/**
 * A place's 一历五单: the bodies, the record's fields, the forms, and where the set comes from.
 *
 * @example
 * ```ts
 * const set: HandoverFormSet = { ...EXAMPLE_FORM_SET, id: 'my-city', place: '某市' };
 * ```
 */
export interface HandoverFormSet {
  id: string;
  place: string;
  name: LocalizedText;
  /** True for an illustrative set, not a place's official forms. */
  example: boolean;
  /** The source modelled, as a citation a reader can check. */
  source: string;
  bodies: readonly PopulationGroup[];
  /** The fields of the record 一历. */
  record: FormField[];
  forms: HandoverForm[];
}

const fld = (id: string, zh: string, en: string, required = true): FormField => ({ id, label: { zh, en }, required });

/**
 * An **example** 一历五单 (not Putian's official forms, which are not public): one form
 * towards each body of the responsibility system named by 闽政办〔2018〕64号 — family
 * guardianship, health treatment, civil-affairs relief, disabled persons' federation help,
 * police handling.
 *
 * @example
 * ```ts
 * EXAMPLE_FORM_SET.forms.map((f) => `${f.number} ${f.name.zh}`);
 * // ['单1 监护责任告知单', '单2 救治交接单', '单3 救助申请转介单', '单4 康复帮扶联系单', '单5 风险处置协作单']
 * ```
 */
export const EXAMPLE_FORM_SET: HandoverFormSet = Object.freeze({
  id: 'example-fujian-2018',
  place: '示例（非莆田官方表单）',
  name: { zh: '一历五单（示例）', en: 'One record, five forms (example)' },
  example: true,
  source: '福建省精神卫生事业发展行动计划(2018—2020年)，闽政办〔2018〕64号：“家庭监护、卫计救治、民政救助、残联帮扶、公安处置的救治管理责任落实体系”',
  bodies: Object.freeze([
    { id: 'hospital', name: { zh: '医疗机构', en: 'Hospital' } },
    { id: 'governance', name: { zh: '综治（网格）', en: 'Governance (grid)' } },
    { id: 'family', name: { zh: '家属监护人', en: 'Family / guardian' } },
    { id: 'civil-affairs', name: { zh: '民政', en: 'Civil affairs' } },
    { id: 'disability-federation', name: { zh: '残联', en: "Disabled Persons' Federation" } },
    { id: 'police', name: { zh: '公安', en: 'Police' } },
  ]),
  record: [fld('enrolledOn', '建档日期', 'Enrolled on'), fld('diagnosis', '诊断', 'Diagnosis'), fld('riskLevel', '危险性评估等级', 'Risk level'), fld('guardian', '监护人', 'Guardian'), fld('history', '就诊与随访经历', 'Treatment and follow-up history', false)],
  forms: [
    { id: 'guardianship', number: '单1', name: { zh: '监护责任告知单', en: 'Guardianship notice' }, from: 'governance', to: 'family', fields: [fld('guardian', '监护人', 'Guardian'), fld('duties', '监护责任', 'Duties')] },
    { id: 'treatment', number: '单2', name: { zh: '救治交接单', en: 'Treatment hand-over' }, from: 'hospital', to: 'governance', fields: [fld('dischargeDate', '出院日期', 'Discharge date'), fld('advice', '医嘱', 'Medical advice')] },
    { id: 'relief', number: '单3', name: { zh: '救助申请转介单', en: 'Relief referral' }, from: 'governance', to: 'civil-affairs', fields: [fld('need', '救助需求', 'Need')] },
    { id: 'rehabilitation', number: '单4', name: { zh: '康复帮扶联系单', en: 'Rehabilitation liaison' }, from: 'governance', to: 'disability-federation', fields: [fld('support', '帮扶内容', 'Support')] },
    { id: 'risk', number: '单5', name: { zh: '风险处置协作单', en: 'Risk-handling liaison' }, from: 'governance', to: 'police', fields: [fld('riskLevel', '危险性评估等级', 'Risk level'), fld('measures', '处置措施', 'Measures')] },
  ],
});

/**
 * A hand-over's form: which form of which set, and its filled fields.
 *
 * @example
 * ```ts
 * const f: FilledForm = { set: 'example-fujian-2018', form: 'treatment', fields: { dischargeDate: '2025-03-01', advice: '按时服药' } };
 * ```
 */
export interface FilledForm {
  set: string;
  form: string;
  fields: Record<string, string>;
}

/**
 * Checks a filled form against a form set and the hand-over's bodies: the set and form
 * exist, the form passes between `from` and `to`, every required field is filled, no field
 * is unknown. Returns the problems (empty = valid).
 *
 * @example
 * ```ts
 * checkFilledForm(EXAMPLE_FORM_SET, { set: 'example-fujian-2018', form: 'treatment', fields: {} }, 'hospital', 'governance');
 * // [{ code: 'E_FORM_FIELD', … 'dischargeDate' }, { code: 'E_FORM_FIELD', … 'advice' }]
 * ```
 */
export function checkFilledForm(set: HandoverFormSet, f: FilledForm, from: string, to: string): JcIssue[] {
  need('checkFilledForm', 'set', set, 'object', { forms: 'array' });
  need('checkFilledForm', 'f', f, 'object');
  need('checkFilledForm', 'from', from, 'string');
  need('checkFilledForm', 'to', to, 'string');
  if (!f || f.set !== set.id) return [issue('E_FORM_SET', `表单集不符：${String(f?.set)}（应为 ${set.id}）`, `wrong form set: ${String(f?.set)} (expected ${set.id})`, { column: 'form' })];
  const form = set.forms.find((x) => x.id === f.form);
  if (!form) return [issue('E_FORM_UNKNOWN', `表单不存在：${String(f.form)}`, `no such form: ${String(f.form)}`, { column: 'form' })];
  const out: JcIssue[] = [];
  if (form.from !== from || form.to !== to) {
    out.push(issue('E_FORM_BODIES', `${form.number}${form.name.zh} 用于 ${form.from} → ${form.to}，而非 ${from} → ${to}`, `${form.number} ${form.name.en} passes ${form.from} → ${form.to}, not ${from} → ${to}`, { column: 'to' }));
  }
  const fields = f.fields && typeof f.fields === 'object' ? f.fields : {};
  for (const x of form.fields) {
    const v = fields[x.id];
    if (x.required && (typeof v !== 'string' || v.trim() === '')) out.push(issue('E_FORM_FIELD', `${form.number}缺少必填项：${x.label.zh}`, `${form.number}: required field missing: ${x.label.en}`, { column: x.id }));
  }
  for (const k of Object.keys(fields)) {
    if (!form.fields.some((x) => x.id === k)) out.push(issue('E_FORM_FIELD', `${form.number}没有此项：${k}`, `${form.number} has no field ${k}`, { column: k }));
  }
  return out;
}
