import type { Kysely } from 'kysely';
import { CONTAINMENT_THRESHOLD } from '../../../core/similarity/near-duplicates.ts';
import { overlappingPassages, type TextRange } from '../../../core/similarity/passages.ts';
import { referenceComparableText } from '../../../core/similarity/reference-rows.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { canOrganizeCase } from '../cases/cases.policy.ts';
import { findCase } from '../cases/cases.repository.ts';
import { submittedText } from './similarity-check.service.ts';
import { campaignCheckPrefix, caseCheckPrefix } from './similarity.jobs.ts';
import {
  countPendingChecks, findFilesWithHashes, findLatestSubmission, findSignature, listCaseNames, listMatchesOf, listReferenceTexts, listSignatureSubmissions, listSubmissionContents,
} from './similarity.repository.ts';

// What an organizer reads about a case's near-duplicates: the matches the job stored, each with
// the overlapping passages of the two texts side by side, and files shared with other cases.

/** Characters of context shown around a passage, cut at a line break where there is one. */
const CONTEXT = 40;
/** More passages than this in one pair is a whole copy: the first ones make the point. */
const MAX_PASSAGES = 60;

export interface Excerpt {
  before: string;
  text: string;
  after: string;
  /** Whether text precedes `before` or follows `after` in the document. */
  clippedBefore: boolean;
  clippedAfter: boolean;
}

function excerpt(text: string, range: TextRange): Excerpt {
  let from = Math.max(0, range.start - CONTEXT);
  const lineStart = text.lastIndexOf('\n', range.start - 1);
  if (lineStart >= from) from = lineStart + 1;
  let to = Math.min(text.length, range.end + CONTEXT);
  const lineEnd = text.indexOf('\n', range.end);
  if (lineEnd !== -1 && lineEnd < to) to = lineEnd;
  return {
    before: text.slice(from, range.start), text: text.slice(range.start, range.end), after: text.slice(range.end, to),
    clippedBefore: from > 0 && text[from - 1] !== '\n', clippedAfter: to < text.length && text[to] !== '\n',
  };
}

/** The case for an organizer of its campaign; anyone else learns nothing, as if it did not exist. */
async function caseForOrganizer(db: Kysely<Database>, actor: Actor, caseId: string) {
  const row = await findCase(db, caseId);
  if (!row || !canOrganizeCase(actor, row)) throw new AppError('not_found');
  return row;
}

/** Whether the case's check is still to come: a job not yet done, or a signature of an older version. */
async function checkState(db: Kysely<Database>, row: { id: string; campaign_id: string }) {
  const [latest, signature, pending] = await Promise.all([
    findLatestSubmission(db, row.id), findSignature(db, row.id),
    countPendingChecks(db, { casePrefix: caseCheckPrefix(row.id), campaignPrefix: campaignCheckPrefix(row.campaign_id) }),
  ]);
  const live = latest !== undefined && latest.withdrawn_at === null && (latest.status === 'submitted' || latest.status === 'returned');
  const current = !live || signature?.submission_id === latest.id;
  return {
    state: (!live ? 'not_submitted' : pending > 0 || !current ? 'pending' : 'done') as 'not_submitted' | 'pending' | 'done',
    checkedAt: live && signature ? signature.computed_at : null,
    latest: live ? latest : undefined,
  };
}

/** The check's state alone, for a page waiting on it; organizers of the case's campaign only. */
export async function similarityStatus(db: Kysely<Database>, actor: Actor, caseId: string) {
  const { state, checkedAt } = await checkState(db, await caseForOrganizer(db, actor, caseId));
  return { state, checkedAt };
}

/** The case's near-duplicate report; organizers of the case's campaign only. */
export async function similarityReport(db: Kysely<Database>, actor: Actor, caseId: string) {
  const row = await caseForOrganizer(db, actor, caseId);
  const { state, checkedAt, latest } = await checkState(db, row);
  if (!latest) return { state, checkedAt, threshold: CONTAINMENT_THRESHOLD, matches: [], sameFiles: [] };
  const ownText = submittedText(latest.content);
  const matches = await listMatchesOf(db, caseId);

  const otherCases = matches.filter((m) => m.other_case_id).map((m) => m.other_case_id!);
  const [names, references] = await Promise.all([listCaseNames(db, otherCases), listReferenceTexts(db, matches.filter((m) => m.reference_id).map((m) => m.reference_id!))]);
  const contents = await listSubmissionContents(db, (await listSignatureSubmissions(db, otherCases)).map((s) => s.submission_id));
  const textOf = new Map(contents.map((c) => [c.case_id, submittedText(c.content)]));

  const presented = matches.flatMap((m) => {
    const reference = m.reference_id ? references.find((r) => r.id === m.reference_id) : undefined;
    const name = m.other_case_id ? names.find((n) => n.id === m.other_case_id) : undefined;
    const otherText = reference ? referenceComparableText(reference) : textOf.get(m.other_case_id ?? '');
    if (otherText === undefined || (!reference && !name)) return [];
    const passages = overlappingPassages(ownText, otherText).slice(0, MAX_PASSAGES)
      .map((p) => ({ shared: p.shared, a: excerpt(ownText, p.a), b: excerpt(otherText, p.b) }));
    return [{
      kind: reference ? 'reference' as const : 'case' as const,
      caseId: m.other_case_id, referenceId: m.reference_id,
      title: reference?.title ?? name!.title,
      unitName: reference ? reference.unit_name || null : name!.unit_name,
      source: reference?.source ?? null,
      estimated: m.estimated, exact: m.exact, passages,
    }];
  });
  return { state, checkedAt, threshold: CONTAINMENT_THRESHOLD, matches: presented, sameFiles: await sameFiles(db, row.campaign_id, caseId, latest.attachments) };
}

interface SubmittedAttachment { fileName: string; sha256: string; receivedSha256?: string | null }

/** The submitted version's files whose bytes (stored or as received) are a file of another live case of the campaign. */
async function sameFiles(db: Kysely<Database>, campaignId: string, caseId: string, attachmentsJson: string) {
  const own = JSON.parse(attachmentsJson) as SubmittedAttachment[];
  const hashesOf = (a: { sha256: string; receivedSha256?: string | null }) => [a.sha256, ...(a.receivedSha256 ? [a.receivedSha256] : [])];
  const found = await findFilesWithHashes(db, campaignId, caseId, [...new Set(own.flatMap(hashesOf))]);
  return own.flatMap((file) => {
    const hashes = hashesOf(file);
    const others = found.filter((f) => hashes.includes(f.sha256) || (f.received_sha256 !== null && hashes.includes(f.received_sha256)));
    return others.length === 0 ? [] : [{ fileName: file.fileName, sha256: file.sha256, others: others.map((o) => ({ caseId: o.case_id, title: o.title, fileName: o.file_name })) }];
  });
}
