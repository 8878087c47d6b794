import { describe, expect, it } from 'vitest';
import { sanitizeCaseHtml } from './case-html.ts';

describe('sanitizeCaseHtml', () => {
  it('keeps what a case needs', () => {
    const html = '<h3>一、背景</h3><p>村里<strong>党支部</strong>牵头，<em>群众</em>参与。</p><ul><li>第一</li></ul><ol><li>第二</li></ol><p>上<br>下</p>';
    expect(sanitizeCaseHtml(html)).toBe(html.replace('<br>', '<br />'));
  });

  it('drops scripts, styles, event handlers and links with their content where it is code', () => {
    const html = '<p onclick="alert(1)" style="color:red">正文</p><script>alert(1)</script><style>p{}</style><a href="javascript:alert(1)">链接</a><img src=x onerror=alert(1)>';
    expect(sanitizeCaseHtml(html)).toBe('<p>正文</p>链接');
  });

  it('reduces pasted Word HTML to paragraphs, keeping bold and the text', () => {
    const word = `<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->
<p class=MsoNormal style='text-indent:2em;mso-char-indent-count:2.0'><b><span lang=EN-US style='font-family:"仿宋_GB2312"'>2023</span></b><span style='font-family:仿宋_GB2312'>年以来，<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<h1 style='mso-line-height-rule:exactly'><span>二、做法</span></h1>`;
    expect(sanitizeCaseHtml(word)).toBe('<p><strong>2023</strong>年以来，</p><h3>二、做法</h3>');
  });

  it('maps headings and divs onto the allowed set', () => {
    expect(sanitizeCaseHtml('<h1>甲</h1><h2>乙</h2><h5>丙</h5><div>丁</div>')).toBe('<h3>甲</h3><h3>乙</h3><h4>丙</h4><p>丁</p>');
  });

  it('escapes text that looks like markup', () => {
    expect(sanitizeCaseHtml('<p>1 &lt; 2 &amp; <b>3</b> > 2</p>')).toBe('<p>1 &lt; 2 &amp; <strong>3</strong> &gt; 2</p>');
  });

  it('keeps a table with its cells and their spans, dropping its styling and any other attribute', () => {
    const html = '<table class="MsoTable" style="width:100%"><thead><tr><th colspan="2" style="x">投诉</th></tr></thead>'
      + '<tbody><tr><td rowspan="2" width="80"><p>2022</p></td><td colspan="x" onclick="a()">120</td></tr>\n<tr><td colspan="999">48</td></tr></tbody></table>';
    expect(sanitizeCaseHtml(html)).toBe('<table><thead><tr><th colspan="2">投诉</th></tr></thead>'
      + '<tbody><tr><td rowspan="2"><p>2022</p></td><td>120</td></tr><tr><td>48</td></tr></tbody></table>');
  });
});
