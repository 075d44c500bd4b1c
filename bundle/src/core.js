export * from '@jiceng/core';
