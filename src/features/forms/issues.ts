import type { ApiError } from '../../core/errors';

/** Field name → the first message about it; '' holds messages about the form as a whole. */
export type FieldErrors = Record<string, string>;

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** zod issues → one message per top-level field, the first one winning (it is usually the cause). */
export function issuesToFieldErrors(issues: readonly Issue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** INVALID_INPUT answers name their fields; anything else is a message for the whole form. */
export function serverFieldErrors(error: ApiError): FieldErrors {
  const fields = error.details?.fields;
  if (error.code !== 'INVALID_INPUT' || !fields || fields.length === 0) return { '': error.message };
  const out: FieldErrors = {};
  for (const f of fields) {
    const key = f.field.split('.')[0] ?? '';
    if (!(key in out)) out[key] = f.message;
  }
  return out;
}
