import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { declaredPastLimits, inflatedPastLimits, type ZipLimits } from '../../core/files/zip-limits.ts';

// The one way an archive is read (uploads and Word import alike), through yauzl: ZIP64 is read,
// entry sizes are validated against what the central directory declares, and every byte is
// counted as it inflates against the limits, so no entry can unpack further than they allow,
// whatever its name. Entries are inflated one at a time and dropped unless the caller keeps them.

export type ZipFailure = 'corrupt' | 'encrypted' | 'zip_bomb';

export class ZipRefused extends Error {
  constructor(readonly reason: ZipFailure, cause?: unknown) {
    super(`zip refused: ${reason}`, { cause });
  }
}

export interface ZipArchive {
  /** Every entry's name, in central-directory order. */
  readonly names: readonly string[];
  /** An entry's declared size; inflating it never yields more (validateEntrySizes). */
  sizeOf(name: string): number;
  /** Inflates the named entry within the limits; its bytes when `keep`, else undefined. */
  inflate(name: string, keep: boolean): Promise<Buffer | undefined>;
}

function openArchive(source: Buffer | string): Promise<ZipFile> {
  const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true };
  return typeof source === 'string' ? yauzl.openPromise(source, options) : yauzl.fromBufferPromise(source, options);
}

function refusalOf(error: unknown): ZipRefused {
  if (error instanceof ZipRefused) return error;
  // Inflating past the size the entry declares is the mark of a bomb, not of damage.
  const message = error instanceof Error ? error.message : '';
  return new ZipRefused(message.startsWith('too many bytes in the stream') ? 'zip_bomb' : 'corrupt', error);
}

async function listEntries(zip: ZipFile, limits: ZipLimits): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  const lowerNames = new Set<string>();
  let declaredTotal = 0;
  for await (const entry of zip.eachEntry()) {
    if (entries.size >= limits.maxEntries) throw new ZipRefused('zip_bomb');
    if (declaredPastLimits(limits, entry.uncompressedSize, entry.compressedSize, declaredTotal)) throw new ZipRefused('zip_bomb');
    declaredTotal += entry.uncompressedSize;
    // Two entries with one name (in any case) would let two readers see two different files.
    if (lowerNames.has(entry.fileName.toLowerCase())) throw new ZipRefused('corrupt');
    lowerNames.add(entry.fileName.toLowerCase());
    if (entry.isEncrypted()) throw new ZipRefused('encrypted');
    if (!entry.canDecodeFileData()) throw new ZipRefused('corrupt');
    entries.set(entry.fileName, entry);
  }
  return entries;
}

/**
 * Opens `source` (a file path or the bytes), hands `use` the archive, then inflates every entry
 * `use` left alone, so an archive is only ever accepted whole; throws ZipRefused on a broken,
 * encrypted or exploding archive.
 */
export async function readZip<T>(source: Buffer | string, limits: ZipLimits, use: (archive: ZipArchive) => Promise<T>): Promise<T> {
  let zip: ZipFile;
  try {
    zip = await openArchive(source);
  } catch (error) {
    throw refusalOf(error);
  }
  try {
    const entries = await listEntries(zip, limits).catch((error: unknown) => Promise.reject(refusalOf(error)));
    const done = new Set<string>();
    let total = 0;
    const inflate = async (name: string, keep: boolean): Promise<Buffer | undefined> => {
      const entry = entries.get(name);
      if (!entry || done.has(name)) throw new Error(`no entry ${name} left to inflate`);
      done.add(name);
      const chunks: Buffer[] = [];
      let inflated = 0;
      try {
        const stream = await zip.openReadStreamPromise(entry);
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          inflated += chunk.length;
          total += chunk.length;
          if (inflatedPastLimits(limits, inflated, entry.compressedSize, total)) {
            stream.destroy();
            throw new ZipRefused('zip_bomb');
          }
          if (keep) chunks.push(chunk);
        }
      } catch (error) {
        throw refusalOf(error);
      }
      return keep ? Buffer.concat(chunks) : undefined;
    };
    const sizeOf = (name: string) => entries.get(name)?.uncompressedSize ?? 0;
    const result = await use({ names: [...entries.keys()], sizeOf, inflate });
    for (const name of entries.keys()) {
      if (!done.has(name)) await inflate(name, false);
    }
    return result;
  } finally {
    zip.close();
  }
}
