import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { chineseNumeral, editionLabel, sectionNumber, translate } from './messages.ts';

describe('translate', () => {
  it('fills placeholders in the chosen language', () => {
    expect(translate('zh-CN', 'error.campaign_not_found', { slug: 'x' })).toBe('未找到征集活动“x”。');
    expect(translate('en', 'error.campaign_not_found', { slug: 'x' })).toBe('There is no collection “x”.');
  });

  it('leaves an unknown placeholder visible rather than blank', () => {
    expect(translate('en', 'home.edition')).toBe('Edition {edition}');
  });
});

describe('plural messages', () => {
  it('says "1 file" and "3 files" in English and keeps Chinese as it is', () => {
    const limits = (locale: 'en' | 'zh-CN', count: number) => translate(locale, 'page.attachmentLimits', { count, size: '20 MB' });
    expect([limits('en', 1), limits('en', 3)]).toEqual(['One file of at most 20 MB.', 'Up to 3 files of at most 20 MB each.']);
    expect(limits('zh-CN', 1)).toBe('最多 1 个，每个不超过 20 MB');
    expect(translate('en', 'error.too_many_files', { kind: 'Video', max: 1 })).toBe('Only one file may be uploaded as Video.');
    expect(translate('en', 'error.too_many_files', { kind: 'Video', max: 3 })).toBe('At most 3 files may be uploaded as Video.');
    expect(translate('en', 'preflight.attachment_too_many', { kind: 'Pictures', count: 21, max: 20 })).toBe('Pictures: 21 files, at most 20.');
    expect(translate('en', 'wb.files.rules', { types: 'JPEG, PNG', max: '20 MB', count: 1 })).toBe('Types: JPEG, PNG; one file of at most 20 MB');
    expect(translate('en', 'wb.files.rules', { types: 'JPEG, PNG', max: '20 MB', count: 5 })).toBe('Types: JPEG, PNG; up to 5 files of at most 20 MB each');
  });

  it('writes no English count as "(s)" or "1 files": every message counting with {count} or {total} agrees with 1 and with 2', () => {
    const wrong: string[] = [];
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      if (!/\{(count|total)[,}]/.test(en[key])) continue;
      const names = [...new Set([...en[key].matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]!))];
      for (const n of [1, 2]) {
        const text = translate('en', key, Object.fromEntries(names.map((name) => [name, name === 'count' || name === 'total' ? n : 'X'])));
        if (/\(s\)|\{/.test(text) || (n === 1 && /\b1 (?!is\b|has\b|was\b)[a-z]+s\b/.test(text))) wrong.push(text);
      }
    }
    expect(wrong).toEqual([]);
    expect(translate('en', 'wb.cases.submittedTimes', { count: 1 })).toBe('Submitted once');
    expect(translate('en', 'wb.import.warning.images_dropped', { count: 1 })).toBe('1 picture in the document was not imported; upload it as Pictures.');
    expect(translate('en', 'wb.editor.announce.body.over', { count: 5001, max: 5000 })).toBe('The body has 5001 characters, over the limit of 5000.');
  });

  it('leaves a plural block visible when its number is missing', () => {
    expect(translate('en', 'preflight.attachment_too_many', { kind: 'Pictures', max: 20 })).toBe('Pictures: {count, plural, one {# file} other {# files}}, at most 20.');
  });
});

describe('sectionNumber', () => {
  it('numbers sections the Chinese way and the English way', () => {
    expect([1, 7, 10, 12].map((n) => sectionNumber('zh-CN', n))).toEqual(['一、', '七、', '十、', '十二、']);
    expect(sectionNumber('en', 3)).toBe('3.');
  });
});

describe('chineseNumeral and editionLabel', () => {
  it('writes numbers as an official notice does', () => {
    expect([1, 7, 10, 11, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '七', '十', '十一', '二十', '二十一', '九十九']);
    expect(chineseNumeral(100)).toBe('100');
    expect(editionLabel('zh-CN', 7)).toBe('第七届');
    expect(editionLabel('en', 7)).toBe('Edition 7');
  });
});
