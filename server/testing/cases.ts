import type { FastifyInstance } from 'fastify';
import type { CaseContent } from '../../core/case/case-content.ts';
import { newId } from '../ids.ts';
import { localStorage, storeBuffer, type FileStorage } from '../storage/file-storage.ts';
import { SEVENTH } from './fixtures.ts';
import { createPerson, signedIn, UNIT_INPUT } from './people.ts';
import type { TestClient } from './test-client.ts';

export interface DraftCase {
  client: TestClient;
  caseId: string;
  organizationId: string;
  email: string;
}

/** A signed-in operator whose unit (registered through the API) has a fresh draft case. */
export async function createDraftCase(app: FastifyInstance, options: { email?: string; unitName?: string; title?: string } = {}): Promise<DraftCase> {
  const email = options.email ?? `operator-${Math.random().toString(36).slice(2, 10)}@example.cn`;
  await createPerson(app.db, { email });
  const client = await signedIn(app, email);
  const unit = await client.post('/api/v1/organizations', { ...UNIT_INPUT, name: options.unitName ?? `${UNIT_INPUT.name}${email.slice(0, 12)}` });
  if (unit.statusCode !== 201) throw new Error(`unit registration failed: ${unit.statusCode} ${unit.body}`);
  const organizationId = (unit.json() as { data: { id: string } }).data.id;
  const created = await client.post(`/api/v1/campaigns/${SEVENTH}/cases`, { organizationId, title: options.title ?? '“红色物业”让社区治理更有温度' });
  if (created.statusCode !== 201) throw new Error(`case creation failed: ${created.statusCode} ${created.body}`);
  return { client, caseId: (created.json() as { data: { id: string } }).data.id, organizationId, email };
}

const PARAGRAPH = '社区党委牵头成立红色物业联盟，把党支部建在小区上，组织党员认领楼栋，群众有事找支部。';

/** Content that passes every text check of the seventh collection, with a body of about `bodyZi` 字. */
export function completeContent(bodyZi = 1200, title = '“红色物业”让社区治理更有温度'): CaseContent {
  const perSection = Math.max(1, Math.floor(bodyZi / 4 / PARAGRAPH.length));
  const section = (heading: string) => `<h3>${heading}</h3>${`<p>${PARAGRAPH}</p>`.repeat(perSection)}`;
  return {
    title,
    category: 'urban',
    keywords: ['红色物业', '社区治理'],
    summary: `<p>${PARAGRAPH.repeat(3)}</p>`,
    sections: {
      background: section('一、背景'),
      practice: section('二、做法'),
      effectiveness: section('三、成效'),
      discussion: section('四、探讨'),
      appendix: '',
    },
  };
}

/** Saves `content` over the draft at its current version; returns the new detail. */
export async function saveContent(client: TestClient, caseId: string, content: CaseContent) {
  const current = (await client.get(`/api/v1/cases/${caseId}`)).json() as { data: { version: number; superiorName: string; superiorEmail: string | null } };
  const res = await client.put(`/api/v1/cases/${caseId}/draft`, {
    version: current.data.version, content, declaration: {}, superiorName: current.data.superiorName, superiorEmail: current.data.superiorEmail,
  });
  if (res.statusCode !== 200) throw new Error(`save failed: ${res.statusCode} ${res.body}`);
  return res.json() as { data: { version: number } };
}

let lastStamp = 0;
/** Now, but always later than the last one: files attached in one millisecond keep their order. */
function nextStamp(): string {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return new Date(lastStamp).toISOString();
}

/** Where a test stores files: the app's storage, or local files under the data folder. */
export type TestStore = Pick<FastifyInstance, 'db' | 'dataDir'> & { storage?: FileStorage };

/**
 * Stores `bytes` as an attachment of the case as a finished upload would: the blob in the
 * storage under its SHA-256 and the rows that name it. For tests of what happens after uploading.
 */
export async function attachStoredFile(app: TestStore, caseId: string, kind: string, fileName: string, bytes: Uint8Array, mediaType: string): Promise<{ id: string; sha256: string }> {
  const { sha256 } = await storeBuffer(app.storage ?? localStorage(app.dataDir), bytes);
  const stamp = nextStamp();
  const owner = await app.db.selectFrom('cases').select('created_by').where('id', '=', caseId).executeTakeFirstOrThrow();
  const known = await app.db.selectFrom('blobs').select('sha256').where('sha256', '=', sha256).executeTakeFirst();
  if (!known) await app.db.insertInto('blobs').values({ sha256, size: bytes.length, media_type: mediaType, created_at: stamp }).execute();
  const id = newId();
  await app.db.insertInto('attachments').values({
    id, case_id: caseId, kind, file_name: fileName, sha256, size: bytes.length, media_type: mediaType,
    thumbnail_sha256: null, width: null, height: null, created_by: owner.created_by, created_at: stamp, removed_at: null,
    received_sha256: sha256, received_size: bytes.length,
  }).execute();
  return { id, sha256 };
}

/** The two attachments the seventh collection requires: the form and the sealed scan. */
export async function attachRequiredFiles(app: TestStore, caseId: string) {
  const form = await attachStoredFile(app, caseId, 'declaration-form', '申报表.pdf', new TextEncoder().encode(`%PDF-1.4 declaration ${caseId}`), 'application/pdf');
  const sealed = await attachStoredFile(app, caseId, 'sealed-form', '盖章申报表.pdf', new TextEncoder().encode(`%PDF-1.4 sealed ${caseId}`), 'application/pdf');
  return [form, sealed];
}

export interface SubmittedCase extends DraftCase {
  submissionId: string;
  receiptNumber: string;
}

/**
 * A case submitted through the API: a fresh unit's draft with complete content (optionally in
 * another category or with other text), the required files and one submission.
 */
export async function createSubmittedCase(
  app: FastifyInstance,
  options: { email?: string; unitName?: string; title?: string; content?: CaseContent } = {},
): Promise<SubmittedCase> {
  const draft = await createDraftCase(app, options);
  await saveContent(draft.client, draft.caseId, options.content ?? completeContent(1200, options.title));
  await attachRequiredFiles(app, draft.caseId);
  const res = await draft.client.post(`/api/v1/cases/${draft.caseId}/submit`, { requestKey: crypto.randomUUID() });
  if (res.statusCode !== 201) throw new Error(`submission failed: ${res.statusCode} ${res.body}`);
  const receipt = (res.json() as { data: { receiptNumber: string } }).data;
  const row = await app.db.selectFrom('case_submissions').select('id').where('case_id', '=', draft.caseId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
  return { ...draft, submissionId: row.id, receiptNumber: receipt.receiptNumber };
}
