import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHierarchy, type NodeInput } from '@jiceng/core';
import { formatIssue } from '@jiceng/core/errors';
import { buildOverlay } from '@jiceng/core/overlay';
import { PUTIAN_COUNTS, displayWidth, generatePutian, putianCoverage, putianSummary, formatPutianSummary, textTable, type PutianSummary } from '@jiceng/putian';

const data = generatePutian({ seed: 1 });
const byCode = new Map<string, NodeInput>(data.nodes.map((n) => [n.code, n]));
const childCount = new Map<string, number>();
for (const n of data.nodes) if (n.parent) childCount.set(n.parent, (childCount.get(n.parent) ?? 0) + 1);

/** The figures the seed document publishes, read from a summary. */
function seedFigures(s: PutianSummary): Record<string, unknown> {
  return {
    levels: Object.fromEntries(s.levels.map((l) => [l.id, l.count])),
    gridBranches: s.organisations['grid-branch'],
    unitGroups: s.organisations['unit-group'],
    vanguardPosts: s.organisations['vanguard-post'],
    villageOrgs: s.organisations['community-committee'] + s.organisations['general-branch'],
    gridHeads: s.people['grid-head'],
    unitHeads: s.people['unit-head'],
    gridWorkers: s.people['grid-worker'].total,
    inOffice: s.people.volunteer,
    facilities: [s.facilities['neighbourhood-centre'], s.facilities['community-governance-centre'], s.facilities['service-station']],
    governanceCentres: s.governanceCentres,
    leaders: [s.pairings['leader-compound'].partners, s.pairings['leader-compound'].targets],
    communities: s.pairings['organ-community'].targets,
    members: s.pairings['member-compound'].partners,
    compounds: s.compounds,
  };
}

const SEED_FIGURES = {
  levels: { city: 1, county: 7, town: 54, village: 973, grid: 10_439, unit: 134_753 },
  gridBranches: 7_025,
  unitGroups: 5_904,
  vanguardPosts: 1_710,
  villageOrgs: 973, // one party committee or general branch per village
  gridHeads: { total: 9_796, partyMembers: 6_807 },
  unitHeads: { total: 119_507, partyMembers: 24_047 },
  gridWorkers: 10_439, // one per grid (our choice; the seed gives no figure)
  inOffice: { total: PUTIAN_COUNTS.inOfficePartyMembers, partyMembers: PUTIAN_COUNTS.inOfficePartyMembers },
  facilities: [103, 116, 524],
  governanceCentres: { city: 1, county: 7, town: 54, village: 973, grid: 0, unit: 0 },
  leaders: [31, 31],
  communities: 75,
  members: 453,
  compounds: { total: 563, linked: 563 },
};

test('every count of the seed document comes out exactly', () => {
  assert.deepEqual(seedFigures(putianSummary(data)), SEED_FIGURES);
  assert.ok(PUTIAN_COUNTS.inOfficePartyMembers > 33_000, 'seed: 3.3万多 in-office party members');
});

test('every code is valid: 12-digit statistical codes, grid = village + 3, unit = grid + 3', () => {
  assert.equal(byCode.size, data.nodes.length, 'codes are unique');
  for (const n of data.nodes) {
    const parent = n.parent === null ? undefined : byCode.get(n.parent);
    if (n.level !== 'city') assert.ok(parent, `${n.code} has a known parent`);
    switch (n.level) {
      case 'village': {
        assert.match(n.code, /^\d{12}$/);
        assert.ok(n.code.startsWith(parent!.code.slice(0, 9)));
        const digits = Number(n.code.slice(9));
        if (n.name.endsWith('社区')) assert.ok(digits >= 1 && digits <= 199, `${n.name} ${n.code}: communities use 001–199`);
        else {
          assert.ok(n.name.endsWith('村'), n.name);
          assert.ok(digits >= 200 && digits <= 399, `${n.name} ${n.code}: villages use 200–399`);
        }
        break;
      }
      case 'grid':
      case 'unit':
        assert.match(n.code, n.level === 'grid' ? /^\d{15}$/ : /^\d{18}$/);
        assert.equal(n.code.slice(0, -3), parent!.code);
        assert.notEqual(n.code.slice(-3), '000');
        break;
      default:
        assert.equal(n.code.length, 12);
    }
  }
});

