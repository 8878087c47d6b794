import type { SourceBlock } from '../../../core/case/heading-split.ts';
import { htmlToText } from '../../../core/case/html-text.ts';

// mammoth's HTML is a flat run of well-formed top-level elements (h1–h6, p, ul, ol, table), so a
// tag scanner that tracks depth cuts it into the blocks the heading split reads.

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>/g;

function topLevelElements(html: string): { tag: string; html: string; inner: string }[] {
  const out: { tag: string; html: string; inner: string }[] = [];
  let depth = 0;
  let start = 0;
  let innerStart = 0;
  let tag = '';
  for (const m of html.matchAll(TAG)) {
    const [whole, closing, name, selfClosing] = m;
    if (selfClosing) {
      if (depth === 0) out.push({ tag: name!.toLowerCase(), html: whole, inner: '' });
      continue;
    }
    if (!closing) {
      if (depth === 0) {
        start = m.index;
        innerStart = m.index + whole.length;
        tag = name!.toLowerCase();
      }
      depth += 1;
    } else {
      depth -= 1;
      if (depth === 0) out.push({ tag, html: html.slice(start, m.index + whole.length), inner: html.slice(innerStart, m.index) });
    }
  }
  return out;
}

/** True when all the text of `inner` is inside <strong>. */
function allBold(inner: string): boolean {
  const outside = htmlToText(inner.replace(/<strong>[\s\S]*?<\/strong>/g, ''));
  return outside.trim() === '' && /<strong>/.test(inner);
}

// Word's own heading numbering (一、 at level 1, （一） at level 2) makes a heading and the
// subheading right after it one nested numbered list: each item is then a line of its own, with
// its depth. (Nested bullet lists are body text and stay lists.)
function nestedListItems(html: string): SourceBlock[] {
  const items: SourceBlock[] = [];
  let depth = 0;
  let open: { depth: number; start: number } | null = null;
  const close = (end: number) => {
    if (!open) return;
    const inner = html.slice(open.start, end);
    items.push({ kind: 'paragraph', text: htmlToText(inner), html: `<p>${inner}</p>`, bold: allBold(inner), listLevel: open.depth });
    open = null;
  };
  for (const m of html.matchAll(TAG)) {
    const [whole, closing, name] = m;
    const tag = name!.toLowerCase();
    if (tag !== 'ul' && tag !== 'ol' && tag !== 'li') continue;
    close(m.index);
    if (tag === 'li' && !closing) open = { depth, start: m.index + whole.length };
    else if (tag !== 'li') depth += closing ? -1 : 1;
  }
  return items;
}

/** The blocks of mammoth's HTML, with headings, bold lines and tables told apart. */
export function blocksOfHtml(html: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  for (const element of topLevelElements(html)) {
    const heading = /^h([1-6])$/.exec(element.tag);
    if (heading) {
      blocks.push({ kind: 'heading', level: Number(heading[1]), text: htmlToText(element.inner), html: element.html });
    } else if (element.tag === 'table') {
      // Kept as a table: the case holds tables, and counts their cells' text only.
      blocks.push({ kind: 'paragraph', text: htmlToText(element.html), html: element.html });
    } else if (element.tag === 'ol' && /<(?:ul|ol)\b/.test(element.inner)) {
      blocks.push(...nestedListItems(element.html));
    } else if (element.tag === 'ul' || element.tag === 'ol') {
      // A lone numbered item is how many documents number their headings (一、背景 as a list).
      const items = element.inner.match(/<li\b/g)?.length ?? 0;
      const inner = /^<li>([\s\S]*)<\/li>$/.exec(element.inner)?.[1];
      const lone = items === 1 && inner !== undefined;
      blocks.push({ kind: 'paragraph', text: htmlToText(element.inner), html: element.html, bold: lone && allBold(inner), ...(lone ? { listLevel: 1 } : {}) });
    } else {
      // Chinese paragraphs are indented with ideographic spaces; the editor indents by style.
      const html = element.html.replace(/^<p>[\s\u3000]+/, '<p>');
      blocks.push({ kind: 'paragraph', text: htmlToText(element.inner), html, bold: allBold(element.inner) });
    }
  }
  return blocks;
}
