import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Result, Space, Typography } from 'antd';
import { accountApi } from '../account-api.ts';
import { ApiError, type Organization } from '../api.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { useI18n } from '../i18n.tsx';
import { Link, useRouter } from '../router.tsx';
import { ME_KEY, useMe, useSignedOut } from '../session.tsx';

// /app/join?token= (a unit's colleague) and /app/reviewer-invitation?token= (an expert): both
// need an account, so a visitor signs in or up first and comes back here. Only the invited
// address may accept: someone else signed in on this browser is offered to sign out, and then
// to sign in as the invitee and come back.

export function AcceptInvitationPage({ kind }: { kind: 'unit' | 'reviewer' }) {
  const { t } = useI18n();
  const { search, path, navigate } = useRouter();
  const token = search.get('token');
  const me = useMe();
  const client = useQueryClient();
  const signOut = useSignedOut();
  const accept = useMutation({
    /** The unit joined; null for a reviewer's invitation. */
    mutationFn: async (): Promise<Organization | null> => {
      if (kind === 'unit') return accountApi.acceptUnitInvitation(token ?? '');
      await accountApi.acceptReviewerInvitation(token ?? '');
      return null;
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  const title = t(kind === 'unit' ? 'wb.joinTitle' : 'wb.reviewerInviteTitle');
  if (!token) return <AuthLayout title={title}><Result status="warning" title={t('wb.missingToken')} /></AuthLayout>;
  const here = `${path}?token=${encodeURIComponent(token)}`;

  if (accept.isSuccess) {
    const data = accept.data;
    return (
      <AuthLayout title={title}>
        <Result
          status="success"
          title={kind === 'unit' ? t('wb.joined', { name: data?.name ?? '' }) : t('wb.reviewerJoined')}
          extra={<Button type="primary" onClick={() => navigate(kind === 'unit' ? '/app/unit' : '/app/reviewer')}>{t('wb.goHome')}</Button>}
        />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={title}>
      <Typography.Paragraph>{t(kind === 'unit' ? 'wb.joinHint' : 'wb.reviewerInviteHint')}</Typography.Paragraph>
      {accept.isError && (
        <Result
          status="error"
          title={accept.error.message}
          extra={accept.error instanceof ApiError && accept.error.code === 'invitation_for_other_address' && (
            <Button onClick={async () => { await signOut(); accept.reset(); }}>{t('wb.signOut')}</Button>
          )}
        />
      )}
      {me.data ? (
        <Button type="primary" block loading={accept.isPending} onClick={() => accept.mutate()}>{t('wb.accept')}</Button>
      ) : (
        <Space wrap>
          <Typography.Text strong>{t('wb.signInFirst')}</Typography.Text>
          <Link to={`/app/sign-in?next=${encodeURIComponent(here)}`}>{t('wb.signIn')}</Link>
          <Link to={`/app/sign-up?next=${encodeURIComponent(here)}`}>{t('wb.signUp')}</Link>
        </Space>
      )}
    </AuthLayout>
  );
}
