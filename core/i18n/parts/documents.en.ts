import type { documentsZhCN } from './documents.zh-CN.ts';

export const documentsEn: Record<keyof typeof documentsZhCN, string> = {
  'documents.placeholder': '',
};
