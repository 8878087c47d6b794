// Content that runs when a file is opened: scripts in markup, JavaScript and launch actions in
// PDF. Scanned over text windows (the caller slides a window over the whole file, keeping an
// overlap of ACTIVE_CONTENT_OVERLAP characters so a marker cut in two is still seen).

export type ActiveContent = 'script' | 'pdf_script';

export const ACTIVE_CONTENT_OVERLAP = 64;

const MARKUP_ACTIVE = [
  /<\s*script\b/i,
  /<\s*(?:iframe|embed|object|applet|frame|frameset|foreignObject|handler|listener)\b/i,
  /<\s*(?:meta)\b[^<>]*http-equiv/i,
  // Event handlers (onload=, onclick=…) on any element.
  /<[^<>]*\s(?:xlink:)?on[a-z]+\s*=/i,
  /(?:java|vb)script\s*:/i,
  /<!ENTITY/i,
  /<\s*(?:set|animate)\b[^<>]*\b(?:href|xlink:href)\b/i,
];

/** Whether markup (SVG, HTML, XML) in `text` carries anything a browser would run. */
export function findMarkupActiveContent(text: string): ActiveContent | undefined {
  return MARKUP_ACTIVE.some((pattern) => pattern.test(text)) ? 'script' : undefined;
}

// PDF names may hide letters as #xx escapes (/J#61vaScript); they are decoded before matching.
const PDF_ACTIVE_NAMES = new Set(['JavaScript', 'JS', 'Launch', 'RichMedia', 'EmbeddedFile', 'EmbeddedFiles', 'SubmitForm', 'ImportData']);
const PDF_NAME = /\/((?:[A-Za-z0-9]|#[0-9A-Fa-f]{2})+)/g;

/** Whether PDF source text (read as latin1) names JavaScript, launch actions or embedded files. */
export function findPdfActiveContent(text: string): ActiveContent | undefined {
  for (const match of text.matchAll(PDF_NAME)) {
    const name = match[1]!.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (PDF_ACTIVE_NAMES.has(name)) return 'pdf_script';
  }
  return undefined;
}
