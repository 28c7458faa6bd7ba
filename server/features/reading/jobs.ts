import { keywordTime } from '../../../src/core/notice';
import { localDayKey, localInstant, localMinuteOfDay } from '../../../src/core/time';
import type { FeatureJob, PushOutcome } from '../../kernel/jobs';
import { tally } from '../../kernel/jobs';
import { forEachPage } from '../../kernel/paging';
import type { NoticeCollections } from '../notice';
import { readCalendarDay } from '../settings';
import type { ReadingWorld } from './ctx';

/** Reminders go out in the window's first hour: a trigger that was late still sends them, a later consent does not. */
const REMIND_FOR_MINUTES = 60;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * 晨读提醒: on a workday of the unit's calendar with a reading, at the window's start, one message to
 * each person who consented (after an earlier check-in) and has not checked in yet today. Claimed as
 * `reading:<day>:<staffId>`, so a second trigger sends nothing twice.
 */
export const readingReminder: FeatureJob<ReadingWorld & NoticeCollections> = {
  name: 'reading.reminder',
  async run({ store, now, settings, push }) {
    const tz = settings.timeZone;
    if (settings.subscribe.reading.templateId === '') return [];
    const start = minutes(settings.readingWindowStart);
    const minute = localMinuteOfDay(now, tz);
    if (minute < start || minute >= Math.min(start + REMIND_FOR_MINUTES, minutes(settings.readingWindowEnd))) return [];
    const today = localDayKey(now, tz);
    if (!(await readCalendarDay(store, today)).workday) return [];
    const [reading] = await store.collection('readings').find({ date: today }, { limit: 1 });
    if (!reading) return [`${today}: no reading published, nobody reminded`];

    const outcomes: PushOutcome[] = [];
    const checkins = store.collection('checkins');
    await forEachPage(store.collection('noticeCredits'), { key: 'reading', credits: { gt: 0 } }, async (page) => {
      for (const credit of page) {
        if ((await checkins.count({ staffId: credit.staffId, date: today })) > 0) continue;
        outcomes.push(
          await push({
            id: `reading:${today}:${credit.staffId}`,
            staffId: credit.staffId,
            key: 'reading',
            title: reading.title,
            link: '/pages/reading/index',
            slots: {
              title: reading.title,
              time: keywordTime(localInstant(today, settings.readingWindowEnd, tz), tz),
              note: `晨读打卡 ${settings.readingWindowStart}–${settings.readingWindowEnd}，自愿参加`,
            },
          }),
        );
      }
    });
    return [`${today}: ${tally(outcomes)}`];
  },
};
