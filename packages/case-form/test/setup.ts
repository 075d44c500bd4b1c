/**
 * Loads @jiceng/core and the elements in the browser test page. (The workspace's test
 * runner serves the core's CommonJS dependency as a module and stubs `process` for immer.)
 */
type Core = typeof import('@jiceng/core') & typeof import('@jiceng/core/errors') & typeof import('@jiceng/core/cases')
  & typeof import('@jiceng/core/calendar') & typeof import('@jiceng/core/access');

let loading: Promise<Core> | undefined;

/** The core module (loaded once). */
export function loadCore(): Promise<Core> {
  loading ??= Promise.all([
    import('@jiceng/core'), import('@jiceng/core/errors'), import('@jiceng/core/cases'), import('@jiceng/core/calendar'), import('@jiceng/core/access'),
  ]).then((entries) => Object.assign({}, ...entries) as Core);
  return loading;
}

/** Loads the core and registers the elements. */
export async function loadElements(): Promise<Core> {
  const core = await loadCore();
  await import('../src/define.js');
  return core;
}
