/**
 * Limits of a roster import from a file (名册文件导入), shared by the page that reads the file and
 * the server that parses it, so that both refuse the same file with the same words.
 */

/** A unit's roster is hundreds of people; 5 MB of spreadsheet is far more than that. */
export const ROSTER_FILE_MAX_BYTES = 5 * 1024 * 1024;

/** Data rows under the header, notes and blank rows not counted. */
export const ROSTER_FILE_MAX_ROWS = 5000;

/** Rows per `staff.import` call: small enough for a cloud-function call, large enough to be quick. */
export const IMPORT_CHUNK_ROWS = 200;

export type RosterFileKind = 'xlsx' | 'csv';

/** Characters of the base64 text of `bytes` bytes (padded). */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

export const ROSTER_FILE_TOO_BIG = `文件不能超过 ${ROSTER_FILE_MAX_BYTES / 1024 / 1024} MB`;
export const ROSTER_FILE_TOO_MANY_ROWS = `一个文件最多 ${ROSTER_FILE_MAX_ROWS} 行数据，请分成几个文件导入`;

/** 'roster.XLSX' → 'xlsx'; anything else → null. */
export function rosterFileKind(fileName: string): RosterFileKind | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  return ext === 'xlsx' || ext === 'csv' ? ext : null;
}
