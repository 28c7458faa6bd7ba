import type { ReadingOutputs } from '../../../src/core/reading/contract';
import type { HandlerMap } from '../../kernel/context';
import { checkinMakeup, checkinSubmit } from './actions/checkin';
import { checkinParticipation } from './actions/checkin-participation';
import { checkinArchive, checkinCalendar, checkinHonorRoll } from './actions/checkin-stats';
import { readingGet, readingList, readingOpen, readingPublish, readingToday, readingUpdate } from './actions/reading';

type ReadingAction = keyof ReadingOutputs;

/** The morning reading's handlers (晨读打卡), one per action of `readingActions`. */
export const readingHandlers: Pick<HandlerMap, ReadingAction> = {
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
};
