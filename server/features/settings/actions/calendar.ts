import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import type { CalendarDay } from '../../../../src/core/settings/views';
import { daysOfMonth } from '../../../../src/core/time';
import { defaultWorkday, isWorkday } from '../../../../src/core/workdays';
import { member } from '../../../kernel/context';
import { assertCleanText } from '../../../kernel/content';
import type { CalendarDoc } from '../collections';
import type { Ctx } from '../ctx';

function toDay(date: string, doc: CalendarDoc | undefined): CalendarDay {
  const day: CalendarDay = { date, workday: isWorkday(date, doc), override: doc !== undefined };
  if (doc?.note) day.note = doc.note;
  return day;
}

export async function calendarSet(input: ParsedInput<'calendar.set'>, ctx: Ctx): Promise<ActionOutput<'calendar.set'>> {
  // Every member sees the note on the calendar, so it is checked like any text staff write.
  await assertCleanText(ctx, 'note', input.note);
  ctx.auditTarget(`date:${input.date}`);
  ctx.cache.forget('calendar:');
  // A day set back to its Monday–Friday default without a note needs no override at all.
  if (input.workday === defaultWorkday(input.date) && !input.note) {
    await ctx.store.collection('calendar').remove({ _id: input.date });
    return toDay(input.date, undefined);
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
  return toDay(input.date, doc);
}

export async function calendarMonth(
  input: ParsedInput<'calendar.month'>,
  ctx: Ctx,
): Promise<ActionOutput<'calendar.month'>> {
  const overrides = await ctx.store.collection('calendar').find({ month: input.month }, { limit: 31 });
  const byDate = new Map(overrides.map((d) => [d.date, d]));
  return { month: input.month, days: daysOfMonth(input.month).map((date) => toDay(date, byDate.get(date))) };
}
