import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { ruleError } from '../../../../src/core/errors';
import { periodProblem, REPORT_KIND_LABELS, type ReportKind, XLSX_MIME } from '../../../../src/core/report';
import type { Settings } from '../../../../src/core/settings/schema';
import type { Ctx } from '../ctx';
import { activityReport } from '../kinds/activity';
import { checkinsReport } from '../kinds/checkins';
import { honorReport } from '../kinds/honor';
import { ledgerSheets } from '../kinds/ledger';
import { volunteerReport } from '../kinds/volunteer';
import { type Period, periodOf } from '../period';
import { type SheetSpec, sheetPerTable, writeWorkbook } from '../workbook';

type Build = (ctx: Ctx, period: Period, settings: Settings) => Promise<SheetSpec[]>;

const BUILDERS: Record<ReportKind, Build> = {
  checkins: async (ctx, period) => sheetPerTable((await checkinsReport(ctx, period)).tables),
  volunteer: async (ctx, period) => sheetPerTable((await volunteerReport(ctx, period)).tables),
  honor: async (ctx, period) => sheetPerTable((await honorReport(ctx, period)).tables),
  activity: async (ctx, period) => sheetPerTable((await activityReport(ctx, period)).tables),
  ledger: ledgerSheets,
};

/**
 * One export as an .xlsx inside the answer. It only reads; it is audited all the same (the contract
 * marks it so), since it carries the unit's personal records out of the system.
 */
export async function reportExport(
  input: ParsedInput<'report.export'>,
  ctx: Ctx,
): Promise<ActionOutput<'report.export'>> {
  const problem = periodProblem(input.from, input.to);
  if (problem) throw ruleError('periodTooLong', problem);
  const settings = await ctx.settings();
  const period = periodOf(input.from, input.to, settings.timeZone);
  const sheets = await BUILDERS[input.kind](ctx, period, settings);
  const { buffer, rows } = await writeWorkbook(sheets, { creator: settings.unitName, created: ctx.clock.now() });
  ctx.auditTarget(`report:${input.kind}:${input.from}~${input.to}`);
  return {
    fileName: `${REPORT_KIND_LABELS[input.kind]}_${input.from}_${input.to}.xlsx`,
    mime: XLSX_MIME,
    base64: buffer.toString('base64'),
    rows,
    bytes: buffer.length,
  };
}
