/**
 * Bearer tokens: a JWT (jose) names the actor (`sub`) and carries its role grants
 * (`grants: ['town-officer@350302001000', …]`). The server builds the actor from the verified
 * token alone — no request can add a grant the token lacks.
 * @module
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, importPKCS8, importSPKI, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { Actor } from '@jiceng/core';
import { ApiError } from './errors.js';
import { argumentError, need } from '@jiceng/core/errors';

/**
 * How tokens are checked (and, for the development sign-in, issued).
 *
 * @example
 * ```ts
 * const keys = await loadOrCreateKeys('./.jiceng-data');
 * const auth: AuthConfig = { issuer: 'jiceng', audience: 'jiceng-api', ...keys };
 * ```
 */
export interface AuthConfig {
  issuer: string;
  audience: string;
  /** The signature algorithm (default ES256). */
  alg: string;
  /** The key tokens are verified with (a public key, or the secret for HS256). */
  verifyKey: CryptoKey | Uint8Array;
  /** The key tokens are signed with: only for the development sign-in and tests. */
  signKey?: CryptoKey | Uint8Array;
}

const GRANT = /^([a-z][a-z0-9-]{0,39})@([0-9A-Za-z_.-]{1,40})$/;

/**
 * A grant as a token carries it (`role@node`) back as the core's role grant.
 *
 * @example
 * ```ts
 * parseGrant('grid-worker@350302001001001'); // { role: 'grid-worker', node: '350302001001001' }
 * ```
 */
export function parseGrant(s: string): { role: string; node: string } | undefined {
  need('parseGrant', 's', s, 'string');
  const m = GRANT.exec(s);
  return m ? { role: m[1], node: m[2] } : undefined;
}

/**
 * Verifies a bearer token and gives the actor it names, or throws a 401 `ApiError`.
 *
 * @example
 * ```ts
 * const actor = await verifyToken(token, auth); // { id: 'to1-350302001000', roles: [{ role: 'town-officer', node: '350302001000' }] }
 * ```
 */
export async function verifyToken(token: string, auth: AuthConfig): Promise<Actor> {
  need('verifyToken', 'token', token, 'string');
  need('verifyToken', 'auth', auth, 'object', { issuer: 'string', audience: 'string', alg: 'string' });
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, auth.verifyKey, { issuer: auth.issuer, audience: auth.audience, algorithms: [auth.alg] }));
  } catch {
    throw ApiError.of('E_BAD_TOKEN');
  }
  const sub = payload.sub;
  const grants = payload.grants;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 100 || !Array.isArray(grants) || grants.length > 50) throw ApiError.of('E_BAD_TOKEN');
  const roles = [];
  for (const g of grants) {
    const p = typeof g === 'string' ? parseGrant(g) : undefined;
    if (!p) throw ApiError.of('E_BAD_TOKEN');
    roles.push(p);
  }
  return { id: sub, roles };
}

/**
 * Issues a token for an actor (development sign-in, tests, and services that mint their own).
 *
 * @example
 * ```ts
 * const token = await issueToken({ id: 'gw-1', roles: [{ role: 'grid-worker', node: '350302001001001' }] }, auth, '8h');
 * ```
 */
export async function issueToken(actor: Actor, auth: AuthConfig, expiresIn: string | number = '8h'): Promise<string> {
  need('issueToken', 'actor', actor, 'object', { id: 'string', roles: 'array' });
  need('issueToken', 'auth', auth, 'object', { issuer: 'string', audience: 'string', alg: 'string' });
  if (!auth.signKey) throw new Error('no signing key configured');
  return new SignJWT({ grants: actor.roles.map((g) => `${g.role}@${g.node}`) })
    .setProtectedHeader({ alg: auth.alg })
    .setSubject(actor.id)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(auth.signKey);
}

/**
 * The demo's key pair, kept in the data directory (`keys.json`, created on first use; the
 * data directory is never committed).
 *
 * @example
 * ```ts
 * const { alg, verifyKey, signKey } = await loadOrCreateKeys('./.jiceng-data');
 * ```
 */
export async function loadOrCreateKeys(dir: string): Promise<Pick<AuthConfig, 'alg' | 'verifyKey' | 'signKey'>> {
  need('loadOrCreateKeys', 'dir', dir, 'string');
  const file = join(dir, 'keys.json');
  let pair: { publicJwk: JWK; privateJwk: JWK };
  if (existsSync(file)) pair = JSON.parse(readFileSync(file, 'utf8')) as typeof pair;
  else {
    const k = await generateKeyPair('ES256', { extractable: true });
    pair = { publicJwk: await exportJWK(k.publicKey), privateJwk: await exportJWK(k.privateKey) };
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(pair) + '\n', { mode: 0o600 });
  }
  return {
    alg: 'ES256',
    verifyKey: (await importJWK(pair.publicJwk, 'ES256')) as CryptoKey,
    signKey: (await importJWK(pair.privateJwk, 'ES256')) as CryptoKey,
  };
}

/**
 * Keys from configuration: a PEM public key (and optionally the private one) for an
 * asymmetric algorithm, or a shared secret for HS256.
 *
 * @example
 * ```ts
 * const keys = await keysFromConfig({ alg: 'ES256', publicKey: process.env.JICENG_JWT_PUBLIC_KEY });
 * ```
 */
export async function keysFromConfig(c: { alg?: string; publicKey?: string; privateKey?: string; secret?: string }): Promise<Pick<AuthConfig, 'alg' | 'verifyKey' | 'signKey'>> {
  need('keysFromConfig', 'c', c, 'object', { alg: 'string?', publicKey: 'string?', privateKey: 'string?', secret: 'string?' });
  if (c.secret) {
    const key = new TextEncoder().encode(c.secret);
    return { alg: 'HS256', verifyKey: key, signKey: key };
  }
  const alg = c.alg ?? 'ES256';
  if (!c.publicKey) throw argumentError('keysFromConfig', 'c.publicKey', { zh: '公钥（JICENG_JWT_PUBLIC_KEY）或密钥（JICENG_JWT_SECRET）', en: 'a public key (JICENG_JWT_PUBLIC_KEY) or a secret (JICENG_JWT_SECRET)' });
  return {
    alg,
    verifyKey: await importSPKI(c.publicKey, alg),
    ...(c.privateKey ? { signKey: await importPKCS8(c.privateKey, alg) } : {}),
  };
}
