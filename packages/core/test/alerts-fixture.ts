// Hand-made case histories for the alert rules: events built directly (the engine reads a
// feed, it does not judge it), over the small six-level tree of the case tests.
import type { AnyCaseEvent } from '@jiceng/core/cases';
import type { AlertRule, AlertRuleSet } from '@jiceng/core/alerts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Builds one history: each case's versions are counted for you. */
const CHECKS = new Set<string>(['verified', 'followedUp', 'closed', 'reopened']);
export class History {
  readonly events: AnyCaseEvent[] = [];
  private readonly versions = new Map<string, number>();

  add(caseId: string, type: AnyCaseEvent['type'], at: number, data: Record<string, unknown> = {}): this {
    const version = (this.versions.get(caseId) ?? 0) + 1;
    this.versions.set(caseId, version);
    // Verification, follow-up and close by the county, outside the handling body (separation of duties).
    const by = CHECKS.has(type) ? { actor: 'y', role: 'county-officer', roleNode: '350302000000' } : { actor: 'x', role: 'town-officer', roleNode: '350302101000' };
    this.events.push({ caseId, version, type, at, ...by, data } as AnyCaseEvent);
    return this;
  }

  /** Discovered at `node` and registered with `category` at the same instant. */
  report(caseId: string, node: string, at: number, category: string, address?: string): this {
    this.add(caseId, 'discovered', at, { node, source: 'patrol', description: '问题' });
    return this.add(caseId, 'registered', at, { category, urgency: 'normal', description: '问题', dispatchDueAt: at + HOUR, ...(address ? { address } : {}) });
  }

  /** The events in time order (stable). */
  sorted(): AnyCaseEvent[] {
    return this.events.map((e, i) => [e, i] as const).sort((a, b) => a[0].at - b[0].at || a[1] - b[1]).map(([e]) => e);
  }
}

export const ruleSet = (...rules: AlertRule[]): AlertRuleSet => ({ city: '350300000000', rules });
const nm = { zh: '规则', en: 'rule' };
export const cluster = (over: Partial<AlertRule> = {}): AlertRule => ({ id: 'c', kind: 'cluster', name: nm, severity: 'warning', level: 'grid', minCases: 3, windowHours: 72, ...over } as AlertRule);
export const rise = (over: Partial<AlertRule> = {}): AlertRule => ({ id: 'r', kind: 'rise', name: nm, severity: 'warning', level: 'village', measure: 'open', baselineDays: 2, factor: 1.5, minCount: 2, ...over } as AlertRule);
export const recurrence = (over: Partial<AlertRule> = {}): AlertRule => ({ id: 'rc', kind: 'recurrence', name: nm, severity: 'notice', by: 'node', withinDays: 30, ...over } as AlertRule);
export const deadline = (over: Partial<AlertRule> = {}): AlertRule => ({ id: 'd', kind: 'deadline', name: nm, severity: 'warning', withinWorkHours: 2, ...over } as AlertRule);