test('nodes come in pre-order: a parent always before its children, subtrees contiguous', () => {
  const open: string[] = [];
  for (const n of data.nodes) {
    while (open.length && open[open.length - 1] !== n.parent) open.pop();
    if (n.parent !== null) assert.equal(open[open.length - 1], n.parent, `${n.code} follows its parent's subtree`);
    open.push(n.code);
  }
});

test('same seed, same data; another seed, other data', () => {
  const again = generatePutian({ seed: 1 });
  assert.deepEqual(again, data);
  const other = generatePutian({ seed: 2 });
  assert.notDeepEqual(other.nodes.map((n) => n.name), data.nodes.map((n) => n.name));
  assert.deepEqual(seedFigures(putianSummary(other)), SEED_FIGURES, 'the counts do not depend on the seed');
});

test('names are plausible: 社区/村 villages, 网格 or 小区 grids, 号楼 buildings and 组 groups', () => {
  for (const n of data.nodes) {
    if (n.level === 'village') assert.match(n.name, /^\p{Script=Han}{2,3}\d*(社区|村)$/u);
    if (n.level === 'unit') {
      const urban = byCode.get(n.parent!.slice(0, 12))!.name.endsWith('社区');
      assert.match(n.name, urban ? /^\d+号楼$/ : /^\p{Script=Han}{2}\d*组$/u);
    }
    assert.ok(n.nameEn && /^[A-Z0-9]/.test(n.nameEn), `${n.code} has an English name`);
  }
  // Names do not repeat where people would confuse them: villages within a town, groups
  // within a village, compounds within the city.
  const seen = new Set<string>();
  for (const n of data.nodes) {
    if (n.level === 'village' || (n.level === 'unit' && n.name.endsWith('组'))) {
      const key = `${n.level === 'village' ? n.parent : n.code.slice(0, 12)}|${n.name}`;
      assert.ok(!seen.has(key), `${n.name} repeats in ${key}`);
      seen.add(key);
    }
  }
  assert.equal(new Set(data.overlay.compounds.map((c) => c.name)).size, 563);
  const compoundGrids = new Set(data.overlay.compounds.map((c) => c.node));
  for (const n of data.nodes) {
    if (n.level !== 'grid') continue;
    if (compoundGrids.has(n.code)) assert.match(n.name, /(花园|小区|家园|新村|公寓|雅居|苑)$/);
    else assert.match(n.name, /^.+(社区|村)第.+网格$/);
  }
});

test('urban communities have more grids and more units per grid than rural villages', () => {
  const avg = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const villages = data.nodes.filter((n) => n.level === 'village');
  const grids = data.nodes.filter((n) => n.level === 'grid');
  const urban = (code: string): boolean => byCode.get(code.slice(0, 12))!.name.endsWith('社区');
  assert.ok(avg(grids.filter((g) => urban(g.code)).map((g) => childCount.get(g.code)!)) > 1.25 * avg(grids.filter((g) => !urban(g.code)).map((g) => childCount.get(g.code)!)));
  assert.ok(avg(villages.filter((v) => urban(v.code)).map((v) => childCount.get(v.code)!)) > avg(villages.filter((v) => !urban(v.code)).map((v) => childCount.get(v.code)!)));
  // Streets are mostly communities; rural towns mostly villages; every town has several villages.
  for (const t of data.nodes.filter((n) => n.level === 'town')) {
    const kids = villages.filter((v) => v.parent === t.code);
    assert.ok(kids.length >= 5 && kids.length <= 40, `${t.name} has ${kids.length} villages`);
    const share = kids.filter((v) => v.name.endsWith('社区')).length / kids.length;
    if (t.name.endsWith('街道')) assert.ok(share >= 0.6, `${t.name}: ${share}`);
    else assert.ok(share <= 0.5, `${t.name}: ${share}`);
  }
});

