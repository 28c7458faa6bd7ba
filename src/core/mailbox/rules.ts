/** 投诉建议 / 局长信箱 (DESIGN.md §4, §6): categories, limits, receipt codes and the life of a message. */
import { BIND_CODE_ALPHABET, formatBindCode, normalizeBindCode } from '../people';

export const MAIL_CATEGORIES = ['投诉', '建议', '其他'] as const;
export type MailCategory = (typeof MAIL_CATEGORIES)[number];
export const MAIL_DEFAULT_CATEGORY: MailCategory = '其他';

/** open: not yet answered; replied: answered at least once; closed: no more replies. */
export const MAIL_STATUSES = ['open', 'replied', 'closed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export const MAIL_STATUS_LABELS: Record<MailStatus, string> = { open: '待答复', replied: '已答复', closed: '已办结' };

export const MAIL_SUBJECT_MAX = 60;
export const MAIL_BODY_MIN = 5;
export const MAIL_BODY_MAX = 2000;
export const MAIL_REPLY_MAX = 2000;
/** A message is a letter, not a chat: past this many answers the office closes it and a new one is written. */
export const MAIL_REPLIES_MAX = 20;
export const MAIL_PAGE_SIZE = 20;

/** Who answered, as members see it: the office speaks as one, never an admin by name. */
export const MAIL_OFFICE = '办公室';
/** How an anonymous sender is shown to the office. */
export const MAIL_ANONYMOUS = '匿名';

/**
 * Receipt codes (回执码) use the bind codes' alphabet (no 0/O, 1/I/L: read off a screen and typed back),
 * two characters longer: a receipt code lives as long as its message, not 72 hours.
 * 31^12 ≈ 7.9 × 10^17 against 5 wrong guesses an hour per openid.
 */
export const RECEIPT_CODE_ALPHABET = BIND_CODE_ALPHABET;
export const RECEIPT_CODE_LENGTH = 12;

/** As typed: case, spaces and dashes do not matter (same rule as bind codes). */
export const normalizeReceiptCode = normalizeBindCode;
/** Grouped by four for reading and copying: 'ABCD-EFGH-JKMN'. */
export const formatReceiptCode = formatBindCode;

/** The mailbox page, for the inbox notice of a reply (client route). */
export function mailboxLink(): string {
  return '/subpackages/mailbox/index/index';
}
