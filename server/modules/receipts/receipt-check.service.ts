import type { Kysely } from 'kysely';
import type { Locale } from '../../../core/i18n/locale.ts';
import { formatInZone } from '../../../core/time/zoned-time.ts';
import type { Database } from '../../db/schema.ts';
import { utcOffsetLabel } from '../../documents/receipt-pdf.ts';
import { getCampaignById } from '../campaigns/campaigns.service.ts';
import { presentReceipt } from '../cases/cases.present.ts';

// What the public verification page may say about a receipt (decision 0015): that the number
// was issued, when, in which campaign, whether it still counts, and its hashes. Never who
// submitted, the case's title or text, or the attachments' file names: a receipt number in
// someone else's hands must not tell them what a unit wrote.

export interface CheckedAttachment {
  kindName: string;
  size: number;
  /** The bytes as received; null for a picture kept before originals were. */
  receivedSha256: string | null;
  /** The stored bytes when they differ from those received (a re-encoded picture); null otherwise. */
  storedSha256: string | null;
}

export interface ReceiptCheck {
  number: string;
  campaignTitle: string;
  /** "2024-06-30 23:59:58" in the campaign's zone, and that zone named. */
  submittedAt: string;
  zone: string;
  seq: number;
  /** current: the case's last submission; superseded: a later one replaced it; withdrawn: the unit withdrew it. */
  state: 'current' | 'superseded' | 'withdrawn';
  contentSha256: string;
  attachments: CheckedAttachment[];
}

export const VERIFY_PATH = '/verify';

/** The public page's address for one receipt, printed on the receipt itself. */
export const receiptVerifyUrl = (baseUrl: string, number: string, locale: Locale) =>
  `${baseUrl}${VERIFY_PATH}?number=${encodeURIComponent(number)}${locale === 'en' ? '&lang=en' : ''}`;

/** A receipt number as people type it: spaces dropped, letters upper-case. */
export const normalizeReceiptNumber = (input: string) => input.replace(/\s+/g, '').toUpperCase();

/** What may be shown of the receipt numbered `number`, or undefined when no such receipt was issued. */
export async function checkReceipt(db: Kysely<Database>, number: string, locale: Locale): Promise<ReceiptCheck | undefined> {
  const row = await db
    .selectFrom('case_submissions as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .selectAll('s')
    .select('c.campaign_id')
    .where('s.receipt_number', '=', normalizeReceiptNumber(number))
    .executeTakeFirst();
  if (!row) return undefined;
  const later = await db.selectFrom('case_submissions').select('id').where('case_id', '=', row.case_id).where('seq', '>', row.seq).executeTakeFirst();
  const campaign = await getCampaignById(db, row.campaign_id);
  const { timeZone, timeZoneLabel } = campaign.definition.window;
  const receipt = presentReceipt(row);
  const instant = new Date(receipt.submittedAt);
  return {
    number: receipt.receiptNumber,
    campaignTitle: campaign.definition.title[locale],
    submittedAt: formatInZone(instant, timeZone),
    zone: `${timeZoneLabel[locale]}${locale === 'en' ? ', ' : '，'}${utcOffsetLabel(instant, timeZone)}`,
    seq: receipt.seq,
    state: receipt.withdrawnAt ? 'withdrawn' : later ? 'superseded' : 'current',
    contentSha256: receipt.contentSha256,
    attachments: receipt.attachments.map((a) => ({
      kindName: campaign.definition.attachments.find((k) => k.key === a.kind)?.name[locale] ?? a.kind,
      size: a.receivedSize ?? a.size,
      receivedSha256: a.receivedSha256,
      storedSha256: a.receivedSha256 === a.sha256 ? null : a.sha256,
    })),
  };
}

/**
 * The SHA-256 in what a person pasted: the line sha256sum prints (hash, then the file name) or
 * certutil's on Windows 7 (bytes apart: "9c ed d3 …") as well as the bare 64 digits; null if none.
 */
export function typedSha256(typed: string): string | null {
  const bare = typed.replace(/\s/gu, '');
  if (/^[0-9a-f]{64}$/iu.test(bare)) return bare.toLowerCase();
  const first = /^\s*\\?([0-9a-f]{64})(?:\s+\*?\S.*)?$/isu.exec(typed);
  return first ? first[1]!.toLowerCase() : null;
}

/** Which of the receipt's hashes `sha256` is: the content, or the n-th attachment (1-based) as received or as stored. */
export function matchHash(check: ReceiptCheck, sha256: string): { what: 'content' } | { what: 'received' | 'stored'; index: number } | undefined {
  const hash = sha256.trim().toLowerCase();
  if (hash === check.contentSha256) return { what: 'content' };
  for (const [i, a] of check.attachments.entries()) {
    if (hash === a.receivedSha256) return { what: 'received', index: i + 1 };
    if (hash === a.storedSha256) return { what: 'stored', index: i + 1 };
  }
  return undefined;
}
