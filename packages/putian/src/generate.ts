/**
 * The deterministic generator of Putian below town level: villages and communities, grids,
 * units and the party overlay, reproducing every count of the seed document exactly.
 * @module
 */
import { argumentError, needObject } from '@jiceng/core/errors';
import type { HierarchyConfig, NodeInput } from '@jiceng/core';
import type {
  CompoundInput, FacilityInput, OrgInput, OverlayInput, PairingInput, PersonInput,
} from '@jiceng/core/overlay';
import { PUTIAN_COUNTS } from './counts.js';
import { PUTIAN_COUNTIES, isStreet, putianDivisionNodes } from './divisions.js';
import { putianConfig } from './levels.js';
import { PAIRING_ORGANS, buildingName, compoundName, groupName, personName, uniquePlaceName, zhNumber } from './names.js';
import { apportion, chooseExactly, createRng, shuffle, type Rng } from './random.js';

/**
 * Options of {@link generatePutian}.
 *
 * @example
 * ```ts
 * const opts: GeneratePutianOptions = { seed: 2022 };
 * ```
 */
export interface GeneratePutianOptions {
  /** The seed (an integer, used modulo 2^32; default 1). The same seed always gives the same data. */
  seed?: number;
}

/**
 * A generated Putian: the configuration, every hierarchy node in pre-order, and the party
 * overlay, as plain records ready for `buildHierarchy`, the exporters or a host.
 *
 * @example
 * ```ts
 * const data: PutianData = generatePutian({ seed: 1 });
 * data.nodes.length;                 // 146227
 * data.overlay.compounds.length;     // 563
 * ```
 */
export interface PutianData {
  /** The seed the data was generated from. */
  seed: number;
  /** The Putian level configuration. */
  config: HierarchyConfig;
  /** All nodes, parents before children, in pre-order. */
  nodes: NodeInput[];
  /** Organisations, people, facilities, compounds and pairings. */
  overlay: OverlayInput;
}

const pad3 = (n: number): string => String(n).padStart(3, '0');

/** How urban a town is: streets most, then towns of the three urban districts. */
const URBAN_COUNTIES = new Set(['350302000000', '350303000000', '350304000000']);

interface Town {
  code: string;
  name: string;
  county: string;
  kind: 'street' | 'town' | 'township';
  urban: boolean;
}

/** Salts that give each concern its own random stream, so parts do not shift each other. */
const STREAM = { structure: 0x5e1, names: 0xa3e5, overlay: 0x0b1a, people: 0x9e0b, pairings: 0x7a12 } as const;

/**
 * Generates Putian: the real city, 7 governance counties and 54 towns/streets, and below them
 * 973 villages/communities (community digits 001–199, village digits 200–399), 10,439 grids
 * (15-digit codes) and 134,753 units (18-digit codes; buildings 号楼 in communities, groups 组
 * in villages), with 7,025 grid party branches, 5,904 unit party groups, 1,710 vanguard posts,
 * one party committee or general branch per village, 9,796 grid heads (6,807 party members),
 * 119,507 unit heads (24,047 party members), one grid worker per grid, 33,216 registered
 * in-office party members (volunteers), the facilities (103 + 116 + 524, governance centres
 * 1 + 7 + 54 + 973) and pairings (75 organ ↔ community, 31 leaders and 453 members ↔ all 563
 * compounds). Urban communities get more grids and more units per grid than rural villages.
 * The same seed always gives identical data.
 *
 * @example
 * ```ts
 * import { buildHierarchy } from '@jiceng/core';
 * import { generatePutian } from '@jiceng/putian';
 * const data = generatePutian({ seed: 1 });
 * const h = buildHierarchy(data.config, data.nodes);
 * if (h.ok) console.log(h.value.size);   // 146227
 * ```
 */
