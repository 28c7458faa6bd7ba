import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { AppError, ruleError } from '../../../../src/core/errors';
import { makeupDateProblem, readingSecondsLeft, windowState } from '../../../../src/core/reading/rules';
import type { Settings } from '../../../../src/core/settings/schema';
import { localDayKey } from '../../../../src/core/time';
import { assertCleanText } from '../../../kernel/content';
import { member } from '../../../kernel/context';
import { branchOf } from '../../../../src/core/people/branch';
import type { Ctx } from '../ctx';
import { newId } from '../../../kernel/ids';
import { recordCheckin } from '../counters';
import { dayInfo, dayInfoShared } from '../days';
import {
  checkinOn,
  checkinView,
  makeupsUsed,
  monthCount,
  readingById,
  readingOfDay,
  readingOn,
  streakFor,
} from '../records';
import { isDuplicate } from '../../../store/port';
import type { CheckinDoc } from '../collections';
import type { StaffDoc } from '../../../kernel/member';
import { openId, readerOf, seesAhead } from './reading';
import { readsScope } from '../../../../src/core/reading/scope';

/** Check-in and make-up (DESIGN.md §5): every rule is checked on the server's clock. */

function windowText(s: Settings): string {
  return `${s.readingWindowStart}–${s.readingWindowEnd}`;
}

function newCheckin(staff: StaffDoc, date: string, readingId: string, at: Date, minutes: number): CheckinDoc {
  const branch = branchOf(staff);
  return {
    _id: newId(),
    staffId: staff._id,
    staffNo: staff.staffNo,
    department: staff.department,
    ...(branch ? { branch } : {}),
    date,
    month: date.slice(0, 7),
    year: Number(date.slice(0, 4)),
    readingId,
    at: at.toISOString(),
    makeup: false,
    minutes,
  };
}

async function outcome(ctx: Ctx, doc: CheckinDoc, today: string, already: boolean) {
  const [{ streak }, count] = await Promise.all([
    streakFor(ctx, member(ctx), today),
    monthCount(ctx.store, doc.staffId, doc.month),
  ]);
  return { checkin: checkinView(doc), streak, monthCount: count, ...(already ? { already: true } : {}) };
}

/**
 * Inserts the check-in; when the store says the day is taken (a repeat, possibly sent at the same
 * moment), answers with the record that won.
 */
async function insertOnce(
  ctx: Ctx,
  doc: CheckinDoc,
  staff: StaffDoc,
): Promise<{ doc: CheckinDoc; already: boolean } | null> {
  try {
    await recordCheckin(ctx.store, doc, staff.name);
    return { doc, already: false };
  } catch (error) {
    if (!isDuplicate(error)) throw error;
    const winner = await checkinOn(ctx.store, staff._id, doc.date);
    return winner ? { doc: winner, already: true } : null;
  }
}

export async function checkinSubmit(
  input: ParsedInput<'checkin.submit'>,
  ctx: Ctx,
): Promise<ActionOutput<'checkin.submit'>> {
  const settings = await ctx.settings();
  const me = member(ctx);
  const note = input.note?.trim() || undefined;
  if (note && note.length > settings.noteMaxLength) {
    const message = `心得最多 ${settings.noteMaxLength} 个字`;
    throw new AppError('INVALID_INPUT', message, { fields: [{ field: 'note', message }] });
  }
  const now = ctx.clock.now();
  const today = localDayKey(now, settings.timeZone);
  const reading = await readingById(ctx, input.readingId);
  if (!reading || (reading.date > today && !seesAhead(ctx)) || !readsScope(readerOf(ctx), reading.branch ?? null)) {
    throw new AppError('NOT_FOUND', '找不到该晨读');
  }
  if (reading.date !== today) {
    throw ruleError(
      'readingDate',
      reading.date < today
        ? '这是往日的晨读，只能为今日的晨读打卡；漏打的工作日可以补卡'
        : '这篇晨读还未到日期，不能打卡',
    );
  }
  // The day's reading is one per member: their branch's when it has one, so that each reading's
  // count of check-ins (and its branch's figures) says who read it.
  const todays = await readingOfDay(ctx, today, branchOf(me));
  if (todays && todays._id !== reading._id) {
    throw ruleError(
      'otherReading',
      `今天${todays.branch ? `${todays.branch}有本支部的晨读` : '有其他晨读'}，请阅读后打卡`,
    );
  }

  // One read of the member's recent check-ins tells a repeat (harmless at any hour: it answers with
  // the record, before any rule could refuse) and gives the streak and the month's count. The streak
  // counts today as checked: true for a repeat, and true once this check-in is written.
  const recent = await streakFor(ctx, me, today, today);
  if (recent.todays) return { ...answer(recent.todays, recent.streak, recent.month.checkins), already: true };

  if (!(await dayInfoShared(ctx, today)).workday) throw ruleError('workday', '今天不是工作日，无需打卡');
  const window = windowState(now, settings);
  if (window === 'before') throw ruleError('window', `晨读打卡时段为 ${windowText(settings)}，尚未开始`);
  if (window === 'after') {
    throw ruleError('window', `今日打卡时段（${windowText(settings)}）已结束，可以补卡`);
  }
  const opened = await ctx.store.collection('readingOpens').get(openId(reading._id, me._id));
  if (!opened) throw ruleError('notOpened', '请先阅读今日晨读，再打卡');
  const left = readingSecondsLeft(new Date(opened.openedAt), now, settings.minReadingSeconds);
  if (left > 0) throw ruleError('minReading', `请再阅读 ${left} 秒后打卡`, { secondsLeft: left });
  await assertCleanText(ctx, 'note', note);

  const doc = newCheckin(me, today, reading._id, now, settings.studyMinutesPerCheckin);
  if (note) doc.note = note;
  doc.run = recent.streak;
  doc.runRevision = recent.revision;
  const saved = await insertOnce(ctx, doc, me);
  if (!saved) throw new AppError('CONFLICT', '打卡未能保存，请重试');
  if (saved.already) return outcome(ctx, saved.doc, today, true);
  return answer(saved.doc, recent.streak, recent.month.checkins + 1);
}

