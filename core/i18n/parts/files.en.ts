import type { filesZhCN } from './files.zh-CN.ts';

export const filesEn: Record<keyof typeof filesZhCN, string> = {
  'files.placeholder': '',
};
