import type * as ExcelJS from 'exceljs';
import { loadExcel } from '../../kernel/excel';
import type { Cells } from '../../../src/core/people/delimited';
import { ROSTER_FILE_MAX_ROWS } from '../../../src/core/people/import-limits';
import { TEMPLATE_HEADERS } from '../../../src/core/people/roster-sheet';
import { AppError } from '../../../src/core/errors';

/**
 * The roster as an Excel workbook: reading an uploaded .xlsx into records of text cells, and writing
 * the import template.
 */

/**
 * What the zip's central directory says its entries unpack to. exceljs unpacks everything into
 * memory, so a 5 MB "zip bomb" could unpack to gigabytes: the declared sizes are checked first. A
 * real roster of 5,000 rows unpacks to a few MB. Null when the directory cannot be read.
 */
function unpackedSize(zip: Buffer): number | null {
  const from = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
    const size = zip.readUInt32LE(at + 24);
    // 0xFFFFFFFF: the real size is in a ZIP64 field; no roster needs 4 GB, so take it as too large.
    total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

/** Columns read per row: a roster has seven; a sheet that fills thousands is not a roster. */
const MAX_COLUMNS = 50;

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // A 工号 or 手机 typed as a number: 13800000000 reads back as the digits, not 1.38E+10.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  // Rich text, hyperlinks and formulas: exceljs's text is what the cell shows.
  return cell.text;
}

const UNREADABLE = '无法读取该 Excel 文件，请在 Excel 或 WPS 中另存为 .xlsx 后重试';

/** The first worksheet's non-blank rows, each with Excel's row number as its line. */
export async function readXlsx(bytes: Buffer): Promise<Cells[]> {
  const unpacked = unpackedSize(bytes);
  if (unpacked === null) throw new AppError('INVALID_INPUT', UNREADABLE);
  if (unpacked > MAX_UNPACKED_BYTES) throw new AppError('INVALID_INPUT', '文件解压后过大，不像是人员名册');
  const { Workbook } = await loadExcel();
  const wb = new Workbook();
  try {
    // exceljs types its input as its own ArrayBuffer-like Buffer: hand it a plain ArrayBuffer copy.
    const copy = new ArrayBuffer(bytes.length);
    new Uint8Array(copy).set(bytes);
    await wb.xlsx.load(copy);
  } catch {
    throw new AppError('INVALID_INPUT', UNREADABLE);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('INVALID_INPUT', '文件中没有工作表');
  const records: Cells[] = [];
  // Header, notes and a few blank-looking rows above the limit: enough to know the file is too long.
  const enough = ROSTER_FILE_MAX_ROWS + 12;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (records.length >= enough) return;
    const width = Math.min(row.cellCount, MAX_COLUMNS);
    const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1)));
    if (cells.some((c) => c.trim() !== '')) records.push({ line: rowNumber, cells });
  });
  return records;
}

export const TEMPLATE_FILE_NAME = '人员名册导入模板.xlsx';

const TEMPLATE_NOTE =
  '填写说明：工号、姓名、部门必填；支部、手机、性别、角色选填。性别填“男”或“女”。' +
  '角色可填 支部书记、活动组织者、管理员，多个用顿号分隔，留空即普通职工。' +
  '已在名册中的工号按本表更新，不会重复添加。第 3 行是示例，请改成实际人员后再导入。' +
  '本行说明可以保留；每个文件最多 5000 行、5 MB，可存为 .xlsx 或 CSV UTF-8。';

const TEMPLATE_EXAMPLE = ['T0101', '张三', '办公室', '第一支部', '13800000000', '男', ''];
const TEMPLATE_WIDTHS = [12, 10, 14, 14, 16, 8, 24];

/** The template: a notes line, the header row the readers expect, one example row. */
export async function writeTemplate(created: Date): Promise<Buffer> {
  const { Workbook } = await loadExcel();
  const wb = new Workbook();
  wb.creator = '同心';
  wb.created = created;
  const ws = wb.addWorksheet('名册');
  ws.columns = TEMPLATE_WIDTHS.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, TEMPLATE_HEADERS.length);
  const note = ws.getCell(1, 1);
  note.value = TEMPLATE_NOTE;
  note.alignment = { wrapText: true, vertical: 'top' };
  note.font = { italic: true, color: { argb: 'FF666666' } };
  ws.getRow(1).height = 60;
  const header = ws.addRow([...TEMPLATE_HEADERS]);
  header.font = { bold: true };
  ws.addRow(TEMPLATE_EXAMPLE);
  // 工号 and 手机 as text: Excel would otherwise drop leading zeros and show 1.38E+10.
  for (const col of [1, 5]) ws.getColumn(col).numFmt = '@';
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
