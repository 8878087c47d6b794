// A file name comes from users (a case title, an upload's name), so the header is built to hold
// anything: lone surrogates become U+FFFD (encodeURIComponent throws on them, which answered 500),
// control characters and noncharacters go (CR/LF would split the header), and the ASCII
// fallback is a token a quoted-string can carry.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0 and C1 controls, DEL, and the noncharacters (U+FDD0–U+FDEF, U+FFFE and U+FFFF of every plane).
const UNWANTED = /[\p{Cc}\p{Noncharacter_Code_Point}]/gu;

/** `text` as well-formed Unicode without controls or noncharacters. */
function headerSafeText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(UNWANTED, '');
}

/** An attachment header that keeps a Chinese file name (RFC 6266 / 5987) with an ASCII fallback; never throws. */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const name = headerSafeText(fileName).trim() || headerSafeText(asciiFallback);
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  const fallback = asciiFallback.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
