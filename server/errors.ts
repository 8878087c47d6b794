import type { Locale } from '../core/i18n/locale.ts';
import { translate, type MessageKey, type Params } from '../core/i18n/messages.ts';

// One error type with stable codes; the HTTP status and the user's message come from the code.
const STATUS = {
  campaign_not_found: 404,
  not_found: 404,
  invalid_request: 400,
  unsupported_language: 400,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof STATUS;

export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly params: Params = {},
  ) {
    super(translate('en', `error.${code}` as MessageKey, params));
    this.status = STATUS[code];
  }

  messageIn(locale: Locale): string {
    return translate(locale, `error.${this.code}` as MessageKey, this.params);
  }
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
