/**
 * Loads @jiceng/core and the elements in the browser test page. (The workspace's test
 * runner serves the core's CommonJS dependency as a module and stubs `process` for immer.)
 */
type Core = typeof import('@jiceng/core');

let loading: Promise<Core> | undefined;

/** The core module (loaded once). */
export function loadCore(): Promise<Core> {
  loading ??= import('@jiceng/core');
  return loading;
}

/** Loads the core and registers the elements. */
export async function loadElements(): Promise<Core> {
  const core = await loadCore();
  await import('../src/define.js');
  return core;
}
