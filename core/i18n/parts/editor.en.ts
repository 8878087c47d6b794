import type { editorZhCN } from './editor.zh-CN.ts';

export const editorEn: Record<keyof typeof editorZhCN, string> = {
  'editor.placeholder': '',
};
