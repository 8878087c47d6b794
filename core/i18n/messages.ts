import { en } from './en.ts';
import type { Locale } from './locale.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';

export type { MessageKey };

const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Params = Record<string, string | number>;

/** The message for `key` in `locale` with `{name}` placeholders filled from `params`. */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
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

/** "第七届" or "Edition 7". */
export function editionLabel(locale: Locale, edition: number): string {
  return translate(locale, 'home.edition', { edition: locale === 'en' ? edition : chineseNumeral(edition) });
}
