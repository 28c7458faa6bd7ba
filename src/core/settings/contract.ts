import * as z from 'zod/mini';
import { ADMIN, def } from '../contract/define';
import { dayKey, empty, monthKey, optionalText } from '../contract/fields';
import { type Settings, settingsPatchSchema } from './schema';
import type { CalendarDay } from './views';

export const settingsGetInput = empty;
export const settingsUpdateInput = z.strictObject(settingsPatchSchema.shape);

export const calendarSetInput = z.strictObject({
  date: dayKey,
  workday: z.boolean({ message: '请指明是否为工作日' }),
  note: optionalText('备注', 50),
});

/** Removes the unit's entry for a day: the day returns to the official schedule (or Monday–Friday). */
export const calendarClearInput = z.strictObject({ date: dayKey });

export const calendarMonthInput = z.strictObject({ month: monthKey });

/** The unit's settings and its workday calendar. */
export const settingsActions = {
  'settings.get': def(settingsGetInput, 'staff', ADMIN),
  'settings.update': def(settingsUpdateInput, 'staff', ADMIN, true),
  'calendar.set': def(calendarSetInput, 'staff', ADMIN, true),
  'calendar.clear': def(calendarClearInput, 'staff', ADMIN, true),
  'calendar.month': def(calendarMonthInput, 'staff'),
} as const;

export interface SettingsOutputs {
  'settings.get': Settings;
  'settings.update': Settings;
  'calendar.set': CalendarDay;
  'calendar.clear': CalendarDay;
  /** `officialKnown`: the official schedule covers the month's year (else Monday–Friday under the unit's entries). */
  'calendar.month': { month: string; days: CalendarDay[]; officialKnown: boolean };
}
