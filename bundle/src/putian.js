export * from '@jiceng/putian';
