import type { StorybookConfig } from '@storybook/web-components-vite';

// One Storybook for every component package; each package keeps its stories beside it.
const config: StorybookConfig = {
  stories: ['../packages/*/stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(cfg) {
    cfg.resolve ??= {};
    // Stories run from the packages' TypeScript sources, like the tests.
    (cfg.resolve as { conditions?: string[] }).conditions = ['source', 'browser', 'module', 'import', 'default'];
    // Storybook's own preview runtime is one large chunk; that is not ours to split.
    cfg.build = { ...(cfg.build ?? {}), chunkSizeWarningLimit: 4096 };
    cfg.define = { ...(cfg.define ?? {}), 'process.env.NODE_ENV': JSON.stringify('production') };
    cfg.esbuild = { ...(cfg.esbuild || {}), tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } } };
    return cfg;
  },
};
export default config;
