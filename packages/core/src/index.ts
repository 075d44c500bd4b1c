/**
 * `@jiceng/core`: the domain of grid-based grassroots governance, pure TypeScript — no DOM,
 * no I/O. The root holds what a first walk needs (the getting-started guide): build the
 * hierarchy, run a case through its seven steps, read the figures. Each domain has its own
 * entry point with the rest of its names: `@jiceng/core/hierarchy`, `/overlay`, `/io`,
 * `/cases`, `/calendar`, `/metrics`, `/lists`, `/access`, `/registry`, `/engagement`,
 * `/alerts`, `/geo` and `/errors`.
 *
 * @example
 * ```ts
 * import { buildHierarchy, CaseStore, createMetrics, type Actor } from '@jiceng/core';
 * const built = buildHierarchy(config, nodes);
 * if (built.ok) {
 *   const store = new CaseStore({ hierarchy: built.value, categories });
 *   const metrics = createMetrics({ hierarchy: built.value, facts: store.facts, now: Date.now() });
 * }
 * ```
 * @module
 */
export { JcError, type JcIssue, type Lang, type LocalizedText, type Result } from './errors/index.js';
export { buildHierarchy, type HierarchyConfig, type HierarchyIndex, type NodeInput } from './hierarchy/index.js';
export { CASE_STATUSES, CaseStore, type Actor, type CaseState, type RoleGrant } from './cases/index.js';
export { createMetrics, dashboardSlice, Metrics, periodOf } from './metrics/index.js';
