import { createHash } from 'node:crypto';
import { randomCode } from '../../kernel/ids';
import { RECEIPT_CODE_ALPHABET, RECEIPT_CODE_LENGTH } from '../../../src/core/mailbox/rules';

/**
 * Receipt codes (回执码) of anonymous messages, drawn like bind codes (people/bind-codes.ts: a CSPRNG
 * over the shared alphabet of src/core/people/rules.ts). Only `receiptHash` is stored; the code itself
 * is in the one answer to `mailbox.send` and nowhere else.
 */
export function newReceiptCode(): string {
  return randomCode(RECEIPT_CODE_ALPHABET, RECEIPT_CODE_LENGTH);
}

/** sha-256 of the normalized code, prefixed so that the hash is of no use to any other lookup. */
export function receiptHash(code: string): string {
  return createHash('sha256').update(`mailbox:${code}`).digest('hex');
}
