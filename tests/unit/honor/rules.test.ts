import { honorNominateInput, honorRoundCreateInput, honorVoteInput } from '../../../src/core/honor/contract';
import {
  ballotProblem,
  isPhotoId,
  phaseMoveProblem,
  photoSrc,
  publicityWindow,
  roundStage,
} from '../../../src/core/honor/rules';
import { isWorkday } from '../../../src/core/workdays';

describe('phase moves', () => {
  it('go one step forward, or to cancelled before publication', () => {
    expect(phaseMoveProblem('draft', 'nominating')).toBeNull();
    expect(phaseMoveProblem('nominating', 'reviewing')).toBeNull();
    expect(phaseMoveProblem('reviewing', 'voting')).toBeNull();
    expect(phaseMoveProblem('publicity', 'published')).toBeNull();
    for (const from of ['draft', 'nominating', 'reviewing', 'voting', 'publicity'] as const) {
      expect(phaseMoveProblem(from, 'cancelled')).toBeNull();
    }
  });

  it('never skip, go back, leave a final phase or enter publicity without a selection', () => {
    expect(phaseMoveProblem('draft', 'voting')?.rule).toBe('phaseOrder');
    expect(phaseMoveProblem('voting', 'reviewing')?.rule).toBe('phaseOrder');
    expect(phaseMoveProblem('voting', 'publicity')?.rule).toBe('phaseOrder');
    expect(phaseMoveProblem('published', 'cancelled')?.rule).toBe('phaseFinal');
    expect(phaseMoveProblem('cancelled', 'nominating')?.rule).toBe('phaseFinal');
  });
});

describe('publicity window', () => {
  const plain = (day: string) => isWorkday(day);

  it('starts the workday after the announcement and covers the given number of workdays', () => {
    expect(publicityWindow('2026-03-16', 5, plain)).toEqual({ start: '2026-03-17', end: '2026-03-23' });
    // Announced on a Friday: the weekend does not count.
    expect(publicityWindow('2026-03-20', 5, plain)).toEqual({ start: '2026-03-23', end: '2026-03-27' });
    // Announced on a Saturday.
    expect(publicityWindow('2026-03-21', 1, plain)).toEqual({ start: '2026-03-23', end: '2026-03-23' });
  });

  it('skips holidays and counts 调休 Saturdays', () => {
    const calendar: Record<string, boolean> = {
      '2026-10-01': false,
      '2026-10-02': false,
      '2026-10-05': false,
      '2026-10-10': true,
    };
    const lookup = (day: string) => (day in calendar ? calendar[day] : isWorkday(day));
    expect(publicityWindow('2026-09-29', 5, lookup)).toEqual({ start: '2026-09-30', end: '2026-10-09' });
    expect(publicityWindow('2026-09-29', 6, lookup)).toEqual({ start: '2026-09-30', end: '2026-10-10' });
  });

  it('gives up on a calendar without workdays rather than looping', () => {
    expect(() => publicityWindow('2026-01-01', 1, () => false)).toThrow();
  });
});

describe('ballots', () => {
  const candidates = [
    { id: 'a', nomineeStaffId: 's1' },
    { id: 'b', nomineeStaffId: 's2' },
    { id: 'c', nomineeStaffId: 's3' },
    { id: 'd', nomineeStaffId: 'me' },
  ];
  const check = (choices: string[], ballotSize = 3) =>
    ballotProblem(choices, { ballotSize, candidates, selfStaffId: 'me' })?.rule ?? null;

  it('take 1..ballotSize distinct candidates, never oneself', () => {
    expect(check(['a'])).toBeNull();
    expect(check(['a', 'b', 'c'])).toBeNull();
    expect(check([])).toBe('ballotEmpty');
    expect(check(['a', 'a'])).toBe('ballotDuplicate');
    expect(check(['a', 'b', 'c'], 2)).toBe('ballotSize');
    expect(check(['a', 'x'])).toBe('notCandidate');
    expect(check(['d'])).toBe('selfVote');
  });
});

