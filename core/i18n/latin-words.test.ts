import { describe, expect, it } from 'vitest';
import { untranslatedWords } from './latin-words.ts';
import { zhCN } from './zh-CN.ts';

describe('untranslatedWords', () => {
  it('finds English words and lets names, codes, units, addresses and links through', () => {
    expect(untranslatedWords('上传 Upload 文件（PDF，不超过 20 MB）；Clear')).toEqual(['Upload', 'Clear']);
    expect(untranslatedWords('回执-Z7-20240630-7K3M9QX2.pdf 已发送至 wang@example.cn，见 https://zhengji.test/verify?lang=zh-CN')).toEqual([]);
    expect(untranslatedWords('用 Microsoft Word 打开 申报表.docx；file-word close-circle')).toEqual(['file-word', 'close-circle']);
  });
});

describe('the zh-CN catalogue', () => {
  it('has no untranslated English word in any message', () => {
    const found = Object.entries(zhCN)
      .map(([key, text]) => [key, untranslatedWords(text.replace(/\{\w+(, plural,)?|(=?\w+)?\s*[{}]/g, ' '))] as const)
      .filter(([, words]) => words.length > 0);
    expect(found).toEqual([]);
  });
});
