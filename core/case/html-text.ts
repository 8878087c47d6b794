// The text of a case's restricted HTML, for counting 字 and for plain-text views. It runs in the
// browser and on the server alike, so it is a small scanner rather than a DOM.

// A table's cells are blocks too: its text is its cells' text, each counted on its own.
const BLOCK = /^(p|h[1-6]|li|ul|ol|div|br|blockquote|table|thead|tbody|tr|th|td)$/i;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntity(entity: string): string {
  if (entity.startsWith('#x') || entity.startsWith('#X')) return safeCodePoint(parseInt(entity.slice(2), 16));
  if (entity.startsWith('#')) return safeCodePoint(parseInt(entity.slice(1), 10));
  return NAMED[entity] ?? `&${entity};`;
}

function safeCodePoint(n: number): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
}

/** Text with a line break between blocks; tags dropped, entities decoded, script/style content dropped. */
export function htmlToText(html: string): string {
  const withoutCode = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
  const text = withoutCode.replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|<!--[\s\S]*?-->/g, (_tag, name: string | undefined) =>
    name && BLOCK.test(name) ? '\n' : '',
  );
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (_whole, entity: string) => decodeEntity(entity))
    .replace(/\n{2,}/g, '\n')
    .trim();
}
