import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { accountApi } from '../account-api.ts';
import { api, ApiError } from '../api.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { DemoAccounts } from './DemoAccounts.tsx';
import { useI18n } from '../i18n.tsx';
import { placeServerError } from '../server-error.ts';
import { PlainAlert, PlainButton, PlainField } from '../plain/plain.tsx';
import { Link, safeNext, useRouter } from '../router.tsx';
import { homeOf, ME_KEY, workRoles } from '../session.tsx';

type Field = 'email' | 'password';

// The shape the server's own check accepts; the server still decides.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The first page most visits open, in plain markup (plain/plain.tsx): Ant Design, the form
 * library and the workbench's pages load while the person types (App.tsx).
 */
export function SignInPage() {
  const { t } = useI18n();
  const { navigate, search } = useRouter();
  const client = useQueryClient();
  const [values, setValues] = useState<Record<Field, string>>({ email: '', password: '' });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [unverified, setUnverified] = useState<string | null>(null);
  const [revealed, setRevealed] = useState(false);
  const next = safeNext(search.get('next'));

  const signIn = useMutation({
    mutationFn: (body: Record<Field, string>) => accountApi.signIn(body),
    onSuccess: (me) => {
      // The session changed: the CSRF secret cookie pairs with the new session from here on.
      api.resetCsrf();
      client.setQueryData(ME_KEY, me);
      navigate(next ?? homeOf(workRoles(me)[0]!, me), { replace: true });
    },
    onError: (error, body) => {
      setUnverified(error instanceof ApiError && error.code === 'email_not_verified' ? body.email : null);
      const placed: Partial<Record<Field, string>> = {};
      setMessage(placeServerError(error, ['email', 'password'] as const, (field, text) => (placed[field] = text)));
      setProblems(placed);
    },
  });
  // The same answer for every address (the server does not say whether it has an account).
  const resend = useMutation({ mutationFn: (email: string) => accountApi.resendVerification({ email, ...(next ? { next } : {}) }) });

  const check = (v: Record<Field, string>): Partial<Record<Field, string>> => ({
    ...(EMAIL.test(v.email.trim()) ? {} : { email: t(v.email.trim() ? 'wb.invalidEmail' : 'wb.required') }),
    ...(v.password ? {} : { password: t('wb.required') }),
  });
  const change = (field: Field) => (event: { target: { value: string } }) => {
    const v = { ...values, [field]: event.target.value };
    setValues(v);
    // Once a field was judged, it is judged again as it is typed, as the rest of the workbench does.
    if (problems[field]) setProblems((p) => ({ ...p, [field]: check(v)[field] }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = check(values);
    setProblems(found);
    if (found.email || found.password) {
      document.getElementById(found.email ? 'f-email' : 'f-password')?.focus();
      return;
    }
    setMessage(null);
    signIn.mutate({ email: values.email.trim(), password: values.password });
  };

  return (
    <AuthLayout title={t('wb.signInTitle')}>
      {message && !resend.isSuccess && (
        <PlainAlert type="error" title={message}>
          {unverified && (
            <span>{t('wb.notVerifiedHint')} <PlainButton onClick={() => resend.mutate(unverified)} busy={resend.isPending}>{t('wb.resendVerification')}</PlainButton></span>
          )}
        </PlainAlert>
      )}
      {resend.isSuccess && <PlainAlert type="success" title={t('wb.resendSent')} />}
      <form noValidate onSubmit={submit}>
        <PlainField id="f-email" label={t('wb.email')} required type="email" autoComplete="email" value={values.email} onChange={change('email')} error={problems.email} />
        <PlainField
          id="f-password"
          label={t('wb.password')}
          required
          type={revealed ? 'text' : 'password'}
          autoComplete="current-password"
          value={values.password}
          onChange={change('password')}
          error={problems.password}
          after={(
            <button type="button" className="pl-reveal" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
              {t('wb.showPassword')}
            </button>
          )}
        />
        <PlainButton id="f-submit" type="submit" primary block busy={signIn.isPending}>{t('wb.signIn')}</PlainButton>
      </form>
      <DemoAccounts
        onPick={(account) => {
          setValues({ email: account.email, password: account.password });
          setProblems({});
          // Filled: the next key (Enter) signs in.
          document.getElementById('f-submit')?.focus();
        }}
      />
      <div className="wb-auth-links">
        <Link to="/app/forgot-password">{t('wb.forgotPassword')}</Link>
        <span>{t('wb.noAccount')} <Link to={next ? `/app/sign-up?next=${encodeURIComponent(next)}` : '/app/sign-up'}>{t('wb.signUp')}</Link></span>
      </div>
    </AuthLayout>
  );
}
