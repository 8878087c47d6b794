import { describe, expect, it } from 'vitest';
import { findMarkupActiveContent } from './active-content.ts';

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
