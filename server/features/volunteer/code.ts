import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { acceptedWindows, CODE_LENGTH } from '../../../src/core/volunteer/rules';

/**
 * The on-site code: HMAC-SHA256 of the event id and the 30-s window index under the event's own
 * random secret, truncated to 6 digits as TOTP does (RFC 4226 dynamic truncation). The secret never
 * leaves the server, so a code cannot be computed ahead from anything a member sees.
 */

export function newCodeSecret(): string {
  return randomBytes(32).toString('hex');
}

export function codeFor(secret: string, eventId: string, window: number): string {
  const mac = createHmac('sha256', Buffer.from(secret, 'hex')).update(`${eventId}:${window}`).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const bin = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(bin % 10 ** CODE_LENGTH).padStart(CODE_LENGTH, '0');
}

/** The code of the current or the previous window (so a code read just before it changes still works). */
export function isCodeAccepted(secret: string, eventId: string, code: string, now: Date): boolean {
  const given = Buffer.from(code);
  let ok = false;
  for (const window of acceptedWindows(now)) {
    const expected = Buffer.from(codeFor(secret, eventId, window));
    // Both windows are always compared, in constant time, so the answer's timing says nothing.
    if (expected.length === given.length && timingSafeEqual(expected, given)) ok = true;
  }
  return ok;
}
