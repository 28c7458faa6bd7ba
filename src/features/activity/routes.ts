/** Pages of the activity subpackage (the list itself is the 文体活动 segment of the 活动 tab). */
export const ACTIVITY_ROUTES = {
  detail: '/subpackages/activity/detail/index',
  manage: '/subpackages/activity/manage/index',
  edit: '/subpackages/activity/edit/index',
  roster: '/subpackages/activity/roster/index',
} as const;

export function withId(url: string, id: string): string {
  return `${url}?id=${encodeURIComponent(id)}`;
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
