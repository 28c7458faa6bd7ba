/** Error codes and the answer envelope of DESIGN.md §4: a contract with outside clients. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RULE',
  'RATE_LIMITED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** Fallback texts, used when a handler gives no more specific message. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '输入有误，请检查后重试',
  UNAUTHENTICATED: '请先登录并绑定工号',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '要找的内容不存在',
  CONFLICT: '该操作与现有记录冲突',
  RULE: '当前不允许此操作',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
};

export interface FieldIssue {
  field: string;
  message: string;
}

export interface ErrorDetails {
  /** INVALID_INPUT: which fields failed and why. */
  fields?: FieldIssue[];
  /** RULE: the name of the rule that said no. */
  rule?: string;
  /** INTERNAL: the request id under which the failure was logged. */
  requestId?: string;
  [key: string]: unknown;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export type Ok<T> = { ok: true; data: T };
export type Fail = { ok: false; error: ApiError };
export type ApiResult<T> = Ok<T> | Fail;

/**
 * What a handler throws to answer with a coded error. The router turns it into a `Fail`
 * envelope; it never crosses the API boundary as a raw throw.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetails;

  constructor(code: ErrorCode, message?: string, details?: ErrorDetails) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toApiError(): ApiError {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

/** A business rule refused: `details.rule` names it (DESIGN.md §4). */
export function ruleError(rule: string, message: string, extra?: ErrorDetails): AppError {
  return new AppError('RULE', message, { ...extra, rule });
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
