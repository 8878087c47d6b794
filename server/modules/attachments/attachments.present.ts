import type { z } from 'zod';
import type { attachmentSchema } from '../../../core/api/attachments.ts';
import type { AttachmentRow } from './attachments.repository.ts';

export type AttachmentView = z.infer<typeof attachmentSchema>;

export function presentAttachment(row: AttachmentRow): AttachmentView {
  return {
    id: row.id, kind: row.kind, fileName: row.file_name, size: Number(row.size), mediaType: row.media_type, sha256: row.sha256,
    width: row.width, height: row.height,
    fileUrl: `/api/v1/attachments/${row.id}/file`,
    thumbnailUrl: row.thumbnail_sha256 ? `/api/v1/attachments/${row.id}/thumbnail` : null,
    createdAt: row.created_at,
  };
}
