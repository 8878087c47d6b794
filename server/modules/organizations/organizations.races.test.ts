import { describe, expect, it } from 'vitest';
import { createPerson, signedIn, UNIT_INPUT } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

const refusal = (id: string, name: string) => [409, {
  code: 'unit_exists',
  message: `该行政区划内已有同名单位“${name}”，可申请加入该单位。`,
  details: { organizationId: id, name },
}];

describe(`units registered or renamed at the same moment (${testEngine()})`, () => {
  it('registers one of 45 identical registrations and refuses the others as the name check does', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'owner@example.cn' });
    const owner = await signedIn(app, 'owner@example.cn');
    const answers = await Promise.all(Array.from({ length: 45 }, () => owner.post('/api/v1/organizations', UNIT_INPUT)));

    const created = answers.filter((a) => a.statusCode === 201);
    expect(created).toHaveLength(1);
    const id = created[0]!.json().data.id as string;
    const refused = answers.filter((a) => a.statusCode !== 201).map((a) => [a.statusCode, a.json().error]);
    expect(refused).toEqual(Array(44).fill(refusal(id, UNIT_INPUT.name)));
    const units = await database.db.selectFrom('organizations').select('id').execute();
    expect(units).toEqual([{ id }]);
    const registered = await database.db.selectFrom('audit_log').select('subject_id').where('action', '=', 'organization.register').execute();
    expect(registered).toEqual([{ subject_id: id }]);
  });

  it('lets one of ten units take a new name at once and refuses the rest', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'owner@example.cn' });
    const owner = await signedIn(app, 'owner@example.cn');
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await owner.post('/api/v1/organizations', { ...UNIT_INPUT, name: `${UNIT_INPUT.name}${i}` })).json().data.id);
    const answers = await Promise.all(ids.map((id) => owner.put(`/api/v1/organizations/${id}`, { ...UNIT_INPUT, name: '建外街道联合党委' })));

    const renamed = answers.filter((a) => a.statusCode === 200).map((a) => a.json().data.id as string);
    expect(renamed).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode !== 200).map((a) => [a.statusCode, a.json().error])).toEqual(Array(9).fill(refusal(renamed[0]!, '建外街道联合党委')));
    const named = await database.db.selectFrom('organizations').select('id').where('name', '=', '建外街道联合党委').execute();
    expect(named).toEqual([{ id: renamed[0] }]);
  });

  it('adds a colleague once when five invitations are accepted together', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'owner@example.cn' });
    const colleagueId = await createPerson(database.db, { email: 'colleague@example.cn' });
    const owner = await signedIn(app, 'owner@example.cn');
    const unit = (await owner.post('/api/v1/organizations', UNIT_INPUT)).json().data;
    for (let i = 0; i < 5; i++) await owner.post(`/api/v1/organizations/${unit.id}/invitations`, { email: 'colleague@example.cn' });
    const tokens = (await database.db.selectFrom('mails').select('text_body').where('template', '=', 'join_unit').execute()).map((m) => /token=([\w-]+)/.exec(m.text_body)![1]!);
    const colleague = await signedIn(app, 'colleague@example.cn');

    const answers = await Promise.all(tokens.map((token) => colleague.post('/api/v1/organization-invitations/accept', { token })));

    expect(answers.map((a) => [a.statusCode, a.json().data.id])).toEqual(Array(5).fill([200, unit.id]));
    const members = await database.db.selectFrom('organization_members').select(['user_id', 'role']).where('organization_id', '=', unit.id).orderBy('role').execute();
    expect(members.filter((m) => m.user_id === colleagueId)).toEqual([{ user_id: colleagueId, role: 'operator' }]);
    const joins = await database.db.selectFrom('audit_log').select(['actor_id', 'subject_id']).where('action', '=', 'organization.join').execute();
    expect(joins).toEqual([{ actor_id: colleagueId, subject_id: unit.id }]);
  });

  it('lets one of ten requests with the same invitation link in, and tells the rest the link is used', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'owner@example.cn' });
    await createPerson(database.db, { email: 'colleague@example.cn' });
    const owner = await signedIn(app, 'owner@example.cn');
    const unit = (await owner.post('/api/v1/organizations', UNIT_INPUT)).json().data;
    await owner.post(`/api/v1/organizations/${unit.id}/invitations`, { email: 'colleague@example.cn' });
    const mail = await database.db.selectFrom('mails').select('text_body').where('template', '=', 'join_unit').executeTakeFirstOrThrow();
    const token = /token=([\w-]+)/.exec(mail.text_body)![1]!;
    const colleague = await signedIn(app, 'colleague@example.cn');

    const answers = await Promise.all(Array.from({ length: 10 }, () => colleague.post('/api/v1/organization-invitations/accept', { token })));

    expect(answers.filter((a) => a.statusCode === 200).map((a) => a.json().data.id)).toEqual([unit.id]);
    expect(answers.filter((a) => a.statusCode !== 200).map((a) => [a.statusCode, a.json().error.code, a.json().error.message]))
      .toEqual(Array(9).fill([400, 'link_invalid', '链接无效或已过期，请重新申请。']));
  });
});
