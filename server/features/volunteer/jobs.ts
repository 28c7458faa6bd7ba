import { keywordTime } from '../../../src/core/notice';
import { volunteerEventLink } from '../../../src/core/volunteer/rules';
import { type FeatureJob, type PushOutcome, tally, tomorrowWhenEve } from '../../kernel/jobs';
import { MAX_LIMIT } from '../../store/port';
import type { NoticeCollections } from '../notice';
import { allEntries } from '../signup';
import type { VolunteerWorld } from './ctx';

/**
 * 活动提醒 the evening before a volunteer event: one message to each confirmed person who consented
 * (after signing up), claimed as `event:<eventId>:<staffId>`.
 */
export const volunteerReminder: FeatureJob<VolunteerWorld & NoticeCollections> = {
  name: 'volunteer.reminder',
  async run({ store, now, settings, push }) {
    if (settings.subscribe.event.templateId === '') return [];
    const tomorrow = tomorrowWhenEve(now, settings.timeZone);
    if (!tomorrow) return [];
    const events = await store
      .collection('volunteerEvents')
      .find({ startAt: { gte: tomorrow.from, lt: tomorrow.to }, status: 'active' }, { limit: MAX_LIMIT });
    const lines: string[] = [];
    for (const event of events) {
      const outcomes: PushOutcome[] = [];
      for (const entry of await allEntries(store, event.slotId)) {
        if (entry.status !== 'confirmed') continue;
        for (const staffId of entry.members) {
          outcomes.push(
            await push({
              id: `event:${event._id}:${staffId}`,
              staffId,
              key: 'event',
              title: event.title,
              link: volunteerEventLink(event._id),
              slots: {
                title: event.title,
                time: keywordTime(new Date(event.startAt), settings.timeZone),
                place: event.place,
                note: '志愿服务明天开始，请准时参加',
              },
            }),
          );
        }
      }
      lines.push(`${event.title} (${tomorrow.day}): ${tally(outcomes)}`);
    }
    return lines;
  },
};
