import { randomBytes, randomInt } from 'node:crypto';

/** Random, unordered ids: they reveal neither creation time nor sequence. */
export function newId(): string {
  return randomBytes(12).toString('hex');
}

/** A code people type (bind codes, receipt codes): `length` characters drawn by a CSPRNG from `alphabet`. */
export function randomCode(alphabet: string, length: number): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}
