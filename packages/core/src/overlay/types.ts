/**
 * The party overlay: party organisations, people with roles, facilities, residential
 * compounds and pairings, each attached to hierarchy nodes by code. Plain records, so that
 * generators, files and hosts can produce them.
 * @module
 */
import type { LocalizedText } from '../errors/errors.js';

/**
 * Kinds of party organisation.
 * - `community-committee` 社区党委 (村/社区党组织)
 * - `general-branch` 党总支
 * - `grid-branch` 网格(小区)党支部
 * - `unit-group` 单元(楼栋)党小组
 * - `vanguard-post` 党员先锋岗
 *
 * @example
 * ```ts
 * const k: OrgKind = 'grid-branch';
 * ```
 */
export type OrgKind = 'community-committee' | 'general-branch' | 'grid-branch' | 'unit-group' | 'vanguard-post';

/** Every {@link OrgKind}, in display order. @example `ORG_KINDS.includes('unit-group'); // true` */
export const ORG_KINDS: readonly OrgKind[] = Object.freeze([
  'community-committee',
  'general-branch',
  'grid-branch',
  'unit-group',
  'vanguard-post',
] as const);

/**
 * A party organisation on a node.
 *
 * @example
 * ```ts
 * const o: OrgInput = { id: 'o-1', kind: 'grid-branch', node: '350304001001001', name: '第一网格党支部', parent: 'o-0' };
 * ```
 */
export interface OrgInput {
  /** Unique id among organisations. */
  id: string;
  kind: OrgKind;
  /** Code of the hierarchy node it sits on. */
  node: string;
  /** Name in Chinese. */
  name: string;
  /** Id of the organisation it belongs to (a grid branch under a community committee), if any. */
  parent?: string;
}

/**
 * Roles people hold on nodes: grid head 网格长, unit head 单元长, grid worker 网格员,
 * volunteer 志愿者.
 *
 * @example
 * ```ts
 * const r: PersonRole = 'grid-head';
 * ```
 */
export type PersonRole = 'grid-head' | 'unit-head' | 'grid-worker' | 'volunteer';

/** Every {@link PersonRole}, in display order. @example `PERSON_ROLES.length; // 4` */
export const PERSON_ROLES: readonly PersonRole[] = Object.freeze([
  'grid-head',
  'unit-head',
  'grid-worker',
  'volunteer',
] as const);

/**
 * One person in one role on one node. A person with two roles appears as two records with
 * distinct ids (and the same `person`, if given).
 *
 * @example
 * ```ts
 * const p: PersonInput = { id: 'p-1', name: '林某', role: 'grid-head', node: '350304001001001', partyMember: true };
 * ```
 */
export interface PersonInput {
  /** Unique id among role records. */
  id: string;
  /** Name (personal data: mask it where a role does not need it). */
  name: string;
  role: PersonRole;
  /** Code of the node the role is held on. */
  node: string;
  /** Party member 党员. */
  partyMember: boolean;
  /** A stable id of the person across role records, if known. */
  person?: string;
}

/**
 * Kinds of facility:
 * - `neighbourhood-centre` “党建+”邻里中心
 * - `community-governance-centre` “综治+”社区治理中心
 * - `service-station` 网格(小区)党群服务站(点)
 * - `governance-centre` 社会治理中心 (any level; at village level the 社会治理网格站)
 *
 * @example
 * ```ts
 * const k: FacilityKind = 'governance-centre';
 * ```
 */
export type FacilityKind = 'neighbourhood-centre' | 'community-governance-centre' | 'service-station' | 'governance-centre';

/** Every {@link FacilityKind}, in display order. @example `FACILITY_KINDS[0]; // 'neighbourhood-centre'` */
export const FACILITY_KINDS: readonly FacilityKind[] = Object.freeze([
  'neighbourhood-centre',
  'community-governance-centre',
  'service-station',
  'governance-centre',
] as const);

/**
 * A facility on a node.
 *
 * @example
 * ```ts
 * const f: FacilityInput = { id: 'f-1', kind: 'governance-centre', node: '350300000000', name: '莆田市社会治理中心' };
 * ```
 */
export interface FacilityInput {
  id: string;
  kind: FacilityKind;
  /** Code of the node it serves. */
  node: string;
  name: string;
}

/**
 * A residential compound 小区, attached to a node (usually a community or a grid).
 *
 * @example
 * ```ts
 * const c: CompoundInput = { id: 'c-1', node: '350304001001', name: '凤凰小区', branch: 'o-7' };
 * ```
 */
export interface CompoundInput {
  id: string;
  /** Code of the node it lies in. */
  node: string;
  name: string;
  /** Id of the compound's party branch (an organisation), if it has one. */
  branch?: string;
}

