// The demo's sign-in accounts, one per role, all with one password. The demo seeds exactly these
// addresses (server/demo/steps), and in demo mode only (ZHENGJI_DEMO=true, set by `npm run demo`)
// the sign-in page lists them so one click fills the form. Never shown otherwise.

export const DEMO_PASSWORD = 'Yanshi-Zhengji-2026!';

/** Where every demo address lives; example.cn is reserved, so no mail reaches anyone. */
const DOMAIN = 'demo.example.cn';

export const demoEmail = (local: string) => `${local}@${DOMAIN}`;
export const unitOperatorEmail = (index: number) => demoEmail(`unit-${String(index + 1).padStart(3, '0')}`);
export const superiorMemberEmail = (provinceCode: string) => demoEmail(`superior-${provinceCode}`);
export const reviewerEmail = (index: number) => demoEmail(`reviewer-${String(index + 1).padStart(2, '0')}`);

export const DEMO_ORGANIZER_EMAIL = demoEmail('organizer');
export const DEMO_LEARNER_EMAIL = demoEmail('learner');

export type DemoRole = 'organizer' | 'unit' | 'superior' | 'reviewer' | 'learner';

export interface DemoAccount {
  role: DemoRole;
  email: string;
  password: string;
}

/**
 * The accounts the sign-in page offers: the organizer, the first unit's operator, a member of
 * that unit's superior organization (the first unit sits in the first province, 北京市 110000),
 * the first reviewer and a learner.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { role: 'organizer', email: DEMO_ORGANIZER_EMAIL, password: DEMO_PASSWORD },
  { role: 'unit', email: unitOperatorEmail(0), password: DEMO_PASSWORD },
  { role: 'superior', email: superiorMemberEmail('110000'), password: DEMO_PASSWORD },
  { role: 'reviewer', email: reviewerEmail(0), password: DEMO_PASSWORD },
  { role: 'learner', email: DEMO_LEARNER_EMAIL, password: DEMO_PASSWORD },
];
