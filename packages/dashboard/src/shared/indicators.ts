/**
 * The indicators the dashboard knows: how each is written and which direction is better.
 * @module
 */
import type { DashboardStrings } from './i18n.js';
import type { IndicatorDef, IndicatorId } from './types.js';
import { need } from '@jiceng/ui';

/**
 * The six built-in indicators, in the order the KPI tiles show them; ids are the codes of
 * `@jiceng/core`'s indicators. Rates are fractions 0..1.
 *
 * @example
 * ```ts
 * INDICATORS.find((d) => d.id === 'overdue')?.better; // 'lower'
 * ```
 */
export const INDICATORS: readonly IndicatorDef[] = Object.freeze([
  { id: 'collected', format: 'count', better: 'higher' },
  { id: 'closed', format: 'count', better: 'higher' },
  { id: 'banjieRate', format: 'percent', better: 'higher' },
  { id: 'onTimeCloseRate', format: 'percent', better: 'higher' },
  { id: 'overdue', format: 'count', better: 'lower' },
  { id: 'satisfiedRate', format: 'percent', better: 'higher' },
] satisfies IndicatorDef[]);

const KNOWN = new Set<string>(INDICATORS.map((d) => d.id));

/**
 * The display label of an indicator: its own label, the translated name of a built-in id,
 * or the id.
 *
 * @example
 * ```ts
 * indicatorLabel({ id: 'banjieRate', format: 'percent', better: 'higher' }, DASHBOARD_STRINGS.en); // 'Completion rate'
 * ```
 */
export function indicatorLabel(def: IndicatorDef, s: DashboardStrings): string {
  need('indicatorLabel', 'def', def, 'object', { id: 'string', label: 'string?' });
  need('indicatorLabel', 's', s, 'object');
  return def.label ?? (KNOWN.has(def.id) ? s[def.id as IndicatorId] : def.id);
}

/**
 * The definition of an indicator id among `defs`, else a count that is better higher.
 *
 * @example
 * ```ts
 * indicatorDef('overdue').format; // 'count'
 * ```
 */
export function indicatorDef(id: string, defs: readonly IndicatorDef[] = INDICATORS): IndicatorDef {
  need('indicatorDef', 'id', id, 'string');
  need('indicatorDef', 'defs', defs, 'array');
  return defs.find((d) => d.id === id) ?? { id, format: 'count', better: 'higher' };
}
