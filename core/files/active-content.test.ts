import { describe, expect, it } from 'vitest';
import { findMarkupActiveContent, findPdfActiveContent } from './active-content.ts';

describe('findMarkupActiveContent', () => {
  it.each([
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
    '<svg onload="fetch(\'//evil.example\')"/>',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<svg><foreignObject><iframe src="x"/></foreignObject></svg>',
    '<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg>&xxe;</svg>',
    '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
  ])('finds the active part of %s', (text) => {
    expect(findMarkupActiveContent(text)).toBe('script');
  });

  it('lets a plain drawing through, even when its text mentions such words', () => {
    expect(findMarkupActiveContent('<svg><rect width="10" height="10"/><text>click on = here; script</text></svg>')).toBeUndefined();
  });
});

describe('findPdfActiveContent', () => {
  it.each([
    '1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>',
    '<< /S /Launch /F (cmd.exe) >>',
    '<< /Names << /EmbeddedFiles 3 0 R >> >>',
    '<< /S /J#61vaScript /JS (x) >>',
  ])('finds %s', (text) => {
    expect(findPdfActiveContent(text)).toBe('pdf_script');
  });

  it('lets a scanned page through, fonts with escaped spaces included', () => {
    expect(findPdfActiveContent('<< /Type /Page /Resources << /Font << /F1 /Arial#20Bold >> /XObject << /Im0 5 0 R >> >> /MediaBox [0 0 595 842] >>')).toBeUndefined();
  });
});
