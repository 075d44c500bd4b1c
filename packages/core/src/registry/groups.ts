/**
 * The special-population groups 特殊人群 and the bodies that hand people over, as data.
 * @module
 */
import type { LocalizedText } from '../errors/errors.js';

/**
 * A special-population group. `mentalHealth` groups carry a risk level 0–5 and the
 * follow-up schedule of severe mental disorders.
 *
 * @example
 * ```ts
 * const g: PopulationGroup = { id: 'key-youth', name: { zh: '重点青少年', en: 'Key youth' } };
 * ```
 */
export interface PopulationGroup {
  id: string;
  name: LocalizedText;
  mentalHealth?: boolean;
}

/**
 * The five groups of the national special-population module (GB/T 31000-2015). Extend the
 * list (for example with key youth 重点青少年) and pass it to the registry functions.
 *
 * @example
 * ```ts
 * const groups = [...DEFAULT_GROUPS, { id: 'key-youth', name: { zh: '重点青少年', en: 'Key youth' } }];
 * ```
 */
export const DEFAULT_GROUPS: readonly PopulationGroup[] = Object.freeze([
  { id: 'released-prisoner', name: { zh: '刑满释放人员', en: 'Released prisoners' } },
  { id: 'community-correction', name: { zh: '社区矫正人员', en: 'People under community correction' } },
  { id: 'severe-mental-disorder', name: { zh: '严重精神障碍患者', en: 'People with severe mental disorders' }, mentalHealth: true },
  { id: 'drug-user', name: { zh: '吸毒人员', en: 'Drug users' } },
  { id: 'hiv-risk', name: { zh: '艾滋病危险人员', en: 'People at HIV/AIDS risk' } },
]);

/**
 * The bodies between which a person is handed over (一历五单 links hospital, governance,
 * police and family). Extensible.
 *
 * @example
 * ```ts
 * HANDOVER_BODIES.map((b) => b.id); // ['hospital', 'governance', 'police', 'family', 'civil-affairs', 'justice']
 * ```
 */
export const HANDOVER_BODIES: readonly PopulationGroup[] = Object.freeze([
  { id: 'hospital', name: { zh: '医疗机构', en: 'Hospital' } },
  { id: 'governance', name: { zh: '综治（网格）', en: 'Governance (grid)' } },
  { id: 'police', name: { zh: '公安', en: 'Police' } },
  { id: 'family', name: { zh: '家属监护人', en: 'Family / guardian' } },
  { id: 'civil-affairs', name: { zh: '民政', en: 'Civil affairs' } },
  { id: 'justice', name: { zh: '司法所', en: 'Judicial office' } },
]);

/**
 * The legal bases a registry record may rest on (PIPL art. 13, 29, 31, 34). `consent`
 * means the separate consent art. 29 requires for sensitive data.
 *
 * @example
 * ```ts
 * LEGAL_BASES.includes('statutory-duty'); // true
 * ```
 */
export const LEGAL_BASES = ['consent', 'guardian-consent', 'statutory-duty', 'public-health-emergency'] as const;
/** A legal basis id. @example `const b: LegalBasisKind = 'statutory-duty';` */
export type LegalBasisKind = (typeof LEGAL_BASES)[number];

/**
 * The consent or legal basis of a registry record, as recorded.
 *
 * @example
 * ```ts
 * const b: LegalBasis = {
 *   basis: 'statutory-duty',
 *   articles: ['PIPL 13(1)(3)', 'PIPL 34', 'Mental Health Law 24'],
 *   informed: true,
 * };
 * ```
 */
export interface LegalBasis {
  basis: LegalBasisKind;
  /** The provisions relied on, as text (e.g. `PIPL 29`). At least one. */
  articles: string[];
  /** Whether the person was informed (PIPL art. 35: state organs inform unless the law says otherwise). */
  informed: boolean;
  /** Free note (who consented, the document reference). */
  note?: string;
}
