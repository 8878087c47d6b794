import { Button, Drawer, Dropdown, Layout, Menu, Select, Typography } from 'antd';
import { useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Me } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useRouter } from '../router.tsx';
import { isPlatformOrganizer, homeOf, useRole, useSignedOut, type WorkRole } from '../session.tsx';
import type { MessageKey } from '../../../../core/i18n/messages.ts';
import { LangSwitch } from './LangSwitch.tsx';
import { pageTitleKey } from './page-title.ts';

// The signed-in frame: navigation for the role in use, a role switch for people with several,
// the account menu. On a phone the menu folds into a drawer.

function navFor(role: WorkRole, me: Me): { path: string; label: MessageKey }[] {
  if (role === 'unit') {
    return [
      { path: '/app/cases', label: 'wb.nav.cases' }, { path: '/app/superior-reviews', label: 'wb.nav.superiorReviews' },
      { path: '/app/unit', label: 'wb.nav.myUnit' }, { path: '/app/unit/members', label: 'wb.nav.members' },
    ];
  }
  if (role === 'reviewer') return [{ path: '/app/reviews', label: 'wb.nav.reviews' }, { path: '/app/reviewer', label: 'wb.nav.reviewerProfile' }];
  const items: { path: string; label: MessageKey }[] = [
    { path: '/app/org/cases', label: 'wb.nav.orgCases' },
    { path: '/app/org/units', label: 'wb.nav.units' },
    { path: '/app/org/reviewers', label: 'wb.nav.reviewers' },
    { path: '/app/org/screening', label: 'wb.nav.screening' },
    { path: '/app/org/progress', label: 'wb.nav.progress' },
    { path: '/app/org/reference-cases', label: 'wb.nav.referenceCases' },
    { path: '/app/org/assignment', label: 'wb.nav.assignment' },
    { path: '/app/org/ranking', label: 'wb.nav.ranking' },
    { path: '/app/org/selection', label: 'wb.nav.selection' },
    { path: '/app/org/notice', label: 'wb.nav.notice' },
    { path: '/app/org/publishing', label: 'wb.nav.publishing' },
    { path: '/app/org/dashboard', label: 'wb.nav.dashboard' },
    { path: '/app/org/exports', label: 'wb.nav.exports' },
    { path: '/app/org/library-import', label: 'wb.libraryImport.nav' },
  ];
  // The audit log and the mail log answer platform organizers only (GET /api/v1/audit).
  if (isPlatformOrganizer(me)) items.push({ path: '/app/org/organizers', label: 'wb.nav.organizers' }, { path: '/app/org/audit', label: 'wb.nav.audit' }, { path: '/app/org/mail', label: 'wb.nav.mail' });
  return items;
}

// Ant Design's breakpoint for the horizontal menu (Grid's md). Read from the browser at once:
// Grid.useBreakpoint answers "no breakpoint" on the first render, so a desktop would first draw
// the phone's frame (the drawer, an inline menu) and then draw its own.
const WIDE = '(min-width: 768px)';
const wideQuery = () => window.matchMedia(WIDE);
function subscribeWide(onChange: () => void): () => void {
  const query = wideQuery();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
const useWide = () => useSyncExternalStore(subscribeWide, () => wideQuery().matches);

export function Shell({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useI18n();
  const { path, navigate } = useRouter();
  const { role, roles, setRole } = useRole();
  const signOut = useSignedOut();
  const phone = !useWide();
  const [open, setOpen] = useState(false);

  const nav = navFor(role, me);
  const selected = nav.filter((n) => path === n.path || path.startsWith(`${n.path}/`)).sort((a, b) => b.path.length - a.path.length)[0]?.path;
  const menu = (
    <Menu
      mode={phone ? 'inline' : 'horizontal'}
      className="wb-menu"
      // The pages that do not fit fold under a named item: axe (and a screen reader) need its name.
      overflowedIndicator={<span>{t('wb.more')}</span>}
      selectedKeys={selected ? [selected] : []}
      items={nav.map((n) => ({ key: n.path, label: t(n.label) }))}
      onClick={({ key }) => {
        setOpen(false);
        navigate(key);
      }}
    />
  );
  const roleSwitch = roles.length > 1 && (
    <Select<WorkRole>
      className="wb-role"
      aria-label={t('wb.switchRole')}
      value={role}
      onChange={(next) => {
        setRole(next);
        setOpen(false);
        navigate(homeOf(next, me));
      }}
      options={roles.map((r) => ({ value: r, label: t(`wb.role.${r}`) }))}
    />
  );
  const onAccount = async (key: string) => {
    setOpen(false);
    if (key === 'account') return navigate('/app/account');
    if (key !== 'sign-out') return;
    await signOut();
    navigate('/app/sign-in', { replace: true });
  };
  const accountItems = [
    { key: 'account', label: t('wb.account.title') },
    { key: 'sign-out', label: t('wb.signOut'), danger: true },
  ];
  // A long name ends in an ellipsis in the header: the button's title and the menu's first line
  // (wrapped, for touch screens that show no title) give it whole.
  const who = { key: 'who', className: 'wb-account-who', disabled: true, label: <><span className="wb-account-name">{me.displayName}</span><br />{me.email}</> };
  const account = (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      classNames={{ root: 'wb-account-menu' }}
      menu={{
        items: [who, accountItems[0]!, { type: 'divider' }, accountItems[1]!],
        onClick: ({ key }) => void onAccount(key),
      }}
    >
      <Button className="wb-account" type="text" title={me.displayName}>{me.displayName}</Button>
    </Dropdown>
  );

  return (
    <Layout className="wb-shell">
      <Layout.Header className="wb-header">
        {phone && <Button className="wb-burger" type="text" aria-label={t('wb.menu')} onClick={() => setOpen(true)}>☰</Button>}
        <a className="wb-brand" href="/app" onClick={(e) => { e.preventDefault(); navigate(homeOf(role, me)); }}>{t('site.name')}</a>
        {!phone && <div className="wb-nav">{menu}</div>}
        <div className="wb-header-end">
          {!phone && roleSwitch}
          <LangSwitch />
          {account}
        </div>
      </Layout.Header>
      {phone && (
        <Drawer placement="left" open={open} onClose={() => setOpen(false)} title={t('wb.title')} size={280}>
          {roleSwitch && <div className="wb-drawer-role">{roleSwitch}</div>}
          {menu}
          {/* The account menu again: at 200 % zoom the header has no room for it (workbench.css). */}
          <div className="wb-drawer-account">
            <div className="wb-drawer-who">{me.displayName}<br />{me.email}</div>
            <Menu mode="inline" className="wb-menu" selectable={false} items={accountItems} onClick={({ key }) => void onAccount(key)} />
          </div>
        </Drawer>
      )}
      <Layout.Content className="wb-content">
        <h1 className="wb-sr-only">{t(pageTitleKey(path))}</h1>
        {!me.emailVerified && <Typography.Text type="warning">{t('wb.unverified')}</Typography.Text>}
        {children}
      </Layout.Content>
    </Layout>
  );
}
