/**
 * Settings (设置) and the workday calendar (工作日历): the unit's one settings document (time zone,
 * reading window, quotas, ranking mode; defaults in src/core/settings/schema.ts) and the workday
 * calendar: the admin's per-day entries (`calendar.set`, removed with `calendar.clear`) over the
 * State Council's schedule (official.ts, from chinese-days) over Monday–Friday. Every feature that
 * asks "is this a workday" reads the merged calendar through calendar-days.ts, exported below; the
 * rule itself is pure, in src/core/workdays.ts. Every handler reads the settings through
 * `ctx.settings()`, which the router fills from `loadSettings` once per request.
 */
import { defineFeature } from '../../kernel/feature';
import { calendarClear, calendarMonth, calendarSet } from './actions/calendar';
import { settingsGet, settingsUpdate } from './actions/settings';
import { SETTINGS_COLLECTIONS } from './collections';
import { seedSettings } from './seed';

export const settings = defineFeature({
  name: 'settings',
  collections: SETTINGS_COLLECTIONS,
  handlers: {
    'settings.get': settingsGet,
    'settings.update': settingsUpdate,
    'calendar.set': calendarSet,
    'calendar.clear': calendarClear,
    'calendar.month': calendarMonth,
  },
  seed: seedSettings,
});

export { loadSettings } from './load';
export { pastDayChanged, pastRevision } from './revision';
export { calendarDay, dayLabel, readCalendarDay, readCalendarMonth, readWorkdays } from './calendar-days';
export type { CalendarDoc, SettingsCollections, SettingsDoc } from './collections';
