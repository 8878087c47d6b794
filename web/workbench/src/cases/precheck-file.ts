import type { Campaign } from '../../../../core/campaign/campaign.schema.ts';
import { EXECUTABLE_TYPES, SNIFF_BYTES, sniffType } from '../../../../core/files/sniff.ts';
import { typeLabelKey } from '../../../../core/files/type-labels.ts';
import type { Locale } from '../../../../core/i18n/locale.ts';
import type { Translator } from '../../../../core/i18n/messages.ts';
import { formatBytes } from '../../../../core/text/format-bytes.ts';

// The checks the server makes that can be made before sending a byte, with the server's own
// messages: too big, or plainly the wrong type by its first bytes. The server still decides
// (Word files need their directory read, and scripts are looked for in the whole file).

const LEFT_TO_THE_SERVER = new Set(['application/zip', 'application/x-ole-storage', 'application/octet-stream', 'text/plain']);

export async function precheckFile(file: File, kind: Campaign['attachments'][number], t: Translator, locale: Locale): Promise<string | null> {
  const label = (type: string) => {
    const key = typeLabelKey(type);
    return key ? t(key) : type;
  };
  if (file.size > kind.maxBytes) return t('error.file_too_large', { name: file.name, max: formatBytes(kind.maxBytes) });
  const detected = sniffType(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (EXECUTABLE_TYPES.has(detected)) return t('error.file_unsafe', { name: file.name, reason: t('files.unsafe.executable') });
  if (LEFT_TO_THE_SERVER.has(detected) || kind.accept.includes(detected)) return null;
  return t('error.file_type_not_allowed', {
    name: file.name, detected: label(detected), kind: kind.name[locale], allowed: kind.accept.map(label).join(t('punct.list')),
  });
}
