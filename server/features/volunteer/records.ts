import type { AttendanceRow, VolunteerRecordView } from '../../../src/core/volunteer/contract';
import { localDayKey } from '../../../src/core/time';
import { computeHours, formatHours, volunteerEventLink } from '../../../src/core/volunteer/rules';
import type { VolunteerStore } from './ctx';
import { notify } from '../inbox';
import { isDuplicate } from '../../store/port';
import type { SignupEntryDoc } from '../signup';
import type { StaffDoc } from '../../kernel/member';
import { bump } from '../../kernel/counters';
import type { VolunteerEventDoc, VolunteerHoursDoc, VolunteerRecordDoc } from './collections';
import { recordIdOf } from './events';

/** A new record: who, what, where, when (民政部令第67号), with no times and no hours yet. */
export function newRecord(
  event: VolunteerEventDoc,
  staff: StaffDoc,
  unit: { unitName: string; timeZone: string },
  now: Date,
): VolunteerRecordDoc {
  const at = now.toISOString();
  return {
    _id: recordIdOf(event._id, staff._id),
    eventId: event._id,
    staffId: staff._id,
    year: event.year,
    plannedHours: event.plannedHours,
    signInAt: null,
    signOutAt: null,
    hours: null,
    computedHours: null,
    note: null,
    confirmerId: null,
    confirmerName: null,
    confirmedAt: null,
    staffName: staff.name,
    staffNo: staff.staffNo,
    department: staff.department,
    eventTitle: event.title,
    eventDate: localDayKey(new Date(event.startAt), unit.timeZone),
    place: event.place,
    content: event.content,
    unitName: unit.unitName,
    team: event.team,
    startAt: event.startAt,
    endAt: event.endAt,
    createdAt: at,
    updatedAt: at,
  };
}

/** Inserts the record if missing (a concurrent insert is fine) and resolves to the stored one. */
export async function ensureRecord(store: VolunteerStore, record: VolunteerRecordDoc): Promise<VolunteerRecordDoc> {
  const existing = await store.collection('volunteerRecords').get(record._id);
  if (existing) return existing;
  try {
    return await store.collection('volunteerRecords').insert(record);
  } catch (error) {
    if (!isDuplicate(error)) throw error;
    const again = await store.collection('volunteerRecords').get(record._id);
    if (!again) throw error;
    return again;
  }
}

export interface Confirmation {
  record: VolunteerRecordDoc;
  hours: number;
  note: string | null;
  confirmer: StaffDoc;
}

/**
 * Writes confirmed hours and moves the person's yearly total by the difference, in one transaction
 * (record, counter, notice), so that the total is always the sum of the confirmed records. Resolves
 * to the stored record and whether anything changed (the same hours and note again change nothing).
 */
export async function confirmHours(
  store: VolunteerStore,
  c: Confirmation,
  now: Date,
): Promise<{ record: VolunteerRecordDoc; changed: boolean }> {
  const at = now.toISOString();
  return store.transaction(async (tx) => {
    const records = tx.collection('volunteerRecords');
    const current = (await records.get(c.record._id)) ?? (await records.insert(c.record));
    if (current.hours === c.hours && current.note === c.note) return { record: current, changed: false };
    // The snapshot is refreshed as confirmed: the record stays as it was issued, whatever edits follow.
    const { _id, signInAt, signOutAt, createdAt, year, hours: _h, ...snapshot } = c.record;
    const computed = computeHours(current.signInAt, current.signOutAt, snapshot.plannedHours);
    const set = {
      ...snapshot,
      hours: c.hours,
      computedHours: computed,
      note: c.note,
      confirmerId: c.confirmer._id,
      confirmerName: c.confirmer.name,
      confirmedAt: at,
      updatedAt: at,
    };
    await records.update({ _id: current._id }, { set });
    const counterId = `${current.staffId}:${current.year}`;
    const counters = tx.collection('volunteerHours');
    const counter = await counters.get(counterId);
    const delta = c.hours - (current.hours ?? 0);
    const firstTime = current.hours === null ? 1 : 0;
    await countForUnit(tx, current, current.hours ?? 0, c.hours, counter?.hours ?? 0);
    if (counter) {
      await counters.update({ _id: counterId }, { inc: { hours: delta, events: firstTime }, set: { updatedAt: at } });
    } else {
      const doc: VolunteerHoursDoc = {
        _id: counterId,
        staffId: current.staffId,
        year: current.year,
        hours: delta,
        events: firstTime,
        updatedAt: at,
      };
      await counters.insert(doc);
    }
    await notify(
      tx,
      {
        staffId: current.staffId,
        kind: 'volunteer.hours',
        title: '志愿服务时长已确认',
        body: `${current.eventTitle}：${formatHours(c.hours)}${c.note ? `（${c.note}）` : ''}`,
        link: volunteerEventLink(current.eventId),
      },
      now,
    );
    return { record: { ...current, ...set }, changed: true };
  });
}

/**
 * The unit's month and year counters follow each confirmation. A service counts when its hours are
 * above zero (a zero is how an organizer records a no-show), and a member is one of the year's
 * volunteers while their confirmed hours of that year are above zero.
 */
async function countForUnit(
  tx: VolunteerStore,
  record: VolunteerRecordDoc,
  before: number,
  after: number,
  personBefore: number,
): Promise<void> {
  const hours = after - before;
  const services = (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
  const personAfter = personBefore + hours;
  const volunteers = (personAfter > 0 ? 1 : 0) - (personBefore > 0 ? 1 : 0);
  const month = record.eventDate.slice(0, 7);
  await bump(tx.collection('volunteerMonths'), { _id: month, year: record.year, hours, services }, { hours, services });
  await bump(
    tx.collection('volunteerYears'),
    { _id: String(record.year), year: record.year, hours, services, volunteers },
    { hours, services, volunteers },
  );
}

export function recordView(r: VolunteerRecordDoc): VolunteerRecordView {
  return {
    eventId: r.eventId,
    title: r.eventTitle,
    date: r.eventDate,
    place: r.place,
    content: r.content,
    unitName: r.unitName,
    team: r.team,
    signInAt: r.signInAt,
    signOutAt: r.signOutAt,
    computedHours: computeHours(r.signInAt, r.signOutAt, r.plannedHours),
    hours: r.hours,
    note: r.note,
    confirmerName: r.confirmerName,
    confirmedAt: r.confirmedAt,
  };
}

export function attendanceRow(
  entry: SignupEntryDoc,
  staff: StaffDoc | undefined,
  record: VolunteerRecordDoc | undefined,
  plannedHours: number,
  position?: number,
): AttendanceRow {
  const signInAt = record?.signInAt ?? null;
  const signOutAt = record?.signOutAt ?? null;
  return {
    staffId: entry.holderId,
    staffNo: staff?.staffNo ?? '',
    name: staff?.name ?? '（已移除）',
    department: staff?.department ?? '',
    status: entry.status === 'pending' ? 'waitlisted' : entry.status,
    ...(position !== undefined ? { position } : {}),
    signedUpAt: entry.createdAt,
    signInAt,
    signOutAt,
    computedHours: computeHours(signInAt, signOutAt, plannedHours),
    hours: record?.hours ?? null,
    note: record?.note ?? null,
    confirmedAt: record?.confirmedAt ?? null,
    confirmerName: record?.confirmerName ?? null,
  };
}
