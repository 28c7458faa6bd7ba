import type { HonorNomination, HonorRound } from '@/core/honor/contract';
import { roundStage } from '@/core/honor/rules';

/** Fixtures far in the future, so that the client's own clock never interferes. */
export function honorRound(overrides: Partial<HonorRound> = {}): HonorRound {
  const base = {
    id: 'r-1',
    title: '第一季度好人榜',
    categories: ['个人品德', '职业道德'],
    ballotSize: 2,
    publicityDays: 5,
    nominateUntil: '2099-01-01T10:00:00.000Z',
    voteUntil: '2099-02-01T10:00:00.000Z',
    phase: 'voting' as const,
    createdAt: '2098-12-01T00:00:00.000Z',
    nominationCount: 4,
    candidateCount: 4,
    voted: false,
    ...overrides,
  };
  const now = new Date(base.phase === 'nominating' ? '2098-12-15T00:00:00Z' : '2099-01-15T00:00:00Z');
  return { ...base, stage: overrides.stage ?? roundStage(base, now, base.voted) };
}

export function nomination(
  id: string,
  nomineeId: string,
  name: string,
  overrides: Partial<HonorNomination> = {},
): HonorNomination {
  return {
    id,
    roundId: 'r-1',
    nominee: { id: nomineeId, name, department: '国库科' },
    kind: 'peer',
    category: '职业道德',
    deeds: `${name}同志工作认真负责，乐于助人，多年来坚持为群众办实事，口碑很好。`,
    photos: [],
    seconders: 0,
    createdAt: '2098-12-02T00:00:00.000Z',
    relation: [],
    ...overrides,
  };
}
