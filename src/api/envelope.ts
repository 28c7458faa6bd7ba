import { type ApiResult, type Fail, isErrorCode } from '@/core/errors';

export const NETWORK_ERROR_MESSAGE = '网络异常，请稍后重试';

/** A failure that never reached the API (offline, proxy page, bad gateway): INTERNAL, in Chinese. */
export function networkFailure(detail?: string): Fail {
  return {
    ok: false,
    error: detail
      ? { code: 'INTERNAL', message: NETWORK_ERROR_MESSAGE, details: { cause: detail } }
      : { code: 'INTERNAL', message: NETWORK_ERROR_MESSAGE },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whatever came back is trusted only when it has the envelope's shape. */
export function asEnvelope(value: unknown): ApiResult<unknown> {
  if (!isRecord(value)) return networkFailure('not an envelope');
  if (value.ok === true && 'data' in value) return { ok: true, data: value.data };
  if (value.ok === false && isRecord(value.error)) {
    const { code, message, details } = value.error;
    if (isErrorCode(code) && typeof message === 'string') {
      return isRecord(details)
        ? { ok: false, error: { code, message, details } }
        : { ok: false, error: { code, message } };
    }
  }
  return networkFailure('malformed envelope');
}