export function generatePutian(options: GeneratePutianOptions = {}): PutianData {
  needObject('generatePutian', 'options', options);
  if (options.seed !== undefined && !(Number.isSafeInteger(options.seed))) {
    throw argumentError('generatePutian', 'options.seed', { zh: '整数', en: 'an integer' });
  }
  const seed = Math.trunc(options.seed ?? 1);
  const rng = createRng(seed ^ STREAM.structure);
  const nameRng = createRng(seed ^ STREAM.names);
  const C = PUTIAN_COUNTS;

  // ---- towns -------------------------------------------------------------------------
  const towns: Town[] = [];
  for (const c of PUTIAN_COUNTIES) {
    for (const t of c.towns) {
      const digits = Number(t.code.slice(6, 9));
      const kind = isStreet(t.code) ? 'street' : digits >= 200 ? 'township' : 'town';
      towns.push({ code: t.code, name: t.name, county: c.code, kind, urban: kind === 'street' || URBAN_COUNTIES.has(c.code) });
    }
  }

  // ---- villages and communities --------------------------------------------------------
  const villagesPerTown = apportion(
    C.levels.village,
    towns.map((t) => (t.kind === 'street' ? rng.range(10, 15) : t.kind === 'town' ? rng.range(16, 24) : rng.range(8, 13))),
    5,
  );
  const vCode: string[] = [];
  const vName: string[] = [];
  const vNameEn: string[] = [];
  const vTown: number[] = [];
  const vCommunity: boolean[] = [];
  const vStreet: boolean[] = [];
  towns.forEach((t, ti) => {
    const n = villagesPerTown[ti];
    const communities =
      t.kind === 'street' ? Math.max(3, Math.round(n * rng.range(0.7, 0.95)))
      : t.kind === 'town' ? (t.urban ? 2 + rng.int(4) : 1 + rng.int(3))
      : rng.int(2);
    const used = new Set<string>();
    for (let k = 0; k < n; k++) {
      const community = k < communities;
      const [zh, en] = uniquePlaceName(nameRng, community, used);
      vCode.push(t.code.slice(0, 9) + pad3(community ? k + 1 : 200 + k - communities));
      vName.push(community ? `${zh}社区` : `${zh}村`);
      vNameEn.push(community ? `${en} Community` : `${en} Village`);
      vTown.push(ti);
      vCommunity.push(community);
      vStreet.push(t.kind === 'street');
    }
  });
  const V = vCode.length;

  // The 75 city communities (城市社区) paired with organs: mostly those of the streets.
  const communityIdx = vCommunity.flatMap((c, i) => (c ? [i] : []));
  const cityFlags = chooseExactly(rng, communityIdx.length, C.pairedCommunities, (k) =>
    vStreet[communityIdx[k]] ? 10 : towns[vTown[communityIdx[k]]].urban ? 2 : 0.2);
  const vCity = new Uint8Array(V);
  communityIdx.forEach((v, k) => { vCity[v] = cityFlags[k]; });

  // ---- grids --------------------------------------------------------------------------
  const gridsPerVillage = apportion(
    C.levels.grid,
    Array.from({ length: V }, (_, v) => (vCity[v] ? rng.range(13, 19) : vCommunity[v] ? rng.range(11, 17) : rng.range(8, 12))),
    3,
  );
  const cityVillages = Array.from({ length: V }, (_, v) => v).filter((v) => vCity[v]);
  const compoundsPerCity = apportion(C.compounds, cityVillages.map((v) => gridsPerVillage[v]), 1);
  const compoundsOfVillage = new Int32Array(V);
  cityVillages.forEach((v, k) => { compoundsOfVillage[v] = Math.min(compoundsPerCity[k], gridsPerVillage[v]); });
  assertCount('compounds', sum(compoundsOfVillage), C.compounds);

  const G = C.levels.grid;
  const gVillage = new Int32Array(G);
  const gCompound = new Uint8Array(G);
  let g = 0;
  for (let v = 0; v < V; v++) {
    for (let k = 0; k < gridsPerVillage[v]; k++, g++) {
      gVillage[g] = v;
      gCompound[g] = k < compoundsOfVillage[v] ? 1 : 0;
    }
  }

  // ---- units --------------------------------------------------------------------------
  const unitsPerGrid = apportion(
    C.levels.unit,
    Array.from({ length: G }, (_, i) =>
      gCompound[i] ? rng.range(16, 26) : vCommunity[gVillage[i]] ? rng.range(11, 18) : rng.range(8, 13)),
    2,
  );
  const U = C.levels.unit;
  const uGrid = new Int32Array(U);
  for (let i = 0, u = 0; i < G; i++) for (let k = 0; k < unitsPerGrid[i]; k++) uGrid[u++] = i;

  // ---- nodes, in pre-order ----------------------------------------------------------------
  const nodes: NodeInput[] = [];
  const gCode: string[] = new Array<string>(G);
  const gName: string[] = new Array<string>(G);
  const uCode: string[] = new Array<string>(U);
  const uName: string[] = new Array<string>(U);
  const compounds: CompoundInput[] = [];
  const compoundNames = new Set<string>();
  let v = 0;
  g = 0;
  let u = 0;
  for (const division of putianDivisionNodes()) {
    nodes.push(division);
    if (division.level === 'town') {
      for (; v < V && towns[vTown[v]].code === division.code; v++) {
        nodes.push({ code: vCode[v], parent: division.code, level: 'village', name: vName[v], nameEn: vNameEn[v] });
        const groupNames = new Set<string>();
        for (let k = 1; k <= gridsPerVillage[v]; k++, g++) {
          const code = vCode[v] + pad3(k);
          let zh = `${vName[v]}第${zhNumber(k)}网格`;
          let en = `${vNameEn[v]} Grid ${k}`;
          if (gCompound[g]) {
            [zh, en] = compoundName(nameRng, compoundNames);
            compounds.push({ id: `c-${code}`, node: code, name: zh, branch: `gb-${code}` });
          }
          gCode[g] = code;
          gName[g] = zh;
          nodes.push({ code, parent: vCode[v], level: 'grid', name: zh, nameEn: en });
          for (let j = 1; j <= unitsPerGrid[g]; j++, u++) {
            const ucode = code + pad3(j);
            const [uzh, uen] = vCommunity[v] ? buildingName(j) : groupName(nameRng, groupNames);
            uCode[u] = ucode;
            uName[u] = uzh;
            nodes.push({ code: ucode, parent: code, level: 'unit', name: uzh, nameEn: uen });
          }
        }
      }
    }
  }
  assertCount('nodes', nodes.length, 1 + 7 + 54 + V + G + U);

  const overlay = generateOverlay(seed, { V, G, U, vCode, vName, vCommunity, vCity, vTown, gVillage, gCompound, gCode, gName, uGrid, uCode, uName, compounds, nodes, towns });
  return { seed, config: putianConfig, nodes, overlay };
}

