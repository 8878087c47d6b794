import { constants, deflateRawSync } from 'node:zlib';
import { zipBytes, type ZipEntryInput } from '../../core/files/testing/zip-bytes.ts';

const MiB = 1024 * 1024;

/**
 * A raw deflate stream that inflates to `mebibytes` MiB of zeros in about 1 KB per MiB: one
 * flushed, non-final block of a mebibyte of zeros repeated, closed by an empty final block.
 */
export function deflatedZeros(mebibytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(MiB), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: mebibytes }, () => block), Buffer.from([0x03, 0x00])]);
}

/** An entry of `mebibytes` MiB of zeros, deflated, declaring `declaredSize` (its true size unless given). */
export function zerosEntry(name: string, mebibytes: number, declaredSize = mebibytes * MiB): ZipEntryInput {
  // The CRC is never checked by the reader; the data field only gives it something to hash.
  return { name, data: new Uint8Array(0), deflated: deflatedZeros(mebibytes), declaredSize };
}

/**
 * A .docx whose main part is word/main.dat (found through _rels/.rels and [Content_Types].xml),
 * inflating to `mebibytes` MiB while declaring only a kilobyte; a harmless word/document.xml
 * sits beside it for checks that go by names.
 */
export function docxWithExplodingMainPart(mebibytes: number): Buffer {
  const types = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/main.dat" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/main.dat"/></Relationships>';
  return Buffer.from(zipBytes([
    { name: '[Content_Types].xml', data: Buffer.from(types) },
    { name: '_rels/.rels', data: Buffer.from(rels) },
    { name: 'word/document.xml', data: Buffer.from('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>') },
    zerosEntry('word/main.dat', mebibytes, 1024),
  ]));
}
