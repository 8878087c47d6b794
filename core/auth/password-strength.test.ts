import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords.ts';
import { PASSWORD_MIN_SCORE, PASSWORD_PROBLEMS, type PasswordProblem } from './password-policy.ts';
import { checkPassword } from './password-strength.ts';
import { GUARD_MS } from '../testing/guard.ts';

const problemsOf = (password: string, context?: { email?: string; name?: string }): PasswordProblem[] => {
  const result = checkPassword(password, context);
  return result.ok ? [] : result.problems;
};

describe('checkPassword', () => {
  it.each([
    // passphrases and random strings pass, whatever their mix of characters
    ['lantern orbit cactus meadow', []],
    ['correct horse battery', []],
    ['Tianjin-harbour-42', []],
    ['我的密码是Lantern', []],
    ['春眠不觉晓2024年', []],
    ['9f$kLm2pQz', []],
    ['我爱北京天安门广场上的太阳', []],
    // the three, and their kind: a common word or walk, a symbol, digits
    ['Password2024!', ['common']],
    ['Admin@123456', ['common']],
    ['Qwerty123456', ['common']],
    ['P@ssw0rd2024', ['common']],
    ['Huawei@123', ['guessable']],
    // Chinese favourites, inside longer passwords too
    ['woaini1314', ['common']],
    ['Woaini@1314', ['common']],
    ['5201314abc', ['common']],
    // patterns
    ['aaaaaaaaaa', ['repetitive']],
    ['abcdefghijkl', ['repetitive']],
    ['abcabcabcabc', ['repetitive']],
    ['1qaz2wsx3edc', ['common']],
    ['cvbnmkiuytre', ['keyboard_pattern']],
    ['19870612', ['too_short', 'dates']],
    ['2023-2024!!', ['dates']],
    ['Mississippi', ['common_words']],
    ['Understanding', ['guessable']],
    // length: counted in characters, kept whatever the score
    ['Ab3$xyz', ['too_short', 'guessable']],
    ['', ['too_short']],
    [`Tq7-${'wkzmnrbvhp'.repeat(13)}`, ['too_long']],
  ] as [string, PasswordProblem[]][])('%j → %j', (password, expected) => {
    expect(problemsOf(password)).toEqual(expected);
  });

  it('refuses the local part of the email, with or without its dots', () => {
    expect(problemsOf('Zhang.Wei-Orbit-Kettle', { email: 'zhang.wei@example.cn' })).toEqual(['contains_email']);
    expect(problemsOf('zhangwei#Lantern7', { email: 'Zhang.Wei@example.cn' })).toEqual(['contains_email']);
    expect(problemsOf('My-liwei-Orchard', { email: 'LIWEI@example.cn' })).toEqual(['contains_email']);
  });

  it("scores the email and the name as the person's own words", () => {
    expect(problemsOf('wang-FANG-Orchard')).toEqual([]);
    expect(problemsOf('wang-FANG-Orchard', { name: 'Wang Fang' })).toEqual(['contains_name', 'guessable']);
    expect(problemsOf('xuanwuhutong', { email: 'xuanwu.hutong@example.cn' })).toEqual(['contains_email', 'guessable']);
  });

  it('refuses the name: two characters of a Chinese name, four of a Latin one', () => {
    expect(problemsOf('王芳的密码是Lantern', { name: '王芳' })).toEqual(['contains_name']);
    expect(problemsOf('Lantern-王芳-Orbit', { name: '王 芳' })).toEqual(['contains_name']);
    expect(problemsOf('Orchard-wang-FANG-Kettle', { name: 'Wang Fang' })).toEqual(['contains_name']);
    expect(problemsOf('Lantern-Li-Orchard', { name: 'Li' })).toEqual([]);
  });

  it('returns every problem at once, in a stable order', () => {
    expect(checkPassword('zhangwei', { email: 'zhangwei@example.cn', name: 'Zhang Wei' })).toEqual({
      ok: false,
      problems: ['too_short', 'contains_email', 'contains_name', 'guessable'],
    });
  });

  it('answers ok with nothing else for a good password', () => {
    expect(checkPassword('Tianjin-harbour-42', { email: 'a.user@example.cn', name: '张三' })).toEqual({ ok: true });
  });

  it('keeps its codes and its score stable for the message catalogue and the README', () => {
    expect(PASSWORD_PROBLEMS).toEqual(['too_short', 'too_long', 'contains_email', 'contains_name', 'common', 'common_words', 'keyboard_pattern', 'repetitive', 'dates', 'guessable']);
    expect(PASSWORD_MIN_SCORE).toBe(3);
  });

  it('scores a long password by its start, so its time stays bounded, and refuses a weak start', () => {
    expect(problemsOf(`${'password'.repeat(4)}${'Xq7#vLm2'.repeat(11)}`)).toEqual(['repetitive']);
    expect(problemsOf(`Xq7#vLm2-kettle-${'password'.repeat(4)}`)).toEqual([]);
  }, GUARD_MS);

  it('knows about two hundred common passwords, each in lower case once', () => {
    expect(COMMON_PASSWORDS.length).toBe(223);
    expect(new Set(COMMON_PASSWORDS).size).toBe(223);
    expect(COMMON_PASSWORDS.filter((p) => p !== p.toLowerCase())).toEqual([]);
  });
});
