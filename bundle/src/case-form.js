export * from '@jiceng/case-form';
