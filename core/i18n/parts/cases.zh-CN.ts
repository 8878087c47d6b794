// Messages about cases; merged into the catalogue in ../zh-CN.ts.
export const casesZhCN = {
  'cases.placeholder': '',
} as const;