/**
 * Kinds of pairing 结对/挂钩:
 * - `organ-community` 机关单位 ↔ 城市社区 (target: a node code)
 * - `leader-compound` 市厅级领导干部 ↔ 小区党支部 (target: a compound id)
 * - `member-compound` 共建单位班子成员 ↔ 小区党支部 (target: a compound id)
 * - `department-village` 部门 ↔ 村居 (target: a node code)
 *
 * @example
 * ```ts
 * const k: PairingKind = 'leader-compound';
 * ```
 */
export type PairingKind = 'organ-community' | 'leader-compound' | 'member-compound' | 'department-village';

/** Every {@link PairingKind}, in display order. @example `PAIRING_KINDS.includes('organ-community'); // true` */
export const PAIRING_KINDS: readonly PairingKind[] = Object.freeze([
  'organ-community',
  'leader-compound',
  'member-compound',
  'department-village',
] as const);

/**
 * Whether a pairing kind targets a compound id (otherwise a node code).
 *
 * @example
 * ```ts
 * pairingTargetsCompound('member-compound'); // true
 * pairingTargetsCompound('department-village'); // false
 * ```
 */
export function pairingTargetsCompound(kind: PairingKind): boolean {
  return kind === 'leader-compound' || kind === 'member-compound';
}

/**
 * One pairing: a partner (organ, leader, member, department) linked to a target.
 *
 * @example
 * ```ts
 * const p: PairingInput = { id: 'pr-1', kind: 'leader-compound', partner: '张某', partnerOrg: '市委组织部', target: 'c-1' };
 * ```
 */
export interface PairingInput {
  id: string;
  kind: PairingKind;
  /** The partner: a person's or an organ's name, or a stable key for it. */
  partner: string;
  /** The organ or unit the partner belongs to, if any. */
  partnerOrg?: string;
  /** Node code (organ-community, department-village) or compound id (leader-/member-compound). */
  target: string;
}

/**
 * Everything in an overlay, as plain records.
 *
 * @example
 * ```ts
 * const data: OverlayInput = { organisations: [], people: [], facilities: [], compounds: [], pairings: [] };
 * ```
 */
export interface OverlayInput {
  organisations: OrgInput[];
  people: PersonInput[];
  facilities: FacilityInput[];
  compounds: CompoundInput[];
  pairings: PairingInput[];
}

/**
 * What a count is taken of, as a string key:
 * `org:<OrgKind>`, `role:<PersonRole>`, `party:<PersonRole>` (role holders who are party
 * members), `facility:<FacilityKind>`, `compound`, `pairing:<PairingKind>` (by the position
 * of the target).
 *
 * @example
 * ```ts
 * overlay.count(0, 'party:grid-head'); // party-member grid heads in the whole city
 * ```
 */
export type CountKey =
  | `org:${OrgKind}`
  | `role:${PersonRole}`
  | `party:${PersonRole}`
  | `facility:${FacilityKind}`
  | 'compound'
  | `pairing:${PairingKind}`;

/**
 * The items a coverage figure is a share of (its denominator):
 * nodes of a level, compounds, or the holders of a role.
 *
 * @example
 * ```ts
 * const grids: CoverageBase = { nodes: 'grid' };
 * ```
 */
export type CoverageBase = { nodes: string } | { compounds: true } | { role: PersonRole };

/**
 * The test an item must pass to count in the numerator:
 * - `{ org }`: a node has at least one organisation of that kind on it (for compounds use
 *   `{ branch: true }`);
 * - `{ facility }`: a node has a facility of that kind;
 * - `{ pairing }`: a node or compound is the target of a pairing of one of these kinds;
 * - `{ branch: true }`: a compound has a party branch;
 * - `{ partyMember: true }`: a role holder is a party member;
 * - `{ role }`: a node has at least one holder of that role.
 *
 * @example
 * ```ts
 * const hasBranch: CoverageTest = { org: 'grid-branch' };
 * ```
 */
export type CoverageTest =
  | { org: OrgKind }
  | { facility: FacilityKind }
  | { pairing: PairingKind[] }
  | { branch: true }
  | { partyMember: true }
  | { role: PersonRole };

/**
 * A coverage indicator as data: which items, which test, and how to name it.
 *
 * @example
 * ```ts
 * const def: CoverageDef = {
 *   id: 'grid-branch', of: { nodes: 'grid' }, test: { org: 'grid-branch' },
 *   name: { zh: '网格党支部覆盖率', en: 'Grids with a party branch' },
 *   numerator: { zh: '建有党支部的网格数', en: 'grids with a grid party branch' },
 *   denominator: { zh: '网格总数', en: 'all grids' },
 * };
 * ```
 */
export interface CoverageDef {
  id: string;
  name: LocalizedText;
  numerator: LocalizedText;
  denominator: LocalizedText;
  of: CoverageBase;
  test: CoverageTest;
}

/**
 * One coverage figure for one subtree.
 *
 * @example
 * ```ts
 * const f: CoverageFigure = { id: 'grid-branch', numerator: 7025, denominator: 10439, ratio: 0.673 };
 * ```
 */
export interface CoverageFigure {
  id: string;
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null when the denominator is 0. */
  ratio: number | null;
}
