import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createReviewer, releaseAssignment, setPhase } from './assignments.ts';
import { attachRequiredFiles, attachStoredFile, completeContent, createDraftCase, saveContent } from './cases.ts';
import { UNIT_INPUT } from './people.ts';

/** A 1×1 PNG, enough for a picture attachment. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

/**
 * A case submitted by a unit whose name is in its title and text, with a photo named after the
 * unit beside the declaration form and the sealed scan, released to a new reviewer while the
 * campaign is in its review phase.
 */
export async function assignedCase(app: FastifyInstance, options: { reviewerEmail?: string; unitName?: string } = {}) {
  const unitName = options.unitName ?? `${UNIT_INPUT.name.slice(0, -2)}${Math.random().toString(36).slice(2, 6)}党委`;
  const draft = await createDraftCase(app, { unitName });
  const content = completeContent(1200, `${unitName}：“红色物业”让社区治理更有温度`);
  content.sections.background = `<h3>一、背景</h3><p>${unitName}书记${UNIT_INPUT.contactName}（电话 ${UNIT_INPUT.contactPhone}）牵头。</p>${content.sections.background}`;
  await saveContent(draft.client, draft.caseId, content);
  await attachRequiredFiles(app, draft.caseId);
  const photo = await attachStoredFile(app, draft.caseId, 'photos', `${unitName}活动照片.png`, PNG, 'image/png');
  const submitted = await draft.client.post(`/api/v1/cases/${draft.caseId}/submit`, { requestKey: randomUUID() });
  if (submitted.statusCode !== 201) throw new Error(`submission failed: ${submitted.body}`);
  const reviewer = await createReviewer(app, options.reviewerEmail ?? `expert-${randomUUID().slice(0, 8)}@example.cn`, { name: '陈专家' });
  const assignmentId = await releaseAssignment(app, draft.caseId, reviewer);
  await setPhase(app, 'review');
  return { ...draft, unitName, reviewer, assignmentId, photoId: photo.id };
}

export const FULL_SCORES = { authenticity: 4, innovation: 3, effectiveness: 5, typicality: 4 };
