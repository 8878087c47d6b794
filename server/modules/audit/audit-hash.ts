import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../core/text/canonical-json.ts';

export { canonicalJson };

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

/** The hash that links `record` after the entry whose hash is `prevHash`. */
export function hashAuditRecord(prevHash: string, record: AuditRecord): string {
  return createHash('sha256').update(`${prevHash}\n${canonicalJson(record)}`).digest('hex');
}
