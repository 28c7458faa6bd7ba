import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import type { AttendanceRow } from '../../../../src/core/volunteer/contract';
import { AppError, ruleError } from '../../../../src/core/errors';
import {
  codePayload,
  codeWindow,
  computeHours,
  SIGNOUT_CLOSES_AFTER_MS,
  signInOpen,
  signOutOpen,
  windowEndsAt,
} from '../../../../src/core/volunteer/rules';
import { member } from '../../../kernel/context';
import type { Ctx } from '../ctx';
import { newId } from '../../../kernel/ids';
import { allEntries, liveEntry, waitlistPositions } from '../../signup';
import { MAX_LIMIT } from '../../../store/port';
import type { SignupEntryDoc } from '../../signup';
import type { StaffDoc } from '../../../kernel/member';
import type { VolunteerEventDoc, VolunteerRecordDoc } from '../collections';
import { codeFor, isCodeAccepted } from '../code';
import { assertNotCancelled, loadEvent, oneView, recordIdOf } from '../events';
import { attendanceRow, ensureRecord, newRecord } from '../records';

/** Wrong codes a person may enter within the window below before being slowed down. */
export const CODE_MAX_FAILURES = 10;
export const CODE_FAILURE_WINDOW_MS = 10 * 60 * 1000;

export async function volunteerCode(
  input: ParsedInput<'volunteer.code'>,
  ctx: Ctx,
): Promise<ActionOutput<'volunteer.code'>> {
  const now = ctx.clock.now();
  const doc = await loadEvent(ctx, input.eventId);
  assertNotCancelled(doc);
  if (now.getTime() >= Date.parse(doc.endAt) + SIGNOUT_CLOSES_AFTER_MS)
    throw ruleError('codeClosed', '活动已结束，现场签到已关闭');
  const window = codeWindow(now);
  const code = codeFor(doc.secret, doc._id, window);
  const validUntil = windowEndsAt(window);
  return {
    code,
    payload: codePayload(doc._id, code),
    validUntil: validUntil.toISOString(),
    refreshInMs: validUntil.getTime() - now.getTime(),
  };
}

/** Everything a scan must pass, in an order that reveals nothing about the code to the wrong person. */
async function checkScan(
  ctx: Ctx,
  doc: VolunteerEventDoc,
  code: string,
  open: boolean,
  closedMessage: string,
): Promise<void> {
  const me = member(ctx);
  const now = ctx.clock.now();
  assertNotCancelled(doc);
  const entry = await liveEntry(ctx.store, doc.slotId, me._id);
  if (entry?.status !== 'confirmed') throw ruleError('notConfirmed', '您未报名成功此活动，不能签到签退');
  if (!open) throw ruleError('signinWindow', closedMessage);
  const failures = ctx.store.collection('volunteerCodeFailures');
  const since = new Date(now.getTime() - CODE_FAILURE_WINDOW_MS).toISOString();
  if ((await failures.count({ staffId: me._id, at: { gte: since } })) >= CODE_MAX_FAILURES) {
    throw new AppError('RATE_LIMITED', '签到码错误次数过多，请 10 分钟后再试');
  }
  if (!isCodeAccepted(doc.secret, doc._id, code, now)) {
    await failures.insert({ _id: newId(), staffId: me._id, at: now.toISOString() });
    throw ruleError('code', '签到码错误或已过期，请扫描现场最新的二维码');
  }
}

async function myRecord(ctx: Ctx, doc: VolunteerEventDoc): Promise<VolunteerRecordDoc> {
  const settings = await ctx.settings();
  return ensureRecord(ctx.store, newRecord(doc, member(ctx), settings, ctx.clock.now()));
}

export async function volunteerSignin(
  input: ParsedInput<'volunteer.signin'>,
  ctx: Ctx,
): Promise<ActionOutput<'volunteer.signin'>> {
  const now = ctx.clock.now();
  const doc = await loadEvent(ctx, input.eventId);
  const message = now.getTime() < Date.parse(doc.endAt) ? '签到将在活动开始前 1 小时开放' : '活动已结束，不能再签到';
  await checkScan(ctx, doc, input.code, signInOpen(doc, now), message);
  const record = await myRecord(ctx, doc);
  if (record.signInAt) return { signInAt: record.signInAt, already: true };
  const signInAt = now.toISOString();
  // Only the first scan writes: a repeat (or a concurrent double scan) finds signInAt set and changes nothing.
  const written = await ctx.store
    .collection('volunteerRecords')
    .update({ _id: record._id, signInAt: null }, { set: { signInAt, updatedAt: signInAt } });
  if (written === 1) return { signInAt };
  const again = await ctx.store.collection('volunteerRecords').get(record._id);
  return { signInAt: again?.signInAt ?? signInAt, already: true };
}

