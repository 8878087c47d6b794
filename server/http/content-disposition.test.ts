import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './content-disposition.ts';

describe('attachmentDisposition', () => {
  it('keeps a Chinese name, percent-encoded as RFC 5987 says, beside the ASCII fallback', () => {
    expect(attachmentDisposition('申报表-社区“红色物业”.docx', 'declaration-form.docx'))
      .toBe(`attachment; filename="declaration-form.docx"; filename*=UTF-8''%E7%94%B3%E6%8A%A5%E8%A1%A8-%E7%A4%BE%E5%8C%BA%E2%80%9C%E7%BA%A2%E8%89%B2%E7%89%A9%E4%B8%9A%E2%80%9D.docx`);
  });

  it('answers for a title with a lone surrogate, writing U+FFFD in its place', () => {
    expect(attachmentDisposition('申报表-\uD83D.docx', 'form.docx')).toBe(`attachment; filename="form.docx"; filename*=UTF-8''%E7%94%B3%E6%8A%A5%E8%A1%A8-%EF%BF%BD.docx`);
    expect(attachmentDisposition('\uDE00x', 'x')).toBe(`attachment; filename="x"; filename*=UTF-8''%EF%BF%BDx`);
  });

  it('drops U+FFFE, U+FFFF, CR, LF and other controls, so the header cannot be split', () => {
    expect(attachmentDisposition('a\uFFFEb\uFFFF\u{1FFFE}\r\nSet-Cookie: x=1\u0007.pdf', 'a\r\nb.pdf'))
      .toBe(`attachment; filename="a__b.pdf"; filename*=UTF-8''abSet-Cookie%3A%20x%3D1.pdf`);
  });

  it('escapes quotes: percent-encoded in the name, replaced in the fallback, with backslashes', () => {
    expect(attachmentDisposition(`"quoted" 'name'.pdf`, `"quoted" \\name.pdf`))
      .toBe(`attachment; filename="_quoted_ _name.pdf"; filename*=UTF-8''%22quoted%22%20%27name%27.pdf`);
  });

  it('falls back to the ASCII name when nothing of the name is left', () => {
    expect(attachmentDisposition('\u0000\r\n', 'receipt.pdf')).toBe(`attachment; filename="receipt.pdf"; filename*=UTF-8''receipt.pdf`);
  });
});
