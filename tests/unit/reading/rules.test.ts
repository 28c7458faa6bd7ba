import {
  countedWorkdays,
  dayLabel,
  dayState,
  daysBetween,
  honorRollNeeded,
  onHonorRoll,
  makeupDateProblem,
  paragraphsOf,
  readingSecondsLeft,
  windowState,
} from '../../../src/core/reading/rules';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/schema';
import { daysOfMonth, localDayKey, localMonthKey } from '../../../src/core/time';
import { isWorkday } from '../../../src/core/workdays';

// The process runs in UTC (TZ=UTC in npm test); the unit lives in Asia/Shanghai (UTC+8).
const SH = DEFAULT_SETTINGS;
const at = (iso: string) => new Date(iso);

describe('local day keys', () => {
  it('puts 07:30 Shanghai, which is 23:30 UTC the day before, on the Shanghai day', () => {
    const now = at('2026-03-01T23:30:00Z');
    expect(now.getUTCDate()).toBe(1);
    expect(localDayKey(now, SH.timeZone)).toBe('2026-03-02');
    expect(windowState(now, SH)).toBe('open');
  });

  it('changes day at Shanghai midnight, not at UTC midnight', () => {
    expect(localDayKey(at('2026-03-02T15:59:59Z'), SH.timeZone)).toBe('2026-03-02');
    expect(localDayKey(at('2026-03-02T16:00:00Z'), SH.timeZone)).toBe('2026-03-03');
    expect(localDayKey(at('2026-03-03T00:00:00Z'), SH.timeZone)).toBe('2026-03-03');
  });

  it('changes month and year at the local month end', () => {
    expect(localMonthKey(at('2026-02-28T15:59:59Z'), SH.timeZone)).toBe('2026-02');
    expect(localMonthKey(at('2026-02-28T16:00:00Z'), SH.timeZone)).toBe('2026-03');
    expect(localDayKey(at('2026-12-31T16:30:00Z'), SH.timeZone)).toBe('2027-01-01');
  });
});

describe('the reading window 06:00–09:30', () => {
  it('opens at 06:00:00 and closes at 09:30:00 local time', () => {
    expect(windowState(at('2026-03-01T21:59:59Z'), SH)).toBe('before'); // 05:59:59
    expect(windowState(at('2026-03-01T22:00:00Z'), SH)).toBe('open'); // 06:00:00
    expect(windowState(at('2026-03-02T01:29:59Z'), SH)).toBe('open'); // 09:29:59
    expect(windowState(at('2026-03-02T01:29:59.999Z'), SH)).toBe('open');
    expect(windowState(at('2026-03-02T01:30:00Z'), SH)).toBe('after'); // 09:30:00
  });

  it('is before at local midnight and after late at night', () => {
    expect(windowState(at('2026-03-02T16:00:00Z'), SH)).toBe('before'); // 00:00 on the 3rd
    expect(windowState(at('2026-03-02T15:59:59Z'), SH)).toBe('after'); // 23:59:59 on the 2nd
  });

  it('follows the settings and the time zone', () => {
    const s = { ...SH, readingWindowStart: '07:00', readingWindowEnd: '08:00' };
    expect(windowState(at('2026-03-01T22:59:00Z'), s)).toBe('before');
    expect(windowState(at('2026-03-01T23:00:00Z'), s)).toBe('open');
    expect(windowState(at('2026-03-02T07:30:00Z'), { ...SH, timeZone: 'UTC' })).toBe('open');
    expect(windowState(at('2026-03-02T07:30:00Z'), SH)).toBe('after');
  });
});

describe('minimum reading time', () => {
  it('counts whole seconds left on the server clock', () => {
    const opened = at('2026-03-01T23:30:00Z');
    expect(readingSecondsLeft(opened, opened, 60)).toBe(60);
    expect(readingSecondsLeft(opened, at('2026-03-01T23:30:59.001Z'), 60)).toBe(1);
    expect(readingSecondsLeft(opened, at('2026-03-01T23:31:00Z'), 60)).toBe(0);
    expect(readingSecondsLeft(opened, at('2026-03-01T23:40:00Z'), 60)).toBe(0);
    expect(readingSecondsLeft(opened, opened, 0)).toBe(0);
  });
});

describe('make-up dates', () => {
  it('refuses future days and today while the window is not over', () => {
    expect(makeupDateProblem('2026-03-03', '2026-03-02', 'after', 3)?.rule).toBe('makeupFuture');
    expect(makeupDateProblem('2026-03-02', '2026-03-02', 'open', 3)?.rule).toBe('makeupToday');
    expect(makeupDateProblem('2026-03-02', '2026-03-02', 'before', 3)?.rule).toBe('makeupToday');
    expect(makeupDateProblem('2026-03-02', '2026-03-02', 'after', 3)).toBeNull();
  });

  it('allows at most the configured calendar days back, across a month end', () => {
    expect(makeupDateProblem('2026-02-27', '2026-03-02', 'open', 3)).toBeNull(); // Friday from Monday
    expect(makeupDateProblem('2026-02-26', '2026-03-02', 'open', 3)?.rule).toBe('makeupDaysBack');
    expect(makeupDateProblem('2026-03-01', '2026-03-02', 'open', 0)?.rule).toBe('makeupDaysBack');
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });
});

