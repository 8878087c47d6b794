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
});
