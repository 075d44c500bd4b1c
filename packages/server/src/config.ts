/**
 * The server's configuration, from the environment.
 * @module
 */
import type { Limits } from './app.js';

/**
 * Everything a server is started with.
 *
 * @example
 * ```ts
 * const config = loadConfig(process.env);
 * config.port; // 4173
 * ```
 */
export interface ServerConfig {
  /** A PostgreSQL URL (`JICENG_DATABASE_URL`); absent: embedded PGlite in {@link dataDir}. */
  databaseUrl?: string;
  /** The PGlite data directory and the demo's token keys (`JICENG_DATA_DIR`, default `./.jiceng-data`). */
  dataDir: string;
  host: string;
  port: number;
  /** Token issuer and audience (`JICENG_JWT_ISSUER`, `JICENG_JWT_AUDIENCE`). */
  issuer: string;
  audience: string;
  /** Token keys: PEM public (and private) key or an HS256 secret; absent: a key pair kept in the data directory. */
  jwt: { alg?: string; publicKey?: string; privateKey?: string; secret?: string };
  /** Browser origins allowed to call the API (`JICENG_CORS_ORIGINS`, comma-separated). */
  corsOrigins: string[];
  /** The development sign-in (`JICENG_DEV_SIGNIN=1`). */
  devSignin: boolean;
  /** Load the Putian demo city and its history (`JICENG_DEMO=1`; `pnpm start` sets it). */
  demo: boolean;
  /** Cases of the demo history (`JICENG_DEMO_CASES`, default 533,500). */
  demoCases?: number;
  limits: Partial<Limits>;
}

const int = (v: string | undefined, fallback: number): number => {
  const n = v === undefined || v === '' ? fallback : Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a whole number: ${v}`);
  return n;
};

/**
 * Reads the configuration from environment variables (see {@link ServerConfig}).
 *
 * @example
 * ```ts
 * loadConfig({ JICENG_PORT: '8080', JICENG_DEV_SIGNIN: '1' }).devSignin; // true
 * ```
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const limits: Partial<Limits> = {};
  if (env.JICENG_BODY_LIMIT) limits.bodyBytes = int(env.JICENG_BODY_LIMIT, 0);
  if (env.JICENG_RATE_PER_MINUTE) limits.perMinute = int(env.JICENG_RATE_PER_MINUTE, 0);
  if (env.JICENG_RATE_BURST) limits.burst = int(env.JICENG_RATE_BURST, 0);
  if (env.JICENG_TIMEOUT_MS) limits.timeoutMs = int(env.JICENG_TIMEOUT_MS, 0);
  return {
    ...(env.JICENG_DATABASE_URL ? { databaseUrl: env.JICENG_DATABASE_URL } : {}),
    dataDir: env.JICENG_DATA_DIR || './.jiceng-data',
    host: env.JICENG_HOST || '127.0.0.1',
    port: int(env.JICENG_PORT ?? env.PORT, 4173),
    issuer: env.JICENG_JWT_ISSUER || 'jiceng',
    audience: env.JICENG_JWT_AUDIENCE || 'jiceng-api',
    jwt: {
      ...(env.JICENG_JWT_ALG ? { alg: env.JICENG_JWT_ALG } : {}),
      ...(env.JICENG_JWT_PUBLIC_KEY ? { publicKey: env.JICENG_JWT_PUBLIC_KEY } : {}),
      ...(env.JICENG_JWT_PRIVATE_KEY ? { privateKey: env.JICENG_JWT_PRIVATE_KEY } : {}),
      ...(env.JICENG_JWT_SECRET ? { secret: env.JICENG_JWT_SECRET } : {}),
    },
    corsOrigins: (env.JICENG_CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    devSignin: env.JICENG_DEV_SIGNIN === '1',
    demo: env.JICENG_DEMO === '1',
    ...(env.JICENG_DEMO_CASES ? { demoCases: int(env.JICENG_DEMO_CASES, 0) } : {}),
    limits,
  };
}
