/** Pages of the 好人榜 subpackage (the tab itself is ROUTES.honor). */
export const HONOR_ROUTES = {
  nominate: '/subpackages/honor/nominate/index',
  vote: '/subpackages/honor/vote/index',
  admin: '/subpackages/honor/admin/index',
  manage: '/subpackages/honor/manage/index',
} as const;

export function withRound(url: string, roundId: string): string {
  return `${url}?roundId=${encodeURIComponent(roundId)}`;
}

export { decodeParam } from '../session/routes';
