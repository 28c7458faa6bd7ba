import { randomBytes } from 'node:crypto';

/** Random, unordered ids: they reveal neither creation time nor sequence. */
export function newId(): string {
  return randomBytes(12).toString('hex');
}
