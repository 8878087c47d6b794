// What survives a paste into a case: paragraphs, two levels of subheading, bold, italics, lists
// and line breaks, as the server's allow-list (server/shared/case-html.ts) keeps them. Word and
// WPS paste a soup of mso-* styles, classes, <o:p>, conditional comments, fonts and spans;
// Google Docs wraps everything in <b style="font-weight:normal"> and marks bold with a style.
// Everything but the structure goes; the text inside unknown tags stays.

const BLOCK_MAP: Record<string, string> = {
  p: 'p', div: 'p', tr: 'p', dt: 'p', dd: 'p', address: 'p', blockquote: 'p', pre: 'p', caption: 'p',
  h1: 'h3', h2: 'h3', h3: 'h3', h4: 'h4', h5: 'h4', h6: 'h4',
  ul: 'ul', ol: 'ol', li: 'li',
};
const DROP = new Set([
  'script', 'style', 'meta', 'link', 'title', 'head', 'xml', 'template', 'noscript', 'iframe', 'object', 'embed',
  'img', 'svg', 'video', 'audio', 'canvas', 'input', 'button', 'select', 'textarea', 'option', 'map', 'picture', 'source',
]);

function styleOf(el: Element): string {
  return (el.getAttribute('data-style') ?? '').toLowerCase().replace(/\s+/g, '');
}

function markOf(el: Element): 'strong' | 'em' | null {
  const tag = el.localName;
  const style = styleOf(el);
  // Whole declarations only: Word marks its bold <b> with mso-bidi-font-weight:normal, which
  // says nothing about the weight of Chinese text.
  const normalWeight = /(^|;)font-weight:(normal|400)/.test(style);
  if ((tag === 'b' || tag === 'strong') && !normalWeight) return 'strong';
  if (/(^|;)font-weight:(bold|bolder|[6-9]00)/.test(style)) return 'strong';
  if (tag === 'i' || tag === 'em' || /(^|;)font-style:italic/.test(style)) return 'em';
  return null;
}

/** Word writes a list as paragraphs styled mso-list, each starting with its marker ("1.", "·"). */
function wordListItem(node: Node): 'ul' | 'ol' | null {
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const style = styleOf(node as Element);
  if (!/mso-list:l\d/.test(style)) return null;
  const marker = (node as Element).querySelector('[data-style*="mso-list"]')?.textContent?.trim() ?? '';
  return /^[(（]?[\da-z一二三四五六七八九十ivx]+[.、)）]/i.test(marker) ? 'ol' : 'ul';
}

function copyChildren(from: Node, to: Node, doc: Document): void {
  let list = null as Element | null;
  for (const child of Array.from(from.childNodes)) {
    const kind = wordListItem(child);
    if (kind) {
      if (list?.localName !== kind) list = to.appendChild(doc.createElement(kind));
      const li = doc.createElement('li');
      copyChildren(child, li, doc);
      list.appendChild(li);
      continue;
    }
    // Whitespace between Word's list paragraphs does not end the list.
    if (list && child.nodeType === Node.TEXT_NODE && (child.textContent ?? '').trim() === '') continue;
    list = null;
    const copied = cleanNode(child, doc);
    if (copied) to.appendChild(copied);
  }
}

function cleanNode(node: Node, doc: Document): Node | null {
  if (node.nodeType === Node.TEXT_NODE) return doc.createTextNode(node.textContent ?? '');
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  // Namespaced Office tags (<o:p>, <v:shape>, <w:sdt>) hold layout, not text worth keeping.
  const tag = el.localName.toLowerCase();
  const style = styleOf(el);
  // mso-list:Ignore is a list marker Word typed out; the list itself carries the numbering.
  if (DROP.has(tag) || tag.includes(':') || style.includes('mso-hide:all') || style.includes('mso-list:ignore')) return null;
  if (tag === 'br') return doc.createElement('br');
  const block = BLOCK_MAP[tag];
  const mark = markOf(el);
  const out: Node = block ? doc.createElement(block) : doc.createDocumentFragment();
  let into: Node = out;
  if (mark) {
    const wrapper = doc.createElement(mark);
    out.appendChild(wrapper);
    into = wrapper;
  }
  copyChildren(el, into, doc);
  // A table cell's text keeps a space from its neighbour's.
  if (tag === 'td' || tag === 'th') out.appendChild(doc.createTextNode(' '));
  return out;
}

/**
 * The pasted text before it is parsed: the parsed document is inert, but the page's CSP still
 * reports every <style>, style attribute and on… handler in it as a violation. Styles become
 * data-style (read below for bold and Word's lists); scripts, style sheets, handlers and Office's
 * conditional comments go.
 */
function defang(html: string): string {
  return html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<[a-z][^>]*>/gi, (tag) => tag
      .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
      .replace(/\sstyle\s*=/gi, ' data-style='));
}

/** Pasted HTML reduced to what a case may hold. */
export function cleanPastedHtml(html: string): string {
  const parsed = new DOMParser().parseFromString(defang(html), 'text/html');
  const doc = document.implementation.createHTMLDocument('');
  const container = doc.createElement('div');
  copyChildren(parsed.body, container, doc);
  // Empty paragraphs are Word's spacing, not content.
  for (const p of Array.from(container.querySelectorAll('p, h3, h4'))) {
    if ((p.textContent ?? '').replace(/[\s\u00a0\u3000]/g, '') === '' && !p.querySelector('br')) p.remove();
  }
  return container.innerHTML;
}
