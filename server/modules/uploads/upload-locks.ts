// One request writes an upload at a time. A client that lost its connection comes back with a
// new PATCH while the server may not yet have noticed the old one is dead; the new request
// stops the old one and waits for it to save what reached the disk, as tusd does. In-process:
// an upload's bytes are on this instance's disk anyway.

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
