import { addDays, type DayKey } from '../time';

/** The good-person list (好人榜, DESIGN.md §5): pure rules shared by client and server. */

export const HONOR_PHASES = [
  'draft',
  'nominating',
  'reviewing',
  'voting',
  'publicity',
  'published',
  'cancelled',
] as const;
export type HonorPhase = (typeof HONOR_PHASES)[number];

/** The forward path; `cancelled` is reachable from every phase before `published`. */
export const PHASE_ORDER: readonly HonorPhase[] = [
  'draft',
  'nominating',
  'reviewing',
  'voting',
  'publicity',
  'published',
];

export const PHASE_LABELS: Record<HonorPhase, string> = {
  draft: '草稿',
  nominating: '推荐中',
  reviewing: '审核中',
  voting: '投票中',
  publicity: '公示中',
  published: '已发布',
  cancelled: '已取消',
};

export const HONOR_KINDS = ['self', 'org', 'peer'] as const;
export type HonorKind = (typeof HONOR_KINDS)[number];

export const KIND_LABELS: Record<HonorKind, string> = {
  self: '个人自荐',
  org: '党团组织举荐',
  peer: '民主推荐',
};

export const DEFAULT_CATEGORIES = ['个人品德', '家庭美德', '职业道德', '社会公德'] as const;
export const DEFAULT_BALLOT_SIZE = 3;
export const DEFAULT_PUBLICITY_DAYS = 5;
export const DEEDS_MIN = 30;
export const DEEDS_MAX = 2000;
export const MAX_PHOTOS = 3;
export const OBJECTION_MIN = 5;
export const OBJECTION_MAX = 500;

/** Photos are file ids: the local server's `upload:<hex>.<ext>` or a CloudBase `cloud://…` file id. */
export const LOCAL_PHOTO_RE = /^upload:[0-9a-f]{24}\.(jpg|png|webp)$/;
export const CLOUD_PHOTO_RE = /^cloud:\/\/[A-Za-z0-9._-]+\/[A-Za-z0-9._\-/]+\.(jpg|jpeg|png|webp)$/;
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

export function isPhotoId(value: string): boolean {
  return value.length <= 300 && !value.includes('..') && (LOCAL_PHOTO_RE.test(value) || CLOUD_PHOTO_RE.test(value));
}

/** Where a photo is shown from: the local server serves uploads itself; weapp images take cloud ids. */
export function photoSrc(id: string): string {
  return id.startsWith('upload:') ? `/uploads/${id.slice('upload:'.length)}` : id;
}

export interface Refusal {
  rule: string;
  message: string;
}

/**
 * Whether a round may move from `from` to `to` by `honor.round.advance`, as far as the order goes.
 * Voting ends in `honor.select` (it needs the winners), so `publicity` is not a target here.
 */
export function phaseMoveProblem(from: HonorPhase, to: HonorPhase): Refusal | null {
  if (from === 'published' || from === 'cancelled') {
    return { rule: 'phaseFinal', message: `本轮评选${PHASE_LABELS[from]}，不能再变更` };
  }
  if (to === 'cancelled') return null;
  if (to === 'publicity') return { rule: 'phaseOrder', message: '请在计票后选定入选人员，评选随即进入公示' };
  const next = PHASE_ORDER[PHASE_ORDER.indexOf(from) + 1];
  if (to !== next) {
    return { rule: 'phaseOrder', message: `只能从“${PHASE_LABELS[from]}”进入“${PHASE_LABELS[next]}”，不能跳过或回退` };
  }
  return null;
}

/**
 * Publicity covers `days` workdays counted from the day after the winners are announced (a period
 * counted in days starts the next day, as 民法典 §201 has it), so that an announcement late in the
 * evening still leaves full days for objections. It ends at local midnight after its last day.
 */
