import type { HonorPhase } from '../../../src/core/honor';
import type { FeatureJob } from '../../kernel/jobs';
import { MAX_LIMIT } from '../../store/port';
import { notifyAll } from '../inbox';
import { type NoticeCollections, once } from '../notice';
import { rosterWhere } from '../people';
import type { HonorRoundDoc } from './collections';
import type { HonorWorld } from './ctx';

const ADMIN_LINK = '/subpackages/honor/admin/index';

/** A deadline that passed while its phase still waits for an admin, and what to tell them. */
interface Due {
  phase: HonorPhase;
  step: string;
  until: (round: HonorRoundDoc) => string | undefined;
  title: string;
  body: (round: HonorRoundDoc) => string;
}

const DEADLINES: readonly Due[] = [
  {
    phase: 'nominating',
    step: 'nominateClosed',
    until: (r) => r.nominateUntil,
    title: '好人榜推荐已截止',
    body: (r) => `“${r.title}”的推荐已截止（共 ${r.nominationCount} 份），请进入审核。`,
  },
  {
    phase: 'voting',
    step: 'voteClosed',
    until: (r) => r.voteUntil,
    title: '好人榜投票已截止',
    body: (r) => `“${r.title}”的投票已截止，不再接受投票。请查看结果并选定当选者。`,
  },
  {
    phase: 'publicity',
    step: 'publicityEnded',
    until: (r) => r.publicityEndsAt,
    title: '好人榜公示期已满',
    body: (r) => `“${r.title}”的公示期已满，请处理异议后发布。`,
  },
];

/**
 * The deadlines of 好人榜 rounds (DESIGN.md §5): each phase moves only by an admin's
 * `honor.round.advance`, and the rules already refuse what a passed deadline closes (ballots after
 * `voteUntil`, objections after publicity). What the job adds is the word to the admins, once per
 * round and deadline (`honor:<roundId>:<step>`), in their inbox (and WeChat, if they consented).
 */
export const honorDeadlines: FeatureJob<HonorWorld & NoticeCollections> = {
  name: 'honor.deadlines',
  async run({ store, now }) {
    const rounds = await store
      .collection('honorRounds')
      .find({ phase: { in: DEADLINES.map((d) => d.phase) } }, { limit: MAX_LIMIT });
    const lines: string[] = [];
    let admins: string[] | null = null;
    for (const round of rounds) {
      const due = DEADLINES.find((d) => d.phase === round.phase);
      const until = due?.until(round);
      if (!due || !until || now.getTime() < Date.parse(until)) continue;
      admins ??= (await rosterWhere(store, { active: true }))
        .filter((s) => s.roles.includes('admin'))
        .map((s) => s._id);
      const to = admins;
      const told = await once(store, `honor:${round._id}:${due.step}`, now, (tx) =>
        notifyAll(
          tx,
          to.map((staffId) => ({
            staffId,
            kind: 'honor.deadline',
            title: due.title,
            body: due.body(round),
            link: ADMIN_LINK,
          })),
          now,
        ),
      );
      if (told) lines.push(`${round.title}: ${due.step}, ${to.length} admins told`);
    }
    return lines;
  },
};
