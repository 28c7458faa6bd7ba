import { entrySize, teamSizeProblem, type TeamBounds } from '../../core/activity/rules';
import { TEAM_NAME_MAX } from '../../core/activity/contract';
import type { StaffPick } from '../../core/people/views';
import type { FieldErrors } from '../forms/issues';

/** The team registration form before it is sent: checked here with the same rules the server applies. */
export interface TeamDraft {
  name: string;
  members: StaffPick[];
}

export function checkTeamDraft(item: TeamBounds, draft: TeamDraft): FieldErrors {
  const errors: FieldErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = '请填写队名';
  else if (name.length > TEAM_NAME_MAX) errors.name = `队名最多 ${TEAM_NAME_MAX} 个字`;
  const size = teamSizeProblem(item, draft.members.length + 1);
  if (size) errors.members = size.message;
  return errors;
}

/** Why a colleague cannot be added to the picked list, or null. */
export function pickProblem(
  item: TeamBounds,
  captainId: string,
  picked: readonly StaffPick[],
  candidate: StaffPick,
): string | null {
  if (candidate.id === captainId) return '队长已是队员，无需再选自己';
  if (picked.some((p) => p.id === candidate.id)) return `${candidate.name}已在队员名单中`;
  if (picked.length + 1 >= entrySize(item).max) return `队伍最多 ${entrySize(item).max} 人（含队长）`;
  return null;
}

export function sizeHint(item: TeamBounds, count: number): string {
  const { min, max } = entrySize(item);
  const range = min === max ? `${min} 人` : `${min}–${max} 人`;
  return `已选 ${count} 人（含队长），需 ${range}`;
}
