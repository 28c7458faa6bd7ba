import Taro from '@tarojs/taro';
import { ROSTER_FILE_MAX_BYTES, ROSTER_FILE_TOO_BIG, rosterFileKind } from '@/core/people/import-limits';

/**
 * Getting a roster file's bytes as base64 for `staff.import.preview`. weapp has no file input: the
 * file comes from a chat (chooseMessageFile) and is read with the file system manager. The browser
 * reads the File of an `<input type=file>` (rendered by FileImport) with a FileReader. Both check the
 * extension and the size first, so that a wrong or huge file is refused before it is sent.
 */

export interface PickedFile {
  name: string;
  size: number;
  base64: string;
}

/** `null`: the person dismissed the picker, which is no failure. */
export type PickResult = { ok: true; file: PickedFile } | { ok: false; message: string } | null;

const WRONG_KIND = '请选择 .xlsx 或 .csv 文件';
const READ_FAILED = '读取文件失败，请重新选择';

function precheck(name: string, size: number): string | null {
  if (!rosterFileKind(name)) return WRONG_KIND;
  if (size === 0) return '文件是空的';
  return size > ROSTER_FILE_MAX_BYTES ? ROSTER_FILE_TOO_BIG : null;
}

function isCancel(error: unknown): boolean {
  const errMsg = typeof error === 'object' && error !== null ? (error as { errMsg?: unknown }).errMsg : undefined;
  return typeof errMsg === 'string' && errMsg.includes('cancel');
}

/** weapp: one file from a chat, limited to the two kinds the server reads. */
export async function pickMessageFile(): Promise<PickResult> {
  let chosen: Taro.chooseMessageFile.ChooseFile | undefined;
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
    chosen = res.tempFiles[0];
  } catch (error) {
    return isCancel(error) ? null : { ok: false, message: READ_FAILED };
  }
  if (!chosen) return null;
  const refused = precheck(chosen.name, chosen.size);
  if (refused) return { ok: false, message: refused };
  const { name, size, path } = chosen;
  return new Promise((resolve) => {
    Taro.getFileSystemManager().readFile({
      filePath: path,
      encoding: 'base64',
      success: (res) =>
        resolve(typeof res.data === 'string' ? { ok: true, file: { name, size, base64: res.data } } : null),
      fail: () => resolve({ ok: false, message: READ_FAILED }),
    });
  });
}

/** Browser: the File an `<input type=file>` gave, read as a data URL whose tail is the base64. */
export function readBrowserFile(file: File): Promise<PickResult> {
  const refused = precheck(file.name, file.size);
  if (refused) return Promise.resolve({ ok: false, message: refused });
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      resolve(
        comma < 0
          ? { ok: false, message: READ_FAILED }
          : { ok: true, file: { name: file.name, size: file.size, base64: url.slice(comma + 1) } },
      );
    };
    reader.onerror = () => resolve({ ok: false, message: READ_FAILED });
    reader.readAsDataURL(file);
  });
}
