import type { HandlerMap } from '../../kernel/context';
import { volunteerCancel, volunteerSignup } from './actions/signup';
import { volunteerEventCancel, volunteerEventCreate, volunteerEventGet, volunteerEvents, volunteerEventUpdate } from './actions/events';
import { volunteerCertificate, volunteerConfirm, volunteerRecords } from './actions/hours';
import { volunteerAttendance, volunteerCode, volunteerSignin, volunteerSignout } from './actions/onsite';

type VolunteerAction = Extract<keyof HandlerMap, `volunteer.${string}`>;

/** Volunteer service (志愿服务): every `volunteer.*` action of the contract. */
export const volunteerHandlers: Pick<HandlerMap, VolunteerAction> = {
  'volunteer.event.create': volunteerEventCreate,
  'volunteer.event.update': volunteerEventUpdate,
  'volunteer.event.cancel': volunteerEventCancel,
  'volunteer.code': volunteerCode,
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
};
