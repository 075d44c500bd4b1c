// Registers every Jiceng element and exports their classes and helpers.
export * from '@jiceng/grid-tree';
export * from '@jiceng/case-form';
export * from '@jiceng/dashboard';
export * from '@jiceng/engagement';
export * from '@jiceng/alerts';