describe('my calendar', () => {
  const base = { today: '2026-03-04', workday: true, hasReading: true, mark: null, window: 'open' as const };
  it('tells checked, made up, missed, pending, future, off and no-reading days apart', () => {
    expect(dayState({ ...base, date: '2026-03-02', mark: 'checked' })).toBe('checked');
    expect(dayState({ ...base, date: '2026-03-03', mark: 'makeup' })).toBe('makeup');
    expect(dayState({ ...base, date: '2026-03-03' })).toBe('missed');
    expect(dayState({ ...base, date: '2026-03-04' })).toBe('pending');
    expect(dayState({ ...base, date: '2026-03-04', window: 'after' })).toBe('missed');
    expect(dayState({ ...base, date: '2026-03-05' })).toBe('future');
    expect(dayState({ ...base, date: '2026-03-01', workday: false })).toBe('off');
    expect(dayState({ ...base, date: '2026-03-03', hasReading: false })).toBe('noReading');
  });
});

describe('the honor-roll threshold', () => {
  it('rounds 90 % up, without binary-fraction surprises', () => {
    expect(honorRollNeeded(0.9, 30)).toBe(27);
    expect(honorRollNeeded(0.9, 20)).toBe(18);
    expect(honorRollNeeded(0.9, 21)).toBe(19);
    expect(honorRollNeeded(0.9, 22)).toBe(20);
    expect(honorRollNeeded(0.9, 1)).toBe(1);
    expect(honorRollNeeded(0, 10)).toBe(1);
    expect(honorRollNeeded(0.9, 0)).toBe(0);
  });

  it('counts the workdays that have passed: today only once its window has closed', () => {
    const march = daysOfMonth('2026-03').map((date) => ({ date, workday: isWorkday(date) }));
    expect(countedWorkdays(march, '2026-03-04', 'open')).toEqual(['2026-03-02', '2026-03-03']);
    expect(countedWorkdays(march, '2026-03-04', 'after')).toHaveLength(3);
    expect(countedWorkdays(march, '9999-12-31', 'open')).toHaveLength(22);
    expect(countedWorkdays(march, '2026-03-02', 'before')).toHaveLength(0);
  });

  it("counts only check-ins on the counted days: today's does not make up for a missed day", () => {
    // Wednesday 4 March, 08:00: Monday checked in, Tuesday missed, today checked in, window open.
    const march = daysOfMonth('2026-03').map((date) => ({ date, workday: isWorkday(date) }));
    const counted = countedWorkdays(march, '2026-03-04', 'open');
    expect(counted).toEqual(['2026-03-02', '2026-03-03']);
    expect(onHonorRoll({ monthCheckins: 2, uncountedCheckins: 1 }, counted.length, 0.9)).toBe(false);
    // Someone who checked in on both counted days is on the roll, today's check-in or not.
    expect(onHonorRoll({ monthCheckins: 3, uncountedCheckins: 1 }, counted.length, 0.9)).toBe(true);
    expect(onHonorRoll({ monthCheckins: 2, uncountedCheckins: 0 }, counted.length, 0.9)).toBe(true);
    // Once today's window has closed, today is a counted day and its check-in counts.
    const after = countedWorkdays(march, '2026-03-04', 'after');
    expect(onHonorRoll({ monthCheckins: 2, uncountedCheckins: 0 }, after.length, 0.9)).toBe(false);
  });

  it('on the first workday of a month names nobody until its window has closed', () => {
    const march = daysOfMonth('2026-03').map((date) => ({ date, workday: isWorkday(date) }));
    const open = countedWorkdays(march, '2026-03-02', 'open');
    expect(open).toEqual([]);
    expect(onHonorRoll({ monthCheckins: 1, uncountedCheckins: 1 }, open.length, 0.9)).toBe(false);
    const closed = countedWorkdays(march, '2026-03-02', 'after');
    expect(onHonorRoll({ monthCheckins: 1, uncountedCheckins: 0 }, closed.length, 0.9)).toBe(true);
    expect(onHonorRoll({ monthCheckins: 0, uncountedCheckins: 0 }, closed.length, 0.9)).toBe(false);
  });

  it('leaves out workdays without a reading when told which had one', () => {
    const march = daysOfMonth('2026-03').map((date) => ({ date, workday: isWorkday(date) }));
    const published = new Set(['2026-03-02', '2026-03-04', '2026-03-07']);
    expect(countedWorkdays(march, '2026-03-05', 'open', published)).toEqual(['2026-03-02', '2026-03-04']);
  });

  it('follows holiday and 调休 overrides', () => {
    const overrides: Record<string, boolean> = { '2026-10-01': false, '2026-10-02': false, '2026-10-10': true };
    const october = daysOfMonth('2026-10').map((date) => ({
      date,
      workday: isWorkday(date, date in overrides ? { workday: overrides[date] } : null),
    }));
    const counted = countedWorkdays(october, '9999-12-31', 'open');
    expect(counted).not.toContain('2026-10-01');
    expect(counted).toContain('2026-10-10'); // a Saturday made a workday
    expect(counted).toHaveLength(22 - 2 + 1);
  });
});

describe('reading text', () => {
  it('splits paragraphs on line breaks of any platform and drops blank lines', () => {
    expect(paragraphsOf('第一段。\r\n\r\n  第二段。\n第三段。\r')).toEqual(['第一段。', '第二段。', '第三段。']);
  });

  it('labels days in Chinese', () => {
    expect(dayLabel('2026-03-02')).toBe('3月2日 周一');
    expect(dayLabel('2026-03-08')).toBe('3月8日 周日');
  });
});
