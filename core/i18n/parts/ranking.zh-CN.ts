// The ranking's words (server/modules/ranking).
export const rankingZhCN = {
  'error.ranking_category_unknown': '没有名为“{category}”的案例类别。',
} as const;
