import { ERROR_CODES, HTTP_STATUS, isErrorCode } from '../../../src/core/errors';

/** An answer as it came over the wire: the body unparsed, so that a non-JSON body is a finding, not a crash. */
export interface Answer {
  status: number;
  text: string;
}

export type Verdict = { ok: true } | { ok: false; code: string } | { problem: string };

const CHINESE = /[\u4e00-\u9fff]/;
const STACK = /\n\s+at |\.ts:\d+|node_modules/;

/**
 * DESIGN.md §4: `{ ok: true, data }` with 200, or `{ ok: false, error: { code, message, details? } }`
 * with the code's status, a Chinese message fit to show, and nothing of the server's insides.
 */
export function judge(answer: Answer): Verdict {
  if (answer.status >= 500) return { problem: `status ${answer.status}` };
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return { problem: `body is not JSON: ${answer.text.slice(0, 100)}` };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { problem: 'body is not an object' };
  const { ok, data, error, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return { problem: `extra keys ${Object.keys(rest).join(',')}` };
  if (ok === true) {
    if (answer.status !== 200) return { problem: `ok answered with ${answer.status}` };
    return data === undefined ? { problem: 'ok without data' } : { ok: true };
  }
  if (ok !== false) return { problem: `ok is ${JSON.stringify(ok)}` };
  if (data !== undefined) return { problem: 'error answer carries data' };
  if (typeof error !== 'object' || error === null) return { problem: 'error is not an object' };
  const { code, message, details, ...more } = error as Record<string, unknown>;
  if (Object.keys(more).length > 0) return { problem: `error has extra keys ${Object.keys(more).join(',')}` };
  if (!isErrorCode(code)) return { problem: `code ${String(code)} is none of ${ERROR_CODES.join(',')}` };
  if (answer.status !== HTTP_STATUS[code]) return { problem: `${code} answered with ${answer.status}` };
  if (typeof message !== 'string' || !CHINESE.test(message))
    return { problem: `message not Chinese: ${String(message)}` };
  if (STACK.test(message)) return { problem: `message shows the server's insides: ${message.slice(0, 200)}` };
  if (details !== undefined && (typeof details !== 'object' || details === null || Array.isArray(details))) {
    return { problem: 'details is not an object' };
  }
  return { ok: false, code };
}
