import { htmlToText } from '../../core/case/html-text.ts';

// An Atom 1.0 document (RFC 4287) from plain values: every text is escaped here, and characters
// XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/U+FFFF) are dropped, so no
// published field, however hostile, can end an element or make the document unreadable.

// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for an XML element or attribute value. */
export const xmlText = (text: string) => text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);

export interface AtomEntry {
  /** A permanent IRI: the case's address, without a language. */
  id: string;
  title: string;
  /** The page in the feed's language. */
  link: string;
  author: string;
  category?: string | undefined;
  published: string;
  updated: string;
  /** Case HTML; the feed carries it as plain text. */
  summaryHtml: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  language: string;
  /** The feed's own address, and the page it is the feed of. */
  self: string;
  alternate: string;
  author: string;
  /** When nothing is listed: when the campaign last changed. */
  updatedWhenEmpty: string;
  entries: AtomEntry[];
}

const SUMMARY_CHARS = 300;

function summaryOf(html: string): string {
  const text = htmlToText(html).replace(/\s+/g, ' ').trim();
  const chars = [...text];
  return chars.length > SUMMARY_CHARS ? `${chars.slice(0, SUMMARY_CHARS).join('')}…` : text;
}

const element = (name: string, text: string) => `<${name}>${xmlText(text)}</${name}>`;

export function atomFeed(feed: AtomFeed): string {
  const latest = feed.entries.reduce((max, e) => (e.updated > max ? e.updated : max), '');
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.language)}">`,
    element('id', feed.id),
    element('title', feed.title),
    element('subtitle', feed.subtitle),
    element('updated', latest || feed.updatedWhenEmpty),
    `<link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlText(feed.alternate)}"/>`,
    `<author>${element('name', feed.author)}</author>`,
    ...feed.entries.map((e) => [
      '<entry>',
      element('id', e.id),
      element('title', e.title),
      `<link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>`,
      element('published', e.published),
      element('updated', e.updated),
      `<author>${element('name', e.author)}</author>`,
      ...(e.category ? [`<category term="${xmlText(e.category)}"/>`] : []),
      `<summary type="text">${xmlText(summaryOf(e.summaryHtml))}</summary>`,
      '</entry>',
    ].join('')),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}