function answer(doc: CheckinDoc, streak: number, monthCount: number): ActionOutput<'checkin.submit'> {
  return { checkin: checkinView(doc), streak, monthCount };
}

export async function checkinMakeup(
  input: ParsedInput<'checkin.makeup'>,
  ctx: Ctx,
): Promise<ActionOutput<'checkin.makeup'>> {
  const settings = await ctx.settings();
  const me = member(ctx);
  const now = ctx.clock.now();
  const today = localDayKey(now, settings.timeZone);
  const month = input.date.slice(0, 7);
  const quota = settings.makeupsPerMonth;
  const answer = async (doc: CheckinDoc, already: boolean) => ({
    ...(await outcome(ctx, doc, today, already)),
    makeupsLeft: Math.max(0, quota - (await makeupsUsed(ctx.store, me._id, month))),
  });

  // As with check-ins, a repeat answers with the record whatever the day has become since.
  const existing = await checkinOn(ctx.store, me._id, input.date);
  if (existing) return answer(existing, true);
  const problem = makeupDateProblem(input.date, today, windowState(now, settings), settings.makeupDaysBack);
  if (problem) throw ruleError(problem.rule, problem.message, { field: 'date' });
  if (!(await dayInfo(ctx.store, input.date)).workday) {
    throw ruleError('workday', '该日不是工作日，无需补卡', { field: 'date' });
  }
  const reading = await readingOn(ctx.store, input.date, branchOf(me));
  if (!reading) throw ruleError('noReading', '该日没有发布晨读，无需补卡', { field: 'date' });
  await assertCleanText(ctx, 'reason', input.reason);

  // Each make-up takes a numbered slot of its month, unique in the store: two sent at once for
  // different days cannot both take the last one. A lost race counts again and takes the next.
  for (let attempt = 0; attempt <= quota + 2; attempt++) {
    const used = await makeupsUsed(ctx.store, me._id, month);
    if (used >= quota) {
      throw ruleError('makeupQuota', quota === 0 ? '本单位未开放补卡' : `本月补卡次数已用完（每月 ${quota} 次）`);
    }
    const doc = newCheckin(me, input.date, reading._id, now, settings.studyMinutesPerCheckin);
    doc.makeup = true;
    doc.makeupSlot = `${me._id}:${month}:${used + 1}`;
    doc.reason = input.reason;
    doc.runRevision = -1;
    const saved = await insertOnce(ctx, doc, me);
    if (!saved) continue;
    // The runs stored on the member's later check-ins may now join across the filled day.
    if (!saved.already) {
      await ctx.store
        .collection('checkins')
        .update({ staffId: me._id, date: { gt: input.date } }, { set: { runRevision: -1 } });
    }
    return answer(saved.doc, saved.already);
  }
  throw new AppError('CONFLICT', '补卡未能保存，请稍后重试');
}
