// Messages of the public pages' discovery: the Atom feed of each campaign and the special page's
// list of its newest cases (decision 0042).
export const publicPagesZhCN = {
  'feed.title': '{campaign}：公开展示的案例',
  'feed.subtitle': '本次征集活动新公开展示的案例，最新的在前。',
  'feed.subscribe': '订阅新案例',
  'special.latestCases': '最新展示的案例',
  'special.allCases': '在案例库中查看全部案例',
} as const;
