import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attachRequiredFiles, completeContent, createDraftCase, saveContent } from '../../testing/cases.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

// The submit route answers any refusal with the receipt its (case, request key) already made.
// That lookup must be the unit's own: another unit that knows a case id and a request key (a
// key can leak through logs or a shared screen) learns nothing, not even that the case exists.
describe(`a refused submit's receipt lookup (${testEngine()})`, () => {
  it('gives another unit neither the receipt nor a sign that the case exists, and the unit its own receipt', async () => {
    const { app } = await createTestApp();
    const owner = await createDraftCase(app);
    await saveContent(owner.client, owner.caseId, completeContent(4000));
    await attachRequiredFiles(app, owner.caseId);
    const requestKey = randomUUID();
    const first = await owner.client.post(`/api/v1/cases/${owner.caseId}/submit`, { requestKey });
    expect(first.statusCode).toBe(201);

    const other = await createDraftCase(app);
    const stolen = await other.client.post(`/api/v1/cases/${owner.caseId}/submit`, { requestKey });
    const missing = await other.client.post(`/api/v1/cases/${randomUUID()}/submit`, { requestKey });
    expect([stolen.statusCode, stolen.json().error?.code, stolen.json().data]).toEqual([404, 'not_found', undefined]);
    expect(stolen.json().error).toEqual({ ...missing.json().error });
    // The other unit's own case with the stolen key: refused for itself, no receipt of the first case.
    const ownWithKey = await other.client.post(`/api/v1/cases/${other.caseId}/submit`, { requestKey });
    expect([ownWithKey.statusCode, ownWithKey.json().data]).toEqual([422, undefined]);

    const retry = await owner.client.post(`/api/v1/cases/${owner.caseId}/submit`, { requestKey });
    expect([retry.statusCode, retry.json().data.receiptNumber]).toEqual([200, first.json().data.receiptNumber]);

    // Once the owner's unit is merged into another, its members no longer act for its cases
    // (the session's units leave merged ones out), receipt lookup included.
    await app.db.updateTable('organizations').set({ merged_into: other.organizationId }).where('id', '=', owner.organizationId).execute();
    const merged = await owner.client.post(`/api/v1/cases/${owner.caseId}/submit`, { requestKey });
    expect([merged.statusCode, merged.json().error?.code]).toEqual([404, 'not_found']);
    // A disabled account is signed out on its next request.
    await app.db.updateTable('users').set({ disabled_at: new Date().toISOString() }).where('email', '=', other.email).execute();
    const disabled = await other.client.post(`/api/v1/cases/${other.caseId}/submit`, { requestKey });
    expect([disabled.statusCode, disabled.json().error?.code]).toEqual([401, 'unauthenticated']);
  });
});
