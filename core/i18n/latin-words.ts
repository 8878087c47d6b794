// What a Chinese page may show in Latin letters, and nothing else: a Chinese reader should meet
// an English word only where it is a name, a code or a unit that has no Chinese form in use.
// Everything else in Latin letters on a zh-CN page is an untranslated word.

/** Each word a zh-CN page may show, with why it stays in Latin letters. */
const ALLOWED: Record<string, string> = {
  English: 'the language switch names the other language in that language',
  PDF: 'a file format', JPEG: 'a file format', JPG: 'a file format', PNG: 'a file format', WebP: 'a file format',
  GIF: 'a file format', HEIC: 'a file format', AVIF: 'a file format', SVG: 'a file format', MP4: 'a file format',
  MOV: 'a file format', WebM: 'a file format', MKV: 'a file format', AVI: 'a file format', M4A: 'a file format',
  DOCX: 'a file format', DOC: 'a file format', XLSX: 'a file format', PPTX: 'a file format', ZIP: 'a file format',
  XML: 'a file format', JSON: 'a file format',
  Microsoft: 'a product name', Word: 'a product name', Excel: 'a product name', PowerPoint: 'a product name',
  Office: 'a product name', Windows: 'a product name', Linux: 'a product name', macOS: 'a product name',
  'SHA-256': 'a standard’s name', SHA256: 'certutil’s spelling of the algorithm', 'UTF-8': 'a standard’s name',
  SMTP: 'a protocol’s name', URL: 'a standard’s name', API: 'a standard’s name',
  sha256sum: 'a command typed as shown', 'shasum -a': 'a command typed as shown', 'certutil -hashfile': 'a command typed as shown',
  '0–9、a–f': 'the hexadecimal digits, in the message that explains SHA-256',
  B: 'a unit (bytes)', KB: 'a unit', MB: 'a unit', GB: 'a unit',
  UTC: 'the notation of a time zone’s offset (UTC+08:00)',
  qwerty: 'an example of what not to type as a password', qaz: 'an example of what not to type as a password',
  'e-mail': 'an example of a Latin word in the word-count rule',
};

// Stripped before looking for words: what is a code by its shape, whatever its letters.
const CODES = [
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g, // e-mail addresses
  /\bhttps?:\/\/\S+/g, // links
  /\b(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.(cn|com|org|net|test)\b/gi, // host names
  /\b[a-z]+(?:-[a-z]+)*\/\d+\b/g, // a format's name and version (zhengji-case/1)
  /\b[A-Za-z0-9]*\d[A-Za-z0-9-]*\b/g, // anything with a digit: receipt numbers, versions, 3GP, Z7-…
  /\b(zh-CN|en)\b/g, // language codes, in the message that lists them
  /“[\w.-]+”/g, // what the reader typed, quoted back (未找到征集活动“x”)
  /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, // a setting's name (ZHENGJI_ADMIN_EMAIL), as the audit log names the server's own acts
];

// Allowed names that are more than letters (SHA-256, shasum -a) go first, before their parts
// look like a code or a stray letter.
const PHRASES = Object.keys(ALLOWED).filter((name) => /[^A-Za-z]/.test(name));

/** The Latin words in `text` that are neither allowed nor codes by their shape, each once, in order. */
export function untranslatedWords(text: string): string[] {
  let rest = text;
  for (const phrase of PHRASES) rest = rest.replaceAll(phrase, ' ');
  for (const code of CODES) rest = rest.replace(code, ' ');
  const words = new Set<string>();
  for (const [word] of rest.matchAll(/[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]/g)) {
    // A file name's extension is the format in lower case (回执.pdf, 申报表.docx).
    const allowed = Object.hasOwn(ALLOWED, word) || (word === word.toLowerCase() && Object.hasOwn(ALLOWED, word.toUpperCase()));
    if (!allowed) words.add(word);
  }
  return [...words];
}
