/**
 * Activities (活动报名): an activity holds individual and team items, each item one slot of the
 * sign-up engine (../signup). A person is in at most one team per item (membership.ts, a unique key)
 * and in at most `maxItemsPerPerson` items (a conditional counter); captains register and refill
 * teams (enter.ts); notices to teams are in notices.ts, item edits in items.ts.
 */
import { defineFeature } from '../../kernel/feature';
import { activityAddMembers, activityRegister } from './actions/register';
import { activityCancel, activityCreate, activityResults, activityUpdate } from './actions/manage';
import { activityLeaveTeam, activityWithdraw } from './actions/leave';
import { activityGet, activityList, activityRoster } from './actions/read';
import { ACTIVITY_COLLECTIONS } from './collections';
import { activityReminder } from './jobs';
import { seedActivity } from './seed';

export const activity = defineFeature({
  name: 'activity',
  collections: ACTIVITY_COLLECTIONS,
  handlers: {
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
  },
  seed: seedActivity,
  jobs: [activityReminder],
});

export type { ActivityCollections } from './collections';
