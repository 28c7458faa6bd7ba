/**
 * Morning reading (晨读打卡): secretaries publish a reading per date; members open it, read for the
 * minimum time and check in inside the window on workdays, or make up a missed day within quota.
 * Pure rules (window, streak, honor roll) are in src/core/reading/; the record and its counters are
 * written in counters.ts, days and workdays read in days.ts; rules and decisions in docs/reading.md.
 */
import { defineFeature } from '../../kernel/feature';
import { checkinMakeup, checkinSubmit } from './actions/checkin';
import { checkinParticipation } from './actions/checkin-participation';
import { checkinArchive, checkinCalendar } from './actions/checkin-stats';
import { checkinHonorRoll } from './actions/honor-roll';
import { readingGet, readingList, readingOpen, readingToday } from './actions/reading';
import { readingPublish, readingUpdate } from './actions/reading-publish';
import { READING_COLLECTIONS } from './collections';
import { readingReminder } from './jobs';
import { recountReadingCounters } from './recount';
import { seedReading } from './seed';

export const reading = defineFeature({
  name: 'reading',
  collections: READING_COLLECTIONS,
  handlers: {
    'reading.publish': readingPublish,
    'reading.update': readingUpdate,
    'reading.today': readingToday,
    'reading.get': readingGet,
    'reading.list': readingList,
    'reading.open': readingOpen,
    'checkin.submit': checkinSubmit,
    'checkin.makeup': checkinMakeup,
    'checkin.calendar': checkinCalendar,
    'checkin.archive': checkinArchive,
    'checkin.honorRoll': checkinHonorRoll,
    'checkin.participation': checkinParticipation,
  },
  seed: seedReading,
  recount: recountReadingCounters,
  jobs: [readingReminder],
});

export type { ReadingCollections } from './collections';
export type { ReadingWorld } from './ctx';
/** The month's participation by department and day, as `checkin.participation` answers it (the dashboard's source). */
export { checkinParticipation as monthParticipation } from './actions/checkin-participation';
/** A department's day counters, one document per department and day out of the shards (counters.ts). */
export { departmentDays } from './counters';
