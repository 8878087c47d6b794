import type { MessageKey } from '../i18n/messages.ts';

// What people call a file type ("JPEG 图片", "Word 文档 (.docx)"), for rules and error messages.
const LABELS: Record<string, MessageKey> = {
  'image/jpeg': 'files.type.jpeg',
  'image/png': 'files.type.png',
  'image/webp': 'files.type.webp',
  'image/gif': 'files.type.gif',
  'image/heic': 'files.type.heic',
  'image/avif': 'files.type.avif',
  'image/svg+xml': 'files.type.svg',
  'application/pdf': 'files.type.pdf',
  'video/mp4': 'files.type.mp4',
  'video/quicktime': 'files.type.mov',
  'video/webm': 'files.type.webm',
  'video/x-matroska': 'files.type.mkv',
  'video/x-msvideo': 'files.type.avi',
  'video/3gpp': 'files.type.3gp',
  'audio/mp4': 'files.type.m4a',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'files.type.docx',
  'application/msword': 'files.type.doc',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'files.type.xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'files.type.pptx',
  'application/x-ole-storage': 'files.type.ole',
  'application/zip': 'files.type.zip',
  'application/gzip': 'files.type.archive',
  'application/vnd.rar': 'files.type.archive',
  'application/x-7z-compressed': 'files.type.archive',
  'application/x-executable': 'files.type.executable',
  'application/x-msdownload': 'files.type.exe',
  'application/x-mach-binary': 'files.type.executable',
  'application/x-sh': 'files.type.script',
  'text/html': 'files.type.html',
  'application/xml': 'files.type.xml',
  'text/plain': 'files.type.text',
  'application/octet-stream': 'files.type.unknown',
  '': 'files.type.empty',
};

/** The message key naming a MIME type, or undefined for a type we have no name for. */
export function typeLabelKey(mediaType: string): MessageKey | undefined {
  return LABELS[mediaType];
}
