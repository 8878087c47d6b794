import { en } from './en.ts';
import type { Locale } from './locale.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';

export type { MessageKey };

const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Params = Record<string, string | number>;

/**
 * The message for `key` in `locale` with `{name}` placeholders filled from `params`. A message
 * may choose its words by a number the way the language does, in ICU's form:
 * `{count, plural, one {one file} other {up to # files}}` (`#` is the number, `=0` matches it
 * exactly); branches may hold placeholders of their own.
 */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  return choosePlurals(locale, catalogues[locale][key], params).replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

const PLURAL_START = /\{(\w+), plural,/g;
const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The index of the `}` closing the `{` at `open`. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}' && (depth -= 1) === 0) return i;
  }
  return -1;
}

/** `text` with each plural block replaced by its branch for the number; a block without its number stays visible. */
function choosePlurals(locale: Locale, text: string, params: Params): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(PLURAL_START)) {
    const start = match.index;
    if (start < from) continue;
    const end = closingBrace(text, start);
    if (end < 0) break;
    const value = params[match[1]!];
    out += text.slice(from, start);
    from = end + 1;
    if (typeof value !== 'number') {
      out += text.slice(start, end + 1);
      continue;
    }
    const branches = new Map<string, string>();
    const body = text.slice(start + match[0].length, end);
    for (let i = 0; i < body.length;) {
      const selector = /^\s*(=?\w+)\s*\{/.exec(body.slice(i));
      if (!selector) break;
      const open = i + selector[0].length - 1;
      const close = closingBrace(body, open);
      if (close < 0) break;
      branches.set(selector[1]!, body.slice(open + 1, close));
      i = close + 1;
    }
    let rules = pluralRules.get(locale);
    if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
    const branch = branches.get(`=${value}`) ?? branches.get(rules.select(value)) ?? branches.get('other') ?? '';
    out += choosePlurals(locale, branch, params).replace(/#/g, String(value));
  }
  return out + text.slice(from);
}

export type Translator = (key: MessageKey, params?: Params) => string;

export function translator(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}

const CHINESE_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1–99 in Chinese numerals (七, 十二, 二十一), as editions and sections are numbered. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n <= 10) return CHINESE_NUMERALS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CHINESE_NUMERALS[tens]}十${ones === 0 ? '' : CHINESE_NUMERALS[ones]}`;
}

/** Section numbering as each language writes it in an official notice: 一、 or 1. */
export function sectionNumber(locale: Locale, n: number): string {
  return locale === 'en' ? `${n}.` : `${chineseNumeral(n)}、`;
}

/** Second-level numbering as the notice writes it: （一） or (1). */
export function itemNumber(locale: Locale, n: number): string {
  return locale === 'en' ? `(${n}) ` : `（${chineseNumeral(n)}）`;
}

/** "背景、做法和成效" or "Background, Practice, and Effectiveness". */
export function listOf(locale: Locale, items: string[]): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}

/** "第七届" or "Edition 7". */
export function editionLabel(locale: Locale, edition: number): string {
  return translate(locale, 'home.edition', { edition: locale === 'en' ? edition : chineseNumeral(edition) });
}