test('the overlay hangs together: every reference resolves, on the right level', () => {
  const o = data.overlay;
  const levelOf = (code: string): string | undefined => byCode.get(code)?.level;
  const orgs = new Map(o.organisations.map((x) => [x.id, x]));
  assert.equal(orgs.size, o.organisations.length, 'organisation ids are unique');
  const expectLevel = { 'community-committee': 'village', 'general-branch': 'village', 'grid-branch': 'grid', 'unit-group': 'unit', 'vanguard-post': 'grid' } as const;
  for (const x of o.organisations) {
    assert.equal(levelOf(x.node), expectLevel[x.kind], `${x.id} sits on a ${expectLevel[x.kind]}`);
    if (x.parent !== undefined) {
      const p = orgs.get(x.parent);
      assert.ok(p, `${x.id}'s parent organisation exists`);
      assert.ok(x.node.startsWith(p.node), `${x.id} lies under its parent organisation's node`);
    }
  }
  const gridsWithBranch = new Set(o.organisations.filter((x) => x.kind === 'grid-branch').map((x) => x.node));
  for (const x of o.organisations) if (x.kind === 'vanguard-post') assert.ok(gridsWithBranch.has(x.node));
  assert.equal(new Set(o.people.map((p) => p.id)).size, o.people.length, 'person ids are unique');
  const roleLevel = { 'grid-head': 'grid', 'unit-head': 'unit', 'grid-worker': 'grid', volunteer: 'village' } as const;
  const heads = new Set<string>();
  for (const p of o.people) {
    assert.equal(levelOf(p.node), roleLevel[p.role]);
    if (p.role !== 'volunteer') {
      assert.ok(!heads.has(`${p.role}:${p.node}`), 'one holder of a role per node');
      heads.add(`${p.role}:${p.node}`);
    }
  }
  assert.equal(new Set(o.facilities.map((f) => f.id)).size, o.facilities.length);
  for (const f of o.facilities) assert.ok(byCode.has(f.node));
  for (const f of o.facilities) if (f.kind === 'service-station') assert.equal(levelOf(f.node), 'grid');
  for (const c of o.compounds) {
    assert.equal(levelOf(c.node), 'grid');
    assert.equal(orgs.get(c.branch!)?.kind, 'grid-branch', 'every compound has its party branch');
    assert.equal(orgs.get(c.branch!)?.node, c.node);
  }
});

test('pairings: 75 communities with organs, 31 leaders, 453 members on 1–2 compounds each, all 563 compounds', () => {
  const p = data.overlay.pairings;
  const compounds = new Map(data.overlay.compounds.map((c) => [c.id, c]));
  const organCommunities = p.filter((x) => x.kind === 'organ-community');
  assert.equal(organCommunities.length, 75);
  const paired = new Set(organCommunities.map((x) => x.target));
  for (const code of paired) assert.ok(byCode.get(code)?.name.endsWith('社区'), `${code} is a community`);
  // Every compound lies in a paired city community.
  for (const c of compounds.values()) assert.ok(paired.has(c.node.slice(0, 12)));
  const leaders = p.filter((x) => x.kind === 'leader-compound');
  assert.equal(new Set(leaders.map((x) => x.target)).size, 31);
  const perMember = new Map<string, number>();
  const covered = new Set<string>();
  for (const x of p.filter((y) => y.kind === 'member-compound')) {
    assert.ok(compounds.has(x.target));
    perMember.set(x.partner, (perMember.get(x.partner) ?? 0) + 1);
    covered.add(x.target);
  }
  assert.equal(perMember.size, 453);
  for (const [member, n] of perMember) assert.ok(n === 1 || n === 2, `${member} links ${n} compounds`);
  assert.equal(covered.size, 563);
});

test('the summary prints as a table in Chinese and in English', () => {
  const s = putianSummary(data);
  const zh = formatPutianSummary(s);
  const en = formatPutianSummary(s, 'en');
  assert.match(zh, /网格\s+10,439/);
  assert.match(zh, /网格长\s+9,796\s+6,807/);
  assert.match(zh, /城市居民小区：563，已挂钩 563 \(100\.0%\)/);
  assert.match(en, /Unit\s+134,753/);
  assert.match(en, /Unit heads\s+119,507\s+24,047/);
  assert.match(en, /Grid party branches\s+7,025/);
  assert.doesNotMatch(en, /\p{Script=Han}/u, 'no Chinese in the English table');
});

