#!/usr/bin/env node
// The `jiceng` command. Runs the compiled entry point (build with `tsc -b` first).
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
