// A small static server for the demo portal: examples/portal at /, the drop-in bundles at
// /bundle/. Listens on 127.0.0.1 only. `PORT=… node scripts/serve.mjs`.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
/** The demo portal's mounts: URL prefix → folder. */
export const PORTAL_MOUNTS = [
  ['/bundle/', join(root, 'dist/bundle')],
  ['/', join(root, 'examples/portal')],
];
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.map': 'application/json',
};

/** Starts a static server over `mounts` (default: the portal); resolves with its URL. */
export function serve(port = Number(process.env.PORT ?? 4173), host = '127.0.0.1', mounts = PORTAL_MOUNTS) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    for (const [prefix, dir] of mounts) {
      if (!path.startsWith(prefix)) continue;
      let file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(dir)) break;
      try {
        if (statSync(file).isDirectory()) file = join(file, 'index.html');
        const st = statSync(file);
        res.writeHead(200, {
          'content-type': types[extname(file)] ?? 'application/octet-stream',
          'content-length': st.size,
          'cache-control': 'no-cache',
          'x-content-type-options': 'nosniff',
        });
        createReadStream(file).pipe(res);
        return;
      } catch { /* try the next mount */ }
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found');
  });
  return new Promise((ok, bad) => {
    server.once('error', bad);
    server.listen(port, host, () => ok({ url: `http://${host}:${server.address().port}/`, server }));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serve();
  console.log(`Jiceng demo portal: ${url}  (Ctrl+C to stop)`);
}
