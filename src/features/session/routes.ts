/** Page URLs in one place: a typo here would be a dead link only found at run time. */
export const ROUTES = {
  home: '/pages/index/index',
  reading: '/pages/reading/index',
  honor: '/pages/honor/index',
  activity: '/pages/activity/index',
  me: '/pages/me/index',
  bind: '/pages/bind/index',
  login: '/pages/login/index',
  adminHome: '/subpackages/admin/index/index',
  adminRoster: '/subpackages/admin/roster/index',
  adminStaff: '/subpackages/admin/staff/index',
  adminImport: '/subpackages/admin/import/index',
  adminBindCodes: '/subpackages/admin/bindcodes/index',
  adminSettings: '/subpackages/admin/settings/index',
  adminCalendar: '/subpackages/admin/calendar/index',
  adminReports: '/subpackages/admin/reports/index',
  adminAudit: '/subpackages/admin/audit/index',
  adminBranches: '/subpackages/admin/branches/index',
  adminNotices: '/subpackages/admin/notices/index',
  mailbox: '/subpackages/mailbox/index/index',
  mailboxWrite: '/subpackages/mailbox/write/index',
  mailboxAdmin: '/subpackages/mailbox/admin/index',
  mailboxDetail: '/subpackages/mailbox/detail/index',
} as const;

/** weapp hands query values over still encoded, H5 decoded; decoding twice is harmless for ids. */
export function decodeParam(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
