import type { casesZhCN } from './cases.zh-CN.ts';

export const casesEn: Record<keyof typeof casesZhCN, string> = {
  'cases.placeholder': '',
};
