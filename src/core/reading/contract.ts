import * as z from 'zod/mini';
import { member, privilegedRead, privilegedWrite } from '../contract/define';
import { MAKEUP_REASON_MAX } from './rules';
import { dayKey, empty, id, longText, monthKey, optionalText, staffNo, text } from '../contract/fields';
import type {
  CheckinCalendar,
  CheckinResult,
  CheckinView,
  HonorRoll,
  MakeupResult,
  Participation,
  ReadingOpened,
  ReadingSummary,
  ReadingToday,
  ReadingView,
  StudyArchive,
} from './views';

/** Morning reading (晨读) and check-in actions (DESIGN.md §4, rules in §5). */

export const READING_TITLE_MAX = 60;
export const READING_BODY_MIN = 10;
export const READING_BODY_MAX = 10_000;
export const READING_SOURCE_MAX = 100;
/** The hard ceiling of a note; the unit's `noteMaxLength` (≤ this) is checked by the handler. */
export const NOTE_HARD_MAX = 2000;

const SECRETARY = ['secretary'] as const;

const title = text('标题', READING_TITLE_MAX);
const body = longText('正文', READING_BODY_MAX, READING_BODY_MIN);
/** Empty clears the source on update. */
const source = optionalText('来源', READING_SOURCE_MAX);

/** The party branch a reading is for, by its name in the roster; '' names the whole unit. */
const branch = optionalText('支部', 32);

export const readingPublishInput = z.strictObject({ date: dayKey, title, body, source, branch });

export const readingUpdateInput = z
  .strictObject({
    readingId: id('晨读编号'),
    date: z.optional(dayKey),
    title: z.optional(title),
    body: z.optional(body),
    source,
    branch,
  })
  .check(
    z.refine(
      (v) =>
        v.date !== undefined ||
        v.title !== undefined ||
        v.body !== undefined ||
        v.source !== undefined ||
        v.branch !== undefined,
      { message: '没有要修改的内容' },
    ),
  );

export const readingIdInput = z.strictObject({ readingId: id('晨读编号') });
export const monthInput = z.strictObject({ month: monthKey });

/** 学习标兵 per answer: a unit where thousands qualify is read a page at a time. */
export const HONOR_ROLL_PAGE = 50;
/** `after`: the last staff number of the previous page (its `next`). */
export const honorRollInput = z.strictObject({ month: monthKey, after: z.optional(staffNo), branch });

export const checkinSubmitInput = z.strictObject({
  readingId: id('晨读编号'),
  note: optionalText('心得', NOTE_HARD_MAX, true),
});

export const checkinMakeupInput = z.strictObject({ date: dayKey, reason: text('补卡原因', MAKEUP_REASON_MAX) });

export const checkinArchiveInput = z.strictObject({
  year: z
    .number({ message: '年份应为数字' })
    .check(
      z.int({ message: '年份应为整数' }),
      z.gte(2000, { message: '年份无效' }),
      z.lte(2100, { message: '年份无效' }),
    ),
  staffId: z.optional(id('人员编号')),
});

export const readingActions = {
  'reading.publish': privilegedWrite(readingPublishInput, SECRETARY),
  'reading.update': privilegedWrite(readingUpdateInput, SECRETARY),
  'reading.today': member(empty),
  'reading.get': member(readingIdInput),
  'reading.list': member(monthInput),
  'reading.open': member(readingIdInput),
  'checkin.submit': member(checkinSubmitInput),
  'checkin.makeup': member(checkinMakeupInput),
  'checkin.calendar': member(monthInput),
  'checkin.archive': member(checkinArchiveInput),
  'checkin.honorRoll': member(honorRollInput),
  'checkin.participation': privilegedRead(monthInput, SECRETARY),
} as const;

export interface ReadingOutputs {
  'reading.publish': { reading: ReadingView };
  'reading.update': { reading: ReadingView };
  'reading.today': ReadingToday;
  'reading.get': { reading: ReadingView; openedAt: string | null; checkin: CheckinView | null };
  'reading.list': { month: string; items: ReadingSummary[] };
  'reading.open': ReadingOpened;
  'checkin.submit': CheckinResult;
  'checkin.makeup': MakeupResult;
  'checkin.calendar': CheckinCalendar;
  'checkin.archive': StudyArchive;
  'checkin.honorRoll': HonorRoll;
  'checkin.participation': Participation;
}

export type * from './views';
