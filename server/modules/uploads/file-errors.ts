import type { Campaign } from '../../../core/campaign/campaign.schema.ts';
import { typeLabelKey } from '../../../core/files/type-labels.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import { translate, type MessageKey, type Params } from '../../../core/i18n/messages.ts';
import { formatBytes } from '../../../core/text/format-bytes.ts';
import { AppError, type ErrorCode } from '../../errors.ts';

// File refusals name things in the reader's language (the kind of attachment, the detected type,
// the reason), so their parameters are worked out per locale when the message is written.

// What a refusal names of a kind: a campaign's kind of attachment, or objection evidence.
type AttachmentKind = Pick<Campaign['attachments'][number], 'name' | 'accept' | 'maxBytes' | 'maxCount'>;

class LocalizedError extends AppError {
  constructor(code: ErrorCode, private readonly paramsIn: (locale: Locale) => Params, details?: unknown) {
    super(code, paramsIn('en'), details);
  }

  override messageIn(locale: Locale): string {
    return translate(locale, `error.${this.code}` as MessageKey, this.paramsIn(locale));
  }
}

/** "JPEG 图片" for image/jpeg; a type we have no name for is shown as itself. */
export function typeLabel(locale: Locale, mediaType: string): string {
  const key = typeLabelKey(mediaType);
  return key ? translate(locale, key) : mediaType;
}

const typeList = (locale: Locale, types: readonly string[]) => types.map((t) => typeLabel(locale, t)).join(translate(locale, 'punct.list'));

export function fileTypeNotAllowed(fileName: string, detected: string, kind: AttachmentKind): AppError {
  return new LocalizedError('file_type_not_allowed', (locale) => ({
    name: fileName, detected: typeLabel(locale, detected), kind: kind.name[locale], allowed: typeList(locale, kind.accept),
  }), { detected, accept: kind.accept });
}

export function fileTooLarge(fileName: string, kind: AttachmentKind): AppError {
  return new LocalizedError('file_too_large', () => ({ name: fileName, max: formatBytes(kind.maxBytes) }), { maxBytes: kind.maxBytes });
}

export function tooManyFiles(kind: AttachmentKind): AppError {
  return new LocalizedError('too_many_files', (locale) => ({ kind: kind.name[locale], max: kind.maxCount }), { maxCount: kind.maxCount });
}

export function tooManyPieces(fileName: string, max: number): AppError {
  return new AppError('upload_too_many_pieces', { name: fileName, max }, { maxPieces: max });
}

export type UnsafeReason = 'executable' | 'script' | 'pdf_script' | 'zip_bomb' | 'macro' | 'image' | 'unreadable' | 'encrypted';

export function fileUnsafe(fileName: string, reason: UnsafeReason): AppError {
  return new LocalizedError('file_unsafe', (locale) => ({ name: fileName, reason: translate(locale, `files.unsafe.${reason}`) }), { reason });
}
