import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { AppError } from '../../../../src/core/errors';
import { DEFAULT_SETTINGS, type Settings, windowProblem } from '../../../../src/core/settings/schema';
import type { Ctx } from '../ctx';
import { isDuplicate } from '../../../store/port';
import { pastDayChanged } from '../revision';

export async function settingsGet(
  _input: ParsedInput<'settings.get'>,
  ctx: Ctx,
): Promise<ActionOutput<'settings.get'>> {
  return ctx.settings();
}

export async function settingsUpdate(
  input: ParsedInput<'settings.update'>,
  ctx: Ctx,
): Promise<ActionOutput<'settings.update'>> {
  const next: Settings = { ...(await ctx.settings()), ...stripUndefined(input) };
  const problem = windowProblem(next);
  if (problem) {
    throw new AppError('INVALID_INPUT', problem, { fields: [{ field: 'readingWindowEnd', message: problem }] });
  }
  const settings = ctx.store.collection('settings');
  const updatedAt = ctx.clock.now().toISOString();
  const matched = await settings.update({ _id: 'unit' }, { set: { ...next, updatedAt } });
  if (matched === 0) {
    try {
      await settings.insert({ _id: 'unit', ...DEFAULT_SETTINGS, ...next, updatedAt });
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      await settings.update({ _id: 'unit' }, { set: { ...next, updatedAt } });
    }
  }
  ctx.cache.forget('settings');
  // Another time zone cuts every past day differently.
  if (next.timeZone !== (await ctx.settings()).timeZone)
    await pastDayChanged(ctx, null, ctx.clock.now(), next.timeZone);
  ctx.auditTarget(`settings:${Object.keys(stripUndefined(input)).join(',')}`);
  return next;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
