import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attachRequiredFiles, completeContent, createDraftCase, saveContent } from '../../testing/cases.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

describe(`one submission requested many times at once (${testEngine()})`, () => {
  it('makes one submission, one receipt mail and one history entry, and answers every request with its receipt', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    await saveContent(client, caseId, completeContent(4000));
    await attachRequiredFiles(app, caseId);
    const requestKey = randomUUID();

    const answers = await Promise.all(Array.from({ length: 20 }, () => client.post(`/api/v1/cases/${caseId}/submit`, { requestKey })));

    const stored = await app.db.selectFrom('case_submissions').select(['id', 'receipt_number']).where('case_id', '=', caseId).execute();
    expect(stored).toHaveLength(1);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(answers.map((a) => a.json().data.receiptNumber))).toEqual(new Set([stored[0]!.receipt_number]));
    const mails = await app.db.selectFrom('mails').select('template').where('template', '=', 'case_receipt').execute();
    expect(mails).toEqual([{ template: 'case_receipt' }]);
    const events = await app.db.selectFrom('case_events').select(['action', 'submission_id']).where('case_id', '=', caseId).orderBy('seq').execute();
    expect(events).toEqual([{ action: 'create', submission_id: null }, { action: 'submit', submission_id: stored[0]!.id }]);
  });
});
