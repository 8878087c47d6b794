import { describe, expect, it } from 'vitest';
import { createSubmittedCase } from '../../testing/cases.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { checkCaseSimilarity } from './similarity-check.service.ts';
import { distinctContent } from './similarity.testing.ts';

describe(`near-duplicate checks at once (${testEngine()})`, () => {
  it('leave the rows one check of each case leaves, when the same case and cases matching each other are checked side by side', async () => {
    const { app } = await createTestApp();
    const cases = [
      await createSubmittedCase(app, { unitName: '和平社区党委', content: distinctContent(1) }),
      await createSubmittedCase(app, { unitName: '友谊社区党委', content: { ...distinctContent(1), title: '一份抄来的案例' } }),
      await createSubmittedCase(app, { unitName: '团结社区党委', content: { ...distinctContent(1), title: '又一份抄来的案例' } }),
      await createSubmittedCase(app, { unitName: '胜利社区党委', content: distinctContent(2) }),
    ];
    const now = app.clock();
    const rows = () => app.db.selectFrom('similarity_matches').select(['case_id', 'submission_id', 'other_case_id', 'estimated', 'exact'])
      .orderBy('case_id').orderBy('other_case_id').execute();

    // Every case twice, all at once: duplicates or lost rows would show as a different table.
    await Promise.all([...cases, ...cases].map((c) => checkCaseSimilarity(app.db, c.caseId, now)));
    const together = await rows();
    const signatures = await app.db.selectFrom('case_signatures').select(['case_id', 'submission_id']).orderBy('case_id').execute();

    await app.db.deleteFrom('similarity_matches').execute();
    await app.db.deleteFrom('case_signatures').execute();
    for (const c of cases) await checkCaseSimilarity(app.db, c.caseId, now);
    expect(together).toEqual(await rows());
    // The three copies match each other both ways; the unrelated case matches nothing.
    expect(together).toHaveLength(6);
    expect(together.some((r) => r.case_id === cases[3]!.caseId || r.other_case_id === cases[3]!.caseId)).toBe(false);
    expect(signatures).toEqual(cases.map((c) => ({ case_id: c.caseId, submission_id: c.submissionId })).sort((a, b) => (a.case_id < b.case_id ? -1 : 1)));
  });
});
