import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { monthParticipation } from '../../reading';
import { volunteerYear } from '../../volunteer';
import type { Ctx } from '../ctx';

/** Rounds that still move: from the call for nominations to the end of publicity. */
const OPEN_PHASES = ['nominating', 'reviewing', 'voting', 'publicity'] as const;

/**
 * The office's figures for a month: each one a counter document or an indexed count, so the cost is
 * the same with one year of history or ten (DESIGN.md §2, the Store port).
 */
export async function dashboardSummary(
  input: ParsedInput<'dashboard.summary'>,
  ctx: Ctx,
): Promise<ActionOutput<'dashboard.summary'>> {
  const year = Number(input.month.slice(0, 4));
  const now = ctx.clock.now().toISOString();
  const { store } = ctx;
  const [participation, volunteer, settings, activeMembers, rounds, events, activities, unanswered] = await Promise.all(
    [
      monthParticipation({ month: input.month }, ctx),
      volunteerYear(store, year),
      ctx.settings(),
      store.collection('staff').count({ active: true }),
      store.collection('honorRounds').count({ phase: { in: [...OPEN_PHASES] } }),
      store.collection('volunteerEvents').count({ status: 'active', endAt: { gt: now } }),
      store.collection('activities').count({ status: 'active', endAt: { gt: now } }),
      store.collection('mailbox').count({ status: 'open' }),
    ],
  );
  const { total } = volunteer;
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  return {
    month: input.month,
    year,
    activeMembers,
    reading: {
      workdays: participation.workdays,
      rate: participation.total.rate,
      departments: participation.departments.map((d) => ({
        department: d.department,
        headcount: d.headcount,
        participants: d.participants,
        rate: d.rate,
      })),
      branches: participation.byBranch.map((b) => ({
        branch: b.branch,
        headcount: b.headcount,
        participants: b.participants,
        rate: b.rate,
      })),
    },
    volunteer: {
      months: volunteer.months,
      hours: total.hours,
      services: total.services,
      volunteers: total.volunteers,
      volunteerRate: Math.min(1, share(total.volunteers, activeMembers)),
      hoursPerPerson: Math.round(share(total.hours, activeMembers) * 10) / 10,
      targetHours: settings.volunteerHoursTarget,
    },
    open: { rounds, events, activities },
    mailbox: { unanswered },
  };
}
