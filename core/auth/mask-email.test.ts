import { describe, expect, it } from 'vitest';
import { maskEmail } from './mask-email.ts';

describe('maskEmail', () => {
  it.each([
    ['zhang.wei@example.cn', 'z***@example.cn'],
    ['  Li@Example.cn ', 'L***@Example.cn'],
    ['a@b.cn', 'a***@b.cn'],
    ['王芳@例子.中国', '王***@例子.中国'],
    ['odd"quoted@local"@example.cn', 'o***@example.cn'],
    ['no-at-sign', '***'],
    ['@example.cn', '***'],
  ])('%j → %j', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});
