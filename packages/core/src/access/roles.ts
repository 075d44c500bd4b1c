/**
 * What each role may read: its scope kind, the sensitivity it reads unmasked (and at which
 * levels), whether it must contact reporters, which special-population groups it may see and
 * whether it reads the audit trail. Data, not code: a city replaces or extends the table.
 * Which role may run which *command* at which level is the case loop's policy table
 * (`policy.ts`); this table is about *reading*.
 * @module
 */
import type { LocalizedText } from '../errors/errors.js';
import type { Sensitivity } from './sensitivity.js';

/**
 * The reading rights of one role.
 *
 * @example
 * ```ts
 * const r: RoleRule = {
 *   id: 'grid-worker', name: { zh: '网格员', en: 'Grid worker' }, scope: 'subtree',
 *   reads: 'personal', atLevels: ['grid', 'unit'], contactsReporters: true,
 *   registryGroups: ['released-prisoner'],
 * };
 * ```
 */
export interface RoleRule {
  /** Role id as used in `RoleGrant.role`. */
  id: string;
  /** Display name. */
  name: LocalizedText;
  /**
   * `subtree`: the role sees the subtree of the node it is held on. `own-reports`: the role
   * sees only the cases the actor reported (a citizen), whatever node it is held on.
   */
  scope: 'subtree' | 'own-reports';
  /** The highest sensitivity this role reads unmasked. */
  reads: Sensitivity;
  /**
   * Level ids of the grant node at which `reads` applies; a grant held at another level
   * reads only `internal` fields unmasked. Absent: every level.
   */
  atLevels?: string[];
  /** True for roles that must contact reporters, and so see anonymous reporters' details. */
  contactsReporters?: boolean;
  /** Special-population groups whose individual records the role may read (in scope). */
  registryGroups?: string[];
  /** True if the role may change the registry (enrol, assess, follow up, hand over). */
  registryWrites?: boolean;
  /** True if the role may read the audit trail of its scope. */
  audits?: boolean;
}

const ALL_GROUPS = ['released-prisoner', 'community-correction', 'severe-mental-disorder', 'drug-user', 'hiv-risk'];
const NOT_HIV = ALL_GROUPS.filter((g) => g !== 'hiv-risk');

/**
 * The default reading rights, after need-to-know (PIPL art. 6, 28–29; Mental Health Law
 * art. 4): people who visit, contact or treat a person read personal data in their own
 * area; leaders above the town see figures, not names; HIV status is for health workers
 * and the town's responsible officer only.
 *
 * @example
 * ```ts
 * DEFAULT_ROLE_RULES.find((r) => r.id === 'citizen')?.scope; // 'own-reports'
 * ```
 */
export const DEFAULT_ROLE_RULES: readonly RoleRule[] = Object.freeze([
  { id: 'citizen', name: { zh: '群众', en: 'Citizen' }, scope: 'own-reports', reads: 'public' },
  { id: 'volunteer', name: { zh: '志愿者', en: 'Volunteer' }, scope: 'subtree', reads: 'public' },
  { id: 'party-member', name: { zh: '党员', en: 'Party member' }, scope: 'subtree', reads: 'public' },
  { id: 'unit-head', name: { zh: '单元长', en: 'Unit head' }, scope: 'subtree', reads: 'internal' },
  {
    id: 'grid-worker', name: { zh: '网格员', en: 'Grid worker' }, scope: 'subtree', reads: 'personal',
    atLevels: ['grid', 'unit'], contactsReporters: true, registryGroups: NOT_HIV, registryWrites: true,
  },
  {
    id: 'grid-head', name: { zh: '网格长', en: 'Grid head' }, scope: 'subtree', reads: 'personal',
    atLevels: ['grid', 'unit'], contactsReporters: true, registryGroups: NOT_HIV, registryWrites: true,
  },
  {
    id: 'village-officer', name: { zh: '村居干部', en: 'Village officer' }, scope: 'subtree', reads: 'personal',
    atLevels: ['village'], contactsReporters: true, registryGroups: NOT_HIV, registryWrites: true,
  },
  {
    id: 'town-officer', name: { zh: '镇街干部', en: 'Town officer' }, scope: 'subtree', reads: 'sensitive',
    atLevels: ['town'], contactsReporters: true, registryGroups: ALL_GROUPS, registryWrites: true, audits: true,
  },
  { id: 'county-officer', name: { zh: '县区干部', en: 'County officer' }, scope: 'subtree', reads: 'internal', audits: true },
  { id: 'city-officer', name: { zh: '市级干部', en: 'City officer' }, scope: 'subtree', reads: 'internal', audits: true },
  {
    id: 'police', name: { zh: '公安民警', en: 'Police officer' }, scope: 'subtree', reads: 'sensitive',
    atLevels: ['county', 'town', 'village'], registryGroups: NOT_HIV, registryWrites: true,
  },
  {
    id: 'health-worker', name: { zh: '精防医生', en: 'Mental-health worker' }, scope: 'subtree', reads: 'sensitive',
    atLevels: ['county', 'town', 'village'], registryGroups: ['severe-mental-disorder', 'hiv-risk'], registryWrites: true,
  },
  {
    id: 'department-officer', name: { zh: '职能部门人员', en: 'Department officer' }, scope: 'subtree', reads: 'personal',
    atLevels: ['city', 'county', 'town'],
  },
  {
    id: 'hotline-operator', name: { zh: '热线话务员', en: 'Hotline operator' }, scope: 'subtree', reads: 'personal',
    atLevels: ['city', 'county'], contactsReporters: true,
  },
  { id: 'supervisor', name: { zh: '督办人员', en: 'Supervisor' }, scope: 'subtree', reads: 'internal', audits: true },
  { id: 'auditor', name: { zh: '审计员', en: 'Auditor' }, scope: 'subtree', reads: 'internal', audits: true },
] satisfies RoleRule[]);
