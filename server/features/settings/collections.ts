import type { Settings } from '../../../src/core/settings/schema';
import type { CollectionSpecs } from '../../kernel/feature';

/** The unit's settings (one document) and its workday calendar overrides. */

export interface SettingsDoc extends Settings {
  _id: 'unit';
  updatedAt: string;
}

export interface CalendarDoc {
  /** The day itself ('YYYY-MM-DD'): one override per day. */
  _id: string;
  date: string;
  month: string;
  workday: boolean;
  note?: string;
  updatedAt: string;
  updatedBy: string;
}

/** The calendar's revision for the past (revision.ts): one document. */
export interface CalendarRevisionDoc {
  _id: string;
  revision: number;
}

export interface SettingsCollections {
  settings: SettingsDoc;
  calendar: CalendarDoc;
  calendarRevisions: CalendarRevisionDoc;
}

export const SETTINGS_COLLECTIONS: CollectionSpecs<SettingsCollections> = {
  settings: {},
  // By month for a month's page, by date for the spans streaks and publicity walk.
  calendar: { indexes: [['month'], ['date']] },
  calendarRevisions: {},
};
