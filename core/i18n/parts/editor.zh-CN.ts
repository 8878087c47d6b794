// Messages of the case editor page; merged into the catalogue in ../zh-CN.ts.
export const editorZhCN = {
  'editor.placeholder': '',
} as const;
