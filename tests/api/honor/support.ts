import type { ActionInput } from '../../../src/core/contract';
import type { HonorNomination, HonorRound } from '../../../src/core/honor/contract';
import { type COLLECTION_SPECS } from '../../../server/features';
import type { TestServer } from '../support/harness';

/** A timeline in Asia/Shanghai (the process runs in UTC): Monday 2 March 2026 onwards. */
export const AT = {
  created: '2026-03-02T09:00:00+08:00',
  nominating: '2026-03-03T10:00:00+08:00',
  nominateUntil: '2026-03-06T18:00:00+08:00',
  reviewing: '2026-03-09T09:00:00+08:00',
  voting: '2026-03-10T09:00:00+08:00',
  voteUntil: '2026-03-13T18:00:00+08:00',
  /** Monday after voting closed. */
  select: '2026-03-16T10:00:00+08:00',
};

export const DEEDS =
  '她多年如一日扎根基层岗位，工作中认真细致、任劳任怨，业余时间坚持参加社区志愿服务，' +
  '帮助困难群众解决实际问题，在同事和群众中有很好的口碑。';

export const HONOR_COLLECTIONS = [
  'honorRounds',
  'honorNominations',
  'honorSeconds',
  'honorObjections',
  'honorVoters',
  'honorTallies',
] as const;

/** Helpers over the real server: logins by staff number, a round driven through its phases. */
export class HonorDriver {
  private readonly tokens = new Map<string, string>();
  private readonly ids = new Map<string, string>();

  constructor(readonly t: TestServer) {}

  async as(staffNo: string): Promise<string> {
    let token = this.tokens.get(staffNo);
    if (!token) {
      token = await this.t.login(`demo-${staffNo}`);
      this.tokens.set(staffNo, token);
    }
    return token;
  }

  async staffId(staffNo: string): Promise<string> {
    let id = this.ids.get(staffNo);
    if (!id) {
      const [doc] = await this.t.server.store.collection('staff').find({ staffNo }, { limit: 1 });
      id = doc._id;
      this.ids.set(staffNo, id);
    }
    return id;
  }

  at(iso: string): Promise<void> {
    return this.t.setClock(iso, true);
  }

  async create(overrides: Partial<ActionInput<'honor.round.create'>> = {}, when = AT.created): Promise<HonorRound> {
    await this.at(when);
    const input = { title: '测试评选', nominateUntil: AT.nominateUntil, voteUntil: AT.voteUntil, ...overrides };
    return (await this.t.ok('honor.round.create', input, await this.as('T0001'))).round;
  }

  async advance(roundId: string, to: ActionInput<'honor.round.advance'>['to']): Promise<HonorRound> {
    return (await this.t.ok('honor.round.advance', { roundId, to }, await this.as('T0001'))).round;
  }

  /** A round in `nominating`, at AT.nominating. */
  async open(overrides: Partial<ActionInput<'honor.round.create'>> = {}): Promise<HonorRound> {
    const round = await this.create(overrides);
    await this.at(AT.nominating);
    return this.advance(round.id, 'nominating');
  }

  async nominate(
    roundId: string,
    by: string,
    nominee: string,
    extra: Partial<ActionInput<'honor.nominate'>> = {},
  ): Promise<HonorNomination> {
    const input: ActionInput<'honor.nominate'> = {
      roundId,
      nomineeStaffId: await this.staffId(nominee),
      kind: by === nominee ? 'self' : 'peer',
      category: '职业道德',
      deeds: DEEDS,
      ...extra,
    };
    return (await this.t.ok('honor.nominate', input, await this.as(by))).nomination;
  }

  async review(nominationId: string, decision: 'approve' | 'reject', comment?: string): Promise<HonorNomination> {
    const input = { nominationId, decision, ...(comment ? { comment } : {}) };
    return (await this.t.ok('honor.review', input, await this.as('T0001'))).nomination;
  }

  /**
   * A round in `voting` at AT.voting with these nominees (nominated by T0004) approved
   * and `rejected` ones rejected. Resolves to the round and nomination ids by nominee staff number.
   */
  async voting(
    approved: string[],
    rejected: string[] = [],
    overrides: Partial<ActionInput<'honor.round.create'>> = {},
  ) {
    const round = await this.open(overrides);
    const ids: Record<string, string> = {};
    for (const no of [...approved, ...rejected]) ids[no] = (await this.nominate(round.id, 'T0004', no)).id;
    await this.at(AT.reviewing);
    await this.advance(round.id, 'reviewing');
    for (const no of approved) await this.review(ids[no], 'approve');
    for (const no of rejected) await this.review(ids[no], 'reject', '事迹不够具体');
    await this.at(AT.voting);
    return { round: await this.advance(round.id, 'voting'), ids };
  }

  /** Every document of the given collections, for "changes nothing" checks. */
  async snapshot(names: readonly string[] = [...HONOR_COLLECTIONS, 'inbox', 'audit']): Promise<string> {
    const out: Record<string, unknown[]> = {};
    for (const name of names) {
      const docs = await this.t.server.store
        .collection(name as keyof typeof COLLECTION_SPECS)
        .find({}, { limit: 1000 });
      out[name] = docs.map((d) => JSON.stringify(d)).sort();
    }
    return JSON.stringify(out);
  }
}
