import { describe, expect, it } from 'vitest';
import { catalogueGaps } from './catalogue-check.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

describe('catalogueGaps', () => {
  it('names each key only one language has and each message whose placeholders differ', () => {
    const zh = { a: '共{count}个', b: '{name}已提交', c: '{n, plural, other {#}}', only: '仅中文' };
    const other = { a: '{count} in all', b: '{who} submitted', c: '{n, plural, one {#} other {#}}', extra: 'English only' };
    expect(catalogueGaps(zh, other)).toEqual({ missing: ['only'], extra: ['extra'], placeholders: ['b: {who} ≠ {name}'] });
  });
});

describe('the zh-CN and en catalogues', () => {
  it('have the same keys and, in every message, the same placeholders', () => {
    expect(catalogueGaps(zhCN, en)).toEqual({ missing: [], extra: [], placeholders: [] });
  });
});
