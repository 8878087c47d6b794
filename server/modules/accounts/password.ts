import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id with OWASP's parameters (19 MiB, t=2, p=1); the
// algorithm is recorded in the hash itself, which a test checks.

export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Made once, with the same parameters as every stored hash, and started as the module loads so
// the first sign-in for an unknown address does not take a hash longer than the others.
const dummyHash = hashPassword(randomBytes(32).toString('base64url'));

/**
 * The password checked against the account's hash, or against a dummy one when there is no
 * usable account: either way one argon2 verification runs, so the time taken does not tell
 * whether an address has an account. Never true without a hash.
 */
export async function verifyPasswordOrDummy(passwordHash: string | null, password: string): Promise<boolean> {
  const matched = await verifyPassword(passwordHash ?? (await dummyHash), password);
  return passwordHash !== null && matched;
}
