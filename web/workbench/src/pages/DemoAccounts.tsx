import { useMemo } from 'react';
import { readDemoAccounts, type DemoAccount } from '../demo-accounts.ts';
import { useI18n } from '../i18n.tsx';

/**
 * The demo's accounts, one per role, under the sign-in form: a click fills the form with the
 * account's address and password. Nothing at all outside the demo.
 */
export function DemoAccounts({ onPick }: { onPick: (account: DemoAccount) => void }) {
  const { t } = useI18n();
  const accounts = useMemo(() => readDemoAccounts(), []);
  if (accounts.length === 0) return null;
  return (
    <section className="wb-demo" aria-labelledby="wb-demo-title">
      <h2 id="wb-demo-title" className="wb-demo-title">{t('wb.demo.title')}</h2>
      <p className="wb-demo-hint">{t('wb.demo.hint')}</p>
      <p className="wb-demo-hint">{t('wb.demo.password')} <code className="wb-demo-password">{accounts[0]!.password}</code></p>
      <ul className="wb-demo-list">
        {accounts.map((account) => (
          <li key={account.email}>
            <button type="button" className="wb-demo-account" onClick={() => onPick(account)}>
              <span className="wb-demo-role">{t(`wb.demo.role.${account.role}`)}</span>
              <span className="wb-demo-email">{account.email}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
