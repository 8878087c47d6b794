import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { createDraftCase } from '../../testing/cases.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { findCase, updateCaseAtVersion } from './cases.repository.ts';

describe(`a case and its working copy (${testEngine()})`, () => {
  it('change together inside a transaction, at the named version only', async () => {
    const { app } = await createTestApp();
    const { caseId } = await createDraftCase(app);
    const before = (await findCase(app.db, caseId))!;
    const text = JSON.stringify({ ...JSON.parse(before.content), title: '新的题目' });

    expect(await inTransaction(app.db, (trx) => updateCaseAtVersion(trx, caseId, before.version + 5, { version: before.version + 6, content: text }))).toBe(false);
    expect(await inTransaction(app.db, (trx) => updateCaseAtVersion(trx, caseId, before.version, { version: before.version + 1, content: text }))).toBe(true);
    const after = (await findCase(app.db, caseId))!;
    expect([after.version, JSON.parse(after.content).title, after.declaration]).toEqual([before.version + 1, '新的题目', before.declaration]);
  });

  it('refuse to change the text outside a transaction, leaving both rows as they were', async () => {
    const { app } = await createTestApp();
    const { caseId } = await createDraftCase(app);
    const before = (await findCase(app.db, caseId))!;
    await expect(updateCaseAtVersion(app.db, caseId, before.version, { version: before.version + 1, content: '{}' })).rejects.toThrow(/inside a transaction/);
    expect(await findCase(app.db, caseId)).toEqual(before);
  });
});
