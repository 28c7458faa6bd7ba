import type { HandlerMap } from '../kernel/context';
import { activityHandlers } from './activity';
import { auditList } from './audit/actions/audit-list';
import { honorHandlers } from './honor';
import { inboxList, inboxRead } from './inbox/actions/inbox';
import { readingHandlers } from './reading';
import { sessionMe, staffBind } from './people/actions/session';
import { calendarMonth, calendarSet, settingsGet, settingsUpdate } from './settings/actions/settings';
import {
  staffActivate,
  staffDeactivate,
  staffImport,
  staffList,
  staffSearch,
  staffSetRoles,
  staffUnbind,
} from './people/actions/staff';
import { volunteerHandlers } from './volunteer';

type LocalOnly = 'dev.login' | 'dev.identities' | 'dev.clock.set' | 'dev.clock.reset';
type CloudHandlers = Omit<HandlerMap, LocalOnly>;

const rosterHandlers = {
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
  'inbox.list': inboxList,
  'inbox.read': inboxRead,
} satisfies Partial<CloudHandlers>;

/**
 * Every action of the cloud function (the local server adds the dev actions). Typed as the whole
 * map, so an action in the contract without a handler does not compile. Each feature adds its map.
 */
export const handlers: CloudHandlers = {
  ...rosterHandlers,
  ...honorHandlers,
  ...readingHandlers,
  ...volunteerHandlers,
  ...activityHandlers,
};
