import { describe, expect, it } from 'vitest';
import { buildSnippet } from './snippet.ts';

describe('buildSnippet', () => {
  it('marks every match of every term in the passage', () => {
    expect(buildSnippet('村党支部抓党建，党建引领村治理', ['党建', '村'])).toBe('<mark>村</mark>党支部抓<mark>党建</mark>，<mark>党建</mark>引领<mark>村</mark>治理');
  });

  it('escapes markup in the text and in the matched term alike', () => {
    expect(buildSnippet('见<script>alert("x")</script>&more', ['<script>'])).toBe('见<mark>&lt;script&gt;</mark>alert(&quot;x&quot;)&lt;/script&gt;&amp;more');
  });

  it('matches in normal form but shows the original characters', () => {
    expect(buildSnippet('使用ＥＸＣＥＬ表格', ['excel'])).toBe('使用<mark>ＥＸＣＥＬ</mark>表格');
  });

  it('treats % and _ as plain characters', () => {
    expect(buildSnippet('增长50%，a_b', ['50%', '_'])).toBe('增长<mark>50%</mark>，a<mark>_</mark>b');
  });

  it('cuts around the first match with … where the text goes on', () => {
    const text = `${'甲'.repeat(100)}党建${'乙'.repeat(100)}`;
    expect(buildSnippet(text, ['党建'], 20)).toBe(`…${'甲'.repeat(5)}<mark>党建</mark>${'乙'.repeat(13)}…`);
  });

  it('shows the start of the text when no term is in it, and joins white space', () => {
    expect(buildSnippet('第一段\n\n  第二段', ['党建'])).toBe('第一段 第二段');
  });

  it('merges overlapping matches into one mark', () => {
    expect(buildSnippet('党建党建', ['建党', '党建'])).toBe('<mark>党建党建</mark>');
  });
});

describe('buildSnippet on long texts', () => {
  it('finds a first match far into the text, across the place where it reads in parts', () => {
    const text = `${'甲'.repeat(399)}党建${'乙'.repeat(1000)}`;
    expect(buildSnippet(text, ['党建'], 10)).toBe(`…${'甲'.repeat(2)}<mark>党建</mark>${'乙'.repeat(6)}…`);
  });

  it('counts characters outside the Basic Multilingual Plane as one', () => {
    expect(buildSnippet(`${'𠀀'.repeat(500)}村${'乙'.repeat(20)}`, ['村'], 8)).toBe(`…𠀀𠀀<mark>村</mark>${'乙'.repeat(5)}…`);
  });
});
