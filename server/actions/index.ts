import type { HandlerMap } from '../context';
import { auditList } from './audit';
import { sessionMe, staffBind } from './session';
import { calendarMonth, calendarSet, settingsGet, settingsUpdate } from './settings';
import {
  staffActivate,
  staffDeactivate,
  staffImport,
  staffList,
  staffSearch,
  staffSetRoles,
  staffUnbind,
} from './staff';

type LocalOnly = 'dev.login' | 'dev.identities' | 'dev.clock.set' | 'dev.clock.reset';

/** Every action of the cloud function: the same registry serves the local server. */
export const handlers: Omit<HandlerMap, LocalOnly> = {
  'session.me': sessionMe,
  'staff.bind': staffBind,
  'staff.search': staffSearch,
  'staff.import': staffImport,
  'staff.list': staffList,
  'staff.setRoles': staffSetRoles,
  'staff.unbind': staffUnbind,
  'staff.deactivate': staffDeactivate,
  'staff.activate': staffActivate,
  'settings.get': settingsGet,
  'settings.update': settingsUpdate,
  'calendar.set': calendarSet,
  'calendar.month': calendarMonth,
  'audit.list': auditList,
};
