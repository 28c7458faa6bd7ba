import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { AppError, ruleError } from '../../../../src/core/errors';
import { windowState } from '../../../../src/core/reading/rules';
import { hasAnyRole } from '../../../../src/core/roles';
import { localDayKey } from '../../../../src/core/time';
import { assertCleanText } from '../../../kernel/content';
import { findAll } from '../../../kernel/paging';
import { member } from '../../../kernel/context';
import type { Ctx } from '../ctx';
import { newId } from '../../../kernel/ids';
import { dayInfoShared } from '../days';
import {
  checkinOn,
  checkinView,
  markOf,
  readingById,
  readingOfDay,
  readingOn,
  readingSummary,
  readingView,
  streakFor,
} from '../records';
import { isDuplicate } from '../../../store/port';
import type { ReadingDoc } from '../collections';
import { pastDayChanged } from '../../settings';

/** Secretaries and admins see readings published ahead; everyone else from their day on. */
export function seesAhead(ctx: Ctx): boolean {
  return hasAnyRole(ctx.caller.roles, ['secretary']);
}

async function today(ctx: Ctx) {
  const settings = await ctx.settings();
  const now = ctx.clock.now();
  return { settings, now, today: localDayKey(now, settings.timeZone) };
}

/** A reading the caller may see; one ahead of its day is as good as missing for staff. */
async function visibleReading(ctx: Ctx, readingId: string, todayKey: string): Promise<ReadingDoc> {
  const doc = await readingById(ctx, readingId);
  if (!doc || (doc.date > todayKey && !seesAhead(ctx))) throw new AppError('NOT_FOUND', '找不到该晨读');
  return doc;
}

/** Line breaks of any platform become \n; paragraphs are kept as written. */
function normalizeBody(body: string): string {
  return body.replace(/\r\n?/g, '\n').trim();
}

async function checkTexts(ctx: Ctx, fields: { title?: string; body?: string; source?: string }): Promise<void> {
  await assertCleanText(ctx, 'title', fields.title);
  await assertCleanText(ctx, 'body', fields.body);
  await assertCleanText(ctx, 'source', fields.source);
}

function pastDate(): AppError {
  return ruleError('pastDate', '不能为已经过去的日期发布晨读', { field: 'date' });
}

async function dateTaken(ctx: Ctx, date: string): Promise<AppError> {
  const existing = await readingOn(ctx.store, date);
  return new AppError(
    'CONFLICT',
    `${date} 已发布晨读，请在列表中编辑`,
    existing ? { readingId: existing._id } : undefined,
  );
}

export async function readingPublish(
  input: ParsedInput<'reading.publish'>,
  ctx: Ctx,
): Promise<ActionOutput<'reading.publish'>> {
  const { now, today: todayKey } = await today(ctx);
  ctx.auditTarget(`reading:${input.date}`);
  if (input.date < todayKey) throw pastDate();
  const body = normalizeBody(input.body);
  await checkTexts(ctx, { title: input.title, body, source: input.source });
  const at = now.toISOString();
  const by = member(ctx)._id;
  const doc: ReadingDoc = {
    _id: newId(),
    date: input.date,
    month: input.date.slice(0, 7),
    title: input.title,
    body,
    source: input.source ?? '',
    publishedBy: by,
    publishedAt: at,
    updatedBy: by,
    updatedAt: at,
  };
  try {
    await ctx.store.collection('readings').insert(doc);
  } catch (error) {
    if (isDuplicate(error)) throw await dateTaken(ctx, input.date);
    throw error;
  }
  ctx.cache.forget('reading:');
  return { reading: readingView(doc) };
}

export async function readingUpdate(
  input: ParsedInput<'reading.update'>,
  ctx: Ctx,
): Promise<ActionOutput<'reading.update'>> {
  const { now, today: todayKey } = await today(ctx);
  const readings = ctx.store.collection('readings');
  const doc = await readings.get(input.readingId);
  if (!doc) throw new AppError('NOT_FOUND', '找不到该晨读');
  ctx.auditTarget(`reading:${doc.date}`);
  const set: Partial<ReadingDoc> = { updatedAt: now.toISOString(), updatedBy: member(ctx)._id };
  if (input.date !== undefined && input.date !== doc.date) {
    if (input.date < todayKey) throw pastDate();
    // Check-ins are filed under the reading's day: moving it would leave them on a day without it.
    if ((await ctx.store.collection('checkins').count({ readingId: doc._id })) > 0) {
      throw ruleError('hasCheckins', '已有同事为这篇晨读打卡，不能再修改日期', { field: 'date' });
    }
    set.date = input.date;
    set.month = input.date.slice(0, 7);
  }
  if (input.title !== undefined) set.title = input.title;
  if (input.body !== undefined) set.body = normalizeBody(input.body);
  if (input.source !== undefined) set.source = input.source;
  await checkTexts(ctx, { title: set.title, body: set.body, source: set.source });
  try {
    await readings.update({ _id: doc._id }, { set });
  } catch (error) {
    if (isDuplicate(error) && set.date) throw await dateTaken(ctx, set.date);
    throw error;
  }
  ctx.cache.forget('reading:');
  // A past day that loses its reading no longer ends anyone's streak.
  if (set.date && doc.date < todayKey) await pastDayChanged(ctx, doc.date, now, (await ctx.settings()).timeZone);
  return { reading: readingView({ ...doc, ...set }) };
}

