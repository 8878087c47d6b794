import sanitizeHtml from 'sanitize-html';
import { findTextFault, normalizeText } from '../../core/text/clean-text.ts';
import { AppError } from '../errors.ts';

// The allow-list for a case's text: paragraphs, two levels of subheading, bold, italics, lists
// and plain tables (cells may span). Everything else (styles, classes, Word's mso-* soup,
// scripts, links, images) is dropped with its attributes; the text inside unknown tags is kept.

// A span is a small count: anything else would let one cell stretch the page.
const cellTag = (tagName: string, attribs: sanitizeHtml.Attributes) => ({
  tagName,
  attribs: Object.fromEntries(Object.entries(attribs).filter(([name, value]) => (name === 'colspan' || name === 'rowspan') && /^[1-9]\d?$/.test(value))),
});

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h3', 'h4', 'strong', 'em', 'ul', 'ol', 'li', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: [],
  transformTags: {
    b: 'strong',
    i: 'em',
    h1: 'h3',
    h2: 'h3',
    h5: 'h4',
    h6: 'h4',
    div: 'p',
    td: cellTag,
    th: cellTag,
  },
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'xml', 'template'],
  disallowedTagsMode: 'discard',
  exclusiveFilter: (frame) => frame.tag === 'p' && frame.text.trim() === '',
};

/** The case HTML reduced to the allow-list; safe to store and to render. */
export function sanitizeCaseHtml(html: string): string {
  return sanitizeHtml(html.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, ''), OPTIONS)
    .replace(/(<\/(?:p|h3|h4|ul|ol|li|table|thead|tbody|tr|th|td)>|<(?:ul|ol|table|thead|tbody|tr)>)\s+(?=<)/g, '$1')
    .trim();
}

/**
 * One HTML field of a request, sanitized. A character reference (`&#xFFFF;`, `&#7;`) decodes to
 * a character the text rule refuses even though the request's text passed it: the field is
 * refused the same way (text_invalid) rather than stripped, so a save never silently changes
 * what the person wrote. The result is in NFC, as references can spell decomposed characters.
 */
export function sanitizeCaseField(html: string, field: string): string {
  const clean = sanitizeCaseHtml(html);
  const fault = findTextFault(clean);
  if (fault) throw new AppError('text_invalid', { field, character: fault.character, position: fault.position }, [{ field, ...fault }]);
  return normalizeText(clean);
}
