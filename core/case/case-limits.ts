// The lengths a case's fields may reach, apart from the schemas that check them
// (case-content.ts): the workbench's editor shows them without loading zod and building every
// schema of a case before it can draw its first text box.

export const KEYWORD_MAX = 10;
export const TITLE_MAX = 100;
/** A hard ceiling on stored HTML per field, far above any text within the 字 limits. */
export const HTML_MAX_CHARS = 200_000;
