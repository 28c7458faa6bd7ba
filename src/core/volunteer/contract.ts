import * as z from 'zod/mini';
import type { FieldIssue } from '../errors';
import { isHalfHourStep, MAX_CAPACITY, MAX_EVENT_DAYS, MAX_PLANNED_HOURS } from './rules';
import { member, privilegedRead, privilegedWrite } from '../contract/define';
import { id, instant, longText, optionalText, text } from '../contract/fields';
import type {
  AttendanceRow,
  VolunteerCertificate,
  VolunteerCode,
  VolunteerEventView,
  VolunteerPerson,
  VolunteerStanding,
  VolunteerRecordView,
} from './views';

export type * from './views';

const ORGANIZER = ['organizer'] as const;

export const hoursValue = (label: string) =>
  z
    .number({ message: `${label}应为数字` })
    .check(
      z.gte(0, { message: `${label}不能为负数` }),
      z.lte(MAX_PLANNED_HOURS, { message: `${label}最多 ${MAX_PLANNED_HOURS} 小时` }),
      z.refine(isHalfHourStep, { message: `${label}以 0.5 小时为单位` }),
    );

const capacity = z
  .number({ message: '名额应为数字' })
  .check(
    z.int({ message: '名额应为整数' }),
    z.gte(1, { message: '名额至少为 1' }),
    z.lte(MAX_CAPACITY, { message: `名额最多 ${MAX_CAPACITY}` }),
  );

const eventFields = {
  title: text('活动名称', 40),
  content: longText('服务内容', 2000),
  place: text('服务地点', 100),
  startAt: instant('开始时间'),
  endAt: instant('结束时间'),
  capacity,
  signupDeadline: instant('报名截止时间'),
  plannedHours: z.optional(
    hoursValue('计划时长').check(z.refine((h) => h >= 0.5, { message: '计划时长至少 0.5 小时' })),
  ),
  team: optionalText('服务队', 40),
};

export interface EventTimesInput {
  startAt: string;
  endAt: string;
  signupDeadline: string;
  plannedHours?: number;
}

/** Coherence of an event's times, for create and for the merged result of an update. */
export function eventTimesProblem(e: EventTimesInput): FieldIssue | null {
  const start = Date.parse(e.startAt);
  const end = Date.parse(e.endAt);
  if (end <= start) return { field: 'endAt', message: '结束时间应晚于开始时间' };
  if (end - start > MAX_EVENT_DAYS * 86_400_000)
    return { field: 'endAt', message: `一次活动最长 ${MAX_EVENT_DAYS} 天` };
  if (Date.parse(e.signupDeadline) > start) return { field: 'signupDeadline', message: '报名截止时间不能晚于开始时间' };
  if (e.plannedHours !== undefined && e.plannedHours > (end - start) / 3_600_000) {
    return { field: 'plannedHours', message: '计划时长不能超过活动时长' };
  }
  return null;
}

export const volunteerEventCreateInput = z.strictObject(eventFields).check(
  z.superRefine((e, ctx) => {
    const problem = eventTimesProblem(e);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  }),
);

export const volunteerEventUpdateInput = z.strictObject({
  eventId: id('活动编号'),
  title: z.optional(eventFields.title),
  content: z.optional(eventFields.content),
  place: z.optional(eventFields.place),
  startAt: z.optional(eventFields.startAt),
  endAt: z.optional(eventFields.endAt),
  capacity: z.optional(capacity),
  signupDeadline: z.optional(eventFields.signupDeadline),
  plannedHours: eventFields.plannedHours,
  /** An empty string removes the team. */
  team: eventFields.team,
});

const eventId = z.strictObject({ eventId: id('活动编号') });

export const volunteerEventCancelInput = z.strictObject({ eventId: id('活动编号'), reason: text('取消原因', 200) });

export const volunteerConfirmInput = z.strictObject({
  eventId: id('活动编号'),
  entries: z
    .array(
      z.strictObject({ staffId: id('人员编号'), hours: hoursValue('服务时长'), note: optionalText('备注', 200) }),
      { message: '请提供要确认的人员' },
    )
    .check(
      z.minLength(1, { message: '请至少确认一人' }),
      z.maxLength(MAX_CAPACITY, { message: `一次最多确认 ${MAX_CAPACITY} 人` }),
      z.refine((rows) => new Set(rows.map((r) => r.staffId)).size === rows.length, { message: '同一人员出现了多次' }),
    ),
});

