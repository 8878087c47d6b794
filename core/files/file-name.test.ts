import { describe, expect, it } from 'vitest';
import { checkFileName, fileExtension } from './file-name.ts';

describe('checkFileName', () => {
  it.each([
    ['申报表（盖章版）.pdf', '申报表（盖章版）.pdf'],
    ['  社区活动 照片.JPG  ', '社区活动 照片.JPG'],
    ['report: final?.docx', 'report_ final_.docx'],
    ['notes...', 'notes'],
    ['CON.txt', '_CON.txt'],
    ['e\u0301te\u0301.png', 'été.png'],
  ])('keeps %j as %j', (raw, name) => {
    expect(checkFileName(raw)).toEqual({ ok: true, name });
  });

  it.each([
    ['../../etc/passwd', 'path'],
    ['..\\boot.ini', 'path'],
    ['photos/a.jpg', 'path'],
    ['..', 'path'],
    ['a\u0000.jpg', 'control'],
    ['line\nbreak.jpg', 'control'],
    ['bell\u0007.pdf', 'control'],
    ['photo\u202egpj.exe', 'control'],
    ['zero\u200bwidth.pdf', 'control'],
    ['half\ud842.pdf', 'control'],
    ['none\uffff.pdf', 'control'],
    ['none\ufdd0.pdf', 'control'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['...', 'empty'],
    [`${'案'.repeat(86)}.pdf`, 'too_long'],
  ])('refuses %j (%s)', (raw, problem) => {
    expect(checkFileName(raw)).toEqual({ ok: false, problem });
  });

  it('allows a long Chinese name that fits 255 bytes', () => {
    const name = `${'案'.repeat(83)}.pdf`;
    expect(checkFileName(name)).toEqual({ ok: true, name });
  });
});

describe('fileExtension', () => {
  it('is the lower-case suffix, or nothing', () => {
    expect([fileExtension('a.JPG'), fileExtension('archive.tar.gz'), fileExtension('.env'), fileExtension('README')]).toEqual(['jpg', 'gz', '', '']);
  });
});
