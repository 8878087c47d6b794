import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-strength.ts';

const LIHUA = { email: 'lihua@example.cn', name: '李华' };

describe('checkPassword against what a cracker of this platform tries first', () => {
  it('refuses the Chinese favourites the issue names', () => {
    expect(['woaini1314', 'zhangwei123456', '1qaz2wsx3edc', 'Aa123456789!'].map((p) => checkPassword(p, LIHUA).ok)).toEqual([false, false, false, false]);
  });

  it('refuses the keyboard walk typed with shift on every other column, and the platform\'s own words with a year', () => {
    expect(['1qaz@WSX3edc', '1qaz@WSX#edc', 'ZhengJi2024!', 'dangjian2024', 'Dangwei@2024'].map((p) => checkPassword(p, LIHUA)))
      .toEqual(Array(5).fill({ ok: false, problems: ['common'] }));
  });
});
