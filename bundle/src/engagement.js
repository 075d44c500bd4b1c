export * from '@jiceng/engagement';
