import * as z from 'zod/mini';
// This one locale, not `zod/locales`: that index re-exports every language (373 KB that a bundle need not parse).
import zhCN from 'zod/v4/locales/zh-CN.js';
import { isDayKey, isMonthKey } from '../time';
import { ROLES } from '../roles';
import { cleanText } from '../text';
import { PERSON_NAME_MAX, STAFF_NO_MAX, STAFF_NO_MESSAGES, STAFF_NO_PATTERN } from '../people/rules';

// Messages the schemas do not spell out themselves fall back to zod's Simplified Chinese locale.
z.config(zhCN());

/**
 * Field builders with Chinese messages and hard size limits, shared by every schema. Every text is
 * cleaned first (`cleanText`: invisible and control characters out), so lengths count what shows and
 * a required field needs a visible character. A raw value far beyond the limit is refused before
 * cleaning, so that a megabyte of zero-width spaces costs nothing.
 */
function cleaned(label: string, max: number, multiline: boolean) {
  return z.pipe(
    z.string({ message: `${label}应为文字` }).check(z.maxLength(max * 4 + 64, { message: `${label}最多 ${max} 个字` })),
    z.transform((s: string) => cleanText(s, multiline)),
  );
}

export function text(label: string, max: number, min = 1) {
  return z.pipe(cleaned(label, max, false), bounded(label, max, min));
}

/** A text of several lines (a reading, deeds, a note): line breaks are kept. */
export function longText(label: string, max: number, min = 1) {
  return z.pipe(cleaned(label, max, true), bounded(label, max, min));
}

function bounded(label: string, max: number, min: number) {
  return z
    .string()
    .check(
      z.minLength(min, { message: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` }),
      z.maxLength(max, { message: `${label}最多 ${max} 个字` }),
    );
}

export function optionalText(label: string, max: number, multiline = false) {
  return z.optional(
    z.pipe(cleaned(label, max, multiline), z.string().check(z.maxLength(max, { message: `${label}最多 ${max} 个字` }))),
  );
}

export const id = (label = '编号') =>
  z
    .string({ message: `${label}应为文字` })
    .check(z.minLength(1, { message: `缺少${label}` }), z.maxLength(64, { message: `${label}无效` }));

export const staffNo = z.pipe(
  z
    .string({ message: '工号应为文字' })
    .check(
      z.trim(),
      z.minLength(1, { message: STAFF_NO_MESSAGES.required }),
      z.maxLength(STAFF_NO_MAX, { message: STAFF_NO_MESSAGES.tooLong }),
      z.regex(STAFF_NO_PATTERN, { message: STAFF_NO_MESSAGES.pattern }),
    ),
  z.transform((s: string) => s.toUpperCase()),
);

export const personName = text('姓名', PERSON_NAME_MAX);

export const dayKey = z
  .string({ message: '日期应为文字' })
  .check(z.refine(isDayKey, { message: '日期格式应为 YYYY-MM-DD' }));

export const monthKey = z
  .string({ message: '月份应为文字' })
  .check(z.refine(isMonthKey, { message: '月份格式应为 YYYY-MM' }));

export const page = z.optional(
  z
    .number({ message: '页码应为数字' })
    .check(
      z.int({ message: '页码应为整数' }),
      z.gte(1, { message: '页码从 1 开始' }),
      z.lte(10000, { message: '页码过大' }),
    ),
);

export const role = z.enum(ROLES, { message: '未知的角色' });

export const phone = z
  .string({ message: '电话应为文字' })
  .check(
    z.trim(),
    z.maxLength(20, { message: '电话最多 20 个字符' }),
    z.regex(/^[0-9+\- ]*$/, { message: '电话只能包含数字、加号、短横线和空格' }),
  );

/** An input that takes no fields still must be an object (or absent). */
export const empty = z.strictObject({});

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An instant with its offset ('…Z' or '…+08:00'), stored in canonical UTC form so that stored
 * strings compare in time order.
 */
export const instant = (label: string) =>
  z.pipe(
    z.string({ message: `${label}应为时间` }).check(
      z.maxLength(40, { message: `${label}格式有误` }),
      // isDayKey too: Date.parse rolls an impossible day such as 02-30 over into March.
      z.refine((s) => ISO_INSTANT.test(s) && isDayKey(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)), {
        message: `${label}格式应为带时区的 ISO 8601，例如 2026-03-02T18:00:00+08:00`,
      }),
    ),
    z.transform((s: string) => new Date(s).toISOString()),
  );

/** One page of a paged list (`page` is 1-based). */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
