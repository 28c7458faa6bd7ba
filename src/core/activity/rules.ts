import { type Schedule, scheduleStage } from '../schedule';
/**
 * Pure rules of sports and culture activities (活动报名, DESIGN.md §5): schedule, deadline, team size,
 * the per-person item limit and gender restriction. No IO: the server and the client forms share them.
 */

export const ACTIVITY_KINDS = ['sports', 'kite', 'singing', 'speech', 'walking', 'lecture', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  sports: '体育比赛',
  kite: '风筝比赛',
  singing: '歌咏比赛',
  speech: '演讲比赛',
  walking: '健步走',
  lecture: '讲堂',
  other: '其他',
};

export const ITEM_MODES = ['individual', 'team'] as const;
export type ItemMode = (typeof ITEM_MODES)[number];

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

export const DEFAULT_MAX_ITEMS_PER_PERSON = 2;
export const TEAM_MIN_LOWEST = 2;
export const TEAM_MAX_HIGHEST = 50;

/** Where an activity stands at an instant. */
export type ActivityPhase = 'open' | 'closed' | 'ongoing' | 'ended' | 'cancelled';

export const ACTIVITY_PHASE_LABELS: Record<ActivityPhase, string> = {
  open: '报名中',
  closed: '报名已截止',
  ongoing: '进行中',
  ended: '已结束',
  cancelled: '已取消',
};

const ms = (iso: string) => Date.parse(iso);

export function activityPhase(a: Schedule & { cancelled: boolean }, now: Date): ActivityPhase {
  if (a.cancelled) return 'cancelled';
  const stage = scheduleStage(a, now);
  return stage === 'over' ? 'ended' : stage;
}

/** Registering, withdrawing, leaving and adding members are allowed strictly before the deadline. */
export function signupOpen(a: Pick<Schedule, 'signupDeadline'>, now: Date): boolean {
  return now.getTime() < ms(a.signupDeadline);
}

/** Placings may be recorded once the activity has begun (a sports day records each event as it ends). */
export function resultsOpen(a: Pick<Schedule, 'startAt'>, now: Date): boolean {
  return now.getTime() >= ms(a.startAt);
}

/** A Chinese reason when the schedule does not hold together, else null. */
export function scheduleProblem(s: Schedule): { field: keyof Schedule; message: string } | null {
  if (ms(s.endAt) <= ms(s.startAt)) return { field: 'endAt', message: '结束时间应晚于开始时间' };
  if (ms(s.signupDeadline) > ms(s.startAt)) return { field: 'signupDeadline', message: '报名截止时间不能晚于开始时间' };
  return null;
}

export interface TeamBounds {
  mode: ItemMode;
  teamMin?: number | null;
  teamMax?: number | null;
}

/** People an entry of this item holds at least and at most. */
export function entrySize(item: TeamBounds): { min: number; max: number } {
  if (item.mode === 'individual') return { min: 1, max: 1 };
  return { min: item.teamMin ?? TEAM_MIN_LOWEST, max: item.teamMax ?? TEAM_MAX_HIGHEST };
}

export type TeamSizeProblem = { rule: 'teamTooSmall' | 'teamTooLarge'; message: string };

/** The team's size (captain included) against the item's bounds. */
export function teamSizeProblem(item: TeamBounds, size: number): TeamSizeProblem | null {
  const { min, max } = entrySize(item);
  if (size > max) return { rule: 'teamTooLarge', message: `队伍最多 ${max} 人（含队长），当前 ${size} 人` };
  if (size < min) return { rule: 'teamTooSmall', message: `队伍至少 ${min} 人（含队长），当前 ${size} 人` };
  return null;
}

/** A team below its minimum keeps its place but is shown as incomplete to its captain and the organizer. */
export function teamComplete(item: TeamBounds, size: number): boolean {
  return size >= entrySize(item).min;
}

/** What is wrong with a captain's list of other members, before anyone is looked up. */
export function memberListProblem(captainId: string, memberIds: readonly string[]): string | null {
  if (memberIds.includes(captainId)) return '队长已是队员，无需再选自己';
  if (new Set(memberIds).size !== memberIds.length) return '队员名单中有重复的人';
  return null;
}

/** Whether a person may take one more item of an activity (a team membership counts as an item). */
export function withinItemLimit(itemsTaken: number, maxItemsPerPerson: number): boolean {
  return itemsTaken < maxItemsPerPerson;
}

export function itemLimitMessage(name: string | null, maxItemsPerPerson: number): string {
  const who = name ? `${name}已` : '您已';
  return `${who}报名 ${maxItemsPerPerson} 个项目，本活动每人最多报 ${maxItemsPerPerson} 项`;
}

/** A restricted item admits only people whose recorded gender matches; unrecorded does not match. */
export function genderAllows(restriction: Gender | undefined, gender: Gender | undefined): boolean {
  return restriction === undefined || gender === restriction;
}

export function genderMessage(name: string | null, restriction: Gender, gender: Gender | undefined): string {
  const who = name ?? '您';
  if (gender === undefined) {
    return `该项目限${GENDER_LABELS[restriction]}子参加，名册中没有${who}的性别信息，请联系办公室补录`;
  }
  return `该项目限${GENDER_LABELS[restriction]}子参加，${who}不符合条件`;
}

/** Placings: each entry at most once; places are 1-based; ties share a place. */
export function placingsProblem(placings: readonly { entryId: string; place: number }[]): string | null {
  const ids = placings.map((p) => p.entryId);
  if (new Set(ids).size !== ids.length) return '同一报名不能有两个名次';
  return null;
}

export function itemRequirement(item: TeamBounds & { gender?: Gender | null }): string {
  const parts: string[] = [];
  if (item.mode === 'individual') parts.push('个人');
  else {
    const { min, max } = entrySize(item);
    parts.push(min === max ? `团体 ${min} 人` : `团体 ${min}–${max} 人`);
  }
  if (item.gender) parts.push(`限${GENDER_LABELS[item.gender]}`);
  return parts.join(' · ');
}
