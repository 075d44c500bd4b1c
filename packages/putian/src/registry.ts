/**
 * Putian's special-population registry, generated: about 69,000 records of the five groups
 * and about 20,200 mental-health hand-overs (一历五单), as registry events. The two totals are
 * inputs taken from the seed (排查采集五类特殊人群数据6.9万条；推送精神障碍患者“一历（表）五单”
 * 2.02万单); the split over groups, the places, the dates and the forms are generated.
 * Synthetic people only: pseudonymous ids and generated names, never an identity number or
 * a phone number.
 * @module
 */
import { type HierarchyIndex } from '@jiceng/core';
import {
  DEFAULT_GROUPS, EXAMPLE_FORM_SET, type HandoverFormSet, type LegalBasis, type RegistryEvent,
} from '@jiceng/core/registry';
import { personName } from './names.js';
import { apportion, createRng } from './random.js';
import { need } from '@jiceng/core/errors';
import { HIERARCHY } from './shapes.js';

/**
 * The seed's registry figures (inputs): 69,000 special-population records, 20,200 hand-overs.
 *
 * @example
 * ```ts
 * PUTIAN_REGISTRY_COUNTS.handovers; // 20200
 * ```
 */
export const PUTIAN_REGISTRY_COUNTS = Object.freeze({ records: 69_000, handovers: 20_200 });

/**
 * The [inferred] shares of the five groups (the seed gives only the total); people with
 * severe mental disorders must be many enough for the hand-overs.
 *
 * @example
 * ```ts
 * PUTIAN_GROUP_SHARES['severe-mental-disorder']; // 0.3
 * ```
 */
export const PUTIAN_GROUP_SHARES: Readonly<Record<string, number>> = Object.freeze({
  'released-prisoner': 0.24, 'community-correction': 0.08, 'severe-mental-disorder': 0.3, 'drug-user': 0.26, 'hiv-risk': 0.12,
});

const BASIS: Record<string, LegalBasis> = {
  'severe-mental-disorder': { basis: 'statutory-duty', articles: ['PIPL 13(1)(3)', 'PIPL 34', '精神卫生法 第二十四条'], informed: true },
  default: { basis: 'statutory-duty', articles: ['PIPL 13(1)(3)', 'PIPL 34'], informed: true },
};
/** Relative frequency of the forms of a set (the discharge/treatment hand-over most often). */
const FORM_WEIGHT: Record<string, number> = { treatment: 5, risk: 2, guardianship: 2, relief: 1, rehabilitation: 1 };
const DAY = 86_400_000;
const FROM = Date.parse('2016-01-01T00:00:00+08:00');
const TO = Date.parse('2022-12-31T00:00:00+08:00');

/**
 * Generates the registry events: `records` enrolments (split over the groups by
 * {@link PUTIAN_GROUP_SHARES}, at units across the city, 2016–2022), then `handovers`
 * hand-overs of people with severe mental disorders, each made with a form of `forms`
 * (default {@link EXAMPLE_FORM_SET}), in time order. Deterministic for a seed.
 *
 * @example
 * ```ts
 * const events = generatePutianRegistry(hierarchy, { seed: 1 });
 * replayRegistry(events).persons.size; // 69000
 * ```
 */
export function generatePutianRegistry(
  h: HierarchyIndex,
  opts: { seed?: number; records?: number; handovers?: number; forms?: HandoverFormSet } = {},
): RegistryEvent[] {
  need('generatePutianRegistry', 'h', h, 'object', HIERARCHY);
  need('generatePutianRegistry', 'opts', opts, 'object', { seed: 'integer?', records: 'count?', handovers: 'count?', forms: 'object?' });
  const rng = createRng((opts.seed ?? 1) ^ 0x2e915);
  const records = opts.records ?? PUTIAN_REGISTRY_COUNTS.records;
  const handovers = opts.handovers ?? PUTIAN_REGISTRY_COUNTS.handovers;
  const forms = opts.forms ?? EXAMPLE_FORM_SET;
  const lowest = h.config.levels.length - 1;
  const units: number[] = [];
  for (let i = 0; i < h.size; i++) if (h.levelOf[i] === lowest) units.push(i);
  const groups = DEFAULT_GROUPS.map((g) => g.id);
  const perGroup = apportion(records, groups.map((g) => PUTIAN_GROUP_SHARES[g] ?? 0));
  const enrolled: RegistryEvent[] = [];
  const mental: { id: string; at: number }[] = [];
  let n = 0;
  groups.forEach((group, gi) => {
    for (let k = 0; k < perGroup[gi]; k++) {
      const id = `RP${String(++n).padStart(6, '0')}`;
      const at = FROM + Math.floor(rng.next() * ((TO - FROM) / DAY)) * DAY + 9 * 3_600_000;
      const isMental = group === 'severe-mental-disorder';
      enrolled.push({
        type: 'enrolled', personId: id, at, by: 'putian-generator', group, node: h.code(units[rng.int(units.length)]),
        person: { name: personName(rng) }, legalBasis: BASIS[group] ?? BASIS.default,
        ...(isMental ? { riskLevel: rng.next() < 0.8 ? rng.int(3) : 3 + rng.int(3) } : {}),
      });
      if (isMental) mental.push({ id, at });
    }
  });
  if (handovers > 0 && mental.length === 0) throw new RangeError('generatePutianRegistry: hand-overs need people with severe mental disorders');
  const weights = forms.forms.map((f) => FORM_WEIGHT[f.id] ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const handed: RegistryEvent[] = [];
  for (let k = 0; k < handovers; k++) {
    const p = mental[rng.int(mental.length)];
    let r = rng.next() * total, f = 0;
    while (r >= weights[f] && f < weights.length - 1) r -= weights[f++];
    const form = forms.forms[f];
    const fields = Object.fromEntries(form.fields.map((x) => [x.id, x.id === 'dischargeDate' ? '2022-01-01' : x.label.zh]));
    const at = Math.min(TO + DAY * 365, p.at + (1 + rng.int(700)) * DAY);
    handed.push({ type: 'handed-over', personId: p.id, at, by: 'putian-generator', from: form.from, to: form.to, form: { set: forms.id, form: form.id, fields } });
  }
  const all = [...enrolled, ...handed];
  return all.sort((a, b) => a.at - b.at || (a.type === 'enrolled' ? 0 : 1) - (b.type === 'enrolled' ? 0 : 1));
}
