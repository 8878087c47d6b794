import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text.ts';

describe('htmlToText', () => {
  it.each([
    ['', ''],
    ['<p>一</p><p>二</p>', '一\n二'],
    ['<h3>背景</h3><p>正文<strong>加粗</strong></p>', '背景\n正文加粗'],
    ['<ul><li>甲</li><li>乙</li></ul>', '甲\n乙'],
    ['<p>1 &lt; 2 &amp;&amp; 3 &gt; 2&nbsp;&#x4E2D;&#25991;</p>', '1 < 2 && 3 > 2 中文'],
    ['<p>上<br />下</p>', '上\n下'],
    ['<script>alert(1)</script><style>p{}</style><p>留</p>', '留'],
    ['<p>&bogus; &#0;</p>', '&bogus;'],
    ['<table><tr><th>年份</th><td>2022</td><td><p>120</p></td></tr></table>', '年份\n2022\n120'],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});
