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

/** Section numbering as each language writes it in an official notice: 一、 or 1. */
export function sectionNumber(locale: Locale, n: number): string {
  if (locale === 'en') return `${n}.`;
  if (n <= 10) return `${CHINESE_NUMERALS[n]}、`;
  if (n < 20) return `十${CHINESE_NUMERALS[n - 10]}、`;
  return `${n}、`;
}
