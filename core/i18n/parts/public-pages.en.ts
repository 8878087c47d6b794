// Messages of the public pages' discovery: the Atom feed of each campaign and the special page's
// list of its newest cases (decision 0042).
export const publicPagesEn = {
  'feed.title': '{campaign}: published cases',
  'feed.subtitle': 'Cases newly published by this campaign, the newest first.',
  'feed.subscribe': 'Subscribe to new cases (Atom)',
  'special.latestCases': 'Newest published cases',
  'special.allCases': 'See every case in the case library',
} as const;
