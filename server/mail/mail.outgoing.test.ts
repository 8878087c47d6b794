import { describe, expect, it, onTestFinished } from 'vitest';
import { createTestDatabase, testEngine } from '../testing/test-database.ts';
import { listOutgoingMail, queueMail } from './mail.service.ts';

const T0 = new Date('2024-03-01T08:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function mailbox() {
  const handle = await createTestDatabase();
  onTestFinished(() => handle.dispose());
  const { db } = handle;
  const link = 'https://zhengji.example.cn/app/x?token=t';
  await queueMail(db, { to: 'Alice.Wang@Example.cn', locale: 'en', template: 'verify_email', params: { link } }, at(1));
  await queueMail(db, { to: 'bob@example.cn', locale: 'zh-CN', template: 'reset_password', params: { link, hours: 2 } }, at(2));
  await queueMail(db, { to: 'carol@unit.cn', locale: 'zh-CN', template: 'join_unit', params: { inviterName: '王芳', unitName: '100%_社区', link } }, at(3));
  await queueMail(db, { to: 'alice.wang@example.cn', locale: 'zh-CN', template: 'reviewer_invite', params: { campaignTitle: '第七届征集', link } }, at(4));
  await db.updateTable('mails').set({ status: 'kept' }).where('to_email', '=', 'bob@example.cn').execute();
  return db;
}

const summary = (result: Awaited<ReturnType<typeof listOutgoingMail>>) => ({
  total: result.total,
  items: result.items.map((m) => [m.to, m.subject, m.status, m.createdAt]),
});

describe(`outgoing mail (${testEngine()})`, () => {
  it('lists mail newest first with paging', async () => {
    const db = await mailbox();
    expect(summary(await listOutgoingMail(db, { limit: 2, offset: 1 }))).toEqual({
      total: 4,
      items: [
        ['carol@unit.cn', '「征集平台」王芳邀请您加入「100%_社区」', 'queued', '2024-03-01T08:03:00.000Z'],
        ['bob@example.cn', '「征集平台」重置您的密码', 'kept', '2024-03-01T08:02:00.000Z'],
      ],
    });
    expect(summary(await listOutgoingMail(db, { limit: 10, offset: 4 }))).toEqual({ total: 4, items: [] });
  });

  it('finds the recipient ignoring case', async () => {
    const db = await mailbox();
    expect(summary(await listOutgoingMail(db, { search: 'ALICE.wang', limit: 10, offset: 0 }))).toEqual({
      total: 2,
      items: [
        ['alice.wang@example.cn', '「征集平台」邀请您担任「第七届征集」评审专家', 'queued', '2024-03-01T08:04:00.000Z'],
        ['Alice.Wang@Example.cn', '[Zhengji] Please verify your email address', 'queued', '2024-03-01T08:01:00.000Z'],
      ],
    });
  });

  it('finds words of the subject, Chinese or English, and takes % and _ literally', async () => {
    const db = await mailbox();
    const subjects = async (search: string) => (await listOutgoingMail(db, { search, limit: 10, offset: 0 })).items.map((m) => m.to);
    expect(await subjects('重置')).toEqual(['bob@example.cn']);
    expect(await subjects('VERIFY your')).toEqual(['Alice.Wang@Example.cn']);
    expect(await subjects('100%_')).toEqual(['carol@unit.cn']);
    expect(await subjects('%')).toEqual(['carol@unit.cn']);
    expect(await subjects('_')).toEqual(['carol@unit.cn']);
    expect(await subjects('nobody')).toEqual([]);
  });

  it('filters by status, alone or with a search', async () => {
    const db = await mailbox();
    expect(summary(await listOutgoingMail(db, { status: 'kept', limit: 10, offset: 0 })).items.map((i) => i[0])).toEqual(['bob@example.cn']);
    expect(await listOutgoingMail(db, { status: 'kept', search: 'alice', limit: 10, offset: 0 })).toEqual({ total: 0, items: [] });
    const [one] = (await listOutgoingMail(db, { status: 'queued', search: 'carol', limit: 10, offset: 0 })).items;
    expect(one).toMatchObject({ to: 'carol@unit.cn', locale: 'zh-CN', template: 'join_unit', status: 'queued', messageId: null, lastError: null, sentAt: null });
    expect(one?.text).toContain('王芳邀请您作为「100%_社区」的经办人');
  });
});
