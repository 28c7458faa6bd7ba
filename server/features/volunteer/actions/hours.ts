import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { AppError, ruleError } from '../../../../src/core/errors';
import { hasAnyRole } from '../../../../src/core/roles';
import { localDayKey } from '../../../../src/core/time';
import type { VolunteerStanding } from '../../../../src/core/volunteer/contract';
import { computeHours, formatHours, localYear, needsNote } from '../../../../src/core/volunteer/rules';
import { starLevel } from '../../../../src/core/volunteer/stars';
import { assertCleanText } from '../../../kernel/content';
import { member } from '../../../kernel/context';
import { findAll } from '../../../kernel/paging';
import type { Ctx } from '../ctx';
import { allEntries } from '../../signup';
import type { StaffDoc } from '../../../kernel/member';
import { assertNotCancelled, loadEvent } from '../events';
import { attendanceRow, confirmHours, newRecord, recordView } from '../records';
import { eventRecords, staffByIds } from './onsite';

/**
 * Confirms hours for several people at once. Every row is checked before anything is written, so a
 * batch with one bad row changes nothing; then each person's record and yearly total move together.
 */
export async function volunteerConfirm(
  input: ParsedInput<'volunteer.confirm'>,
  ctx: Ctx,
): Promise<ActionOutput<'volunteer.confirm'>> {
  const now = ctx.clock.now();
  const me = member(ctx);
  const doc = await loadEvent(ctx, input.eventId);
  ctx.auditTarget(`volunteerEvent:${doc._id}`);
  assertNotCancelled(doc);
  // Nobody confirms their own hours, admins included: another organizer or an admin does (67号令).
  if (input.entries.some((e) => e.staffId === me._id)) {
    throw ruleError('selfConfirm', '不能确认自己的服务时长，请由其他组织者或管理员确认', { staffId: me._id });
  }
  // Hours are what was served: they are confirmed once the event has ended, never while it runs.
  if (now.getTime() < Date.parse(doc.endAt)) throw ruleError('notEnded', '活动结束后才能确认服务时长');
  const confirmed = new Map(
    (await allEntries(ctx.store, doc.slotId)).filter((e) => e.status === 'confirmed').map((e) => [e.holderId, e]),
  );
  const [staff, records] = await Promise.all([
    staffByIds(
      ctx,
      input.entries.map((e) => e.staffId),
    ),
    eventRecords(ctx, doc._id),
  ]);
  const settings = await ctx.settings();
  const plan: { person: StaffDoc; hours: number; note: string | null }[] = [];
  for (const row of input.entries) {
    const person = staff.get(row.staffId);
    if (!person || !confirmed.has(row.staffId)) {
      throw ruleError('notParticipant', `${person?.name ?? '该人员'}未报名成功此活动，不能确认时长`, {
        staffId: row.staffId,
      });
    }
    if (row.hours > doc.plannedHours) {
      throw ruleError('hoursAbovePlanned', `${person.name}的时长超过了计划时长 ${formatHours(doc.plannedHours)}`, {
        staffId: row.staffId,
      });
    }
    const record = records.get(row.staffId);
    const computed = computeHours(record?.signInAt ?? null, record?.signOutAt ?? null, doc.plannedHours);
    const note = row.note ? row.note : null;
    if (needsNote(computed, row.hours) && !note) {
      const why = computed === null ? '没有完整的签到签退记录' : `与签到签退计算的 ${formatHours(computed)}不同`;
      throw ruleError('noteRequired', `${person.name}的时长${why}，请填写备注说明`, { staffId: row.staffId });
    }
    await assertCleanText(ctx, 'note', note ?? undefined);
    plan.push({ person, hours: row.hours, note });
  }
  let changed = 0;
  const updated = new Map(records);
  for (const p of plan) {
    const fresh = newRecord(doc, p.person, settings, now);
    const existing = records.get(p.person._id);
    const base = existing
      ? { ...fresh, signInAt: existing.signInAt, signOutAt: existing.signOutAt, createdAt: existing.createdAt }
      : fresh;
    const out = await confirmHours(ctx.store, { record: base, hours: p.hours, note: p.note, confirmer: me }, now);
    if (out.changed) changed++;
    updated.set(p.person._id, out.record);
  }
  const rows = plan.map((p) =>
    attendanceRow(confirmed.get(p.person._id)!, p.person, updated.get(p.person._id), doc.plannedHours),
  );
  return { rows, changed, ...(changed === 0 ? { already: true } : {}) };
}

function personOf(s: StaffDoc) {
  return { id: s._id, name: s.name, staffNo: s.staffNo, department: s.department };
}

export async function volunteerRecords(
  input: ParsedInput<'volunteer.records'>,
  ctx: Ctx,
): Promise<ActionOutput<'volunteer.records'>> {
  const me = member(ctx);
  const { timeZone } = await ctx.settings();
  const year = input.year ?? localYear(ctx.clock.now().toISOString(), timeZone);
  const staffId = input.staffId ?? me._id;
  if (staffId !== me._id && !hasAnyRole(ctx.caller.roles, ['organizer'])) {
    throw new AppError('FORBIDDEN', '只能查看自己的志愿服务记录');
  }
  const person = staffId === me._id ? me : await ctx.store.collection('staff').get(staffId);
  if (!person) throw new AppError('NOT_FOUND', '找不到该人员');
  const [docs, counter, standing] = await Promise.all([
    ctx.store.collection('volunteerRecords').find({ staffId, year }, { sort: { startAt: -1 }, limit: 1000 }),
    ctx.store.collection('volunteerHours').get(`${staffId}:${year}`),
    standingOf(ctx, staffId),
  ]);
  return {
    year,
    person: personOf(person),
    totalHours: counter?.hours ?? 0,
    ...standing,
    items: docs.map(recordView),
  };
}

/** Stars from the per-year hour counters: one document per year served, never the records. */
async function standingOf(ctx: Ctx, staffId: string): Promise<VolunteerStanding> {
  const years = await findAll(ctx.store.collection('volunteerHours'), { staffId });
  const cumulativeHours = years.reduce((sum, y) => sum + y.hours, 0);
  return { cumulativeHours, ...starLevel(cumulativeHours) };
}

export async function volunteerCertificate(
  input: ParsedInput<'volunteer.certificate'>,
  ctx: Ctx,
): Promise<ActionOutput<'volunteer.certificate'>> {
  const me = member(ctx);
  const settings = await ctx.settings();
  const [docs, counter, standing] = await Promise.all([
    ctx.store
      .collection('volunteerRecords')
      .find({ staffId: me._id, year: input.year }, { sort: { startAt: 1 }, limit: 1000 }),
    ctx.store.collection('volunteerHours').get(`${me._id}:${input.year}`),
    standingOf(ctx, me._id),
  ]);
  const items = docs
    .filter((r) => r.hours !== null && r.hours > 0)
    .map((r) => ({ title: r.eventTitle, date: r.eventDate, place: r.place, team: r.team, hours: r.hours ?? 0 }));
  return {
    year: input.year,
    person: personOf(me),
    unitName: settings.unitName,
    items,
    totalHours: counter?.hours ?? 0,
    ...standing,
    issuedOn: localDayKey(ctx.clock.now(), settings.timeZone),
  };
}
