import { canonicalJson } from '../text/canonical-json.ts';
import type { CaseContent } from './case-content.ts';

// The exact bytes a receipt's content hash is taken over (see core/text/canonical-json.ts).

export const CANONICAL_FORMAT = 'zhengji-case/1';
/** The case's own text without the declaration form: what a superior organization reads and recommends. */
export const CANONICAL_CONTENT_FORMAT = 'zhengji-case-content/1';

export interface CanonicalCaseInput {
  campaign: string;
  caseId: string;
  content: CaseContent;
  declaration: Record<string, string>;
}

/** The submitted case as the canonical document whose SHA-256 the receipt carries. */
export function canonicalCase({ campaign, caseId, content, declaration }: CanonicalCaseInput): string {
  return canonicalJson({ format: CANONICAL_FORMAT, campaign, caseId, ...content, declaration });
}

/**
 * The text a recommendation is bound to: the receipt's canonical document without the declaration
 * form, whose own fields (postcode, the superior's opinion copied onto the form) are not what the
 * superior organization read, and typing them must not void its recommendation.
 */
export function canonicalCaseContent({ campaign, caseId, content }: Omit<CanonicalCaseInput, 'declaration'>): string {
  return canonicalJson({ format: CANONICAL_CONTENT_FORMAT, campaign, caseId, ...content });
}
