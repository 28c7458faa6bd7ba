import { SCENE_PAGE } from '@/core/volunteer/scene';

/** Pages of the volunteer subpackage (the list itself is a segment of the 活动 tab). */
export const VOLUNTEER_ROUTES = {
  event: `/${SCENE_PAGE}`,
  records: '/subpackages/volunteer/records/index',
  certificate: '/subpackages/volunteer/certificate/index',
  edit: '/subpackages/volunteer/edit/index',
  manage: '/subpackages/volunteer/manage/index',
  code: '/subpackages/volunteer/code/index',
} as const;

export function withEvent(url: string, eventId: string): string {
  return `${url}?id=${encodeURIComponent(eventId)}`;
}

export function withYear(url: string, year: number): string {
  return `${url}?year=${year}`;
}

export { decodeParam } from '../session/routes';
