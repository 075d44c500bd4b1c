#!/usr/bin/env node
// The `jiceng` command. Runs the compiled entry point (`scripts/setup.sh` builds it; after
// editing the sources, `pnpm build`).
let main;
try {
  ({ main } = await import('../dist/main.js'));
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist/main.js')) throw e;
  process.stderr.write('jiceng: 尚未构建（缺少 dist/main.js），请先运行 pnpm build\n'
    + 'jiceng: not built yet (dist/main.js is missing): run pnpm build first\n');
  process.exit(1);
}

// `jiceng … | head`: a closed pipe ends the output quietly instead of crashing.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2));
