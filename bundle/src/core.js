// The core for pages that drive the elements: every domain entry the package root used to
// re-export (the root now holds only the getting-started names, all of them included here).
export * from '@jiceng/core/errors';
export * from '@jiceng/core/hierarchy';
export * from '@jiceng/core/overlay';
export * from '@jiceng/core/io';
export * from '@jiceng/core/calendar';
export * from '@jiceng/core/cases';
export * from '@jiceng/core/access';
export * from '@jiceng/core/registry';
export * from '@jiceng/core/metrics';
export * from '@jiceng/core/lists';
