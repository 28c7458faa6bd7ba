import { AppError } from '../../../src/core/errors';
import type { SignupStore } from './ctx';
import { isDuplicate } from '../../store/port';

const ATTEMPTS = 3;

/**
 * The module's transactions, tried again when the store fails one (on CloudBase, two containers
 * writing the same slot at once make one transaction fail). Safe because every transaction here
 * re-reads what it decides on: a retry after a commit whose answer was lost finds the work done.
 * Refusals (AppError) and duplicates are answers, not failures: they are never retried.
 */
export async function inTransaction<R>(store: SignupStore, fn: (tx: SignupStore) => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.transaction(fn);
    } catch (error) {
      if (attempt >= ATTEMPTS || error instanceof AppError || isDuplicate(error)) throw error;
    }
  }
}
