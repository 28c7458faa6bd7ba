/** 投诉建议 / 局长信箱 (DESIGN.md §4, §6): categories and the life of a message. */
export const MAIL_CATEGORIES = ['投诉', '建议', '其他'] as const;
export type MailCategory = (typeof MAIL_CATEGORIES)[number];

/** open: not yet answered; replied: answered at least once; closed: no more replies. */
export const MAIL_STATUSES = ['open', 'replied', 'closed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
