// Messages about files; merged into the catalogue in ../zh-CN.ts.
export const filesZhCN = {
  'files.placeholder': '',
} as const;
