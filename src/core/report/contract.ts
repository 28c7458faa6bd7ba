import * as z from 'zod/mini';
import { ADMIN, privilegedWrite } from '../contract/define';
import { dayKey } from '../contract/fields';
import { REPORT_KINDS, type ReportFile } from './views';

/**
 * `from ≤ to` is checked here (a field error under 结束日期); the length of the period is a business
 * rule (RULE `periodTooLong`), checked by the handler with the same pure function the form uses.
 */
export const reportExportInput = z
  .strictObject({
    kind: z.enum(REPORT_KINDS, { message: '未知的报表类型' }),
    from: dayKey,
    to: dayKey,
  })
  .check(z.refine((v) => v.to >= v.from, { message: '结束日期不能早于开始日期', path: ['to'] }));

export const reportActions = {
  // Audited like a write: an export carries the whole unit's personal records off the system.
  'report.export': privilegedWrite(reportExportInput, ADMIN),
} as const;

export interface ReportOutputs {
  'report.export': ReportFile;
}
