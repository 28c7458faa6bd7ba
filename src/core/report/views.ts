/** What `report.export` answers: the kinds of export and the file, inline. */

export const REPORT_KINDS = ['checkins', 'volunteer', 'honor', 'activity', 'ledger'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The kinds as the admin page and the file names say them. */
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  checkins: '晨读打卡统计',
  volunteer: '志愿服务记录',
  honor: '好人榜评选',
  activity: '文体活动名单',
  ledger: '创建台账',
};

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The workbook, base64 inside the answer: no storage round trip, but the cloud function's answer has a
 * size limit, so a very large period may need a file upload instead (not done yet).
 */
export interface ReportFile {
  /** e.g. 创建台账_2026-01-01_2026-12-31.xlsx */
  fileName: string;
  mime: typeof XLSX_MIME;
  base64: string;
  /** Data rows written over all sheets (headers and notes not counted). */
  rows: number;
  /** Size of the file itself (before base64). */
  bytes: number;
}
