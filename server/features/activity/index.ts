import type { HandlerMap } from '../../kernel/context';
import { activityAddMembers, activityRegister } from './actions/register';
import { activityCancel, activityCreate, activityResults, activityUpdate } from './actions/manage';
import { activityLeaveTeam, activityWithdraw } from './actions/leave';
import { activityGet, activityList, activityRoster } from './actions/read';

type ActivityAction = Extract<keyof HandlerMap, `activity.${string}`>;

/** Sports and culture activities (活动报名). */
export const activityHandlers: { [A in ActivityAction]: HandlerMap[A] } = {
  'activity.create': activityCreate,
  'activity.update': activityUpdate,
  'activity.cancel': activityCancel,
  'activity.roster': activityRoster,
  'activity.results': activityResults,
  'activity.list': activityList,
  'activity.get': activityGet,
  'activity.register': activityRegister,
  'activity.withdraw': activityWithdraw,
  'activity.leaveTeam': activityLeaveTeam,
  'activity.addMembers': activityAddMembers,
};
