import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { baseWorkday } from '../../../../src/core/workdays';
import { member } from '../../../kernel/context';
import { assertCleanText } from '../../../kernel/content';
import { calendarDay, readCalendarMonth } from '../calendar-days';
import type { CalendarDoc } from '../collections';
import type { Ctx } from '../ctx';
import { officialDay, officialYearKnown } from '../official';
import { pastDayChanged } from '../revision';

export async function calendarSet(input: ParsedInput<'calendar.set'>, ctx: Ctx): Promise<ActionOutput<'calendar.set'>> {
  // Every member sees the note on the calendar, so it is checked like any text staff write.
  await assertCleanText(ctx, 'note', input.note);
  ctx.auditTarget(`date:${input.date}`);
  ctx.cache.forget('calendar:');
  const day = await writeDay(input, ctx);
  // After the write: a streak counted in between must not carry the new revision.
  await pastDayChanged(ctx, input.date, ctx.clock.now(), (await ctx.settings()).timeZone);
  return day;
}

async function writeDay(input: ParsedInput<'calendar.set'>, ctx: Ctx): Promise<ActionOutput<'calendar.set'>> {
  // A day set to what the official schedule (or Monday–Friday) already says, without a note, needs
  // no entry: it then follows the schedule, and a later correction of the schedule reaches it.
  if (input.workday === baseWorkday(input.date, officialDay(input.date)) && !input.note) {
    await ctx.store.collection('calendar').remove({ _id: input.date });
    return calendarDay(input.date, undefined);
  }
  const doc: CalendarDoc = {
    _id: input.date,
    date: input.date,
    month: input.date.slice(0, 7),
    workday: input.workday,
    ...(input.note ? { note: input.note } : {}),
    updatedAt: ctx.clock.now().toISOString(),
    updatedBy: member(ctx)._id,
  };
  // Replace whole, so that a note cleared by the admin does not linger.
  await ctx.store.transaction(async (tx) => {
    await tx.collection('calendar').remove({ _id: doc._id });
    await tx.collection('calendar').insert(doc);
  });
  return calendarDay(input.date, doc);
}

/** Drops the unit's entry: the day returns to the official schedule (or Monday–Friday). Idempotent. */
export async function calendarClear(
  input: ParsedInput<'calendar.clear'>,
  ctx: Ctx,
): Promise<ActionOutput<'calendar.clear'>> {
  ctx.auditTarget(`date:${input.date}`);
  ctx.cache.forget('calendar:');
  await ctx.store.collection('calendar').remove({ _id: input.date });
  await pastDayChanged(ctx, input.date, ctx.clock.now(), (await ctx.settings()).timeZone);
  return calendarDay(input.date, undefined);
}

export async function calendarMonth(
  input: ParsedInput<'calendar.month'>,
  ctx: Ctx,
): Promise<ActionOutput<'calendar.month'>> {
  return {
    month: input.month,
    days: await readCalendarMonth(ctx.store, input.month),
    officialKnown: officialYearKnown(Number(input.month.slice(0, 4))),
  };
}
