import type { Insertable, Kysely } from 'kysely';
import { similarityText } from '../../../core/similarity/content-text.ts';
import { LshIndex } from '../../../core/similarity/lsh-index.ts';
import { estimateShareIn, shingleLookup, shingleSet } from '../../../core/similarity/minhash.ts';
import { candidatesToCount, findNearDuplicates, similarityDocument } from '../../../core/similarity/near-duplicates.ts';
import { normalizeForSimilarity } from '../../../core/similarity/normalize.ts';
import { referenceComparableText } from '../../../core/similarity/reference-rows.ts';
import { signatureFromBase64, signatureToBase64 } from '../../../core/similarity/signature-codec.ts';
import type { Database } from '../../db/schema.ts';
import type { SimilarityMatchesTable } from '../../db/schema-review.ts';
import { inTransaction } from '../../db/transaction.ts';
import { newId } from '../../ids.ts';
import {
  deleteMatchesOf, deleteSignature, findLatestSubmission, insertMatches, listCampaignSignatures, listReferenceSignatures, listReferenceTexts,
  listSubmissionContents, lockCampaignSimilarity, replaceSignature,
} from './similarity.repository.ts';

// The near-duplicate check of one case (decision 0018): its submitted version's text, signature
// and matches against the other cases of its campaign and the campaign's reference cases. The
// heavy part (reading, indexing, counting) runs outside any transaction; the write then checks,
// under the campaign's similarity lock, that no signature it compared with changed meanwhile,
// and otherwise does the work again. So two checks at once (the same case twice, or two cases
// matching each other) leave the rows one check alone would.

/** A case's text as compared: title, summary and sections of a submitted version's canonical content. */
export function submittedText(canonical: string): string {
  const { title, summary, sections } = JSON.parse(canonical) as { title: string; summary: string; sections: Record<string, string> };
  return similarityText({ title, summary, sections });
}

const caseKey = (id: string) => `c:${id}`;
const referenceKey = (id: string) => `r:${id}`;

interface Snapshot {
  /** case id → submission id of its stored signature, then reference ids: what the check compared with. */
  fingerprint: string;
  index: LshIndex;
  submissionOf: Map<string, string>;
}

async function snapshot(db: Kysely<Database>, campaignId: string, caseId: string, withIndex: boolean): Promise<Snapshot> {
  const [cases, references] = await Promise.all([listCampaignSignatures(db, campaignId), listReferenceSignatures(db, campaignId)]);
  const others = cases.filter((c) => c.case_id !== caseId).sort((a, b) => (a.case_id < b.case_id ? -1 : 1));
  const index = new LshIndex();
  const submissionOf = new Map<string, string>();
  for (const c of others) {
    submissionOf.set(c.case_id, c.submission_id);
    if (withIndex) index.add(caseKey(c.case_id), signatureFromBase64(c.signature), c.shingles);
  }
  if (withIndex) for (const r of references) index.add(referenceKey(r.id), signatureFromBase64(r.signature), r.shingles);
  const fingerprint = [...others.map((c) => `${c.case_id}=${c.submission_id}`), ...references.map((r) => r.id).sort()].join(',');
  return { fingerprint, index, submissionOf };
}

/** The shingle sets of the candidates the check will count exactly, read from their texts. */
async function candidateShingles(db: Kysely<Database>, snap: Snapshot, keys: string[]): Promise<Map<string, Uint32Array>> {
  const shingles = new Map<string, Uint32Array>();
  const submissions = keys.filter((k) => k.startsWith('c:')).map((k) => snap.submissionOf.get(k.slice(2))!);
  for (const s of await listSubmissionContents(db, submissions)) shingles.set(caseKey(s.case_id), shingleSet(normalizeForSimilarity(submittedText(s.content)).text));
  const references = keys.filter((k) => k.startsWith('r:')).map((k) => k.slice(2));
  for (const r of await listReferenceTexts(db, references)) shingles.set(referenceKey(r.id), shingleSet(normalizeForSimilarity(referenceComparableText(r)).text));
  return shingles;
}

/**
 * The pair's estimated containment as the check of the case with the lower id finds it: its
 * signature sampled in the other's full set. The index samples the candidate in the query, so
 * two cases checking each other would otherwise store figures depending on which ran last.
 */
function pairEstimate(caseId: string, document: { signature: Uint32Array; shingles: Uint32Array }, otherKey: string, other: Uint32Array | undefined, indexed: number): number {
  if (!other || otherKey.startsWith('r:') || caseId > otherKey.slice(2)) return indexed;
  const common = estimateShareIn(shingleLookup(other), document.signature) * document.shingles.length;
  return Math.min(1, common / Math.max(1, Math.min(other.length, document.shingles.length)));
}

const ATTEMPTS = 5;

/**
 * Brings a case's signature and matches up to date with its latest submitted version: replaced
 * after a submission, removed (with the matches naming it from other cases) once it is withdrawn.
 * Running it again, or twice at once, changes nothing more.
 */
export async function checkCaseSimilarity(db: Kysely<Database>, caseId: string, now: Date): Promise<void> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const latest = await findLatestSubmission(db, caseId);
    if (!latest || latest.withdrawn_at !== null || latest.status === 'withdrawn' || latest.status === 'draft') {
      await inTransaction(db, async (trx) => {
        const campaign = latest?.campaign_id ?? (await trx.selectFrom('cases').select('campaign_id').where('id', '=', caseId).executeTakeFirst())?.campaign_id;
        if (campaign) await lockCampaignSimilarity(trx, campaign);
        await deleteMatchesOf(trx, caseId);
        await deleteSignature(trx, caseId);
      });
      return;
    }
    const campaignId = latest.campaign_id;
    const document = similarityDocument(submittedText(latest.content));
    const snap = await snapshot(db, campaignId, caseId, true);
    const shingles = await candidateShingles(db, snap, candidatesToCount(snap.index, document).map((e) => e.id));
    const matches = findNearDuplicates(snap.index, document, (key) => shingles.get(key));

    const written = await inTransaction(db, async (trx) => {
      await lockCampaignSimilarity(trx, campaignId);
      const current = await findLatestSubmission(trx, caseId);
      if (current?.id !== latest.id || current.withdrawn_at !== null) return false;
      if ((await snapshot(trx, campaignId, caseId, false)).fingerprint !== snap.fingerprint) return false;
      const stamp = now.toISOString();
      await replaceSignature(trx, {
        case_id: caseId, campaign_id: campaignId, submission_id: latest.id, signature: signatureToBase64(document.signature),
        shingles: document.shingles.length, computed_at: stamp,
      });
      await deleteMatchesOf(trx, caseId);
      await insertMatches(trx, matches.flatMap((m): Insertable<SimilarityMatchesTable>[] => {
        const estimated = pairEstimate(caseId, document, m.id, shingles.get(m.id), m.estimated.containment);
        const figures = { campaign_id: campaignId, estimated, exact: m.exact.containment, computed_at: stamp };
        if (m.id.startsWith('r:')) return [{ ...figures, id: newId(), case_id: caseId, submission_id: latest.id, other_case_id: null, reference_id: m.id.slice(2) }];
        const other = m.id.slice(2);
        return [
          { ...figures, id: newId(), case_id: caseId, submission_id: latest.id, other_case_id: other, reference_id: null },
          { ...figures, id: newId(), case_id: other, submission_id: snap.submissionOf.get(other)!, other_case_id: caseId, reference_id: null },
        ];
      }));
      return true;
    });
    if (written) return;
  }
  throw new Error(`the near-duplicate check of case ${caseId} kept being overtaken by other checks; it will be retried`);
}
