import { isCampaignPhase } from '../core/campaign/campaign-phase.ts';
import type { Locale } from '../core/i18n/locale.ts';
import { translate, type MessageKey, type Params } from '../core/i18n/messages.ts';

// One error type with stable codes; the HTTP status and the user's message come from the code.
const STATUS = {
  campaign_not_found: 404,
  not_found: 404,
  invalid_request: 400,
  text_invalid: 400,
  body_not_utf8: 400,
  body_too_large: 413,
  unsupported_media_type: 415,
  unsupported_language: 400,
  weak_password: 400,
  link_invalid: 400,
  invitation_for_other_address: 403,
  invalid_credentials: 401,
  email_not_verified: 403,
  unauthenticated: 401,
  forbidden: 403,
  csrf_invalid: 403,
  unit_exists: 409,
  version_conflict: 409,
  invalid_transition: 409,
  case_read_only: 409,
  case_changed_since_read: 409,
  superior_email_own_unit: 422,
  superior_unit_invalid: 422,
  superior_own_case: 403,
  window_closed: 403,
  window_not_open: 403,
  phase_closed: 409,
  phase_not_adjacent: 409,
  phase_reason_required: 400,
  collection_still_open: 409,
  corrections_still_open: 409,
  preflight_failed: 422,
  file_type_not_allowed: 415,
  file_too_large: 413,
  too_many_files: 409,
  file_unsafe: 422,
  file_name_invalid: 400,
  upload_offset_mismatch: 409,
  upload_busy: 423,
  upload_too_many_pieces: 422,
  import_failed: 422,
  sheet_unreadable: 422,
  sheet_unsafe: 422,
  sheet_columns: 422,
  sheet_too_many_rows: 422,
  conflict_already_dismissed: 409,
  conflict_declared: 409,
  screening_filter_invalid: 400,
  screening_selection_changed: 409,
  screening_not_pending: 409,
  screening_reason_required: 400,
  screening_due_date_invalid: 400,
  screening_not_reversible: 409,
  screening_reversal_assigned: 409,
  assignment_run_running: 409,
  assignment_short: 409,
  assignment_override_reason: 400,
  assignment_nothing_to_release: 409,
  assignment_case_not_passed: 409,
  assignment_conflict: 409,
  assignment_over_capacity: 409,
  assignment_exists: 409,
  assignment_not_qualified: 409,
  assignment_not_proposed: 409,
  review_version_conflict: 409,
  review_submitted: 409,
  review_criterion_unknown: 422,
  review_score_missing: 422,
  review_score_out_of_range: 422,
  review_tier_missing: 422,
  review_tier_unknown: 422,
  review_comment_too_long: 422,
  ranking_category_unknown: 400,
  selection_not_computed: 409,
  selection_quotas_unusable: 409,
  selection_case_unknown: 404,
  selection_reason_required: 400,
  selection_reason_too_long: 400,
  selection_quota_broken: 409,
  selection_suggestion_stale: 409,
  phase_finalize_required: 409,
  phase_results_final: 409,
  phase_notice_published: 409,
  notice_selection_unfinished: 409,
  notice_already_published: 409,
  notice_body_required: 400,
  notice_body_too_long: 400,
  notice_not_published: 404,
  notice_not_running: 409,
  notice_running: 409,
  notice_objections_open: 409,
  notice_already_final: 409,
  objection_invalid: 400,
  objection_case_unknown: 404,
  objection_not_found: 404,
  objection_resolved: 409,
  objection_reason_required: 400,
  objection_reason_too_long: 400,
  objection_tier_unchanged: 400,
  publication_exists: 409,
  publication_missing: 404,
  publication_version_conflict: 409,
  publication_invalid: 422,
  publication_photo_unknown: 422,
  publication_case_not_submitted: 409,
  publication_case_not_passed: 409,
  publication_display_off: 409,
  publication_not_chosen: 409,
  publication_already_published: 409,
  publication_not_published: 409,
  publication_category_unknown: 400,
  search_query_too_long: 400,
  search_query_too_many_terms: 400,
  library_import_unreadable: 422,
  library_import_too_large: 413,
  library_import_too_many_rows: 422,
  library_import_cell_too_long: 422,
  library_import_missing_columns: 422,
  library_import_rejected: 422,
  library_import_edition_taken: 409,
  library_import_conflict: 409,
  rate_limited: 429,
  objection_limit: 429,
  objection_network_limit: 429,
  too_many_attempts: 429,
  internal: 500,
  unavailable: 503,
  overloaded: 503,
  timed_out: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof STATUS;

export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly params: Params = {},
    /** Machine-readable specifics (field problems, a duplicate's id), shown to the caller. */
    readonly details?: unknown,
  ) {
    super(translate('en', `error.${code}` as MessageKey, inLanguage('en', params)));
    this.status = STATUS[code];
  }

  messageIn(locale: Locale): string {
    return translate(locale, `error.${this.code}` as MessageKey, { ...inLanguage(locale, this.params), problems: this.problemsIn(locale) });
  }

  /** The field problems the message lists: a weak password's, or an objection form's. */
  private problemsIn(locale: Locale): string {
    const list = (words: string[]) => words.join(translate(locale, 'punct.list'));
    if (Array.isArray(this.details) && this.code === 'weak_password') return list((this.details as string[]).map((p) => translate(locale, `password.${p}` as MessageKey)));
    if (this.code === 'objection_invalid') {
      const { problems } = this.details as { problems: { field: string; problem: string; limit?: number }[] };
      return list(problems.map((p) => translate(locale, `objection.problem.${p.field}.${p.problem}` as MessageKey, { limit: p.limit ?? 0 })));
    }
    return '';
  }
}

// A campaign phase travels as its code ("review") and is said in the reader's language.
const PHASE_PARAMS = ['phase', 'to'];

function inLanguage(locale: Locale, params: Params): Params {
  const out = { ...params };
  for (const name of PHASE_PARAMS) {
    const value = out[name];
    if (typeof value === 'string' && isCampaignPhase(value)) out[name] = translate(locale, `phase.${value}`);
  }
  return out;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
  requestId: string;
}

export function errorBody(error: AppError, locale: Locale, requestId: string, details?: unknown): ErrorBody {
  return {
    error: { code: error.code, message: error.messageIn(locale), ...(details === undefined ? {} : { details }) },
    requestId,
  };
}

// Compile-time proof that every code has a message in the catalogue.
const everyCodeHasAMessage: `error.${ErrorCode}` extends MessageKey ? true : never = true;
void everyCodeHasAMessage;
