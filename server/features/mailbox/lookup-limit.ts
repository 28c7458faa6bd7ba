import { AppError } from '../../../src/core/errors';
import { newId } from '../../kernel/ids';
import type { Ctx } from './ctx';

/**
 * Wrong receipt codes are limited per openid exactly as wrong bind pairs are (people/actions/
 * staff-bind.ts): 5 failures an hour. A failure record holds the openid and the time, never the code
 * tried nor any message: it says someone guessed wrong, not what they wrote or read.
 */
export const LOOKUP_MAX_FAILURES = 5;
export const LOOKUP_WINDOW_MS = 60 * 60 * 1000;

/**
 * Runs `attempt` as one counted try. The try is recorded before the code is compared and removed
 * only if it succeeds, so simultaneous guesses cannot all pass the limit together; `attempt` calls
 * `failed()` when the code is wrong and learns how many tries remain.
 */
export async function limitedLookup<T>(ctx: Ctx, attempt: (failed: () => number) => Promise<T>): Promise<T> {
  const openid = ctx.caller.openid;
  if (!openid) throw new AppError('UNAUTHENTICATED', '请先登录');
  const now = ctx.clock.now();
  const failures = ctx.store.collection('mailLookupFailures');
  const inWindow = { openid, at: { gte: new Date(now.getTime() - LOOKUP_WINDOW_MS).toISOString() } };
  const limited = async () => {
    const [oldest] = await failures.find(inWindow, { sort: { at: 1 }, limit: 1 });
    const retryMs = Date.parse(oldest?.at ?? now.toISOString()) + LOOKUP_WINDOW_MS - now.getTime();
    const minutes = Math.max(1, Math.ceil(retryMs / 60000));
    return new AppError('RATE_LIMITED', `回执码错误次数过多，请 ${minutes} 分钟后再试`, {
      retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)),
    });
  };
  if ((await failures.count(inWindow)) >= LOOKUP_MAX_FAILURES) throw await limited();

  const record = { _id: newId(), openid, at: now.toISOString() };
  await failures.insert(record);
  const used = await failures.count(inWindow);
  if (used > LOOKUP_MAX_FAILURES) {
    await failures.remove({ _id: record._id });
    throw await limited();
  }
  let failed = false;
  try {
    return await attempt(() => {
      failed = true;
      return LOOKUP_MAX_FAILURES - used;
    });
  } finally {
    if (!failed) await failures.remove({ _id: record._id });
  }
}
