import { useDeferredValue, useEffect, useState } from 'react';
import { STRENGTH_PROBLEMS, type PasswordCheck, type PasswordContext, type PasswordProblem } from '../../../../core/auth/password-policy.ts';
import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../../../../core/i18n/messages.ts';

// The server's own rule (core/auth/password-policy.ts), checked as the person types; the server
// still decides. Each line of the hint is met when none of its problems is found.
const RULES: { key: MessageKey; problems: readonly PasswordProblem[] }[] = [
  { key: 'wb.rule.length', problems: ['too_short', 'too_long'] },
  { key: 'wb.rule.strength', problems: STRENGTH_PROBLEMS },
  { key: 'wb.rule.notPersonal', problems: ['contains_email', 'contains_name'] },
];

type Checker = (password: string, context: PasswordContext) => PasswordCheck;

// zxcvbn's dictionaries weigh megabytes: they load with the first password form, not with the
// workbench, and once.
let checker: Promise<Checker> | undefined;
const loadChecker = () => (checker ??= import('../../../../core/auth/password-strength.ts').then((m) => m.checkPassword));

function useChecker(): Checker | null {
  const [loaded, setLoaded] = useState<Checker | null>(null);
  useEffect(() => {
    let live = true;
    void loadChecker().then((check) => { if (live) setLoaded(() => check); });
    return () => { live = false; };
  }, []);
  return loaded;
}

export function PasswordRules({ password, email, name }: { password: string; email?: string; name?: string }) {
  const { t } = useI18n();
  const check = useChecker();
  // Scoring takes a few milliseconds a keystroke: typing stays ahead of it.
  const typed = useDeferredValue(password);
  const result = check && typed.length > 0 ? check(typed, { email, name }) : null;
  const problems = result && !result.ok ? result.problems : [];
  return (
    <div className="wb-rules" aria-live="polite">
      <div className="wb-rules-title">{t('wb.passwordRules')}</div>
      <ul>
        {RULES.map((rule) => {
          const met = result !== null && !rule.problems.some((p) => problems.includes(p));
          return (
            <li key={rule.key} className={met ? 'met' : ''} data-met={met}>
              <span aria-hidden="true">{met ? '✓' : '·'}</span> {t(rule.key)}
            </li>
          );
        })}
      </ul>
      {problems.length > 0 && (
        <div className="wb-rules-problems">{problems.map((p) => t(`password.${p}`)).join(t('punct.list'))}</div>
      )}
    </div>
  );
}