export async function volunteerSignout(
  input: ParsedInput<'volunteer.signout'>,
  ctx: Ctx,
): Promise<ActionOutput<'volunteer.signout'>> {
  const now = ctx.clock.now();
  const doc = await loadEvent(ctx, input.eventId);
  await checkScan(ctx, doc, input.code, signOutOpen(doc, now), '签退时间已过，请联系组织者确认时长');
  const record = await ctx.store.collection('volunteerRecords').get(recordIdOf(doc._id, member(ctx)._id));
  if (!record?.signInAt) throw ruleError('notSignedIn', '请先签到，再签退');
  const answer = (r: VolunteerRecordDoc, already: boolean) => ({
    signInAt: r.signInAt ?? '',
    signOutAt: r.signOutAt ?? '',
    computedHours: computeHours(r.signInAt, r.signOutAt, doc.plannedHours),
    ...(already ? { already: true } : {}),
  });
  if (record.signOutAt) return answer(record, true);
  const signOutAt = now.toISOString();
  const written = await ctx.store
    .collection('volunteerRecords')
    .update({ _id: record._id, signOutAt: null }, { set: { signOutAt, updatedAt: signOutAt } });
  if (written === 1) return answer({ ...record, signOutAt }, false);
  return answer((await ctx.store.collection('volunteerRecords').get(record._id)) ?? record, true);
}

/** Staff documents by id, in pages of the port's limit. */
export async function staffByIds(ctx: Ctx, ids: readonly string[]): Promise<Map<string, StaffDoc>> {
  const out = new Map<string, StaffDoc>();
  for (let i = 0; i < ids.length; i += MAX_LIMIT) {
    const page = await ctx.store
      .collection('staff')
      .find({ _id: { in: ids.slice(i, i + MAX_LIMIT) } }, { limit: MAX_LIMIT });
    for (const s of page) out.set(s._id, s);
  }
  return out;
}

export async function eventRecords(ctx: Ctx, eventId: string): Promise<Map<string, VolunteerRecordDoc>> {
  const out = new Map<string, VolunteerRecordDoc>();
  for (let skip = 0; ; skip += MAX_LIMIT) {
    const page = await ctx.store
      .collection('volunteerRecords')
      .find({ eventId }, { sort: { _id: 1 }, skip, limit: MAX_LIMIT });
    for (const r of page) out.set(r.staffId, r);
    if (page.length < MAX_LIMIT) return out;
  }
}

const ORDER: Record<AttendanceRow['status'], number> = { confirmed: 0, waitlisted: 1, cancelled: 2 };

/** Each person once: the live entry if any, else the latest cancelled one. */
function onePerPerson(entries: readonly SignupEntryDoc[]): SignupEntryDoc[] {
  const byHolder = new Map<string, SignupEntryDoc>();
  for (const e of [...entries].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const seen = byHolder.get(e.holderId);
    if (!seen || seen.status === 'cancelled') byHolder.set(e.holderId, e);
  }
  return [...byHolder.values()];
}

export async function volunteerAttendance(
  input: ParsedInput<'volunteer.attendance'>,
  ctx: Ctx,
): Promise<ActionOutput<'volunteer.attendance'>> {
  const doc = await loadEvent(ctx, input.eventId);
  const entries = await allEntries(ctx.store, doc.slotId);
  const positions = waitlistPositions(entries);
  const people = onePerPerson(entries);
  const [staff, records] = await Promise.all([
    staffByIds(
      ctx,
      people.map((e) => e.holderId),
    ),
    eventRecords(ctx, doc._id),
  ]);
  const rows = people
    .map((e) =>
      attendanceRow(e, staff.get(e.holderId), records.get(e.holderId), doc.plannedHours, positions.get(e._id)),
    )
    .sort(
      (a, b) =>
        ORDER[a.status] - ORDER[b.status] ||
        (a.position ?? 0) - (b.position ?? 0) ||
        a.staffNo.localeCompare(b.staffNo),
    );
  return { event: await oneView(ctx, doc, member(ctx)._id), rows };
}
