import { checkPassword, type PasswordProblem } from '../../../../core/auth/password-strength.ts';
import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../../../../core/i18n/messages.ts';

// The server's own rules (core/auth), checked as the person types; the server still decides.
const RULES: { key: MessageKey; problems: PasswordProblem[] }[] = [
  { key: 'wb.rule.length', problems: ['too_short', 'too_long'] },
  { key: 'wb.rule.mix', problems: ['too_simple'] },
  { key: 'wb.rule.notCommon', problems: ['common', 'contains_email', 'contains_name', 'repetitive'] },
];

export function PasswordRules({ password, email, name }: { password: string; email?: string; name?: string }) {
  const { t } = useI18n();
  const check = checkPassword(password, { email, name });
  const problems = check.ok ? [] : check.problems;
  return (
    <div className="wb-rules" aria-live="polite">
      <div className="wb-rules-title">{t('wb.passwordRules')}</div>
      <ul>
        {RULES.map((rule) => {
          const met = password.length > 0 && !rule.problems.some((p) => problems.includes(p));
          return (
            <li key={rule.key} className={met ? 'met' : ''} data-met={met}>
              <span aria-hidden="true">{met ? '✓' : '·'}</span> {t(rule.key)}
            </li>
          );
        })}
      </ul>
      {password.length > 0 && problems.length > 0 && (
        <div className="wb-rules-problems">{problems.map((p) => t(`password.${p}`)).join(t('punct.list'))}</div>
      )}
    </div>
  );
}
