import { describe, expect, it } from 'vitest';
import { completeContent, createDraftCase, saveContent } from '../../testing/cases.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

describe(`a recommendation asked for many times at once (${testEngine()})`, () => {
  it('leaves exactly one review link working: each request replaces the one before', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    await saveContent(client, caseId, completeContent(800));

    const answers = await Promise.all(Array.from({ length: 10 }, () => client.post(`/api/v1/cases/${caseId}/superior-review`)));

    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(202));
    const links = await app.db.selectFrom('one_time_tokens').select(['email', 'used_at']).where('kind', '=', 'superior_review').where('subject_id', '=', caseId).execute();
    expect(links).toHaveLength(10);
    expect(links.filter((l) => l.used_at === null)).toEqual([{ email: 'jianwai@example.cn', used_at: null }]);
    const asked = await app.db.selectFrom('case_events').select('action').where('case_id', '=', caseId).where('action', '=', 'request_review').execute();
    expect(asked).toHaveLength(10);
  });
});
