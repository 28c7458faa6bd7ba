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