export const EVENT_LIST_STATUSES = ['upcoming', 'mine', 'past'] as const;
export const volunteerEventsInput = z.strictObject({
  status: z.optional(z.enum(EVENT_LIST_STATUSES, { message: '未知的列表' })),
});

const code = z.string({ message: '签到码应为文字' }).check(z.regex(/^\d{6}$/, { message: '签到码应为 6 位数字' }));
export const volunteerScanInput = z.strictObject({ eventId: id('活动编号'), code });

/** Which build of the mini-program the WeChat code opens (what `getAccountInfoSync` reports there). */
export const ENV_VERSIONS = ['develop', 'trial', 'release'] as const;
export const volunteerCodeImageInput = z.strictObject({
  eventId: id('活动编号'),
  envVersion: z.enum(ENV_VERSIONS, { message: '未知的小程序版本' }),
});

const year = z
  .number({ message: '年份应为数字' })
  .check(
    z.int({ message: '年份应为整数' }),
    z.gte(2000, { message: '年份无效' }),
    z.lte(2100, { message: '年份无效' }),
  );

export const volunteerRecordsInput = z.strictObject({ year: z.optional(year), staffId: z.optional(id('人员编号')) });
export const volunteerCertificateInput = z.strictObject({ year });

/** Volunteer service actions (DESIGN.md §4). */
export const volunteerActions = {
  'volunteer.event.create': privilegedWrite(volunteerEventCreateInput, ORGANIZER),
  'volunteer.event.update': privilegedWrite(volunteerEventUpdateInput, ORGANIZER),
  'volunteer.event.cancel': privilegedWrite(volunteerEventCancelInput, ORGANIZER),
  'volunteer.code': privilegedRead(eventId, ORGANIZER),
  'volunteer.code.image': privilegedRead(volunteerCodeImageInput, ORGANIZER),
  'volunteer.attendance': privilegedRead(eventId, ORGANIZER),
  'volunteer.confirm': privilegedWrite(volunteerConfirmInput, ORGANIZER),
  'volunteer.events': member(volunteerEventsInput),
  'volunteer.event.get': member(eventId),
  'volunteer.signup': member(eventId),
  'volunteer.cancel': member(eventId),
  'volunteer.signin': member(volunteerScanInput),
  'volunteer.signout': member(volunteerScanInput),
  'volunteer.records': member(volunteerRecordsInput),
  'volunteer.certificate': member(volunteerCertificateInput),
} as const;

export interface VolunteerOutputs {
  'volunteer.event.create': { event: VolunteerEventView };
  'volunteer.event.update': { event: VolunteerEventView };
  'volunteer.event.cancel': { event: VolunteerEventView; notified: number; already?: boolean };
  'volunteer.code': VolunteerCode;
  /** The same code as a WeChat mini-program code: `image` is a data: URL of WeChat's picture. */
  'volunteer.code.image': VolunteerCode & { image: string };
  'volunteer.attendance': { event: VolunteerEventView; rows: AttendanceRow[] };
  'volunteer.confirm': { rows: AttendanceRow[]; changed: number; already?: boolean };
  'volunteer.events': { items: VolunteerEventView[] };
  'volunteer.event.get': {
    event: VolunteerEventView;
    canManage: boolean;
    /** The server's clock, for on-site windows on a phone set wrong. */ serverNow: string;
  };
  'volunteer.signup': {
    status: 'confirmed' | 'waitlisted';
    position?: number;
    event: VolunteerEventView;
    already?: boolean;
  };
  'volunteer.cancel': { event: VolunteerEventView; already?: boolean };
  'volunteer.signin': { signInAt: string; already?: boolean };
  'volunteer.signout': { signInAt: string; signOutAt: string; computedHours: number | null; already?: boolean };
  'volunteer.records': VolunteerStanding & {
    year: number;
    person: VolunteerPerson;
    totalHours: number;
    items: VolunteerRecordView[];
  };
  'volunteer.certificate': VolunteerCertificate;
}
