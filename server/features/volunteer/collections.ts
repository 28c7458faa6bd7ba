import type { CollectionSpecs } from '../../kernel/feature';

/** Volunteer service (志愿服务): events, on-site records and the per-year hours counters. */

export interface VolunteerEventDoc {
  _id: string;
  title: string;
  content: string;
  place: string;
  /** UTC ISO instants: they compare as strings in time order. */
  startAt: string;
  endAt: string;
  signupDeadline: string;
  plannedHours: number;
  team: string | null;
  /** Mirrors the sign-up slot's capacity, which is the truth for seats. */
  capacity: number;
  /** The signup slot (server/signup) holding seats and waitlist. */
  slotId: string;
  status: 'active' | 'cancelled';
  cancelReason: string | null;
  cancelledAt: string | null;
  cancelledBy: string | null;
  /** Key of the on-site code (hex); never leaves the server. */
  secret: string;
  /** Local year of the start, in the unit's time zone. */
  year: number;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * One person's service at one event (民政部令第67号): on-site times, then the hours an organizer
 * confirmed, with a snapshot of who, what, where and when, so that the record stays as it was issued.
 * `_id` is `<eventId>:<staffId>`: one record per person and event by construction.
 */
export interface VolunteerRecordDoc {
  _id: string;
  eventId: string;
  staffId: string;
  year: number;
  /** The event's planned hours (the cap of what the on-site times give). */
  plannedHours: number;
  signInAt: string | null;
  signOutAt: string | null;
  hours: number | null;
  /** What the on-site times gave when the hours were confirmed. */
  computedHours: number | null;
  note: string | null;
  confirmerId: string | null;
  confirmerName: string | null;
  confirmedAt: string | null;
  staffName: string;
  staffNo: string;
  department: string;
  eventTitle: string;
  /** Local day of the start. */
  eventDate: string;
  place: string;
  content: string;
  unitName: string;
  team: string | null;
  startAt: string;
  endAt: string;
  createdAt: string;
  updatedAt: string;
}

/** Confirmed hours per person and year, kept on write: `_id` is `<staffId>:<year>`. */
export interface VolunteerHoursDoc {
  _id: string;
  staffId: string;
  year: number;
  hours: number;
  /** Events with confirmed hours (zero hours included). */
  events: number;
  updatedAt: string;
}

/**
 * The unit's confirmed service per month of the service (`_id` is `YYYY-MM`) and per year (`_id` is
 * `YYYY`), kept on write beside the per-person counter, so that the dashboard reads a year in twelve
 * documents. A year's `volunteers` are the members with at least one confirmed service in it.
 */
export interface VolunteerMonthDoc {
  _id: string;
  year: number;
  hours: number;
  services: number;
}

export interface VolunteerYearDoc {
  _id: string;
  year: number;
  hours: number;
  services: number;
  volunteers: number;
}

/** A wrong on-site code, for the per-person limit on guessing. */
export interface VolunteerCodeFailureDoc {
  _id: string;
  staffId: string;
  at: string;
}

export interface VolunteerCollections {
  volunteerEvents: VolunteerEventDoc;
  volunteerRecords: VolunteerRecordDoc;
  volunteerHours: VolunteerHoursDoc;
  volunteerCodeFailures: VolunteerCodeFailureDoc;
  volunteerMonths: VolunteerMonthDoc;
  volunteerYears: VolunteerYearDoc;
}

export const VOLUNTEER_COLLECTIONS: CollectionSpecs<VolunteerCollections> = {
  volunteerEvents: { indexes: [['status', 'endAt'], ['startAt'], ['endAt']] },
  volunteerRecords: { indexes: [['eventId'], ['staffId', 'year'], ['year']] },
  volunteerHours: { indexes: [['staffId']] },
  volunteerCodeFailures: { indexes: [['staffId', 'at']] },
  volunteerMonths: { indexes: [['year']] },
  volunteerYears: {},
};