interface Skeleton {
  V: number;
  G: number;
  U: number;
  vCode: string[];
  vName: string[];
  vCommunity: boolean[];
  vCity: Uint8Array;
  vTown: number[];
  gVillage: Int32Array;
  gCompound: Uint8Array;
  gCode: string[];
  gName: string[];
  uGrid: Int32Array;
  uCode: string[];
  uName: string[];
  compounds: CompoundInput[];
  nodes: NodeInput[];
  towns: Town[];
}

function generateOverlay(seed: number, s: Skeleton): OverlayInput {
  const C = PUTIAN_COUNTS;
  const rng = createRng(seed ^ STREAM.overlay);
  const { V, G, U, vCode, vName, vCommunity, vCity, gVillage, gCompound, gCode, gName, uGrid, uCode, uName } = s;
  const organisations: OrgInput[] = [];
  const facilities: FacilityInput[] = [];

  // Which grids and units carry what: exact counts, weighted towards the towns and cities.
  const gBranch = chooseExactly(rng, G, C.gridBranches, (i) => (gCompound[i] ? Infinity : vCommunity[gVillage[i]] ? 2 : 1));
  const uGroup = chooseExactly(rng, U, C.unitGroups, (i) => (gBranch[uGrid[i]] ? 4 : 1) * (vCommunity[gVillage[uGrid[i]]] ? 1.5 : 1));
  const gPost = chooseExactly(rng, G, C.vanguardPosts, (i) => (gBranch[i] ? (vCommunity[gVillage[i]] ? 2 : 1) : 0));
  const gHead = chooseExactly(rng, G, C.gridHeads, (i) => (gBranch[i] ? 3 : 1));
  const gHeadParty = chooseExactly(rng, G, C.partyGridHeads, (i) => (gHead[i] ? (gBranch[i] ? 6 : 1) : 0));
  const uHead = chooseExactly(rng, U, C.unitHeads, (i) => (uGroup[i] ? Infinity : vCommunity[gVillage[uGrid[i]]] ? 1.2 : 1));
  const uHeadParty = chooseExactly(rng, U, C.partyUnitHeads, (i) =>
    (uHead[i] ? (uGroup[i] ? Infinity : vCommunity[gVillage[uGrid[i]]] ? 1.5 : 1) : 0));

  // ---- organisations ----------------------------------------------------------------------
  const villageOrg: string[] = new Array<string>(V);
  const gridsOf = new Int32Array(V);
  for (let i = 0; i < G; i++) gridsOf[gVillage[i]]++;
  for (let v = 0; v < V; v++) {
    const committee = vCity[v] === 1 || gridsOf[v] >= 13;
    const id = `${committee ? 'cc' : 'gbr'}-${vCode[v]}`;
    villageOrg[v] = id;
    organisations.push({ id, kind: committee ? 'community-committee' : 'general-branch', node: vCode[v], name: `${vName[v]}${committee ? '党委' : '党总支'}` });
  }
  for (let i = 0; i < G; i++) {
    if (!gBranch[i]) continue;
    organisations.push({ id: `gb-${gCode[i]}`, kind: 'grid-branch', node: gCode[i], name: `${gName[i]}党支部`, parent: villageOrg[gVillage[i]] });
  }
  for (let i = 0; i < U; i++) {
    if (!uGroup[i]) continue;
    const gi = uGrid[i];
    organisations.push({
      id: `ug-${uCode[i]}`, kind: 'unit-group', node: uCode[i], name: `${gName[gi]}${uName[i]}党小组`,
      parent: gBranch[gi] ? `gb-${gCode[gi]}` : villageOrg[gVillage[gi]],
    });
  }
  for (let i = 0; i < G; i++) {
    if (!gPost[i]) continue;
    organisations.push({ id: `vp-${gCode[i]}`, kind: 'vanguard-post', node: gCode[i], name: `${gName[i]}党员先锋岗`, parent: `gb-${gCode[i]}` });
  }

  // ---- people -------------------------------------------------------------------------
  const people = generatePeople(seed, s, gHead, gHeadParty, uHead, uHeadParty);

  // ---- facilities ---------------------------------------------------------------------
  for (const n of s.nodes) {
    if (n.level === 'grid' || n.level === 'unit') continue;
    if (n.level === 'village') {
      facilities.push({ id: `gc-${n.code}`, kind: 'governance-centre', node: n.code, name: `${n.name}社会治理网格站` });
    } else {
      facilities.push({ id: `gc-${n.code}`, kind: 'governance-centre', node: n.code, name: `${n.name}社会治理中心` });
    }
  }
  const neighbourhood = chooseExactly(rng, V, C.neighbourhoodCentres, (v) => (vCity[v] ? 6 : vCommunity[v] ? 3 : 1));
  const governance = chooseExactly(rng, V, C.communityGovernanceCentres, (v) => (vCity[v] ? 5 : vCommunity[v] ? 4 : 1));
  for (let v = 0; v < V; v++) {
    if (neighbourhood[v]) facilities.push({ id: `nc-${vCode[v]}`, kind: 'neighbourhood-centre', node: vCode[v], name: `${vName[v]}“党建+”邻里中心` });
    if (governance[v]) facilities.push({ id: `cg-${vCode[v]}`, kind: 'community-governance-centre', node: vCode[v], name: `${vName[v]}“综治+”社区治理中心` });
  }
  const stations = chooseExactly(rng, G, C.serviceStations, (i) => (gCompound[i] ? 6 : gBranch[i] ? 2 : 1));
  for (let i = 0; i < G; i++) {
    if (stations[i]) facilities.push({ id: `ss-${gCode[i]}`, kind: 'service-station', node: gCode[i], name: `${gName[i]}党群服务站` });
  }

  const pairings = generatePairings(seed, s);
  return { organisations, people, facilities, compounds: s.compounds, pairings };
}

