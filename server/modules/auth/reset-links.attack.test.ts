import { describe, expect, it } from 'vitest';
import { createPerson } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';

const LINK_INVALID = { code: 'link_invalid', message: '链接无效或已过期，请重新申请。' };

describe(`reset links of one account used at the same moment (${testEngine()})`, () => {
  it('sets the password once: one link wins and every other answers link_invalid, none 500', async () => {
    const test = await createTestApp({ now: new Date('2024-05-01T00:00:00.000Z') });
    await createPerson(test.database.db, { email: 'many-links@example.cn' });
    const tokens: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      test.setNow(new Date(Date.UTC(2024, 4, 1, 0, i)));
      await new TestClient(test.app).post('/api/v1/auth/password-reset', { email: 'many-links@example.cn' });
    }
    for (const mail of await test.database.db.selectFrom('mails').select('text_body').where('to_email', '=', 'many-links@example.cn').execute()) {
      tokens.push(/token=([\w-]+)/.exec(mail.text_body)![1]!);
    }
    const answers = await Promise.all(tokens.map((token, i) =>
      new TestClient(test.app).post('/api/v1/auth/password-reset/confirm', { token, password: `Hutong-courtyard-${i}-2024` })));
    const outcomes = answers.map((r) => (r.statusCode === 200 ? 'changed' : r.statusCode === 400 && JSON.stringify(r.json().error) === JSON.stringify(LINK_INVALID) ? 'invalid' : `${r.statusCode}`));
    expect([tokens.length, outcomes.filter((o) => o === 'changed').length, outcomes.filter((o) => o !== 'changed' && o !== 'invalid')]).toEqual([8, 1, []]);
    const unused = await test.database.db.selectFrom('one_time_tokens').select('id').where('kind', '=', 'reset_password').where('used_at', 'is', null).execute();
    expect(unused).toEqual([]);
  });
});
