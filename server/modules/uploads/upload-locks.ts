import { randomUUID } from 'node:crypto';

// One request writes an upload at a time. A client that lost its connection comes back with a
// new PATCH while the server may not yet have noticed the old one is dead; on the same instance
// the new request stops the old one and waits for it to save what reached the disk, as tusd
// does. Across instances a lease in the upload's row keeps a second instance out until the
// first lets go or its lease runs out (claimUploadWriter); the client is told to retry.

/** This process, as the writer named in an upload's lease. */
export const THIS_INSTANCE = randomUUID();
/**
 * How long a writer's lease holds without renewal, and how often the request holding it renews
 * it: a crashed instance keeps a client waiting (tus clients retry 423) at most this long.
 */
export const WRITER_LEASE_MS = 15_000;
export const WRITER_RENEW_MS = 5_000;

interface Holder {
  stop: () => void;
  released: Promise<void>;
}

const holders = new Map<string, Holder>();

/** Takes the upload for one request, stopping and awaiting any request that holds it. */
export async function lockUpload(id: string, stop: () => void): Promise<() => void> {
  for (let current = holders.get(id); current; current = holders.get(id)) {
    current.stop();
    await current.released;
  }
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  holders.set(id, { stop, released });
  return () => {
    holders.delete(id);
    release();
  };
}

/** Whether a request is writing this upload right now. */
export function isUploadLocked(id: string): boolean {
  return holders.has(id);
}
