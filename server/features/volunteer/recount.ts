import type { RecountScope } from '../../kernel/feature';
import { repairCounters } from '../../kernel/counters';
import { forEachPage } from '../../kernel/paging';
import { loadSettings } from '../settings';
import { localDayKey } from '../../../src/core/time';
import type { Filter } from '../../store/port';
import type { VolunteerMonthDoc, VolunteerRecordDoc, VolunteerYearDoc } from './collections';
import type { VolunteerStore } from './ctx';

/**
 * Proves the unit's month and year counters (records.ts, countForUnit) against the confirmed records
 * and repairs what differs: all history, or (the nightly job) the current year, the only one whose
 * confirmations still move. A store written before these counters existed gets them on its first run.
 * As on write, a service counts when its hours are above zero, and so does a volunteer.
 */
export async function recountVolunteerCounters(store: VolunteerStore, { now, all }: RecountScope): Promise<string[]> {
  const year = all ? undefined : Number(localDayKey(now, (await loadSettings(store)).timeZone).slice(0, 4));
  const months = new Map<string, VolunteerMonthDoc>();
  const years = new Map<string, VolunteerYearDoc>();
  const people = new Set<string>();
  const filter: Filter<VolunteerRecordDoc> = year === undefined ? {} : { year };
  await forEachPage(store.collection('volunteerRecords'), filter, (page) => {
    for (const r of page) {
      if (r.hours === null || r.hours <= 0) continue;
      const monthId = r.eventDate.slice(0, 7);
      const month = months.get(monthId) ?? { _id: monthId, year: r.year, hours: 0, services: 0 };
      month.hours += r.hours;
      month.services += 1;
      months.set(monthId, month);
      const yearId = String(r.year);
      const total = years.get(yearId) ?? { _id: yearId, year: r.year, hours: 0, services: 0, volunteers: 0 };
      total.hours += r.hours;
      total.services += 1;
      if (!people.has(`${yearId}:${r.staffId}`)) {
        people.add(`${yearId}:${r.staffId}`);
        total.volunteers += 1;
      }
      years.set(yearId, total);
    }
  });
  const inYear = (year === undefined ? {} : { year }) as Filter<never>;
  return [
    ...(await repairCounters(store.collection('volunteerMonths'), inYear, months, ['hours', 'services'])),
    ...(await repairCounters(store.collection('volunteerYears'), inYear, years, ['hours', 'services', 'volunteers'])),
  ];
}

/** The unit's confirmed service in a year: per month (1..12, zeros included) and the year's totals. */
export async function volunteerYear(
  store: VolunteerStore,
  year: number,
): Promise<{ months: { month: string; hours: number; services: number }[]; total: VolunteerYearDoc }> {
  const [docs, total] = await Promise.all([
    store.collection('volunteerMonths').find({ year }, { limit: 12 }),
    store.collection('volunteerYears').get(String(year)),
  ]);
  const byId = new Map(docs.map((d) => [d._id, d]));
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    const doc = byId.get(month);
    return { month, hours: doc?.hours ?? 0, services: doc?.services ?? 0 };
  });
  return { months, total: total ?? { _id: String(year), year, hours: 0, services: 0, volunteers: 0 } };
}
