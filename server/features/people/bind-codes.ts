import { createHash } from 'node:crypto';
import { BIND_CODE_ALPHABET, BIND_CODE_LENGTH, BIND_CODE_TTL_MS } from '../../../src/core/people/rules';
import type { StaffDoc } from '../../kernel/member';
import { randomCode } from '../../kernel/ids';
import type { PeopleStore } from './ctx';

/** Bind codes as stored: a hash per entry, so a copy of the database gives no working code. */

function hashOf(staffId: string, code: string): string {
  return createHash('sha256').update(`${staffId}:${code}`).digest('hex');
}

/** A fresh code for the entry, replacing any earlier one; the code is returned once and never kept. */
export async function issueBindCode(
  store: PeopleStore,
  staff: StaffDoc,
  by: StaffDoc,
  now: Date,
): Promise<{ code: string; expiresAt: string }> {
  const code = randomCode(BIND_CODE_ALPHABET, BIND_CODE_LENGTH);
  const expiresAt = new Date(now.getTime() + BIND_CODE_TTL_MS).toISOString();
  const doc = {
    _id: staff._id,
    hash: hashOf(staff._id, code),
    expiresAt,
    issuedBy: by._id,
    issuedAt: now.toISOString(),
  };
  await store.transaction(async (tx) => {
    await tx.collection('bindCodes').remove({ _id: staff._id });
    await tx.collection('bindCodes').insert(doc);
  });
  return { code, expiresAt };
}

/** Whether `code` is the entry's live code (right, and not expired). Nothing changes. */
export async function bindCodeMatches(store: PeopleStore, staffId: string, code: string, now: Date): Promise<boolean> {
  const doc = await store.collection('bindCodes').get(staffId);
  return doc !== null && doc.expiresAt > now.toISOString() && doc.hash === hashOf(staffId, code);
}

/** Spends the entry's code once it has bound someone: a code works once. */
export async function spendBindCode(store: PeopleStore, staffId: string): Promise<void> {
  await store.collection('bindCodes').remove({ _id: staffId });
}

/** When each entry's waiting code expires, for the roster view. */
export async function bindCodeExpiries(
  store: PeopleStore,
  staffIds: readonly string[],
  now: Date,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (staffIds.length === 0) return out;
  for (const doc of await store.collection('bindCodes').find({ _id: { in: [...staffIds] } }, { limit: 1000 })) {
    if (doc.expiresAt > now.toISOString()) out.set(doc._id, doc.expiresAt);
  }
  return out;
}
