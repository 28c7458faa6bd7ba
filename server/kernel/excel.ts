import type * as ExcelJS from 'exceljs';

/**
 * exceljs, loaded on first use only: the cloud function installs it beside the bundle and only an
 * export or a roster import pays for parsing it. It is CommonJS: bundlers and babel put it on the
 * namespace, Node's ESM loader (tsx) under `default`.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  const loaded: typeof ExcelJS & { default?: typeof ExcelJS } = await import('exceljs');
  return loaded.default ?? loaded;
}
