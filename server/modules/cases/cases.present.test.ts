import { describe, expect, it } from 'vitest';
import { presentReceipt } from './cases.present.ts';

describe('a receipt stored before received bytes were recorded', () => {
  it('states the stored hash as received for every file but a re-encoded picture, as migration 013 does for attachments', () => {
    const file = (mediaType: string, n: number) => ({ id: `a${n}`, kind: 'photos', fileName: `f${n}`, size: 100 + n, mediaType, sha256: String(n).repeat(64) });
    const receipt = presentReceipt({
      id: 's1', case_id: 'c1', seq: 1, receipt_number: 'Z7-20240501-ABCDEFGH', request_key: 'k', content: '{}', content_sha256: 'f'.repeat(64),
      attachments: JSON.stringify([file('image/jpeg', 1), file('image/heic', 2), file('application/pdf', 3)]),
      submitted_by: 'u1', submitted_at: '2024-05-01T02:00:00.000Z', withdrawn_at: null,
    });
    expect(receipt.attachments.map((a) => [a.mediaType, a.receivedSha256, a.receivedSize])).toEqual([
      ['image/jpeg', null, null],
      ['image/heic', '2'.repeat(64), 102],
      ['application/pdf', '3'.repeat(64), 103],
    ]);
  });
});
