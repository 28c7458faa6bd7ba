import { Workbook, type CellValue, type Worksheet } from 'exceljs';
import type { ActionInput, ActionOutput } from '../../../src/core/contract';
import type { TestServer } from '../support/harness';

/** Exports read back with exceljs, as a spreadsheet would open them. */

export type ExportInput = ActionInput<'report.export'>;

export async function exportFile(t: TestServer, input: ExportInput, token: string) {
  const file: ActionOutput<'report.export'> = await t.ok('report.export', input, token);
  const workbook = new Workbook();
  const bytes = Buffer.from(file.base64, 'base64');
  // exceljs types its input as its own ArrayBuffer-like Buffer: hand it the bytes as an ArrayBuffer.
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { file, workbook };
}

export function sheet(workbook: Workbook, name: string): Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}: ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

/** The frozen header's row number (views' ySplit), after asserting the header is frozen. */
export function headerRow(ws: Worksheet): number {
  const view = ws.views[0];
  if (view?.state !== 'frozen' || !view.ySplit) throw new Error(`sheet ${ws.name} has no frozen header`);
  return view.ySplit;
}

export function headers(ws: Worksheet, row = headerRow(ws)): CellValue[] {
  return (ws.getRow(row).values as CellValue[]).slice(1);
}

/** Data rows under the frozen header of a one-table sheet, as arrays of cell values (column A first). */
export function rowsOf(ws: Worksheet): CellValue[][] {
  const out: CellValue[][] = [];
  ws.eachRow((row, n) => {
    if (n > headerRow(ws)) out.push((row.values as CellValue[]).slice(1));
  });
  return out;
}

/** A column's values by its header; an empty cell reads as '' (the streamed sheet leaves it out). */
export function column(ws: Worksheet, header: string): CellValue[] {
  const at = headers(ws).indexOf(header);
  if (at < 0) throw new Error(`no column ${header} in ${ws.name}`);
  return rowsOf(ws).map((r) => r[at] ?? '');
}

/** Every column of the sheet's header has a width set. */
export function widthsSet(ws: Worksheet): boolean {
  return headers(ws).every((_, i) => (ws.getColumn(i + 1).width ?? 0) > 0);
}
