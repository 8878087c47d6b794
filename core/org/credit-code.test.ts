import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckCharacter,
  creditCodeSchema,
  isValidCreditCode,
  normalizeCreditCode,
  organizationCodeCheckCharacter,
} from './credit-code.ts';

// Codes printed on public business licences and in annual reports. Each one's check character
// was recomputed here and matched the published one, so the list itself checks the algorithm.
const PUBLISHED = [
  ['腾讯科技（深圳）有限公司', '9144030071526726XG'],
  ['华为技术有限公司', '914403001922038216'],
  ['阿里巴巴（中国）有限公司', '91330100716105852F'],
  ['北京百度网讯科技有限公司', '91110000802100433B'],
  ['小米科技有限责任公司', '91110108551385082Q'],
  ['中国石油天然气集团有限公司', '91110000100010433L'],
  ['a public institution in 天津 (事业单位, authority 1)', '121200004013590816'],
  ['a business registered since 2015 (MA…)', '91310115MA1K3BTP2B'],
  ['an individual business (个体工商户, category 2)', '92340621MA2UK3PJXE'],
  ['an organization code with a letter', '91620105L015101280'],
] as const;

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('normalizeCreditCode', () => {
  it.each(PUBLISHED)('accepts the code of %s', (_owner, code) => {
    expect(normalizeCreditCode(code)).toBe(code);
  });

  it('computes the published check characters', () => {
    expect(PUBLISHED.map(([, code]) => creditCodeCheckCharacter(code.slice(0, 17)))).toEqual(PUBLISHED.map(([, code]) => code[17]));
    expect(organizationCodeCheckCharacter('71526726')).toBe('X');
    expect(organizationCodeCheckCharacter('19220382')).toBe('1');
  });

  it.each([
    ['9144 0300 7152 6726 XG', '9144030071526726XG'],
    ['9144030071526726xg', '9144030071526726XG'],
    ['91-440300-71526726X-G', '9144030071526726XG'],
    ['９１４４０３００７１５２６７２６ＸＧ', '9144030071526726XG'],
    ['\t914403001922038216\n', '914403001922038216'],
  ])('writes %j as %s', (input, expected) => {
    expect(normalizeCreditCode(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['9144030071526726X', '17 characters'],
    ['9144030071526726XGA', '19 characters'],
    ['9144030071526726XI', 'I is not in the alphabet'],
    // Each of these carries the right mod-31 check character: only the named part is wrong.
    ['91440300715267260N', 'organization-code check 0 instead of X'],
    ['B144030071526726XE', 'B is no registration authority'],
    ['9044030071526726XK', 'category 0'],
    ['91A4030071526726XQ', 'a letter in the division code'],
    ['Z144030071526726XG', 'Z is not in the alphabet'],
    ['91440300O1526726XG', 'O is not in the alphabet'],
    ['9144030071526726XS', 'S is not in the alphabet'],
  ])('refuses %s (%s)', (input) => {
    expect(normalizeCreditCode(input)).toBeNull();
  });

  it('gives the right check character to the structurally wrong vectors above', () => {
    expect(['91440300715267260', 'B144030071526726X', '9044030071526726X', '91A4030071526726X'].map(creditCodeCheckCharacter))
      .toEqual(['N', 'E', 'K', 'Q']);
  });

  it('refuses every one-character corruption of every published code', () => {
    const accepted: string[] = [];
    for (const [, code] of PUBLISHED) {
      for (let i = 0; i < 18; i += 1) {
        for (const c of ALPHABET) {
          if (c === code[i]) continue;
          const corrupted = code.slice(0, i) + c + code.slice(i + 1);
          if (normalizeCreditCode(corrupted) !== null) accepted.push(corrupted);
        }
      }
    }
    expect(accepted).toEqual([]);
  });

  it('refuses a swap of two neighbouring different characters', () => {
    const code = '914403001922038216';
    const swapped = [1, 5, 9, 12].map((i) => code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2));
    expect(swapped.map(isValidCreditCode)).toEqual([false, false, false, false]);
  });
});

describe('creditCodeSchema', () => {
  it('yields the normalized code or one issue', () => {
    expect(creditCodeSchema.parse('9144 0300 7152 6726 xg')).toBe('9144030071526726XG');
    const result = creditCodeSchema.safeParse('9144030071526726XH');
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'use the 18-character unified social credit code, e.g. 91110000600037341L',
    ]);
  });

  it('rejects a first 17 with a character outside the alphabet when asked for its check', () => {
    expect(() => creditCodeCheckCharacter('9144030071526726I')).toThrow(RangeError);
  });
});
