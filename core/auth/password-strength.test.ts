import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords.ts';
import { checkPassword, PASSWORD_PROBLEMS, type PasswordProblem } from './password-strength.ts';

const problemsOf = (password: string, context?: { email?: string; name?: string }): PasswordProblem[] => {
  const result = checkPassword(password, context);
  return result.ok ? [] : result.problems;
};

describe('checkPassword', () => {
  it.each([
    // good ones
    ['Tianjin-harbour-42', []],
    ['correct horse battery', []],
    ['我的密码是Lantern', []],
    ['春眠不觉晓2024年', []],
    ['9f$kLm2pQz', []],
    // length
    ['Ab3$xyz', ['too_short']],
    ['', ['too_short', 'too_simple']],
    [`Aa1${'x'.repeat(126)}`, ['too_long', 'repetitive']],
    [`Tq7-${'wkzmnrbvhp'.repeat(13)}`, ['too_long']],
    // character classes: CJK is a class of its own
    ['lanternfishes', ['too_simple']],
    ['LANTERNFISHES', ['too_simple']],
    ['84726193057', ['too_simple']],
    ['我爱北京天安门广场', ['too_short', 'too_simple']],
    ['我爱北京天安门广场上的太阳', ['too_simple']],
    ['!@#$%^&*()_+', ['too_simple']],
    // the common list, Chinese favourites included, whatever the case
    ['woaini1314', ['common']],
    ['WoAiNi1314', ['common']],
    ['qq123456', ['too_short', 'common']],
    ['123456789', ['too_short', 'too_simple', 'common', 'repetitive']],
    ['a123456', ['too_short', 'common']],
    ['1qaz2wsx3edc', ['common']],
    ['5201314520', ['too_simple', 'common']],
    ['password123', ['common']],
    ['qwertyuiop', ['too_simple', 'common', 'repetitive']],
    // repetition and sequences
    ['aaaaaaaaaaB1', ['repetitive']],
    ['aaaaaaB1cd2e', []],
    ['abcdefghijkl', ['too_simple', 'repetitive']],
    ['ABCDEFGHIJKL', ['too_simple', 'repetitive']],
    ['9876543210', ['too_simple', 'common', 'repetitive']],
    ['98765432109', ['too_simple']],
    ['ab12ab12ab12', []],
    ['xy!xy!xy!xy!', ['repetitive']],
    ['abababababab', ['too_simple', 'repetitive']],
    ['zyxwvutsrqpo', ['too_simple', 'repetitive']],
    ['哈哈哈哈哈哈哈哈哈哈1', ['repetitive']],
  ] as [string, PasswordProblem[]][])('%j → %j', (password, expected) => {
    expect(problemsOf(password)).toEqual(expected);
  });

  it('refuses the local part of the email, with or without its dots', () => {
    expect(problemsOf('Zhang.Wei-2024!', { email: 'zhang.wei@example.cn' })).toEqual(['contains_email']);
    expect(problemsOf('zhangwei#2024X', { email: 'Zhang.Wei@example.cn' })).toEqual(['contains_email']);
    expect(problemsOf('My-liwei-2024', { email: 'LIWEI@example.cn' })).toEqual(['contains_email']);
  });

  it('ignores a local part shorter than four characters', () => {
    expect(problemsOf('xyz-Lantern-7', { email: 'xyz@example.cn' })).toEqual([]);
    expect(problemsOf('Lantern-fish-7', { email: 'not-in-it@example.cn' })).toEqual([]);
  });

  it('refuses the name: two characters of a Chinese name, four of a Latin one', () => {
    expect(problemsOf('王芳的密码是2024', { name: '王芳' })).toEqual(['contains_name']);
    expect(problemsOf('Lantern-王芳-7', { name: '王 芳' })).toEqual(['contains_name']);
    expect(problemsOf('wang-FANG-2024', { name: 'Wang Fang' })).toEqual(['contains_name']);
    expect(problemsOf('Lantern-Li-2024', { name: 'Li' })).toEqual([]);
  });

  it('returns every problem at once, in a stable order', () => {
    expect(checkPassword('zhangwei', { email: 'zhangwei@example.cn', name: 'Zhang Wei' })).toEqual({
      ok: false,
      problems: ['too_short', 'too_simple', 'common', 'contains_email', 'contains_name'],
    });
  });

  it('answers ok with nothing else for a good password', () => {
    expect(checkPassword('Tianjin-harbour-42', { email: 'a.user@example.cn', name: '张三' })).toEqual({ ok: true });
  });

  it('keeps its codes stable for the message catalogue', () => {
    expect(PASSWORD_PROBLEMS).toEqual(['too_short', 'too_long', 'too_simple', 'common', 'contains_email', 'contains_name', 'repetitive']);
  });

  it('knows about two hundred common passwords, each in lower case once', () => {
    expect(COMMON_PASSWORDS.length).toBe(205);
    expect(new Set(COMMON_PASSWORDS).size).toBe(205);
    expect(COMMON_PASSWORDS.filter((p) => p !== p.toLowerCase())).toEqual([]);
  });
});
