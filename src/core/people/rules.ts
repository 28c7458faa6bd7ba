import { cleanText } from '../text';

/**
 * One-time bind codes (绑定码): an admin issues one for a roster entry, the person types it when
 * binding. Letters and digits that cannot be mistaken for each other when read off paper (no 0/O,
 * 1/I/L), ten of them (31^10 ≈ 8 × 10^14, against 5 guesses an hour), valid for 72 hours, single use.
 */
export const BIND_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const BIND_CODE_LENGTH = 10;
export const BIND_CODE_TTL_MS = 72 * 60 * 60 * 1000;

/** As typed or read out: case, spaces and dashes do not matter ('abcd-efgh-jk' is 'ABCDEFGHJK'). */
export function normalizeBindCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]+/g, '');
}

/** Grouped for reading aloud and printing: 'ABCD-EFGH-JK'. */
export function formatBindCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** An entry holding any role beyond staff binds only with a code; with the unit setting on, every entry. */
export function needsBindCode(roles: readonly string[], bindCodeRequired: boolean): boolean {
  return bindCodeRequired || roles.some((r) => r !== 'staff');
}

export const STAFF_NO_MAX = 32;
export const STAFF_NO_PATTERN = /^[A-Za-z0-9_-]+$/;
export const STAFF_NO_MESSAGES = {
  required: '请填写工号',
  tooLong: `工号最多 ${STAFF_NO_MAX} 个字符`,
  pattern: '工号只能包含字母、数字、下划线和短横线',
} as const;
export const PERSON_NAME_MAX = 32;

/**
 * The bind form's check before anything is sent, by the rules the contract's schema applies on the
 * server (which stays the judge): the main package then needs no schema library for a form filled
 * once per person, and the person still sees every problem at once, by field.
 */
export function bindFormCheck(form: { staffNo: string; name: string }): {
  input: { staffNo: string; name: string };
  errors: Record<string, string>;
} {
  const staffNo = form.staffNo.trim();
  const name = cleanText(form.name);
  const errors: Record<string, string> = {};
  if (!staffNo) errors.staffNo = STAFF_NO_MESSAGES.required;
  else if (staffNo.length > STAFF_NO_MAX) errors.staffNo = STAFF_NO_MESSAGES.tooLong;
  else if (!STAFF_NO_PATTERN.test(staffNo)) errors.staffNo = STAFF_NO_MESSAGES.pattern;
  if (!name) errors.name = '请填写姓名';
  else if (name.length > PERSON_NAME_MAX) errors.name = `姓名最多 ${PERSON_NAME_MAX} 个字`;
  return { input: { staffNo: staffNo.toUpperCase(), name }, errors };
}
