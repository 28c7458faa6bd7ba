import type { Cells } from '../../../src/core/people/delimited';
import { readDelimited } from '../../../src/core/people/delimited';
import { rosterFileKind, ROSTER_FILE_MAX_BYTES, ROSTER_FILE_TOO_BIG } from '../../../src/core/people/import-limits';
import { AppError } from '../../../src/core/errors';
import { readXlsx } from './roster-xlsx';

/**
 * An uploaded roster file → records of text cells with their lines. The extension says what the file
 * should be and the bytes must agree (a PNG renamed .xlsx is refused, not fed to the zip reader).
 * CSV is read as UTF-8 only, with or without a byte-order mark (Excel's "CSV UTF-8"); a GBK file
 * (Excel's plain "CSV" on Chinese Windows) is refused with how to save it again, never guessed at.
 */

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The OLE container of the old binary .xls. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Buffer, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

const invalid = (message: string) => new AppError('INVALID_INPUT', message);

/** Strict UTF-8 text without NUL characters, or null: binaries and GBK both fail here. */
function utf8Text(bytes: Buffer): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.includes('\u0000') ? null : text;
  } catch {
    return null;
  }
}

export async function readRosterFile(fileName: string, bytes: Buffer): Promise<Cells[]> {
  const kind = rosterFileKind(fileName);
  if (startsWith(bytes, OLE)) throw invalid('不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再上传');
  if (kind === null) throw invalid('只支持 .xlsx 或 .csv 文件');
  if (bytes.length === 0) throw invalid('文件是空的');
  if (bytes.length > ROSTER_FILE_MAX_BYTES) throw invalid(ROSTER_FILE_TOO_BIG);
  const zip = startsWith(bytes, ZIP);
  if (kind === 'xlsx') {
    if (!zip) throw invalid('文件不是有效的 .xlsx 表格（内容与扩展名不符）');
    return readXlsx(bytes);
  }
  if (zip) throw invalid('这是 Excel 表格而不是 CSV 文本，请把扩展名改为 .xlsx，或另存为“CSV UTF-8”');
  const text = utf8Text(bytes);
  if (text === null) {
    throw invalid('CSV 文件须为 UTF-8 编码：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，暂不支持 GBK 编码');
  }
  return readDelimited(text);
}
