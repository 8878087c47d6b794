import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { newId } from '../../ids.ts';
import { createSubmittedCase } from '../../testing/cases.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { down, up } from './2026-12-05-017-screening-and-similarity.ts';
import { down as downPublicGeneration, up as upPublicGeneration } from './2026-12-08-033-public-generation.ts';

describe(`screening and similarity migration (${testEngine()})`, () => {
  it('starts every case pending, refuses unknown outcomes and a match naming two others or none, and undoes cleanly', async () => {
    const { app } = await createTestApp();
    const a = await createSubmittedCase(app);
    const b = await createSubmittedCase(app);
    expect((await app.db.selectFrom('cases').select('screening').where('id', '=', a.caseId).executeTakeFirstOrThrow()).screening).toBe('pending');
    await expect(app.db.updateTable('cases').set({ screening: 'maybe' as 'passed' }).where('id', '=', a.caseId).execute()).rejects.toThrow();

    const campaign = await app.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
    const match = { campaign_id: campaign.id, case_id: a.caseId, submission_id: a.submissionId, estimated: 0.8, exact: 0.78, computed_at: new Date().toISOString() };
    await app.db.insertInto('similarity_matches').values({ ...match, id: newId(), other_case_id: b.caseId, reference_id: null }).execute();
    await expect(app.db.insertInto('similarity_matches').values({ ...match, id: newId(), other_case_id: null, reference_id: null }).execute()).rejects.toThrow();

    const db = app.db as unknown as Kysely<any>;
    // The public pages' triggers (migration 033) read cases.screening: undone first, as migrating down would.
    await downPublicGeneration(db);
    await down(db);
    await up(db);
    await upPublicGeneration(db);
    expect((await app.db.selectFrom('cases').select('screening').where('id', '=', b.caseId).executeTakeFirstOrThrow()).screening).toBe('pending');
  });
});
