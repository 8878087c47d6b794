import { describe, expect, it } from 'vitest';
import { describeAudit, type AuditPart } from '../../../core/audit/describe.ts';
import type { auditPageResponse } from '../../../core/api/people.ts';
import type { z } from 'zod';
import { createDraftCase } from '../../testing/cases.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

const plain = (parts: AuditPart[]) => parts.map((p) => (typeof p === 'string' ? p : p.href ? `[${p.text}](${p.href})` : p.text)).join('');

describe(`the audit page's names (${testEngine()})`, () => {
  it('names the case and the unit an entry touched, linked, so the page reads sentences instead of ids', async () => {
    const { app } = await createTestApp();
    const draft = await createDraftCase(app, { email: 'wang@example.cn', unitName: '杨庄村党支部', title: '村民议事会' });
    await createPerson(app.db, { email: 'admin@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    const organizer = await signedIn(app, 'admin@example.cn');

    for (const [lang, expected] of [
      ['zh-CN', ['admin@example.cn 登录了工作台', 'wang 创建了案例《[村民议事会](/app/cases/CASE)》', 'wang 注册了单位 [杨庄村党支部](/app/org/units/UNIT)', 'wang@example.cn 登录了工作台']],
      ['en', ['admin@example.cn signed in', 'wang created the case “[村民议事会](/app/cases/CASE)”', 'wang registered the unit [杨庄村党支部](/app/org/units/UNIT)', 'wang@example.cn signed in']],
    ] as const) {
      const res = await organizer.get(`/api/v1/audit?limit=4&lang=${lang}`);
      const page = res.json() as z.infer<typeof auditPageResponse>;
      expect(page.names).toEqual({
        [`case:${draft.caseId}`]: { name: '村民议事会', href: `/app/cases/${draft.caseId}` },
        [`unit:${draft.organizationId}`]: { name: '杨庄村党支部', href: `/app/org/units/${draft.organizationId}` },
      });
      const sentences = page.data.map((e) => plain(describeAudit(lang, e, page.names, (iso) => iso)));
      expect(sentences).toEqual(expected.map((s) => s.replace('CASE', draft.caseId).replace('UNIT', draft.organizationId)));
    }
  });
});
