import { createHash } from 'node:crypto';

// The chain's hashing, written down so that anyone can re-verify an exported log:
//   hash = sha256_hex(prev_hash + "\n" + canonicalJson({ seq, at, actorId, actorLabel, action,
//                                                        subjectType, subjectId, change }))
// canonicalJson is JSON with every object's keys sorted (by UTF-16 code units) and no spaces.

/** The prev_hash of entry #1, and the head's hash before any entry exists. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  seq: number;
  at: string;
  /** Null for the system or for someone not signed in (a failed sign-in). */
  actorId: string | null;
  /** Who acted, as people read it: a name or e-mail, or "system". */
  actorLabel: string;
  /** `<area>.<verb>`: 'auth.sign_in', 'auth.sign_in_failed', 'organization.update', 'role.grant'. */
  action: string;
  subjectType: string;
  subjectId: string | null;
  change: Record<string, unknown>;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return `{${Object.keys(object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(object[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * JSON with sorted keys. The value first goes through JSON itself, so dates become strings and
 * undefined members vanish exactly as they would in storage.
 */
export function canonicalJson(value: unknown): string {
  const plain: unknown = JSON.parse(JSON.stringify(value) ?? 'null');
  return canonical(plain);
}

/** The hash that links `record` after the entry whose hash is `prevHash`. */
export function hashAuditRecord(prevHash: string, record: AuditRecord): string {
  return createHash('sha256').update(`${prevHash}\n${canonicalJson(record)}`).digest('hex');
}
