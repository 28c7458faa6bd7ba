import {
  addDays,
  daysOfMonth,
  isDayKey,
  isMonthKey,
  localDayKey,
  localInstant,
  localMinuteOfDay,
  localMonthKey,
  localTimeKey,
  weekdayOf,
} from '../../../src/core/time';

const TZ = 'Asia/Shanghai';

describe('local day keys in Asia/Shanghai while the process runs in UTC', () => {
  it('runs in UTC, as cloud functions do', () => {
    expect(new Date('2026-03-02T00:00:00Z').getTimezoneOffset()).toBe(0);
  });

  it('07:30 in Shanghai is 23:30 UTC the day before, and belongs to the Shanghai day', () => {
    const at = new Date('2026-03-01T23:30:00Z');
    expect(localDayKey(at, TZ)).toBe('2026-03-02');
    expect(localDayKey(at, 'UTC')).toBe('2026-03-01');
  });

  it('turns the day exactly at local midnight', () => {
    expect(localDayKey(new Date('2026-03-02T15:59:59.999Z'), TZ)).toBe('2026-03-02');
    expect(localDayKey(new Date('2026-03-02T16:00:00.000Z'), TZ)).toBe('2026-03-03');
  });

  it('turns months and years at local midnight', () => {
    expect(localMonthKey(new Date('2026-01-31T16:00:00Z'), TZ)).toBe('2026-02');
    expect(localDayKey(new Date('2026-12-31T16:30:00Z'), TZ)).toBe('2027-01-01');
    expect(localDayKey(new Date('2028-02-28T16:00:00Z'), TZ)).toBe('2028-02-29');
  });

  it('gives minutes since local midnight for window edges', () => {
    expect(localMinuteOfDay(new Date('2026-03-02T01:29:59Z'), TZ)).toBeCloseTo(9 * 60 + 29 + 59 / 60, 6);
    expect(localMinuteOfDay(new Date('2026-03-02T01:30:00Z'), TZ)).toBe(9 * 60 + 30);
    expect(localMinuteOfDay(new Date('2026-03-01T16:00:00Z'), TZ)).toBe(0);
  });

  it('reads the local clock of an instant', () => {
    expect(localTimeKey(new Date('2026-03-06T10:00:00Z'), TZ)).toBe('18:00');
    expect(localTimeKey(new Date('2026-03-01T16:05:00Z'), TZ)).toBe('00:05');
  });

  it('finds the instant of a local time', () => {
    expect(localInstant('2026-03-02', '06:00', TZ).toISOString()).toBe('2026-03-01T22:00:00.000Z');
    expect(localInstant('2026-03-02', '09:30', TZ).toISOString()).toBe('2026-03-02T01:30:00.000Z');
  });
});

describe('the local clock, one Intl call per zone and quarter hour', () => {
  const intlKey = (at: Date, timeZone: string) =>
    new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).format(at);

  it('agrees with Intl at every minute around daylight-saving changes, half-hour and 45-minute zones', () => {
    const zones = ['Asia/Shanghai', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    const spans = ['2026-03-08T00:00:00Z', '2026-03-29T00:00:00Z', '2026-04-04T14:00:00Z', '2026-10-03T14:00:00Z'];
    for (const timeZone of zones) {
      for (const from of spans) {
        for (let minute = 0; minute < 24 * 60; minute += 7) {
          const at = new Date(Date.parse(from) + minute * 60_000 + 13_000);
          const expected = intlKey(at, timeZone);
          expect(`${localDayKey(at, timeZone)} ${localTimeKey(at, timeZone)}`).toBe(expected);
        }
      }
    }
  });

  it('turns the clock exactly at the change: 01:00 GMT is 02:00 BST', () => {
    expect(localTimeKey(new Date('2026-03-29T00:59:59.999Z'), 'Europe/London')).toBe('00:59');
    expect(localTimeKey(new Date('2026-03-29T01:00:00.000Z'), 'Europe/London')).toBe('02:00');
    expect(localMinuteOfDay(new Date('2026-03-29T01:00:00.000Z'), 'Europe/London')).toBe(120);
  });

  it('refuses an invalid instant and an unknown zone instead of answering a wrong day', () => {
    expect(() => localDayKey(new Date(Number.NaN), TZ)).toThrow(RangeError);
    expect(() => localDayKey(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('calendar arithmetic', () => {
  it('validates day and month keys, including leap days', () => {
    expect(isDayKey('2028-02-29')).toBe(true);
    expect(isDayKey('2026-02-29')).toBe(false);
    expect(isDayKey('2026-04-31')).toBe(false);
    expect(isDayKey('2026-4-1')).toBe(false);
    expect(isMonthKey('2026-12')).toBe(true);
    expect(isMonthKey('2026-13')).toBe(false);
    expect(isMonthKey('2026-00')).toBe(false);
  });

  it('knows weekdays without a time zone', () => {
    expect(weekdayOf('2026-03-02')).toBe(1); // Monday
    expect(weekdayOf('2026-03-08')).toBe(0); // Sunday
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('lists the days of a month', () => {
    expect(daysOfMonth('2026-02')).toHaveLength(28);
    expect(daysOfMonth('2028-02')).toHaveLength(29);
    expect(daysOfMonth('2026-12').at(-1)).toBe('2026-12-31');
  });
});
