import { fileExtension } from './file-name.ts';

// A stored file is named for what it is: its bytes decided its type, so a name that says another
// type ("申报表.docm" on a PDF that is also a zip, "photo.html" on a PDF) would have the
// organizer's computer open it with a program the check never judged it for. Pure.

/** The extensions each stored type goes by, the usual one first. */
const EXTENSIONS: Record<string, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'image/heic': ['heic', 'heif'],
  'image/avif': ['avif'],
  'application/pdf': ['pdf'],
  'video/mp4': ['mp4', 'm4v'],
  'video/quicktime': ['mov', 'qt'],
  'video/webm': ['webm'],
  'video/x-matroska': ['mkv'],
  'video/x-msvideo': ['avi'],
  'video/3gpp': ['3gp', '3gpp'],
  'audio/mp4': ['m4a'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template': ['dotx'],
  'application/vnd.ms-word.document.macroEnabled.12': ['docm'],
  'application/vnd.ms-word.template.macroEnabled.12': ['dotm'],
  'application/msword': ['doc'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.ms-excel.sheet.macroEnabled.12': ['xlsm'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.ms-powerpoint.presentation.macroEnabled.12': ['pptm'],
  'application/zip': ['zip'],
  'text/plain': ['txt'],
};

const MAX_NAME_BYTES = 255;
const bytesOf = (text: string) => new TextEncoder().encode(text).length;

/**
 * `name` when its extension is one of `mediaType`'s, else `name` with the type's usual extension
 * added ("申报表.docm" as a PDF becomes "申报表.docm.pdf"), within 255 bytes. A type with no
 * known extension keeps its name but loses any extension of another known type.
 */
export function nameForType(name: string, mediaType: string): string {
  const extensions = EXTENSIONS[mediaType];
  const extension = fileExtension(name);
  if (extensions?.includes(extension)) return name;
  const suffix = `.${extensions?.[0] ?? 'bin'}`;
  if (!extensions && !Object.values(EXTENSIONS).some((list) => list.includes(extension))) return name;
  let stem = [...name];
  while (stem.length > 1 && bytesOf(stem.join('') + suffix) > MAX_NAME_BYTES) stem = stem.slice(0, -1);
  return stem.join('') + suffix;
}
