/**
 * The people of the demo city one may sign in as (development sign-in only): the officers
 * the generated history uses, named by role and node (`gw-<grid>`, `to1-<town>`…).
 * @module
 */
import type { HierarchyIndex, RoleGrant } from '@jiceng/core';
import { need } from '@jiceng/core/errors';

/**
 * A person of the demo city.
 *
 * @example
 * ```ts
 * const p: DemoPerson = { id: 'to1-350302001000', name: { zh: '镇街干部 1 · 拱辰街道', en: 'Town officer 1 · Gongchen' }, grants: [{ role: 'town-officer', node: '350302001000' }] };
 * ```
 */
export interface DemoPerson {
  id: string;
  name: { zh: string; en: string };
  grants: RoleGrant[];
}

const ROLE_NAMES: Record<string, [string, string]> = {
  'grid-worker': ['网格员', 'Grid worker'], 'grid-head': ['网格长', 'Grid head'], 'village-officer': ['村居干部', 'Village officer'],
  'town-officer': ['镇街干部', 'Town officer'], 'county-officer': ['县区干部', 'County officer'], 'city-officer': ['市级干部', 'City officer'],
  'party-member': ['在职党员', 'Party member'], citizen: ['居民', 'Resident'],
};
/** People who are not officers (engagement): prefix → role and the levels they live at. */
const NON_OFFICERS: Record<string, [string, string[]]> = { pm: ['party-member', ['village']], re: ['citizen', ['grid', 'unit']] };

function person(h: HierarchyIndex, pos: number, prefix: string): DemoPerson | undefined {
  const level = h.level(pos).id;
  let role: string;
  const other = NON_OFFICERS[prefix.slice(0, 2)];
  if (other) role = /[12]$/.test(prefix) && other[1].includes(level) ? other[0] : '';
  else if (level === 'grid') role = prefix === 'gw' ? 'grid-worker' : prefix === 'gh' ? 'grid-head' : '';
  else role = prefix.slice(0, 2) === level.slice(0, 2) && /[12]$/.test(prefix) ? `${level}-officer` : '';
  const names = ROLE_NAMES[role];
  if (!names) return undefined;
  const n = /[12]$/.test(prefix) ? ` ${prefix.slice(2)}` : '';
  return {
    id: `${prefix}-${h.code(pos)}`,
    name: { zh: `${names[0]}${n} · ${h.name(pos)}`, en: `${names[1]}${n} · ${h.nameEn(pos)}` },
    grants: [{ role, node: h.code(pos) }],
  };
}

/**
 * The people acting at a node and every node above it, lowest first.
 *
 * @example
 * ```ts
 * peopleAt(h, h.indexOf(gridCode)).map((p) => p.id); // ['gw-…', 'gh-…', 'vi1-…', 'vi2-…', 'to1-…', …]
 * ```
 */
export function peopleAt(h: HierarchyIndex, pos: number): DemoPerson[] {
  need('peopleAt', 'h', h, 'object', { config: 'object', indexOf: 'function', code: 'function', size: 'number', path: 'function', level: 'function' });
  need('peopleAt', 'pos', pos, 'count');
  const out: DemoPerson[] = [];
  for (const p of h.path(pos).reverse()) {
    const level = h.level(p).id;
    const prefixes = level === 'grid' ? ['gw', 'gh'] : [`${level.slice(0, 2)}1`, `${level.slice(0, 2)}2`];
    for (const [k, [, levels]] of Object.entries(NON_OFFICERS)) if (levels.includes(level)) prefixes.push(`${k}1`, `${k}2`);
    for (const x of prefixes) {
      const one = person(h, p, x);
      if (one) out.push(one);
    }
  }
  return out;
}

/**
 * The person with an id of the demo's form, or undefined.
 *
 * @example
 * ```ts
 * personById(h, 'to1-350302001000')?.grants; // [{ role: 'town-officer', node: '350302001000' }]
 * ```
 */
export function personById(h: HierarchyIndex, id: string): DemoPerson | undefined {
  const m = /^([a-z]{2}[12]?)-([0-9A-Za-z]+)$/.exec(id);
  if (!m) return undefined;
  const pos = h.indexOf(m[2]);
  return pos < 0 ? undefined : person(h, pos, m[1]);
}
