#!/usr/bin/env node
// The `jiceng` command. Runs the compiled entry point (build with `tsc -b` first).
import { main } from '../dist/main.js';

// `jiceng … | head`: a closed pipe ends the output quietly instead of crashing.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2));
