/**
 * The figures of the seed document (莆田市“党建引领、夯基惠民”工程, end of 2022) that the
 * generator reproduces exactly.
 * @module
 */

/**
 * Putian's published counts. `inOfficePartyMembers` is the one figure the seed gives only as
 * "3.3万多" (more than 33,000): the generator registers exactly this many in-office party
 * members with villages and communities, as `volunteer` role records with `partyMember: true`.
 *
 * @example
 * ```ts
 * import { PUTIAN_COUNTS } from '@jiceng/putian';
 * PUTIAN_COUNTS.levels.grid;        // 10439
 * PUTIAN_COUNTS.partyGridHeads;     // 6807
 * ```
 */
export const PUTIAN_COUNTS = Object.freeze({
  /** Nodes per level id. */
  levels: Object.freeze({ city: 1, county: 7, town: 54, village: 973, grid: 10_439, unit: 134_753 }),
  /** 网格党支部. */
  gridBranches: 7_025,
  /** 单元党小组. */
  unitGroups: 5_904,
  /** 党员先锋岗. */
  vanguardPosts: 1_710,
  /** 网格长. */
  gridHeads: 9_796,
  /** 党员网格长. */
  partyGridHeads: 6_807,
  /** 单元长. */
  unitHeads: 119_507,
  /** 党员单元长. */
  partyUnitHeads: 24_047,
  /** “党建+”邻里中心. */
  neighbourhoodCentres: 103,
  /** “综治+”社区治理中心. */
  communityGovernanceCentres: 116,
  /** 网格(小区)党群服务站(点). */
  serviceStations: 524,
  /** 社会治理中心 per level: 1 city, 7 county, 54 town centres and 973 village stations. */
  governanceCentres: Object.freeze({ city: 1, county: 7, town: 54, village: 973 }),
  /** 市厅级党员领导干部 linked to compound party branches. */
  pairedLeaders: 31,
  /** 城市社区 paired with city organs and enterprises. */
  pairedCommunities: 75,
  /** 共建单位班子成员, each linked to 1–2 compound party branches. */
  pairedMembers: 453,
  /** 城市居民小区, all linked (100 %). */
  compounds: 563,
  /** 在职党员 registered with communities (seed: 3.3万多). */
  inOfficePartyMembers: 33_216,
});
