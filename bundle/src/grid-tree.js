export * from '@jiceng/grid-tree';
