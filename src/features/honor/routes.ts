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

/** weapp hands query values over still encoded, H5 decoded; decoding twice is harmless for ids. */
export function decodeParam(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
