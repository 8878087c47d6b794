import { OFFICE_ZIP_LIMITS } from '../../core/files/zip-limits.ts';
import {
  CONTENT_TYPES_PART, contentTypeOf, decodePackageXml, isRelationshipsPart, parseContentTypes, parseRelationships,
  type ContentTypes, type OfficePackage, type Relationship,
} from '../../core/files/office-package.ts';
import { readZip, ZipRefused } from './zip-reader.ts';

// A zip read as an Office package: its content types and relationships first, then every other
// entry, each within the office limits. Uploads and the Word import both come through here, so
// they judge a package alike.

export interface ReadPackage extends OfficePackage {
  /** [Content_Types].xml, every relationships part, and the parts `keep` chose, inflated. */
  parts: Map<string, Buffer>;
}

export interface KeepParts {
  /** Whether to keep a part, by its name and declared content type. */
  keep: (name: string, contentType: string | undefined) => boolean;
  /** The most the kept parts may hold together; a package past it is refused as a zip bomb. */
  maxBytes: number;
}

const KEEP_NOTHING: KeepParts = { keep: () => false, maxBytes: 0 };

/** [Content_Types].xml and the relationship parts together: a few hundred KB in a long .pptx. */
const MAX_DESCRIPTION_BYTES = 8 * 1024 * 1024;

/**
 * Reads the zip at `source` (a path or the bytes), inflating every entry once within
 * OFFICE_ZIP_LIMITS; throws ZipRefused. A zip without [Content_Types].xml comes back with no
 * types, which makes it a plain archive.
 */
export function readOfficePackage(source: Buffer | string, keeping: KeepParts = KEEP_NOTHING): Promise<ReadPackage> {
  return readZip(source, OFFICE_ZIP_LIMITS, async (zip) => {
    const parts = new Map<string, Buffer>();
    // The package's own description is read whole, within its own budget.
    let described = 0;
    const describe = async (name: string) => {
      described += zip.sizeOf(name);
      if (described > MAX_DESCRIPTION_BYTES) throw new ZipRefused('zip_bomb');
      const bytes = (await zip.inflate(name, true))!;
      parts.set(name, bytes);
      return decodePackageXml(bytes);
    };
    let types: ContentTypes = { defaults: new Map(), overrides: new Map(), declared: [] };
    if (zip.names.includes(CONTENT_TYPES_PART)) types = parseContentTypes(await describe(CONTENT_TYPES_PART));
    const relationships: Relationship[] = [];
    for (const name of zip.names.filter(isRelationshipsPart)) relationships.push(...parseRelationships(name, await describe(name)));
    let kept = 0;
    for (const name of zip.names.filter((n) => !parts.has(n))) {
      const keep = keeping.keep(name, contentTypeOf(types, name));
      if (keep) {
        kept += zip.sizeOf(name);
        if (kept > keeping.maxBytes) throw new ZipRefused('zip_bomb');
      }
      const bytes = await zip.inflate(name, keep);
      if (bytes) parts.set(name, bytes);
    }
    return { names: zip.names, types, relationships, parts };
  });
}
