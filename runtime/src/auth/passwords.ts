import { randomBytes, scrypt as scryptCb, timingSafeEqual, hash, type ScryptOptions } from 'node:crypto';

/** Passwords hashed with scrypt (memory-hard), tokens as random bytes stored only as their SHA-256. */

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

/** OWASP's Password Storage Cheat Sheet (2024): scrypt with N=2^17, r=8, p=1, i.e. 128 MiB per hash. */
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 };

/** The largest cost a stored hash may ask for: a tampered row cannot make one login take gigabytes or minutes. */
const MAX_N = 2 ** 20;

/** scrypt needs 128·N·r·p bytes; Node refuses anything over `maxmem` (32 MiB by default), so it is given room. */
function options(N: number, r: number, p: number): ScryptOptions {
  return { N, r, p, maxmem: 128 * N * r * p + 16 * 1024 * 1024 };
}

/** `params` below today's cost only for passwords everyone knows (the demo seed's): re-hashed at the first sign-in. */
export async function hashPassword(password: string, params = SCRYPT_PARAMS): Promise<string> {
  const { N, r, p } = params;
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, options(N, r, p));
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !hash) return false;
  const [N, R, P] = [Number(n), Number(r), Number(p)];
  if (!(N > 1 && N <= MAX_N && R >= 1 && R <= 32 && P >= 1 && P <= 16)) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, options(N, R, P));
  return timingSafeEqual(key, expected);
}

/** A hash made with a lower cost than today's: re-hashed at the user's next successful sign-in. */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split('$');
  return (
    scheme !== 'scrypt' || Number(n) < SCRYPT_PARAMS.N || Number(r) < SCRYPT_PARAMS.r || Number(p) < SCRYPT_PARAMS.p
  );
}

/**
 * A hash of no one's password at today's cost, checked when the username is unknown so that the answer takes as long
 * as for a known one and does not tell which usernames exist. Made once, lazily.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('base64'));
  return decoy;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return hash('sha256', token, 'hex');
}
