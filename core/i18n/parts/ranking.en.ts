import type { rankingZhCN } from './ranking.zh-CN.ts';

export const rankingEn: Record<keyof typeof rankingZhCN, string> = {
  'error.ranking_category_unknown': 'There is no case category “{category}”.',
};
