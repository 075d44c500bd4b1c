// immer (in the core's barrel, pulled in by the Putian profile) reads process.env.NODE_ENV
// when it loads; a page has no `process`. Imported first by tests that load the core barrel.
const g = globalThis as unknown as { process?: { env: Record<string, string> } };
g.process ??= { env: { NODE_ENV: 'production' } };
export {};
