import type { FastifyInstance } from 'fastify';
import { newId } from '../ids.ts';
import { listDivisions } from '../modules/divisions/divisions.service.ts';
import { createSubmittedCase } from './cases.ts';

// A campaign at the size organizers run: one case submitted through the API, then copied
// directly in the database to `cases` cases of as many units spread over the country's counties,
// and `reviewers` reviewers in the pool, a few in each case's area so conflicts are found.

function counties(): string[] {
  const out: string[] = [];
  for (const province of listDivisions(null) ?? []) {
    for (const city of listDivisions(province.code) ?? []) {
      const below = listDivisions(city.code) ?? [];
      out.push(...(below.length > 0 ? below.map((c) => c.code) : [city.code]));
    }
  }
  return out;
}

export async function bigCampaign(app: FastifyInstance, options: { cases: number; reviewers: number }) {
  const template = await createSubmittedCase(app);
  const db = app.db;
  const org = await db.selectFrom('organizations').selectAll().where('id', '=', template.organizationId).executeTakeFirstOrThrow();
  const theCase = await db.selectFrom('cases').selectAll().where('id', '=', template.caseId).executeTakeFirstOrThrow();
  const submission = await db.selectFrom('case_submissions').selectAll().where('case_id', '=', template.caseId).executeTakeFirstOrThrow();
  const contents = await db.selectFrom('case_contents').selectAll().where('case_id', '=', template.caseId).executeTakeFirstOrThrow();
  const member = await db.selectFrom('organization_members').selectAll().where('organization_id', '=', org.id).executeTakeFirstOrThrow();
  const codes = counties().slice(0, 300);
  const caseIds = [template.caseId];
  const CHUNK = 100;
  for (let start = 1; start < options.cases; start += CHUNK) {
    const orgs = [], cases = [], submissions = [], members = [], caseContents = [];
    for (let i = start; i < Math.min(options.cases, start + CHUNK); i++) {
      const orgId = newId();
      const caseId = newId();
      caseIds.push(caseId);
      const name = `第${i}号社区党委`;
      orgs.push({ ...org, id: orgId, name, name_key: `${name}-${i}`, division_code: codes[i % codes.length]!, credit_code: null });
      members.push({ ...member, organization_id: orgId });
      cases.push({ ...theCase, id: caseId, organization_id: orgId, title: `案例${i}：${theCase.title}` });
      caseContents.push({ ...contents, case_id: caseId });
      submissions.push({ ...submission, id: newId(), case_id: caseId, receipt_number: `${submission.receipt_number}-${i}` });
    }
    await db.insertInto('organizations').values(orgs).execute();
    await db.insertInto('organization_members').values(members).execute();
    await db.insertInto('cases').values(cases).execute();
    await db.insertInto('case_contents').values(caseContents).execute();
    await db.insertInto('case_submissions').values(submissions).execute();
  }
  const campaignId = theCase.campaign_id;
  const reviewers = [];
  for (let i = 0; i < options.reviewers; i++) {
    reviewers.push({
      id: newId(), campaign_id: campaignId, email: `expert${i}@example.cn`, name: `专家${i}`, expertise: JSON.stringify(['urban', 'rural']), capacity: 60,
      division_code: codes[(i * 7) % codes.length]!, affiliation: '', affiliation_unit_id: null, user_id: null, source: 'import' as const,
      created_at: '2024-07-01T00:00:00.000Z', updated_at: '2024-07-01T00:00:00.000Z',
    });
  }
  for (let i = 0; i < reviewers.length; i += CHUNK) await db.insertInto('campaign_reviewers').values(reviewers.slice(i, i + CHUNK)).execute();
  return { campaignId, caseIds, template };
}
