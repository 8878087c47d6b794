import { rm } from 'node:fs/promises';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { tempPath, type StoredBlob } from '../../storage/blob-store.ts';
import { storeBuffer, storeFile, type FileStorage } from '../../storage/file-storage.ts';

// Pictures are decoded and encoded afresh: turned upright by their EXIF orientation, then
// written without any metadata (EXIF, GPS location, XMP, maker notes, comments), in the same
// format. Whatever was hidden in the original (a location, a payload after the image data) does
// not survive. A small WebP thumbnail is made for lists.

const REENCODED = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']);
/** About 100 megapixels: any phone photo, and far from a decompression bomb's billions. */
const MAX_PIXELS = 100_000_000;
export const THUMBNAIL_PX = 320;

export interface ReencodedImage {
  blob: StoredBlob;
  width: number;
  height: number;
  thumbnail: StoredBlob;
}

export const isReencodedImage = (mediaType: string) => REENCODED.has(mediaType);

function encoder(mediaType: string, image: Sharp): Sharp {
  switch (mediaType) {
    case 'image/jpeg':
      return image.jpeg({ quality: 90, mozjpeg: false });
    case 'image/png':
      return image.png({ compressionLevel: 9 });
    case 'image/webp':
      return image.webp({ quality: 90 });
    case 'image/gif':
      return image.gif();
    default:
      return image.avif({ quality: 60 });
  }
}

export class UnreadableImageError extends Error {
  override name = 'UnreadableImageError';
}

/** Re-encodes the picture in `file` into the blob store with its thumbnail; UnreadableImageError if it cannot. */
export async function reencodeImage(storage: FileStorage, file: string, mediaType: string): Promise<ReencodedImage> {
  const animated = mediaType === 'image/gif' || mediaType === 'image/webp';
  const input = () => sharp(file, { limitInputPixels: MAX_PIXELS, failOn: 'error', animated, sequentialRead: true });
  let meta: Metadata;
  try {
    meta = await input().metadata();
  } catch (error) {
    throw new UnreadableImageError((error as Error).message);
  }
  // Only what sharp cannot read makes the picture unreadable; a failure to store it (a storage
  // that does not answer for a moment) is an ordinary error, and the upload stays to finish again.
  const encoded = await tempPath(storage.dataDir);
  let thumbnailBytes: Buffer;
  try {
    // sharp keeps no metadata unless asked (withMetadata), so rotate() + encode strips it all.
    await encoder(mediaType, input().rotate()).toFile(encoded);
    thumbnailBytes = await sharp(file, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
      .rotate()
      .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
  } catch (error) {
    await rm(encoded, { force: true });
    throw new UnreadableImageError((error as Error).message);
  }
  const upright = meta.orientation && meta.orientation >= 5;
  const pageHeight = meta.pageHeight ?? meta.height;
  const width = upright ? pageHeight : meta.width;
  const height = upright ? meta.width : pageHeight;
  const blob = await storeFile(storage, encoded);
  return { blob, width, height, thumbnail: await storeBuffer(storage, thumbnailBytes) };
}
