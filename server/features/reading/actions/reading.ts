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
  readingIn,
  readingOfDay,
  readingSummary,
  readingView,
  streakFor,
} from '../records';
import { isDuplicate } from '../../../store/port';
import type { ReadingDoc } from '../collections';
import { pastDayChanged } from '../../settings';
import { branchOf } from '../../../../src/core/people/branch';
import { mayEdit, publishScope, readsScope, type Publisher } from '../../../../src/core/reading/scope';
import { branchCounts } from '../../people';

/** Secretaries and admins see readings published ahead; everyone else from their day on. */
export function seesAhead(ctx: Ctx): boolean {
  return hasAnyRole(ctx.caller.roles, ['secretary']);
}

async function today(ctx: Ctx) {
  const settings = await ctx.settings();
  const now = ctx.clock.now();
  return { settings, now, today: localDayKey(now, settings.timeZone) };
}

/** The caller as a reader and publisher of branch-scoped readings (core/reading/scope.ts). */
export function readerOf(ctx: Ctx): Publisher {
  return { roles: ctx.caller.roles, branch: branchOf(member(ctx)) };
}

/**
 * A reading the caller may see: one ahead of its day is as good as missing for staff, and so is
 * another branch's.
 */
export async function visibleReading(ctx: Ctx, readingId: string, todayKey: string): Promise<ReadingDoc> {
  const doc = await readingById(ctx, readingId);
  if (!doc || (doc.date > todayKey && !seesAhead(ctx)) || !readsScope(readerOf(ctx), doc.branch ?? null)) {
    throw new AppError('NOT_FOUND', '找不到该晨读');
  }
  return doc;
}

/**
 * Where a publish or a move goes: the scope rules, against the branches the roster names. In the
 * call, `branch: ''` names the unit.
 */
async function scopeFor(ctx: Ctx, named: string | undefined): Promise<string | null> {
  const publisher = readerOf(ctx);
  const asked = named === '' ? null : named;
  const needsList = typeof asked === 'string' || (asked === undefined && publisher.branch !== null);
  const known = needsList ? new Set((await branchCounts(ctx.store)).keys()) : new Set<string>();
  const scope = publishScope(publisher, asked, known);
  if (scope.ok) return scope.branch;
  if (scope.code === 'RULE') throw ruleError(scope.rule ?? 'branch', scope.message, { field: 'branch' });
  throw new AppError('FORBIDDEN', scope.message);
}

/** The collection of a reading of this scope. */
function readingsOf(ctx: Ctx, branch: string | null) {
  return ctx.store.collection(branch ? 'branchReadings' : 'readings');
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

async function dateTaken(ctx: Ctx, date: string, branch: string | null): Promise<AppError> {
  const existing = await readingIn(ctx.store, date, branch);
  return new AppError(
    'CONFLICT',
    `${branch ? `${branch}已于` : ''}${date} 发布晨读，请在列表中编辑`,
    existing ? { readingId: existing._id } : undefined,
  );
}

const auditKey = (date: string, branch: string | null) => (branch ? `reading:${branch}:${date}` : `reading:${date}`);

export async function readingPublish(
  input: ParsedInput<'reading.publish'>,
  ctx: Ctx,
): Promise<ActionOutput<'reading.publish'>> {
  const { now, today: todayKey } = await today(ctx);
  const branch = await scopeFor(ctx, input.branch);
  ctx.auditTarget(auditKey(input.date, branch));
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
  if (branch) doc.branch = branch;
  try {
    await readingsOf(ctx, branch).insert(doc);
  } catch (error) {
    if (isDuplicate(error)) throw await dateTaken(ctx, input.date, branch);
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
  const doc =
    (await ctx.store.collection('readings').get(input.readingId)) ??
    (await ctx.store.collection('branchReadings').get(input.readingId));
  if (!doc) throw new AppError('NOT_FOUND', '找不到该晨读');
  const from = doc.branch ?? null;
  ctx.auditTarget(auditKey(doc.date, from));
  if (!mayEdit(readerOf(ctx), from)) {
    throw new AppError(
      'FORBIDDEN',
      from ? `只有${from}的书记或管理员可以编辑这篇晨读` : '全单位的晨读由管理员或未分支部的书记编辑',
    );
  }
  const to = input.branch === undefined ? from : await scopeFor(ctx, input.branch);
  const set: Partial<ReadingDoc> = { updatedAt: now.toISOString(), updatedBy: member(ctx)._id };
  const moves = (input.date !== undefined && input.date !== doc.date) || to !== from;
  // Check-ins are filed under the reading's day and read by its branch: moving it would leave them
  // on a day, or with members, without it.
  if (moves && (await ctx.store.collection('checkins').count({ readingId: doc._id })) > 0) {
    const field = input.date !== undefined && input.date !== doc.date ? 'date' : 'branch';
    throw ruleError('hasCheckins', `已有同事为这篇晨读打卡，不能再修改${field === 'date' ? '日期' : '支部'}`, {
      field,
    });
  }
  if (input.date !== undefined && input.date !== doc.date) {
    if (input.date < todayKey) throw pastDate();
    set.date = input.date;
    set.month = input.date.slice(0, 7);
  }
  if (input.title !== undefined) set.title = input.title;
  if (input.body !== undefined) set.body = normalizeBody(input.body);
  if (input.source !== undefined) set.source = input.source;
  await checkTexts(ctx, { title: set.title, body: set.body, source: set.source });
  try {
    if (to === from) await readingsOf(ctx, from).update({ _id: doc._id }, { set });
    else await moveScope(ctx, { ...doc, ...set }, from, to);
  } catch (error) {
    if (isDuplicate(error)) throw await dateTaken(ctx, set.date ?? doc.date, to);
    throw error;
  }
  ctx.cache.forget('reading:');
  // A past day that loses its reading (for the unit or a branch) no longer ends anyone's streak.
  if ((set.date || to !== from) && doc.date < todayKey) {
    await pastDayChanged(ctx, doc.date, now, (await ctx.settings()).timeZone);
  }
  const { branch: _old, ...saved } = { ...doc, ...set };
  return { reading: readingView(to ? { ...saved, branch: to } : saved) };
}

/** Moves a reading to another scope's collection under the same id, in one transaction. */
async function moveScope(ctx: Ctx, doc: ReadingDoc, from: string | null, to: string | null): Promise<void> {
  const { branch: _old, ...rest } = doc;
  await ctx.store.transaction(async (tx) => {
    await tx.collection(from ? 'branchReadings' : 'readings').remove({ _id: doc._id });
    await tx.collection(to ? 'branchReadings' : 'readings').insert(to ? { ...rest, branch: to } : rest);
  });
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
    readingOfDay(ctx, todayKey, branchOf(me)),
    dayInfoShared(ctx, todayKey),
    streakFor(ctx, me, todayKey),
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
  const branch = branchOf(me);
  const admin = hasAnyRole(ctx.caller.roles, ['admin']);
  const [unit, branches, mine] = await Promise.all([
    ctx.store.collection('readings').find({ month: input.month }, { limit: 31 }),
    // An admin sees every branch's; anyone else the unit's and their own branch's.
    admin || branch
      ? findAll(ctx.store.collection('branchReadings'), admin ? { month: input.month } : { month: input.month, branch })
      : [],
    ctx.store.collection('checkins').find({ staffId: me._id, month: input.month }, { limit: 31 }),
  ]);
  const docs = [...unit, ...branches].sort(
    (a, b) => a.date.localeCompare(b.date) || (a.branch ?? '').localeCompare(b.branch ?? '', 'zh'),
  );
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