describe('what a member can do', () => {
  const round = {
    nominateUntil: '2026-03-06T10:00:00.000Z',
    voteUntil: '2026-03-13T10:00:00.000Z',
    publicityEndsAt: '2026-03-23T16:00:00.000Z',
  };
  const at = (iso: string) => new Date(iso);

  it('follows the phase and its deadline', () => {
    expect(roundStage({ ...round, phase: 'nominating' }, at('2026-03-06T09:59:59Z'), false).canNominate).toBe(true);
    expect(roundStage({ ...round, phase: 'nominating' }, at('2026-03-06T10:00:00Z'), false).canNominate).toBe(false);
    expect(roundStage({ ...round, phase: 'voting' }, at('2026-03-13T09:00:00Z'), false)).toMatchObject({
      canVote: true,
      votingClosed: false,
    });
    expect(roundStage({ ...round, phase: 'voting' }, at('2026-03-13T09:00:00Z'), true)).toMatchObject({
      canVote: false,
      hint: '您已投票，感谢参与',
    });
    expect(roundStage({ ...round, phase: 'voting' }, at('2026-03-13T10:00:00Z'), false)).toMatchObject({
      canVote: false,
      votingClosed: true,
    });
    expect(roundStage({ ...round, phase: 'publicity' }, at('2026-03-23T15:59:59Z'), true).canObject).toBe(true);
    expect(roundStage({ ...round, phase: 'publicity' }, at('2026-03-23T16:00:00Z'), true).canObject).toBe(false);
    expect(roundStage({ ...round, phase: 'reviewing' }, at('2026-03-07T00:00:00Z'), false)).toMatchObject({
      canNominate: false,
      canVote: false,
      canObject: false,
    });
  });
});

describe('schemas', () => {
  const nomination = { roundId: 'r', nomineeStaffId: 's', kind: 'peer', category: '个人品德', deeds: '好'.repeat(30) };

  it('hold deeds to 30–2000 characters after trimming, and photos to 3 valid ids', () => {
    expect(honorNominateInput.safeParse(nomination).success).toBe(true);
    expect(honorNominateInput.safeParse({ ...nomination, deeds: `  ${'好'.repeat(29)}  ` }).success).toBe(false);
    expect(honorNominateInput.safeParse({ ...nomination, deeds: '好'.repeat(2000) }).success).toBe(true);
    expect(honorNominateInput.safeParse({ ...nomination, deeds: '好'.repeat(2001) }).success).toBe(false);
    const photo = (n: number) => `upload:${String(n).padStart(24, '0')}.jpg`;
    expect(honorNominateInput.safeParse({ ...nomination, photos: [photo(1), photo(2), photo(3)] }).success).toBe(true);
    expect(
      honorNominateInput.safeParse({ ...nomination, photos: [photo(1), photo(2), photo(3), photo(4)] }).success,
    ).toBe(false);
    expect(honorNominateInput.safeParse({ ...nomination, photos: [photo(1), photo(1)] }).success).toBe(false);
  });

  it('know photo ids of the local server and of CloudBase only', () => {
    expect(isPhotoId('upload:0123456789abcdef01234567.webp')).toBe(true);
    expect(isPhotoId('cloud://env-1a2b.7465-env-1a2b-1300000000/honor/abc123.jpg')).toBe(true);
    expect(isPhotoId('upload:0123456789abcdef01234567.gif')).toBe(false);
    expect(isPhotoId('https://evil.example/a.jpg')).toBe(false);
    expect(isPhotoId('cloud://env/../../x.jpg')).toBe(false);
    expect(photoSrc('upload:0123456789abcdef01234567.png')).toBe('/uploads/0123456789abcdef01234567.png');
  });

  it('put the vote deadline after the nomination deadline and refuse duplicate choices', () => {
    const round = { title: '评选', nominateUntil: '2026-03-06T18:00:00+08:00', voteUntil: '2026-03-06T18:00:00+08:00' };
    expect(honorRoundCreateInput.safeParse(round).success).toBe(false);
    const parsed = honorRoundCreateInput.safeParse({ ...round, voteUntil: '2026-03-13T18:00:00+08:00' });
    expect(parsed.success && parsed.data.nominateUntil).toBe('2026-03-06T10:00:00.000Z');
    expect(honorVoteInput.safeParse({ roundId: 'r', nominationIds: ['a', 'a'] }).success).toBe(false);
  });
});
