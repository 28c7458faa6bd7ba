import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { AppError, ruleError } from '../../../../src/core/errors';
import { windowState } from '../../../../src/core/reading/rules';
import { mayEdit, publishScope, readsScope } from '../../../../src/core/reading/scope';
import { assertCleanText } from '../../../kernel/content';
import { newId } from '../../../kernel/ids';
import { member } from '../../../kernel/context';
import { isDuplicate } from '../../../store/port';
import { branchCounts } from '../../people';
import { pastDayChanged } from '../../settings';
import type { ReadingDoc } from '../collections';
import type { Ctx } from '../ctx';
import { readingIn, readingView } from '../records';
import { localToday, readerOf } from './reading';

/** Publishing and editing readings, for the unit or one branch (core/reading/scope.ts). */

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
    `${branch ? `${branch}已于 ${date} 发布晨读` : `${date} 已发布晨读`}，请在列表中编辑`,
    existing ? { readingId: existing._id } : undefined,
  );
}

/**
 * A branch's reading for today once today's window has opened on the unit's: its members may
 * already be reading the unit's or have checked in on it, and would find the day's reading changed
 * under them (and their check-in on another reading than their branch's).
 */
async function assertDayNotBegun(ctx: Ctx, date: string, branch: string | null): Promise<void> {
  const { settings, now, today } = await localToday(ctx);
  if (!branch || date !== today || windowState(now, settings) === 'before') return;
  if (!(await readingIn(ctx.store, date, null))) return;
  throw ruleError('dayBegun', '今天的晨读已经开始，本支部的晨读请从明天起发布', { field: 'date' });
}

const auditKey = (date: string, branch: string | null) => (branch ? `reading:${branch}:${date}` : `reading:${date}`);

export async function readingPublish(
  input: ParsedInput<'reading.publish'>,
  ctx: Ctx,
): Promise<ActionOutput<'reading.publish'>> {
  const { now, today: todayKey } = await localToday(ctx);
  const branch = await scopeFor(ctx, input.branch);
  ctx.auditTarget(auditKey(input.date, branch));
  if (input.date < todayKey) throw pastDate();
  await assertDayNotBegun(ctx, input.date, branch);
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
  const { now, today: todayKey } = await localToday(ctx);
  const doc =
    (await ctx.store.collection('readings').get(input.readingId)) ??
    (await ctx.store.collection('branchReadings').get(input.readingId));
  if (!doc) throw new AppError('NOT_FOUND', '找不到该晨读');
  const from = doc.branch ?? null;
  ctx.auditTarget(auditKey(doc.date, from));
  // Another branch's reading is not the caller's to know of (as reading.get says).
  if (!readsScope(readerOf(ctx), from)) throw new AppError('NOT_FOUND', '找不到该晨读');
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
  if (moves) await assertDayNotBegun(ctx, set.date ?? doc.date, to);
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
