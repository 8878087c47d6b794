import { describe, expect, it } from 'vitest';
import { sniffType } from './sniff.ts';
import { minimalDocxEntries, zipBytes } from './testing/zip-bytes.ts';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));
const base64 = (text: string) => Uint8Array.from(Buffer.from(text, 'base64'));
const utf8 = (text: string) => new TextEncoder().encode(text);

// Real files, byte for byte: a 1×1 PNG and GIF as image tools write them, the opening of a
// camera JPEG (SOI + APP1 Exif), ISO-BMFF and EBML headers as encoders write them.
const PNG_1X1 = base64('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==');
const GIF_1X1 = base64('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7');
const JPEG_EXIF = bytes([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x16], 'Exif', [0, 0], 'MM', [0, 0x2a]);
const WEBP = bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ', [0x18, 0, 0, 0]);
const MP4 = bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0], 'isomiso2avc1mp41');
const MOV = bytes([0, 0, 0, 0x14], 'ftypqt  ', [0x20, 0x05, 0x03, 0], 'qt  ');
const WEBM = bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm', [0x42, 0x87, 0x81, 0x04]);
const MKV = bytes([0x1a, 0x45, 0xdf, 0xa3, 0xa3, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88], 'matroska');
const ELF = bytes([0x7f], 'ELF', [2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0]);
const PE = bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);
const MACHO = bytes([0xcf, 0xfa, 0xed, 0xfe, 0x07, 0, 0, 0x01]);
const OLE2 = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array(504).fill(0), Array.from('WordDocument').flatMap((c) => [c.charCodeAt(0), 0]));
const OLE2_XLS = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array(504).fill(0), Array.from('Workbook').flatMap((c) => [c.charCodeAt(0), 0]));

describe('sniffType', () => {
  it.each([
    ['PNG', PNG_1X1, 'image/png'],
    ['GIF', GIF_1X1, 'image/gif'],
    ['JPEG with Exif', JPEG_EXIF, 'image/jpeg'],
    ['WebP', WEBP, 'image/webp'],
    ['PDF', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'application/pdf'],
    ['MP4', MP4, 'video/mp4'],
    ['QuickTime', MOV, 'video/quicktime'],
    ['WebM', WEBM, 'video/webm'],
    ['Matroska', MKV, 'video/x-matroska'],
    ['ZIP', zipBytes([{ name: 'a.txt', data: utf8('a') }]), 'application/zip'],
    ['DOCX head (a ZIP until its directory is read)', zipBytes(minimalDocxEntries()), 'application/zip'],
    ['Word 97–2003', OLE2, 'application/msword'],
    ['Excel 97–2003', OLE2_XLS, 'application/x-ole-storage'],
    ['ELF', ELF, 'application/x-executable'],
    ['Windows PE', PE, 'application/x-msdownload'],
    ['Mach-O', MACHO, 'application/x-mach-binary'],
    ['shell script', utf8('#!/bin/sh\nrm -rf ~\n'), 'application/x-sh'],
    ['SVG', utf8('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'), 'image/svg+xml'],
    ['SVG with prolog, comment and doctype', utf8('\ufeff<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg/>'), 'image/svg+xml'],
    ['HTML', utf8('  <!DOCTYPE html><html><body>hi</body></html>'), 'text/html'],
    ['bare script tag', utf8('<script>alert(1)</script>'), 'text/html'],
    ['XML', utf8('<?xml version="1.0"?><note/>'), 'application/xml'],
    ['UTF-16 SVG', Uint8Array.from([0xff, 0xfe, ...Array.from('<svg/>').flatMap((c) => [c.charCodeAt(0), 0])]), 'image/svg+xml'],
    ['Chinese text', utf8('申报单位：北京市朝阳区'), 'text/plain'],
    ['random bytes', bytes([0x00, 0x13, 0x37, 0x00, 0xfe, 0x01]), 'application/octet-stream'],
    ['nothing', new Uint8Array(0), 'application/octet-stream'],
  ])('%s is %s', (_label, head, type) => {
    expect(sniffType(head)).toBe(type);
  });

  it('goes by the bytes, whatever the name would say: an executable is an executable', () => {
    // What a "photo.jpg" from a phishing mail holds: a Windows program.
    expect(sniffType(bytes('MZ', new Array(58).fill(0), [0x80, 0, 0, 0], new Array(64).fill(0), 'PE', [0, 0]))).toBe('application/x-msdownload');
  });
});
