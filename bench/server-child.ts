// The server process the server benchmark drives (and kills): the demo city on PGlite in
// the given data directory, plus a bare Hono route on its own port for the overhead ratio.
// Prints `READY <api url> <bare url>` when both answer.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { loadConfig, startServer } from '../packages/server/src/index.js';

const s = await startServer(loadConfig({ JICENG_DEMO: '1', ...process.env }), { quiet: true, onStep: (step, ms) => console.log(`STEP ${step} ${ms}`) });
const bare = new Hono();
bare.get('/bare', (c) => c.json({ ok: true }));
const b = serve({ fetch: bare.fetch, hostname: '127.0.0.1', port: 0 }, (info) => console.log(`READY ${s.url} http://127.0.0.1:${info.port}/`));
process.once('SIGTERM', () => void (async () => { b.close(); await s.record.saveSnapshot(); await s.close(); process.exit(0); })());
