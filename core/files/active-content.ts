// Content that runs when a file is opened: scripts in markup, scanned over text windows (the
// caller slides a window over the whole file, keeping an overlap of ACTIVE_CONTENT_OVERLAP
// characters so a marker cut in two is still seen); and, for PDF, the keys and actions that a
// parsed document must not hold (server/files/pdf-inspection.ts walks every object with them).

export type ActiveContent = 'script';

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

/**
 * Dictionary keys that make a PDF run or carry something: JavaScript (also in the /Names tree),
 * additional actions, launch actions, embedded files (/EmbeddedFiles in the name tree, /EF in a
 * file specification), rich media, form submission and import, and XFA forms (which script).
 */
export const PDF_ACTIVE_KEYS: ReadonlySet<string> = new Set([
  'JavaScript', 'JS', 'AA', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'EF', 'RichMedia', 'RichMediaContent', 'SubmitForm', 'ImportData', 'XFA',
]);

/**
 * Values of /S (an action's type) and /Type or /Subtype that mark the same things, and the actions
 * that reach outside the file: GoToR opens another file, and one named by a UNC path
 * (\\host\share) sends the reader's Windows credentials to that host (CVE-2018-4993); Movie,
 * Sound and Rendition play media a reader fetches or runs.
 */
export const PDF_ACTIVE_TYPES: ReadonlySet<string> = new Set([
  'JavaScript', 'Launch', 'SubmitForm', 'ImportData', 'RichMedia', 'RichMediaExecute', 'GoToE', 'EmbeddedFile',
  'GoToR', 'Movie', 'Sound', 'Rendition',
]);
