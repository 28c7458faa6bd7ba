import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { readRoster } from '../../../../src/core/people/roster-sheet';
import { AppError } from '../../../../src/core/errors';
import { XLSX_MIME } from '../../../../src/core/report';
import type { Ctx } from '../ctx';
import { rosterWhere } from '../roster';
import { readRosterFile } from '../roster-file';
import { TEMPLATE_FILE_NAME, writeTemplate } from '../roster-xlsx';

/**
 * Roster import from a file, step one: read the file, check every row by the same rules as a paste
 * (src/core/people/roster-sheet.ts) and say what each good row would do. Nothing is written: the
 * page then sends the good rows to `staff.import` in chunks, so that it can show progress and no
 * single call outgrows a cloud function's time. A file that is not a roster is refused as a whole.
 */
export async function staffImportPreview(
  input: ParsedInput<'staff.import.preview'>,
  ctx: Ctx,
): Promise<ActionOutput<'staff.import.preview'>> {
  const records = await readRosterFile(input.fileName, Buffer.from(input.base64, 'base64'));
  const sheet = readRoster(records);
  if (sheet.fatal) throw new AppError('INVALID_INPUT', sheet.fatal);
  // The roster is bounded by the unit's size (hundreds): one read beats a look-up per row.
  const known = new Set((await rosterWhere(ctx.store, {})).map((s) => s.staffNo));
  const rows = sheet.rows.map(({ line, row }) => ({
    line,
    row,
    action: known.has(row.staffNo) ? ('update' as const) : ('create' as const),
  }));
  const updates = rows.filter((r) => r.action === 'update').length;
  return {
    fileName: input.fileName,
    rows,
    errors: sheet.problems,
    creates: rows.length - updates,
    updates,
    ignoredColumns: sheet.ignoredColumns,
  };
}

/** The template workbook: the header row the readers expect, an example row and a notes line. */
export async function staffImportTemplate(
  _input: ParsedInput<'staff.import.template'>,
  ctx: Ctx,
): Promise<ActionOutput<'staff.import.template'>> {
  const bytes = await writeTemplate(ctx.clock.now());
  return { fileName: TEMPLATE_FILE_NAME, mime: XLSX_MIME, base64: bytes.toString('base64') };
}