export async function readingToday(
  _input: ParsedInput<'reading.today'>,
  ctx: Ctx,
): Promise<ActionOutput<'reading.today'>> {
  const { settings, now, today: todayKey } = await today(ctx);
  const me = member(ctx);
  // The reading, the day and the settings are the container's (kernel/cache.ts); what is the
  // member's own takes two reads: the recent check-ins (today's and the month's among them), the open.
  const [reading, day, recent] = await Promise.all([
    readingOfDay(ctx, todayKey),
    dayInfoShared(ctx, todayKey),
    streakFor(ctx, me._id, todayKey),
  ]);
  const { streak, todays: checkin } = recent;
  const count = recent.month.checkins;
  const used = recent.month.makeups;
  const opened = reading ? await ctx.store.collection('readingOpens').get(openId(reading._id, me._id)) : null;
  const answer: ActionOutput<'reading.today'> = {
    date: todayKey,
    now: now.toISOString(),
    workday: day.workday,
    window: { start: settings.readingWindowStart, end: settings.readingWindowEnd, state: windowState(now, settings) },
    minReadingSeconds: settings.minReadingSeconds,
    reading: reading ? readingView(reading) : null,
    openedAt: opened?.openedAt ?? null,
    checkin: checkin ? checkinView(checkin) : null,
    streak,
    monthCount: count,
    makeupsLeft: Math.max(0, settings.makeupsPerMonth - used),
  };
  if (day.note) answer.calendarNote = day.note;
  return answer;
}

export async function readingGet(input: ParsedInput<'reading.get'>, ctx: Ctx): Promise<ActionOutput<'reading.get'>> {
  const { today: todayKey } = await today(ctx);
  const doc = await visibleReading(ctx, input.readingId, todayKey);
  const me = member(ctx);
  const [opened, checkin] = await Promise.all([
    ctx.store.collection('readingOpens').get(openId(doc._id, me._id)),
    checkinOn(ctx.store, me._id, doc.date),
  ]);
  return {
    reading: readingView(doc),
    openedAt: opened?.openedAt ?? null,
    checkin: checkin ? checkinView(checkin) : null,
  };
}

export async function readingList(input: ParsedInput<'reading.list'>, ctx: Ctx): Promise<ActionOutput<'reading.list'>> {
  const { today: todayKey } = await today(ctx);
  const me = member(ctx);
  const ahead = seesAhead(ctx);
  const [docs, mine] = await Promise.all([
    ctx.store.collection('readings').find({ month: input.month }, { sort: { date: 1 }, limit: 31 }),
    ctx.store.collection('checkins').find({ staffId: me._id, month: input.month }, { limit: 31 }),
  ]);
  const marks = new Map(mine.map((c) => [c.date, markOf(c)]));
  let counts: Map<string, number> | null = null;
  if (ahead) {
    counts = new Map();
    // A few shards per department and day (counters.ts): a unit of 50 departments passes 1,000 in a month.
    const days = await findAll(ctx.store.collection('checkinDays'), { month: input.month });
    for (const d of days) counts.set(d.date, (counts.get(d.date) ?? 0) + d.checkins);
  }
  const items = docs
    .filter((d) => ahead || d.date <= todayKey)
    .map((d) => readingSummary(d, marks.get(d.date) ?? null, counts ? (counts.get(d.date) ?? 0) : undefined));
  return { month: input.month, items };
}

export function openId(readingId: string, staffId: string): string {
  return `${readingId}:${staffId}`;
}

export async function readingOpen(input: ParsedInput<'reading.open'>, ctx: Ctx): Promise<ActionOutput<'reading.open'>> {
  const { settings, now, today: todayKey } = await today(ctx);
  const doc = await visibleReading(ctx, input.readingId, todayKey);
  if (doc.date > todayKey) throw ruleError('readingDate', '这篇晨读还未到发布日期，暂不计时');
  const me = member(ctx);
  const opens = ctx.store.collection('readingOpens');
  const fresh = { _id: openId(doc._id, me._id), readingId: doc._id, staffId: me._id, openedAt: now.toISOString() };
  let openedAt = fresh.openedAt;
  let already = false;
  try {
    await opens.insert(fresh);
  } catch (error) {
    if (!isDuplicate(error)) throw error;
    const existing = await opens.get(fresh._id);
    if (!existing) throw error;
    openedAt = existing.openedAt;
    already = true;
  }
  const readyAt = new Date(Date.parse(openedAt) + settings.minReadingSeconds * 1000).toISOString();
  return { openedAt, now: now.toISOString(), readyAt, ...(already ? { already } : {}) };
}
