import {
  acceptedWindows,
  codePayload,
  codeWindow,
  computeHours,
  defaultPlannedHours,
  eventPhase,
  floorHalfHour,
  formatEventTime,
  isHalfHourStep,
  localYear,
  needsNote,
  parseCodePayload,
  signInOpen,
  signOutOpen,
  windowEndsAt,
} from '../../../src/core/volunteer/rules';
import { eventTimesProblem } from '../../../src/core/volunteer/contract';

const TZ = 'Asia/Shanghai';
// Thursday 5 March 2026, 09:00–12:00 in Shanghai; sign-up until Wednesday 18:00.
const EVENT = {
  startAt: '2026-03-05T01:00:00.000Z',
  endAt: '2026-03-05T04:00:00.000Z',
  signupDeadline: '2026-03-04T10:00:00.000Z',
};
const at = (iso: string) => new Date(iso);
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

describe('hours (DESIGN.md §5)', () => {
  it('is sign-out minus sign-in, rounded down to the half hour', () => {
    expect(computeHours(EVENT.startAt, plus(EVENT.startAt, 179), 3)).toBe(2.5); // 2 h 59 min
    expect(computeHours(EVENT.startAt, plus(EVENT.startAt, 180), 3)).toBe(3);
    expect(computeHours(EVENT.startAt, plus(EVENT.startAt, 29), 3)).toBe(0);
    expect(computeHours(EVENT.startAt, plus(EVENT.startAt, 30), 3)).toBe(0.5);
    expect(computeHours(EVENT.startAt, plus(EVENT.startAt, 89), 3)).toBe(1);
  });

  it('is capped at the planned hours, for a sign-out after the planned end', () => {
    expect(computeHours(plus(EVENT.startAt, -10), plus(EVENT.endAt, 40), 3)).toBe(3);
    expect(computeHours(EVENT.startAt, EVENT.endAt, 2.5)).toBe(2.5);
  });

  it('is left to the organizer without a sign-out (or a sign-in)', () => {
    expect(computeHours(EVENT.startAt, null, 3)).toBeNull();
    expect(computeHours(null, EVENT.endAt, 3)).toBeNull();
  });

  it('never goes negative', () => {
    expect(computeHours(EVENT.endAt, EVENT.startAt, 3)).toBe(0);
    expect(floorHalfHour(-1)).toBe(0);
    expect(floorHalfHour(Number.NaN)).toBe(0);
    expect(floorHalfHour(8_999_999 / 3_600_000)).toBe(2); // a millisecond short of 2.5 h
    expect(floorHalfHour(2.5)).toBe(2.5);
  });

  it('an adjustment needs a note: different from the computed hours, or granted without any', () => {
    expect(needsNote(2.5, 2.5)).toBe(false);
    expect(needsNote(2.5, 3)).toBe(true);
    expect(needsNote(2.5, 0)).toBe(true);
    expect(needsNote(null, 2)).toBe(true);
    expect(needsNote(null, 0)).toBe(false);
  });

  it('half-hour steps and default planned hours', () => {
    expect([0, 0.5, 3, 24].every(isHalfHourStep)).toBe(true);
    expect([0.25, 1.1, Number.NaN, Infinity].some(isHalfHourStep)).toBe(false);
    expect(defaultPlannedHours(EVENT.startAt, plus(EVENT.startAt, 170))).toBe(2.5);
    expect(defaultPlannedHours(EVENT.startAt, plus(EVENT.startAt, 3 * 24 * 60))).toBe(24);
  });
});

describe('phases and on-site windows', () => {
  const phase = (iso: string, cancelled = false) => eventPhase({ ...EVENT, cancelled }, at(iso));

  it('opens, closes at the deadline, runs, finishes; a cancel overrides all', () => {
    expect(phase('2026-03-04T09:59:59.999Z')).toBe('open');
    expect(phase('2026-03-04T10:00:00.000Z')).toBe('closed');
    expect(phase('2026-03-05T01:00:00.000Z')).toBe('ongoing');
    expect(phase('2026-03-05T04:00:00.000Z')).toBe('finished');
    expect(phase('2026-03-04T00:00:00.000Z', true)).toBe('cancelled');
  });

  it('sign-in opens an hour before the start and closes at the end; sign-out runs three hours longer', () => {
    expect(signInOpen(EVENT, at('2026-03-04T23:59:59.999Z'))).toBe(false);
    expect(signInOpen(EVENT, at('2026-03-05T00:00:00.000Z'))).toBe(true);
    expect(signInOpen(EVENT, at('2026-03-05T04:00:00.000Z'))).toBe(false);
    expect(signOutOpen(EVENT, at('2026-03-05T06:59:59.999Z'))).toBe(true);
    expect(signOutOpen(EVENT, at('2026-03-05T07:00:00.000Z'))).toBe(false);
  });
});

describe('the on-site code', () => {
  it('has 30-s windows; the current and the previous one are accepted', () => {
    const t = at('2026-03-05T01:00:29.999Z');
    const w = codeWindow(t);
    expect(codeWindow(at('2026-03-05T01:00:30.000Z'))).toBe(w + 1);
    expect(acceptedWindows(t)).toEqual([w, w - 1]);
    expect(windowEndsAt(w).toISOString()).toBe('2026-03-05T01:00:30.000Z');
  });

  it('carries the event and the code in its QR payload, and nothing else parses', () => {
    const payload = codePayload('abc123', '004217');
    expect(parseCodePayload(payload)).toEqual({ eventId: 'abc123', code: '004217' });
    expect(parseCodePayload(` ${payload}\n`)).toEqual({ eventId: 'abc123', code: '004217' });
    for (const bad of [
      '004217',
      'tongxin:vol:abc123:4217',
      'https://example.com',
      'tongxin:vol::004217',
      'tongxin:vol:a b:004217',
    ]) {
      expect(parseCodePayload(bad)).toBeNull();
    }
  });
});

describe('display in the unit time zone while the process runs in UTC', () => {
  it('formats the time span and the local year', () => {
    expect(formatEventTime(EVENT.startAt, EVENT.endAt, TZ)).toBe('3月5日 09:00–12:00');
    expect(formatEventTime('2026-03-05T15:00:00.000Z', '2026-03-06T02:00:00.000Z', TZ)).toBe(
      '3月5日 23:00 – 3月6日 10:00',
    );
    expect(localYear('2025-12-31T16:30:00.000Z', TZ)).toBe(2026);
    expect(localYear('2025-12-31T15:59:59.999Z', TZ)).toBe(2025);
  });
});

describe('event times', () => {
  it('finds the first incoherence', () => {
    expect(eventTimesProblem({ ...EVENT, plannedHours: 3 })).toBeNull();
    expect(eventTimesProblem({ ...EVENT, endAt: EVENT.startAt })?.field).toBe('endAt');
    expect(eventTimesProblem({ ...EVENT, signupDeadline: plus(EVENT.startAt, 1) })?.field).toBe('signupDeadline');
    expect(eventTimesProblem({ ...EVENT, plannedHours: 3.5 })?.field).toBe('plannedHours');
    expect(eventTimesProblem({ ...EVENT, endAt: plus(EVENT.startAt, 8 * 24 * 60) })?.field).toBe('endAt');
  });
});
