import { canonicalJson } from '../text/canonical-json.ts';
import type { CaseContent } from './case-content.ts';

// The exact bytes a receipt's content hash is taken over (see core/text/canonical-json.ts).

export const CANONICAL_FORMAT = 'zhengji-case/1';

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
