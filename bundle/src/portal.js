// What the demo portal (examples/portal/app.js) takes from the core and the Putian profile, and
// nothing else: rollup keeps only these and what they use. The portal once imported the whole of
// jiceng-core.js and jiceng-putian.js (1.1 MB minified, each with its own copy of the core) for
// seven names, and its first screen waited for all of it to download, parse and run.
export { buildHierarchy, periodOf } from '@jiceng/core';
export { CASE_TOPICS, CASE_STATUS_LABELS } from '@jiceng/core/cases';
export { periodLabel } from '@jiceng/core/metrics';
export { putianConfig, putianCategories } from '@jiceng/putian';
