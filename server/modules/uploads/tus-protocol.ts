// The pieces of tus 1.0.0 (https://tus.io/protocols/resumable-upload) that are plain data:
// versions, extensions and header values. Core protocol, creation and termination.

export const TUS_VERSION = '1.0.0';
export const TUS_EXTENSIONS = 'creation,termination';
export const TUS_CONTENT_TYPE = 'application/offset+octet-stream';
/** The most any upload may declare; each kind of attachment has its own, smaller limit. */
export const TUS_MAX_SIZE = 2 * 1024 ** 3;

/** A non-negative integer header (Upload-Length, Upload-Offset), or undefined when it is not one. */
export function parseSize(value: string | string[] | undefined): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,16}$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * Upload-Metadata: comma-separated "key base64value" pairs (a key alone means an empty value).
 * Undefined when malformed; values are decoded as UTF-8.
 */
export function parseMetadata(value: string | string[] | undefined): Record<string, string> | undefined {
  if (value === undefined) return {};
  if (typeof value !== 'string' || value.length > 4096) return undefined;
  const pairs: Record<string, string> = {};
  for (const part of value.split(',')) {
    const [key, encoded = '', ...rest] = part.trim().split(' ');
    if (!key || rest.length > 0 || !/^[A-Za-z0-9_.-]+$/.test(key) || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) return undefined;
    const bytes = Buffer.from(encoded, 'base64');
    const text = new TextDecoder('utf-8', { fatal: true });
    try {
      pairs[key] = text.decode(bytes);
    } catch {
      return undefined;
    }
  }
  return pairs;
}
