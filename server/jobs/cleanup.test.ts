import { describe, expect, it, onTestFinished } from 'vitest';
import { createTestDatabase, testEngine } from '../testing/test-database.ts';
import { removeExpiredRecords } from './cleanup.service.ts';

const NOW = new Date('2024-06-30T12:00:00.000Z');
const ago = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();
const hence = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000).toISOString();
const DAY = 24;

describe(`removing expired records (${testEngine()})`, () => {
  it('deletes exactly the expired sessions, spent one-time links (a used verification link once it expires) and jobs finished over 30 days ago', async () => {
    const handle = await createTestDatabase();
    onTestFinished(() => handle.dispose());
    const { db } = handle;
    await db.insertInto('users').values({
      id: 'u1', email: 'li.na@example.cn', password_hash: null, display_name: '李娜', email_verified_at: null, created_at: ago(90 * DAY), updated_at: ago(90 * DAY),
    }).execute();
    const session = (id: string, expiresAt: string) => ({ id, token_hash: `h-${id}`, user_id: 'u1', created_at: ago(60 * DAY), last_seen_at: ago(1), expires_at: expiresAt, user_agent: null, ip: null });
    await db.insertInto('sessions').values([session('s-expired', ago(1)), session('s-at-now', NOW.toISOString()), session('s-live', hence(1))]).execute();
    const link = (id: string, kind: 'verify_email' | 'reset_password' | 'join_unit', expiresAt: string, usedAt: string | null) => ({
      id, kind, token_hash: `h-${id}`, email: 'li.na@example.cn', user_id: 'u1', subject_id: null, created_at: ago(3 * DAY), expires_at: expiresAt, used_at: usedAt,
    });
    await db.insertInto('one_time_tokens').values([
      link('t-used', 'reset_password', hence(1), ago(2)),
      // Opened again before it expires, it says the address is verified already.
      link('t-used-verify', 'verify_email', hence(1), ago(2)),
      link('t-expired', 'verify_email', ago(1), null),
      link('t-used-expired', 'join_unit', ago(5), ago(6)),
      link('t-live', 'reset_password', hence(1), null),
      link('t-live-invite', 'join_unit', hence(7 * DAY), null),
    ]).execute();
    const job = (id: string, finished: { done_at?: string; failed_at?: string }) => ({
      id, kind: 'mail.send', payload: '{}', run_at: ago(40 * DAY), max_attempts: 8, created_at: ago(40 * DAY), ...finished,
    });
    await db.insertInto('jobs').values([
      job('j-done-old', { done_at: ago(30 * DAY + 1) }),
      job('j-failed-old', { failed_at: ago(31 * DAY) }),
      job('j-done-at-limit', { done_at: ago(30 * DAY) }),
      job('j-done-recent', { done_at: ago(29 * DAY) }),
      job('j-failed-recent', { failed_at: ago(1) }),
      job('j-waiting-old', {}),
    ]).execute();
    await db.insertInto('mails').values({
      id: 'm-sent', to_email: 'li.na@example.cn', locale: 'zh-CN', template: 'verify_email', subject: '验证', text_body: 't', html_body: 'h',
      status: 'sent', message_id: '<m-sent@zhengji>', last_error: null, created_at: ago(90 * DAY), sent_at: ago(90 * DAY),
    }).execute();

    expect(await removeExpiredRecords(db, NOW)).toEqual({ sessions: 2, oneTimeLinks: 3, jobs: 3, rateLimitWindows: 0 });

    const ids = async (table: 'sessions' | 'one_time_tokens' | 'jobs' | 'mails') => (await db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);
    expect(await ids('sessions')).toEqual(['s-live']);
    expect(await ids('one_time_tokens')).toEqual(['t-live', 't-live-invite', 't-used-verify']);
    expect(await ids('jobs')).toEqual(['j-done-recent', 'j-failed-recent', 'j-waiting-old']);
    expect(await ids('mails')).toEqual(['m-sent']);
    expect(await removeExpiredRecords(db, NOW)).toEqual({ sessions: 0, oneTimeLinks: 0, jobs: 0, rateLimitWindows: 0 });
  });

  it('removes a backlog larger than one batch', async () => {
    const handle = await createTestDatabase();
    onTestFinished(() => handle.dispose());
    const { db } = handle;
    const rows = Array.from({ length: 1203 }, (_, i) => ({
      id: `j${String(i).padStart(4, '0')}`, kind: 'mail.send', payload: '{}', run_at: ago(40 * DAY), max_attempts: 8, created_at: ago(40 * DAY), done_at: ago(31 * DAY),
    }));
    for (let i = 0; i < rows.length; i += 300) await db.insertInto('jobs').values(rows.slice(i, i + 300)).execute();
    await db.insertInto('jobs').values({ id: 'keep', kind: 'mail.send', payload: '{}', run_at: ago(1), max_attempts: 8, created_at: ago(1), done_at: ago(1) }).execute();
    expect(await removeExpiredRecords(db, NOW)).toEqual({ sessions: 0, oneTimeLinks: 0, jobs: 1203, rateLimitWindows: 0 });
    expect(await db.selectFrom('jobs').select('id').execute()).toEqual([{ id: 'keep' }]);
  });
});
