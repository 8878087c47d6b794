import { describe, expect, it } from 'vitest';
import { findTextFault, normalizeText, text, TEXT_FAULT_PARAM } from './clean-text.ts';

describe('findTextFault', () => {
  it.each([
    ['plain Chinese', '红色物业让社区治理更有温度', null],
    ['a rare character outside the BMP', '𠮷野家', null],
    ['an emoji (a paired surrogate)', '👍 好', null],
    ['tab, line feed and carriage return', 'a\tb\nc\r\nd\re', null],
    ['U+FFFD, a real character', 'a\ufffdb', null],
    ['U+FDCF and U+FDF0, either side of the noncharacter block', '\ufdcf\ufdf0', null],
    ['a lone high surrogate', '标题\ud800', { problem: 'lone_surrogate', character: 'U+D800', position: 3 }],
    ['a lone low surrogate', '\udc00x', { problem: 'lone_surrogate', character: 'U+DC00', position: 1 }],
    ['two high surrogates', '\ud83d\ud83d\udc4d', { problem: 'lone_surrogate', character: 'U+D83D', position: 1 }],
    ['a low surrogate after a full pair', '👍\udc4d', { problem: 'lone_surrogate', character: 'U+DC4D', position: 2 }],
    ['U+FFFE', 'ab\ufffe', { problem: 'noncharacter', character: 'U+FFFE', position: 3 }],
    ['U+FFFF', '\uffff', { problem: 'noncharacter', character: 'U+FFFF', position: 1 }],
    ['U+FDD0', '\ufdd0', { problem: 'noncharacter', character: 'U+FDD0', position: 1 }],
    ['U+FDEF', 'x\ufdef', { problem: 'noncharacter', character: 'U+FDEF', position: 2 }],
    ['U+1FFFE', '𠮷\u{1fffe}', { problem: 'noncharacter', character: 'U+1FFFE', position: 2 }],
    ['U+10FFFF', '\u{10ffff}', { problem: 'noncharacter', character: 'U+10FFFF', position: 1 }],
    ['NUL', 'a\u0000', { problem: 'control_character', character: 'U+0000', position: 2 }],
    ['BEL', '第一节\u0007', { problem: 'control_character', character: 'U+0007', position: 4 }],
    ['vertical tab', '\u000b', { problem: 'control_character', character: 'U+000B', position: 1 }],
    ['form feed', '\u000c', { problem: 'control_character', character: 'U+000C', position: 1 }],
    ['escape', '\u001b[31m', { problem: 'control_character', character: 'U+001B', position: 1 }],
    ['DEL', '\u007f', { problem: 'control_character', character: 'U+007F', position: 1 }],
    ['a C1 control', '\u0085', { problem: 'control_character', character: 'U+0085', position: 1 }],
    ['the first of several faults', '\u0007\uffff\ud800', { problem: 'control_character', character: 'U+0007', position: 1 }],
  ])('%s', (_name, input, fault) => {
    expect(findTextFault(input)).toEqual(fault);
  });
});

describe('normalizeText', () => {
  it.each([
    ['NFD to NFC', 'Cafe\u0301 e\u0301', 'Café é'],
    ['CRLF and CR to LF', 'a\r\nb\rc\n', 'a\nb\nc\n'],
    ['NFC unchanged', '红色物业 𠮷', '红色物业 𠮷'],
  ])('%s', (_name, input, output) => {
    expect(normalizeText(input)).toBe(output);
  });
});

describe('text()', () => {
  it('refuses a faulty string with its fault in the issue params', () => {
    const result = text().trim().max(10).safeParse(' \ud800 ');
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([{
      code: 'custom', path: [], message: 'contains U+D800 (lone surrogate) at position 2',
      params: { [TEXT_FAULT_PARAM]: { problem: 'lone_surrogate', character: 'U+D800', position: 2 } },
    }]);
  });

  it('normalizes before its length is measured', () => {
    const schema = text().trim().max(4);
    expect(schema.parse(' e\u0301e\u0301e\u0301e\u0301\r\n')).toBe('éééé');
    expect(schema.safeParse('e\u0301e\u0301e\u0301e\u0301e\u0301').success).toBe(false);
  });

  it('works as a record key and inside arrays', () => {
    const schema = text().array();
    expect(schema.safeParse(['ok', 'a\uffff']).error?.issues[0]?.path).toEqual([1]);
  });
});
