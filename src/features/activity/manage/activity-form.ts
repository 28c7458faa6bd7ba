import type { ActivityKind, Gender, ItemMode } from '../../../core/activity/rules';
import { activityCreateInput } from '../../../core/activity/contract';
import type { ActivityDetail } from '../../../core/activity/views';
import type { ActionInput } from '../../../core/contract';
import type { FieldErrors } from '../../forms/issues';
import { localParts, toInstant } from '../format';

/** The organizer's activity form as typed (strings), and its conversion to and from the contract. Pure. */

export interface ItemDraft {
  /** A local key for React lists; `id` is the stored item's id when editing. */
  key: string;
  id?: string;
  name: string;
  mode: ItemMode;
  teamMin: string;
  teamMax: string;
  capacity: string;
  gender: '' | Gender;
  /** Entries already registered: such an item cannot be removed or change its mode. */
  taken: number;
}

export interface ActivityDraft {
  title: string;
  kind: ActivityKind;
  description: string;
  place: string;
  startDate: string;
  startTime: string;
  /** Empty: the day it starts. */
  endDate: string;
  endTime: string;
  deadlineDate: string;
  deadlineTime: string;
  maxItemsPerPerson: string;
  items: ItemDraft[];
}

let keys = 0;
export const newItem = (mode: ItemMode = 'individual'): ItemDraft => ({
  key: `new-${++keys}`,
  name: '',
  mode,
  teamMin: mode === 'team' ? '2' : '',
  teamMax: mode === 'team' ? '10' : '',
  capacity: '',
  gender: '',
  taken: 0,
});

export function emptyDraft(): ActivityDraft {
  return {
    title: '',
    kind: 'sports',
    description: '',
    place: '',
    startDate: '',
    startTime: '09:00',
    endDate: '',
    endTime: '11:00',
    deadlineDate: '',
    deadlineTime: '18:00',
    maxItemsPerPerson: '2',
    items: [newItem()],
  };
}

export function toDraft(a: ActivityDetail, timeZone: string): ActivityDraft {
  const start = localParts(a.startAt, timeZone);
  const end = localParts(a.endAt, timeZone);
  const deadline = localParts(a.signupDeadline, timeZone);
  return {
    title: a.title,
    kind: a.kind,
    description: a.description,
    place: a.place,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date === start.date ? '' : end.date,
    endTime: end.time,
    deadlineDate: deadline.date,
    deadlineTime: deadline.time,
    maxItemsPerPerson: String(a.maxItemsPerPerson),
    items: a.items.map((i) => ({
      key: i.id,
      id: i.id,
      name: i.name,
      mode: i.mode,
      teamMin: i.teamMin !== undefined ? String(i.teamMin) : '',
      teamMax: i.teamMax !== undefined ? String(i.teamMax) : '',
      capacity: String(i.capacity),
      gender: i.gender ?? '',
      taken: i.confirmed + i.waitlisted,
    })),
  };
}

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.trim()));

export type CreateInput = ActionInput<'activity.create'>;

/** Checks the draft with the contract's own schema, so the form says what the server would. */
export function fromDraft(
  d: ActivityDraft,
  timeZone: string,
): { ok: true; value: CreateInput } | { ok: false; errors: FieldErrors } {
  const startAt = toInstant(d.startDate, d.startTime, timeZone);
  const endAt = toInstant(d.endDate || d.startDate, d.endTime, timeZone);
  const signupDeadline = toInstant(d.deadlineDate, d.deadlineTime, timeZone);
  const errors: FieldErrors = {};
  if (!startAt) errors.startAt = '请选择活动日期和开始时间';
  if (!endAt) errors.endAt = '请选择结束时间';
  if (!signupDeadline) errors.signupDeadline = '请选择报名截止日期和时间';
  const value = {
    title: d.title,
    kind: d.kind,
    description: d.description,
    place: d.place,
    startAt: startAt ?? '',
    endAt: endAt ?? '',
    signupDeadline: signupDeadline ?? '',
    maxItemsPerPerson: num(d.maxItemsPerPerson),
    items: d.items.map((i) => ({
      ...(i.id ? { id: i.id } : {}),
      name: i.name,
      mode: i.mode,
      ...(i.mode === 'team' ? { teamMin: num(i.teamMin), teamMax: num(i.teamMax) } : {}),
      capacity: num(i.capacity),
      ...(i.gender ? { gender: i.gender } : {}),
    })),
  };
  const parsed = activityCreateInput.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.') || '';
      // A date left empty is reported once, in plain words, above.
      if (!(key in errors))
        errors[key] = issue.code === 'invalid_type' && issue.path.length > 0 ? `请填写${label(key)}` : issue.message;
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

function label(key: string): string {
  if (key.endsWith('capacity')) return '名额';
  if (key.endsWith('teamMin')) return '最少人数';
  if (key.endsWith('teamMax')) return '最多人数';
  if (key === 'maxItemsPerPerson') return '每人限报项目数';
  return '此项';
}
