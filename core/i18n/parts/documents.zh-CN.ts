// Messages about documents; merged into the catalogue in ../zh-CN.ts.
export const documentsZhCN = {
  'documents.placeholder': '',
} as const;
