import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTION_SPECS, type Collections } from '../../../server/features';
import { calendarDay, readWorkdays } from '../../../server/features/settings';
import type { CalendarDoc } from '../../../server/features/settings';
import { buildOfficialLookup, officialDay, officialYearKnown } from '../../../server/features/settings/official';
import { openSqliteStore } from '../../../server/store/sqlite';

// The State Council's schedule as chinese-days 1.5.7 carries it, merged under the unit's entries.

function entry(date: string, workday: boolean, note?: string): CalendarDoc {
  return {
    _id: date,
    date,
    month: date.slice(0, 7),
    workday,
    ...(note ? { note } : {}),
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'admin',
  };
}

describe('the official schedule', () => {
  it('knows 国庆 2026 off and its 调休 Saturday on', () => {
    expect(officialDay('2026-10-01')).toEqual({ workday: false, name: '国庆节' });
    expect(officialDay('2026-10-07')).toEqual({ workday: false, name: '国庆节' }); // a Wednesday
    expect(officialDay('2026-10-10')).toEqual({ workday: true, name: '国庆节' }); // a Saturday
    expect(officialDay('2026-10-12')).toBeUndefined(); // an ordinary Monday
  });

  it('covers the years the package knows and no others', () => {
    expect(officialYearKnown(2004)).toBe(true);
    expect(officialYearKnown(2026)).toBe(true);
    expect(officialYearKnown(2003)).toBe(false);
    expect(officialYearKnown(2099)).toBe(false);
  });

  it('turns the tables into one lookup; a day in both tables is a working day', () => {
    const lookup = buildOfficialLookup({
      holidays: { '2030-01-01': "New Year's Day,元旦,1", '2030-01-05': 'X,某节,1' },
      workdays: { '2030-01-05': 'X,某节,1' },
    });
    expect(lookup.days.get('2030-01-01')).toEqual({ workday: false, name: '元旦' });
    expect(lookup.days.get('2030-01-05')).toEqual({ workday: true, name: '某节' });
    expect([...lookup.years]).toEqual([2030]);
  });
});

describe('the merged calendar day', () => {
  it('marks an official holiday off and a 调休 Saturday on, with their source', () => {
    expect(calendarDay('2026-10-01', undefined)).toEqual({
      date: '2026-10-01',
      workday: false,
      override: false,
      source: 'official',
      official: { workday: false, name: '国庆节' },
    });
    expect(calendarDay('2026-10-10', null)).toMatchObject({ workday: true, source: 'official' });
  });

  it("lets the unit's entry win both ways and keeps the official entry beside it", () => {
    expect(calendarDay('2026-10-01', entry('2026-10-01', true, '值班'))).toEqual({
      date: '2026-10-01',
      workday: true,
      override: true,
      source: 'unit',
      official: { workday: false, name: '国庆节' },
      note: '值班',
    });
    expect(calendarDay('2026-10-10', entry('2026-10-10', false))).toMatchObject({ workday: false, source: 'unit' });
  });

  it('falls back to Monday–Friday in a year the package does not know', () => {
    expect(calendarDay('2099-10-01', undefined)).toEqual({
      date: '2099-10-01',
      workday: true, // a Thursday
      override: false,
      source: 'weekday',
    });
    expect(calendarDay('2099-10-03', undefined)).toMatchObject({ workday: false, source: 'weekday' });
  });

  it('gives every rule that walks a span the same merge', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongxin-calendar-'));
    const store = openSqliteStore<Collections>({ file: join(dir, 'db.sqlite'), specs: COLLECTION_SPECS });
    await store.collection('calendar').insert(entry('2026-10-08', false));
    await store.collection('calendar').insert(entry('2026-10-03', true));
    const isWorkday = await readWorkdays(store, '2026-09-28', '2026-10-12');
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    const days = ['2026-09-30', '2026-10-01', '2026-10-03', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-11'];
    expect(days.filter(isWorkday)).toEqual(['2026-09-30', '2026-10-03', '2026-10-09', '2026-10-10']);
  });
});
