import { DEFAULT_SETTINGS } from '../../../src/core/settings/schema';
import { addDays, localDayKey, localInstant, weekdayOf } from '../../../src/core/time';
import { readWorkdays } from '../settings';
import { newId } from '../../kernel/ids';
import { recordCheckin } from './counters';
import { streakFor } from './records';
import { noCache } from '../../kernel/cache';
import type { FeatureSeed } from '../../kernel/feature';
import type { ReadingDoc } from './collections';
import type { ReadingWorld } from './ctx';
import { DEMO_READINGS } from './seed-texts';
import { DEMO_READINGS_NEXT_WEEK } from './seed-texts-next';
import { DEMO_BRANCH_READINGS } from './seed-texts-branches';
import type { StaffDoc } from '../../kernel/member';

/**
 * DESIGN.md §7: readings for the workdays of the current week (the week holding `now`, in the unit's
 * time zone, on the unit's calendar: the official holidays off, 调休 days on), so that the demo has
 * today's reading on any workday, and for the week after, so that a demo created on a Friday, at the
 * weekend or in a holiday week still has readings on the next workdays. Days already past get
 * check-ins from most bound staff, so that the calendar, archive and participation have something
 * to show; today is left for the person trying the demo.
 */
export const seedReading: FeatureSeed<ReadingWorld> = async (store, now, roster) => {
  const tz = DEFAULT_SETTINGS.timeZone;
  const today = localDayKey(now, tz);
  const monday = addDays(today, -((weekdayOf(today) + 6) % 7));
  const secretary = roster.find((s) => s.roles.includes('secretary')) ?? roster[0];
  const at = now.toISOString();

  const texts = [...DEMO_READINGS, ...DEMO_READINGS_NEXT_WEEK];
  const isWorkday = await readWorkdays(store, monday, addDays(monday, 13));
  const workdays = Array.from({ length: 14 }, (_, i) => addDays(monday, i)).filter(isWorkday);
  const readings: ReadingDoc[] = workdays.slice(0, texts.length).map((date, i) => {
    const text = texts[i];
    return {
      _id: newId(),
      date,
      month: date.slice(0, 7),
      title: text.title,
      body: text.body,
      source: text.source,
      publishedBy: secretary._id,
      publishedAt: at,
      updatedBy: secretary._id,
      updatedAt: at,
    };
  });
  for (const doc of readings) await store.collection('readings').insert(doc);
  // The branches' own readings come the week after next: past the days the unit's readings cover,
  // so that whoever tries the demo this week or the next reads what they did before branches.
  const later = await readWorkdays(store, addDays(monday, 14), addDays(monday, 20));
  const laterDays = Array.from({ length: 7 }, (_, i) => addDays(monday, 14 + i)).filter(later);
  await seedBranchReadings(store, now, roster, laterDays);

  // Bound members without a unit-wide role (a branch's secretary is one of her branch's readers).
  const leadsBranch = (s: StaffDoc) => s.roles.length === 2 && s.roles.includes('secretary') && !!s.branch;
  const readers = roster.filter((s) => s.openid !== null && (s.roles.length === 1 || leadsBranch(s)));
  for (const [day, reading] of readings.entries()) {
    if (reading.date >= today) continue;
    for (const [n, staff] of readers.entries()) {
      if ((n * 3 + day * 5) % 7 === 0) continue; // about one in seven misses a day
      await recordCheckin(
        store,
        {
          _id: newId(),
          staffId: staff._id,
          staffNo: staff.staffNo,
          department: staff.department,
          ...(staff.branch ? { branch: staff.branch } : {}),
          date: reading.date,
          month: reading.month,
          year: Number(reading.date.slice(0, 4)),
          readingId: reading._id,
          at: localInstant(reading.date, `07:${String(10 + ((n * 7) % 45)).padStart(2, '0')}`, tz).toISOString(),
          makeup: false,
          minutes: DEFAULT_SETTINGS.studyMinutesPerCheckin,
        },
        staff.name,
      );
    }
  }
  // Each reader's latest check-in gets its run, as a check-in made through the app has it: the
  // demo's first morning reads streaks as every later one does.
  for (const staff of readers) await streakFor({ store, cache: noCache }, staff, today);
};

/** Each demo branch's readings on the given workdays, published by its secretary. */
async function seedBranchReadings(
  store: Parameters<FeatureSeed<ReadingWorld>>[0],
  now: Date,
  roster: readonly StaffDoc[],
  days: readonly string[],
): Promise<void> {
  const at = now.toISOString();
  for (const [branch, texts] of Object.entries(DEMO_BRANCH_READINGS)) {
    const lead = roster.find((s) => s.branch === branch && s.roles.includes('secretary'));
    if (!lead) continue;
    for (const [i, text] of texts.slice(0, days.length).entries()) {
      const date = days[i];
      await store.collection('branchReadings').insert({
        _id: newId(),
        date,
        month: date.slice(0, 7),
        branch,
        title: text.title,
        body: text.body,
        source: text.source,
        publishedBy: lead._id,
        publishedAt: at,
        updatedBy: lead._id,
        updatedAt: at,
      });
    }
  }
}
