/**
 * Settings (设置) and the workday calendar (工作日历): the unit's one settings document (time zone,
 * reading window, quotas, ranking mode; defaults in src/core/settings/schema.ts) and the admin's
 * per-day overrides of Monday–Friday (holidays off, 调休 Saturdays on). Every handler reads the
 * settings through `ctx.settings()`, which the router fills from `loadSettings` once per request.
 */
import { defineFeature } from '../../kernel/feature';
import { calendarMonth, calendarSet } from './actions/calendar';
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
    'calendar.month': calendarMonth,
  },
  seed: seedSettings,
});

export { loadSettings } from './load';
export type { CalendarDoc, SettingsCollections, SettingsDoc } from './collections';
