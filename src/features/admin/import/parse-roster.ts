import { readDelimited } from '../../../core/people/delimited';
import { readRoster, type ParseResult } from '../../../core/people/roster-sheet';

/**
 * Pasted roster text (copied from Excel as TSV, or CSV) → rows for `staff.import`, by the same
 * header and row rules the server applies to an uploaded file. Pure.
 */
export function parseRoster(text: string): ParseResult {
  return readRoster(readDelimited(text));
}

export type { ParsedRow, ParseResult, RowProblem } from '../../../core/people/roster-sheet';
export { parseRoles } from '../../../core/people/roster-sheet';
export { splitRecords } from '../../../core/people/delimited';
