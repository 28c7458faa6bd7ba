import type { StarLevel } from './stars';
import type { VolunteerPhase } from './rules';

/** What the volunteer actions answer with (DESIGN.md §4, 志愿服务). */

export type SignupState = 'confirmed' | 'waitlisted' | 'cancelled';

/** The caller's own standing on an event. */
export interface MyVolunteerState {
  status: SignupState;
  /** 1-based place on the waitlist, while waitlisted. */
  position?: number;
  signedUpAt: string;
  signInAt: string | null;
  signOutAt: string | null;
  /** What the on-site record gives (null without both times). */
  computedHours: number | null;
  /** Hours the organizer confirmed; only these count. */
  hours: number | null;
}

export interface VolunteerEventView {
  id: string;
  title: string;
  content: string;
  place: string;
  startAt: string;
  endAt: string;
  signupDeadline: string;
  plannedHours: number;
  team: string | null;
  capacity: number;
  seatsLeft: number;
  confirmedCount: number;
  waitingCount: number;
  phase: VolunteerPhase;
  cancelReason: string | null;
  organizerName: string;
  mine: MyVolunteerState | null;
}

export interface AttendanceRow {
  staffId: string;
  staffNo: string;
  name: string;
  department: string;
  status: SignupState;
  position?: number;
  signedUpAt: string;
  signInAt: string | null;
  signOutAt: string | null;
  computedHours: number | null;
  hours: number | null;
  note: string | null;
  confirmedAt: string | null;
  confirmerName: string | null;
}

export interface VolunteerRecordView {
  eventId: string;
  title: string;
  date: string;
  place: string;
  content: string;
  unitName: string;
  team: string | null;
  signInAt: string | null;
  signOutAt: string | null;
  computedHours: number | null;
  /** Null until the organizer confirms: then only these hours count. */
  hours: number | null;
  note: string | null;
  confirmerName: string | null;
  confirmedAt: string | null;
}

export interface VolunteerPerson {
  id: string;
  name: string;
  staffNo: string;
  department: string;
}

/** The star level from every year's confirmed hours (src/core/volunteer/stars.ts). */
export interface VolunteerStanding extends StarLevel {
  /** Confirmed hours of every year. */
  cumulativeHours: number;
}

export interface VolunteerCertificate extends VolunteerStanding {
  year: number;
  person: VolunteerPerson;
  unitName: string;
  items: { title: string; date: string; place: string; team: string | null; hours: number }[];
  totalHours: number;
  /** Local date of issue, 'YYYY-MM-DD'. */
  issuedOn: string;
}

export interface VolunteerCode {
  code: string;
  /** What the QR code carries: event id and code. */
  payload: string;
  /** When this code stops being the current one (it is still accepted for one more window). */
  validUntil: string;
  /** Milliseconds until the next code, by the server's clock. */
  refreshInMs: number;
}
