export * from '@jiceng/dashboard';
