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

export { decodeParam } from '../session/routes';
