import { describe, expect, it } from 'vitest';
import { createPerson, signedIn, UNIT_INPUT } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

describe(`units and their operators (${testEngine()})`, () => {
  it('registers a unit with the caller as owner, normalizing its phone, and audits it', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'owner@example.cn', name: '李华' });
    const owner = await signedIn(app, 'owner@example.cn');
    const res = await owner.post('/api/v1/organizations', { ...UNIT_INPUT, contactPhone: '+86 138 1234 5678' });
    expect(res.statusCode).toBe(201);
    const unit = res.json().data;
    expect(unit).toEqual({ ...UNIT_INPUT, id: unit.id, contactPhone: '13812345678', creditCode: null, createdAt: '2024-05-01T02:00:00.000Z', updatedAt: '2024-05-01T02:00:00.000Z' });
    expect((await owner.get('/api/v1/me')).json().data.units).toEqual([{ organizationId: unit.id, role: 'owner' }]);
    const audit = await database.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'organization.register').execute();
    expect(audit).toEqual([{ action: 'organization.register', subject_id: unit.id }]);
  });

  it('refuses a same-named unit in the same division and offers to join it', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'first@example.cn' });
    await createPerson(database.db, { email: 'second@example.cn' });
    const first = (await (await signedIn(app, 'first@example.cn')).post('/api/v1/organizations', UNIT_INPUT)).json().data;
    const again = await (await signedIn(app, 'second@example.cn')).post('/api/v1/organizations', { ...UNIT_INPUT, name: ' 北京市朝阳区建外街道第一社区党委 ' });
    expect([again.statusCode, again.json().error]).toEqual([409, {
      code: 'unit_exists',
      message: '该行政区划内已有同名单位“北京市朝阳区建外街道第一社区党委”，可申请加入该单位。',
      details: { organizationId: first.id, name: '北京市朝阳区建外街道第一社区党委' },
    }]);
  });

  it('names every field in the wrong format', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'x@example.cn' });
    const res = await (await signedIn(app, 'x@example.cn')).post('/api/v1/organizations', {
      ...UNIT_INPUT, contactPhone: '12345', creditCode: '91350100M000100Y4X', divisionCode: '999999',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['contactPhone', 'creditCode', 'divisionCode']);
  });

  it('lets the owner invite a colleague, who joins with the mailed link once', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'owner@example.cn', name: '李华' });
    await createPerson(database.db, { email: 'colleague@example.cn', name: '王芳' });
    const owner = await signedIn(app, 'owner@example.cn');
    const unit = (await owner.post('/api/v1/organizations', UNIT_INPUT)).json().data;
    expect((await owner.post(`/api/v1/organizations/${unit.id}/invitations`, { email: 'Colleague@Example.cn' })).statusCode).toBe(202);
    const mail = await database.db.selectFrom('mails').selectAll().where('template', '=', 'join_unit').executeTakeFirstOrThrow();
    expect([mail.to_email, mail.subject]).toEqual(['colleague@example.cn', mail.subject]);
    expect(mail.text_body).toContain('李华');
    expect(mail.text_body).toContain('北京市朝阳区建外街道第一社区党委');
    const token = /token=([\w-]+)/.exec(mail.text_body)![1]!;

    const colleague = await signedIn(app, 'colleague@example.cn');
    expect((await colleague.get(`/api/v1/organizations/${unit.id}`)).statusCode).toBe(404);
    expect((await colleague.post('/api/v1/organization-invitations/accept', { token })).json().data.id).toBe(unit.id);
    expect((await colleague.post('/api/v1/organization-invitations/accept', { token })).json().error.code).toBe('link_invalid');
    const members = (await colleague.get(`/api/v1/organizations/${unit.id}/members`)).json().data;
    expect(members.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([['owner@example.cn', 'owner'], ['colleague@example.cn', 'operator']]);
    const invite = await colleague.post(`/api/v1/organizations/${unit.id}/invitations`, { email: 'third@example.cn' });
    expect([invite.statusCode, invite.json().error.code]).toEqual([403, 'forbidden']);
  });

  it('lets organizers correct and merge duplicate units, moving their operators', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'a@example.cn' });
    await createPerson(database.db, { email: 'b@example.cn' });
    await createPerson(database.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    const a = (await (await signedIn(app, 'a@example.cn')).post('/api/v1/organizations', UNIT_INPUT)).json().data;
    const b = (await (await signedIn(app, 'b@example.cn')).post('/api/v1/organizations', { ...UNIT_INPUT, name: '建外街道第一社区党委' })).json().data;
    const organizer = await signedIn(app, 'organizer@example.cn');
    const fixed = await organizer.put(`/api/v1/organizations/${b.id}`, { ...UNIT_INPUT, name: '建外街道第一社区党委', address: '北京市朝阳区建外大街2号' });
    expect(fixed.json().data.address).toBe('北京市朝阳区建外大街2号');
    const merged = await organizer.post(`/api/v1/organizations/${b.id}/merge`, { into: a.id });
    expect(merged.json().data.id).toBe(a.id);
    const members = (await organizer.get(`/api/v1/organizations/${a.id}/members`)).json().data;
    expect(members.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([['a@example.cn', 'owner'], ['b@example.cn', 'operator']]);
    expect((await organizer.get(`/api/v1/organizations/${b.id}`)).json().data.id).toBe(a.id);
    const change = await database.db.selectFrom('audit_log').select('change').where('action', '=', 'organization.update').executeTakeFirstOrThrow();
    expect(JSON.parse(change.change)).toEqual({ address: { from: '北京市朝阳区建外大街1号', to: '北京市朝阳区建外大街2号' } });
  });
});