function generatePeople(
  seed: number, s: Skeleton, gHead: Uint8Array, gHeadParty: Uint8Array, uHead: Uint8Array, uHeadParty: Uint8Array,
): PersonInput[] {
  const rng = createRng(seed ^ STREAM.people);
  const C = PUTIAN_COUNTS;
  const people: PersonInput[] = [];
  for (let i = 0; i < s.G; i++) {
    if (gHead[i]) people.push({ id: `gh-${s.gCode[i]}`, name: personName(rng), role: 'grid-head', node: s.gCode[i], partyMember: gHeadParty[i] === 1 });
  }
  for (let i = 0; i < s.U; i++) {
    if (uHead[i]) people.push({ id: `uh-${s.uCode[i]}`, name: personName(rng), role: 'unit-head', node: s.uCode[i], partyMember: uHeadParty[i] === 1 });
  }
  for (let i = 0; i < s.G; i++) {
    people.push({ id: `gw-${s.gCode[i]}`, name: personName(rng), role: 'grid-worker', node: s.gCode[i], partyMember: rng.next() < 0.35 });
  }
  // In-office party members registered with communities and villages (党员到村居报到).
  const gridsOf = new Int32Array(s.V);
  for (let i = 0; i < s.G; i++) gridsOf[s.gVillage[i]]++;
  const perVillage = apportion(
    C.inOfficePartyMembers,
    Array.from({ length: s.V }, (_, v) => gridsOf[v] * (s.vCity[v] ? 8 : s.vCommunity[v] ? 5 : 1) * rng.range(0.8, 1.2)),
  );
  for (let v = 0; v < s.V; v++) {
    for (let k = 1; k <= perVillage[v]; k++) {
      people.push({ id: `pm-${s.vCode[v]}-${k}`, name: personName(rng), role: 'volunteer', node: s.vCode[v], partyMember: true });
    }
  }
  return people;
}

