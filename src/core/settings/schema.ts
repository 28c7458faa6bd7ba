import * as z from 'zod/mini';
import { text } from '../contract/fields';
import { DEFAULT_SUBSCRIBE, subscribeSettingsSchema } from '../notice';

/** The unit's editable settings (DESIGN.md §5), with the defaults it names. */
export const RANKING_MODES = ['honor-roll', 'off'] as const;

const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间格式应为 HH:mm' }));

/** A whole number in [min, max], with the locale's messages. */
function int(min: number, max: number) {
  return z.number().check(z.int(), z.gte(min), z.lte(max));
}

export const settingsSchema = z.object({
  unitName: text('单位名称', 60),
  timeZone: z.string().check(z.refine(isValidTimeZone, { message: '无效的时区' })),
  readingWindowStart: hhmm,
  readingWindowEnd: hhmm,
  minReadingSeconds: int(0, 3600),
  studyMinutesPerCheckin: int(1, 240),
  makeupsPerMonth: int(0, 31),
  makeupDaysBack: int(0, 31),
  noteMaxLength: int(0, 2000),
  honorRollThreshold: z.number().check(z.gte(0), z.lte(1)),
  rankingMode: z.enum(RANKING_MODES),
  /** Every entry, not only the privileged ones, binds with a code an admin issued (工号 and names are widely known). */
  bindCodeRequired: z.boolean(),
  /** Confirmed volunteer hours a member is expected to give in a year: the dashboard's yardstick. */
  volunteerHoursTarget: int(0, 1000),
  /** WeChat subscribe-message templates, one per moment consent is asked ('' = the inbox only). */
  subscribe: subscribeSettingsSchema,
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  unitName: '同心示范单位',
  timeZone: 'Asia/Shanghai',
  readingWindowStart: '06:00',
  readingWindowEnd: '09:30',
  minReadingSeconds: 60,
  studyMinutesPerCheckin: 20,
  makeupsPerMonth: 2,
  makeupDaysBack: 3,
  noteMaxLength: 500,
  honorRollThreshold: 0.9,
  rankingMode: 'honor-roll',
  bindCodeRequired: false,
  volunteerHoursTarget: 20,
  subscribe: DEFAULT_SUBSCRIBE,
};

/** An update is a partial settings object whose result must still be coherent as a whole. */
export const settingsPatchSchema = z.partial(settingsSchema);

export function windowProblem(s: Pick<Settings, 'readingWindowStart' | 'readingWindowEnd'>): string | null {
  return s.readingWindowStart < s.readingWindowEnd ? null : '晨读打卡开始时间必须早于结束时间';
}

// Building an Intl.DateTimeFormat costs far more than the rest of a settings check, and settings are
// checked on every request that reads them: remember each answer.
const timeZoneValidity = new Map<string, boolean>();

export function isValidTimeZone(tz: string): boolean {
  if (tz.length === 0 || tz.length > 64) return false;
  let valid = timeZoneValidity.get(tz);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      valid = true;
    } catch {
      valid = false;
    }
    if (timeZoneValidity.size < 1000) timeZoneValidity.set(tz, valid);
  }
  return valid;
}
