// The demo's accounts, when the server was started by `npm run demo`: it puts them in the page as
// a JSON data block (server/pages/workbench.routes.ts, DEMO_ACCOUNTS_ELEMENT). Any other page has
// none, and the sign-in form offers nothing.

export type DemoRole = 'organizer' | 'unit' | 'superior' | 'reviewer' | 'learner';

export interface DemoAccount {
  role: DemoRole;
  email: string;
  password: string;
}

const ELEMENT = 'zhengji-demo-accounts';
const ROLES: readonly string[] = ['organizer', 'unit', 'superior', 'reviewer', 'learner'];

const isAccount = (value: unknown): value is DemoAccount => {
  const v = value as Partial<DemoAccount> | null;
  return typeof v === 'object' && v !== null && ROLES.includes(String(v.role)) && typeof v.email === 'string' && typeof v.password === 'string';
};

/** The accounts the page carries, or none; a block that is not a list of accounts counts as none. */
export function readDemoAccounts(doc: Pick<Document, 'getElementById'> = document): DemoAccount[] {
  const text = doc.getElementById(ELEMENT)?.textContent;
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter(isAccount) : [];
  } catch {
    return [];
  }
}
