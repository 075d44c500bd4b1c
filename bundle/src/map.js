export * from '@jiceng/map';