function generatePairings(seed: number, s: Skeleton): PairingInput[] {
  const rng = createRng(seed ^ STREAM.pairings);
  const C = PUTIAN_COUNTS;
  const pairings: PairingInput[] = [];
  const names = new Set<string>();
  const uniqueName = (): string => {
    for (;;) {
      const n = personName(rng);
      if (!names.has(n)) {
        names.add(n);
        return n;
      }
    }
  };

  // 75 city communities, each paired with an organ; the organs of the list take one or two.
  const organs = shuffle(rng, [...PAIRING_ORGANS]);
  const organOf = new Map<string, string>();
  let k = 0;
  for (let v = 0; v < s.V; v++) {
    if (!s.vCity[v]) continue;
    const organ = organs[k % organs.length];
    organOf.set(s.vCode[v], organ);
    pairings.push({ id: `oc-${++k}`, kind: 'organ-community', partner: organ, target: s.vCode[v] });
  }
  assertCount('paired communities', k, C.pairedCommunities);

  // 31 leaders, each linked to one compound party branch.
  const leaderTargets = chooseExactly(rng, s.compounds.length, C.pairedLeaders, () => 1);
  let leader = 0;
  s.compounds.forEach((c, i) => {
    if (!leaderTargets[i]) return;
    pairings.push({ id: `lc-${++leader}`, kind: 'leader-compound', partner: uniqueName(), partnerOrg: rng.pick(organs), target: c.id });
  });

  // 453 members of the partner organs' leadership, each linked to one or two compounds of
  // the community their organ is paired with; together they cover all 563 compounds.
  const byCommunity = new Map<string, CompoundInput[]>();
  for (const c of s.compounds) {
    const community = c.node.slice(0, 12);
    const list = byCommunity.get(community) ?? [];
    list.push(c);
    byCommunity.set(community, list);
  }
  const groups = [...byCommunity.entries()];
  const members = groups.map(([, list]) => list.length);
  const surplus = s.compounds.length - C.pairedMembers;
  if (surplus < 0) throw new RangeError('more paired members than compounds');
  const doubles = chooseDoubles(rng, groups.map(([, list]) => Math.floor(list.length / 2)), surplus);
  doubles.forEach((d, i) => { members[i] -= d; });
  let member = 0;
  groups.forEach(([community, list], gi) => {
    const m = members[gi];
    const partners: string[] = [];
    for (let j = 0; j < m; j++) partners.push(uniqueName());
    list.forEach((c, j) => {
      pairings.push({ id: `mc-${++member}`, kind: 'member-compound', partner: partners[j % m], partnerOrg: organOf.get(community), target: c.id });
    });
  });
  return pairings;
}

/** Distributes `total` "second links" over groups, at most `caps[i]` in group i, at random. */
function chooseDoubles(rng: Rng, caps: number[], total: number): number[] {
  const slots: number[] = [];
  caps.forEach((cap, i) => { for (let j = 0; j < cap; j++) slots.push(i); });
  const flags = chooseExactly(rng, slots.length, total, () => 1);
  const out = caps.map(() => 0);
  slots.forEach((gi, j) => { if (flags[j]) out[gi]++; });
  return out;
}

function sum(a: ArrayLike<number>): number {
  let t = 0;
  for (let i = 0; i < a.length; i++) t += a[i];
  return t;
}

function assertCount(what: string, got: number, want: number): void {
  if (got !== want) throw new RangeError(`generator invariant: ${what} ${got} ≠ ${want}`);
}