export function publicityWindow(
  announcedOn: DayKey,
  days: number,
  isWorkday: (day: DayKey) => boolean,
): { start: DayKey; end: DayKey } {
  let day = announcedOn;
  let start: DayKey | null = null;
  let counted = 0;
  // A year without `days` workdays would be a broken calendar; stop rather than loop forever.
  for (let i = 0; i < 366 && counted < days; i++) {
    day = addDays(day, 1);
    if (isWorkday(day)) {
      start ??= day;
      counted++;
    }
  }
  if (start === null || counted < days) throw new Error(`no ${days} workdays within a year after ${announcedOn}`);
  return { start, end: day };
}

export interface BallotCandidate {
  id: string;
  nomineeStaffId: string;
}

/** A ballot's problems in the order a voter would fix them; null when it may be cast. */
export function ballotProblem(
  choices: readonly string[],
  options: { ballotSize: number; candidates: readonly BallotCandidate[]; selfStaffId: string },
): Refusal | null {
  if (choices.length === 0) return { rule: 'ballotEmpty', message: '请至少选择 1 位候选人' };
  if (new Set(choices).size !== choices.length) return { rule: 'ballotDuplicate', message: '同一位候选人只能选一次' };
  if (choices.length > options.ballotSize) {
    return { rule: 'ballotSize', message: `每张选票最多选择 ${options.ballotSize} 位候选人` };
  }
  const byId = new Map(options.candidates.map((c) => [c.id, c]));
  for (const id of choices) {
    const candidate = byId.get(id);
    if (!candidate) return { rule: 'notCandidate', message: '所选人员不在本轮候选名单中' };
    if (candidate.nomineeStaffId === options.selfStaffId) return { rule: 'selfVote', message: '不能投票给自己' };
  }
  return null;
}

export interface RoundClock {
  phase: HonorPhase;
  nominateUntil: string;
  voteUntil: string;
  publicityEndsAt?: string;
}

/** What a member can do in a round now: the 好人榜 tab's buttons and their explanation. */
export interface RoundStage {
  canNominate: boolean;
  canVote: boolean;
  canObject: boolean;
  /** Tallies exist and voting has closed (admins may read them; everyone once published). */
  votingClosed: boolean;
  /** One line for the member: what is going on and until when. */
  hint: string;
}

export function roundStage(round: RoundClock, now: Date, voted: boolean): RoundStage {
  const t = now.getTime();
  const nominateOpen = round.phase === 'nominating' && t < Date.parse(round.nominateUntil);
  const voteOpen = round.phase === 'voting' && t < Date.parse(round.voteUntil);
  const publicityOpen =
    round.phase === 'publicity' && (round.publicityEndsAt === undefined || t < Date.parse(round.publicityEndsAt));
  const votingClosed =
    (round.phase === 'voting' && !voteOpen) || round.phase === 'publicity' || round.phase === 'published';
  return {
    canNominate: nominateOpen,
    canVote: voteOpen && !voted,
    canObject: publicityOpen,
    votingClosed,
    hint: stageHint(round.phase, { nominateOpen, voteOpen, publicityOpen, voted }),
  };
}

function stageHint(
  phase: HonorPhase,
  s: { nominateOpen: boolean; voteOpen: boolean; publicityOpen: boolean; voted: boolean },
): string {
  switch (phase) {
    case 'draft':
      return '本轮评选尚未开始';
    case 'nominating':
      return s.nominateOpen ? '可以推荐身边好人，或为已有推荐附议' : '推荐已截止，等待审核';
    case 'reviewing':
      return '推荐已截止，单位正在审核';
    case 'voting':
      if (!s.voteOpen) return '投票已截止，等待确定入选名单';
      return s.voted ? '您已投票，感谢参与' : '请为候选人投票，选票一经提交不可更改';
    case 'publicity':
      return s.publicityOpen ? '入选名单公示中，如有异议可实名反映' : '公示期已结束，等待发布';
    case 'published':
      return '评选结果已发布';
    case 'cancelled':
      return '本轮评选已取消';
  }
}
