import { describe, expect, it } from 'vitest';
import { normalizePhone, parsePhone, phoneSchema } from './phone.ts';

describe('normalizePhone', () => {
  it.each([
    // mobiles
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['86-138-1234-5678', '13812345678'],
    ['１３９１２３４５６７８', '13912345678'],
    ['  19912345678 ', '19912345678'],
    // landlines: the notice's own numbers, and the four-digit area codes
    ['021-28288809', '021-28288809'],
    ['02128288809', '021-28288809'],
    ['021 2828 8809', '021-28288809'],
    ['(021) 28288809', '021-28288809'],
    ['（021）2828－8809', '021-28288809'],
    ['+86 21 2828 8809', '021-28288809'],
    ['+86-021-28288809', '021-28288809'],
    ['010-1234567', '010-1234567'],
    ['0755-12345678', '0755-12345678'],
    ['075512345678', '0755-12345678'],
    ['0755-1234-5678', '0755-12345678'],
    ['0931-8123456', '0931-8123456'],
    // extensions
    ['0755-12345678-123', '0755-12345678-123'],
    ['0755 1234 5678 123', '0755-12345678-123'],
    ['0755-12345678转123', '0755-12345678-123'],
    ['0755-12345678 ext. 8', '0755-12345678-8'],
    ['021-28288809#6601', '021-28288809-6601'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    '',
    '12345',
    '1381234567', // ten digits
    '138123456789', // twelve digits
    '12812345678', // 12x is not a mobile prefix
    '23812345678',
    '+1 415 555 0100',
    '13812345678-12', // mobiles have no extension
    '13812345678转12',
    '021-0288809', // local numbers do not start with 0
    '021-123456', // six digits
    '021-123456789', // nine digits and no separator to make the last ones an extension
    '0212-8288809', // the writer's area code is not one: 021 has three digits
    '031-12345678', // 03x codes have four digits
    '011-12345678',
    '0755-12345678-1234567', // extension too long
    '0755-12345678转',
    '0755-12345678 x 1 x 2',
    '400-820-8820',
    '021-2828abcd',
    '+86',
  ])('%j is not a mainland number', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe('parsePhone', () => {
  it('tells mobiles from landlines', () => {
    expect(parsePhone('+86 139 1234 5678')).toEqual({ kind: 'mobile', normalized: '13912345678' });
    expect(parsePhone('0755 12345678 转 9')).toEqual({ kind: 'landline', normalized: '0755-12345678-9' });
  });
});

describe('phoneSchema', () => {
  it('yields the normalized number or one issue', () => {
    expect(phoneSchema.parse(' 021 2828 8809 ')).toBe('021-28288809');
    const result = phoneSchema.safeParse('12345');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['use a landline such as 021-28288809 or an 11-digit mobile']);
  });
});