const built = buildHierarchy(data.config, data.nodes);

test('the generated city builds with core: no errors, no warnings, the index agrees with the records', () => {
  const r = built;
  assert.ok(r.ok, r.ok ? '' : r.errors.slice(0, 5).map((e) => formatIssue(e, 'en')).join('\n'));
  assert.deepEqual(r.warnings, []);
  const h = r.value;
  assert.equal(h.size, 146_227);
  assert.deepEqual(h.countByLevel(0), [1, 7, 54, 973, 10_439, 134_753]);
  const zone = h.indexOf('3503M1000000');
  assert.deepEqual(h.countByLevel(zone).slice(1, 3), [1, 1]);
  assert.equal(h.name(h.children(zone)[0]), '湄洲镇');
  const licheng = h.search('lcq');
  assert.ok(licheng.map((i) => h.name(i)).includes('荔城区'));
});

test("core's overlay counts and coverage agree with the seed, for the city and per county", () => {
  const h = built;
  assert.ok(h.ok);
  const r = buildOverlay(h.value, data.overlay);
  assert.ok(r.ok, r.ok ? '' : r.errors.slice(0, 5).map((e) => formatIssue(e, 'en')).join('\n'));
  const o = r.value;
  const c = o.counts(0);
  assert.equal(c['org:grid-branch'], 7_025);
  assert.equal(c['org:unit-group'], 5_904);
  assert.equal(c['org:vanguard-post'], 1_710);
  assert.equal(c['org:community-committee'] + c['org:general-branch'], 973);
  assert.equal(c['role:grid-head'], 9_796);
  assert.equal(c['party:grid-head'], 6_807);
  assert.equal(c['role:unit-head'], 119_507);
  assert.equal(c['party:unit-head'], 24_047);
  assert.equal(c['role:grid-worker'], 10_439);
  assert.equal(c['party:volunteer'], PUTIAN_COUNTS.inOfficePartyMembers);
  assert.equal(c['facility:neighbourhood-centre'], 103);
  assert.equal(c['facility:community-governance-centre'], 116);
  assert.equal(c['facility:service-station'], 524);
  assert.equal(c['facility:governance-centre'], 1 + 7 + 54 + 973);
  assert.equal(c.compound, 563);
  assert.equal(c['pairing:organ-community'], 75);
  assert.equal(c['pairing:leader-compound'], 31);
  const cov = Object.fromEntries(putianCoverage().map((d) => [d.id, o.coverage(0, d)]));
  assert.deepEqual(cov['compound-linked'], { id: 'compound-linked', numerator: 563, denominator: 563, ratio: 1 });
  assert.equal(cov['compound-branch'].ratio, 1);
  assert.equal(cov['grid-party-branch'].numerator, 7_025);
  assert.equal(cov['grid-party-branch'].denominator, 10_439);
  assert.equal(cov['party-grid-head'].numerator, 6_807);
  assert.equal(cov['party-unit-head'].denominator, 119_507);
  for (const level of ['city', 'county', 'town', 'village']) assert.equal(cov[`governance-centre:${level}`].ratio, 1, level);
  // Spread: every county has grids, branches and heads; the counties add up to the city.
  const counties = h.value.children(0);
  let branches = 0;
  for (const k of counties) {
    const kc = o.counts(k);
    assert.ok(kc['org:grid-branch'] > 0 && kc['role:unit-head'] > 0 && kc['facility:governance-centre'] > 0, h.value.name(k));
    branches += kc['org:grid-branch'];
  }
  assert.equal(branches, 7_025);
});

test('textTable aligns Chinese and English cells by display width', () => {
  assert.deepEqual(textTable([['层级', '数量'], ['网格', '10,439'], ['Unit', '1']]), ['层级    数量', '网格  10,439', 'Unit       1']);
  assert.equal(displayWidth('网格 10'), 7);
});
