import { keywordTime } from '../../../src/core/notice';
import { type FeatureJob, type PushOutcome, tally, tomorrowWhenEve } from '../../kernel/jobs';
import { MAX_LIMIT } from '../../store/port';
import type { NoticeCollections } from '../notice';
import { allEntries } from '../signup';
import type { ActivityWorld } from './ctx';
import { activityLink } from './load';

/**
 * 活动提醒 the evening before an activity: one message to each confirmed participant (a team's every
 * member) who consented after registering, claimed as `activity:<activityId>:<staffId>` — once per
 * activity, however many items the person is in.
 */
export const activityReminder: FeatureJob<ActivityWorld & NoticeCollections> = {
  name: 'activity.reminder',
  async run({ store, now, settings, push }) {
    if (settings.subscribe.event.templateId === '') return [];
    const tomorrow = tomorrowWhenEve(now, settings.timeZone);
    if (!tomorrow) return [];
    const activities = await store
      .collection('activities')
      .find({ startAt: { gte: tomorrow.from, lt: tomorrow.to }, status: 'active' }, { limit: MAX_LIMIT });
    const lines: string[] = [];
    for (const activity of activities) {
      const outcomes: PushOutcome[] = [];
      const items = await store
        .collection('activityItems')
        .find({ activityId: activity._id }, { sort: { order: 1 }, limit: MAX_LIMIT });
      for (const item of items) {
        for (const entry of await allEntries(store, item.slotId)) {
          if (entry.status !== 'confirmed') continue;
          for (const staffId of entry.members) {
            outcomes.push(
              await push({
                id: `activity:${activity._id}:${staffId}`,
                staffId,
                key: 'event',
                title: activity.title,
                link: activityLink(activity._id),
                slots: {
                  title: activity.title,
                  time: keywordTime(new Date(activity.startAt), settings.timeZone),
                  place: activity.place,
                  note: `${item.name} 明天开始，请准时参加`,
                },
              }),
            );
          }
        }
      }
      lines.push(`${activity.title} (${tomorrow.day}): ${tally(outcomes.filter((o) => o !== 'already'))}`);
    }
    return lines;
  },
};
