import { describe, expect, it } from 'vitest';
import { safeText } from './xlsx-stream.ts';

describe('safeText', () => {
  it('keeps text that cannot start a formula as it is, Chinese included', () => {
    expect(['党建引领“小巷管家”', 'A-1 号', '3+4', ''].map(safeText)).toEqual(['党建引领“小巷管家”', 'A-1 号', '3+4', '']);
  });

  it('puts an apostrophe before text that starts like a formula', () => {
    expect(['=HYPERLINK("http://evil","x")', '+1', '-2', '@SUM(A1)', '\t=1', '\r=1'].map(safeText))
      .toEqual(["'=HYPERLINK(\"http://evil\",\"x\")", "'+1", "'-2", "'@SUM(A1)", "'\t=1", "'\r=1"]);
  });

  it('drops characters XML cannot carry and cuts at Excel\'s cell limit', () => {
    expect(safeText('a\u0000b\u0007c\nd\u000Be')).toBe('abc\nde');
    // A control character before the formula sign does not hide it.
    expect(safeText('\u0001=1')).toBe("'=1");
    expect(safeText('字'.repeat(40_000)).length).toBe(32_767);
  });
});
