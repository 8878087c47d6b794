import { z } from 'zod';
import type { AttachmentRow } from './attachments.repository.ts';

export const attachmentSchema = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
  sha256: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  fileUrl: z.string(),
  thumbnailUrl: z.string().nullable(),
  createdAt: z.string(),
});

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
