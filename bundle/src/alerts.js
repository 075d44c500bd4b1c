export * from '@jiceng/alerts';
