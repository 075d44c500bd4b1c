/**
 * Loads @jiceng/core and the elements in the browser test page. The core's barrel also
 * exports its CSV reader, which imports papaparse (UMD/CommonJS) that the test server cannot
 * serve as an ES module, and immer, which reads `process.env`. Until the workspace's test
 * server converts CommonJS, an import map added before the first import serves papaparse as
 * an empty module (these elements never parse CSV) and `process.env` gets a stub.
 */
type Core = typeof import('@jiceng/core');

let loading: Promise<Core> | undefined;

async function installShims(): Promise<void> {
  const csvUrl = new URL('/packages/core/src/io/csv.ts', location.href);
  const src = await (await fetch(csvUrl)).text();
  const m = /from\s*['"]([^'"]*papaparse[^'"]*)['"]/.exec(src);
  if (m) {
    const map = document.createElement('script');
    map.type = 'importmap';
    map.textContent = JSON.stringify({ imports: { [new URL(m[1], csvUrl).href]: 'data:text/javascript,export default {}' } });
    document.head.append(map);
  }
  const g = globalThis as unknown as { process?: { env: Record<string, string> } };
  g.process ??= { env: { NODE_ENV: 'development' } };
}

/** The core module (loaded once). */
export function loadCore(): Promise<Core> {
  loading ??= installShims().then(() => import('@jiceng/core'));
  return loading;
}

/** Loads the core and registers the elements. */
export async function loadElements(): Promise<Core> {
  const core = await loadCore();
  await import('../src/define.js');
  return core;
}
