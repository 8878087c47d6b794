// How far an archive may unpack before it is called a zip bomb. Pure: the reader in
// server/files/zip-reader.ts applies these while it inflates, byte by byte, whatever an entry
// is named or claims.

export interface ZipLimits {
  maxEntries: number;
  /** The most one entry may inflate to. */
  maxEntryBytes: number;
  /** The most all entries together may inflate to. */
  maxTotalBytes: number;
  /** Inflated over compressed, once an entry has inflated past ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
}

const MiB = 1024 * 1024;

/**
 * Office packages (.docx, .xlsx, .pptx). A campaign takes office files of 20 MB at most: XML
 * compresses 10–30× and pictures not at all, so a real package inflates to well under 128 MB.
 * Deflate itself reaches ~1000×, so any entry past 200× is built to explode.
 */
export const OFFICE_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxEntryBytes: 64 * MiB,
  maxTotalBytes: 128 * MiB,
  maxRatio: 200,
  ratioFloorBytes: MiB,
};

/** Whether an entry declaring `size` from `compressedSize` breaks the limits before it is inflated. */
export function declaredPastLimits(limits: ZipLimits, size: number, compressedSize: number, totalBefore: number): boolean {
  return inflatedPastLimits(limits, size, compressedSize, totalBefore + size);
}

/** Whether an entry that has inflated `inflated` bytes so far (the archive `total`) broke the limits. */
export function inflatedPastLimits(limits: ZipLimits, inflated: number, compressedSize: number, total: number): boolean {
  if (inflated > limits.maxEntryBytes || total > limits.maxTotalBytes) return true;
  return inflated > limits.ratioFloorBytes && inflated > limits.maxRatio * Math.max(compressedSize, 1);
}
