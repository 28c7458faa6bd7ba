/**
 * Volunteer service (志愿服务): organizers run events whose seats and waitlist are one slot of the
 * sign-up engine (../signup); members sign in and out on site with the 30-second code (code.ts, an
 * HMAC of the event's secret and the window); organizers confirm hours, capped and floored by
 * src/core/volunteer/rules.ts; records carry the 民政部令第67号 fields (records.ts).
 */
import { defineFeature } from '../../kernel/feature';
import { volunteerCancel, volunteerSignup } from './actions/signup';
import {
  volunteerEventCancel,
  volunteerEventCreate,
  volunteerEventGet,
  volunteerEvents,
  volunteerEventUpdate,
} from './actions/events';
import { volunteerCertificate, volunteerConfirm, volunteerRecords } from './actions/hours';
import { volunteerAttendance, volunteerCode, volunteerSignin, volunteerSignout } from './actions/onsite';
import { volunteerCodeImage } from './actions/wxacode';
import { VOLUNTEER_COLLECTIONS } from './collections';
import { volunteerReminder } from './jobs';
import { recountVolunteerCounters } from './recount';
import { seedVolunteer } from './seed';

export const volunteer = defineFeature({
  name: 'volunteer',
  collections: VOLUNTEER_COLLECTIONS,
  handlers: {
    'volunteer.event.create': volunteerEventCreate,
    'volunteer.event.update': volunteerEventUpdate,
    'volunteer.event.cancel': volunteerEventCancel,
    'volunteer.code': volunteerCode,
    'volunteer.code.image': volunteerCodeImage,
    'volunteer.attendance': volunteerAttendance,
    'volunteer.confirm': volunteerConfirm,
    'volunteer.events': volunteerEvents,
    'volunteer.event.get': volunteerEventGet,
    'volunteer.signup': volunteerSignup,
    'volunteer.cancel': volunteerCancel,
    'volunteer.signin': volunteerSignin,
    'volunteer.signout': volunteerSignout,
    'volunteer.records': volunteerRecords,
    'volunteer.certificate': volunteerCertificate,
  },
  seed: seedVolunteer,
  recount: recountVolunteerCounters,
  jobs: [volunteerReminder],
});

export { volunteerYear } from './recount';

export type { VolunteerCollections } from './collections';
export type { VolunteerWorld } from './ctx';
