import { useCallback, useRef, useState } from 'react';
import { call } from '@/api/client';
import type { ApiError } from '@/core/errors';
import { IMPORT_CHUNK_ROWS } from '@/core/people/import-limits';
import type { ParsedRow, RowProblem } from '@/core/people/roster-sheet';
import type { ImportResult } from '@/core/people/views';
import type { ReportLine } from './ImportReport';

/**
 * Sends checked rows to `staff.import` a chunk at a time, so that the page can say 已导入 n / N and no
 * call grows with the file. The server numbers rows within each call; the report speaks in the
 * sheet's lines. A failed call stops the run: what was written stays, and running again is harmless
 * (existing staff numbers are updated, never added twice).
 */

export interface ImportRun {
  done: number;
  total: number;
  running: boolean;
  /** Every chunk answered: the same rows are not imported twice until new ones are chosen. */
  finished: boolean;
  error: ApiError | null;
  report: { result: ImportResult; lines: ReportLine[] } | null;
}

const IDLE: ImportRun = { done: 0, total: 0, running: false, finished: false, error: null, report: null };

export function useChunkedImport() {
  const [run, setRun] = useState<ImportRun>(IDLE);
  const busy = useRef(false);

  const start = useCallback(async (rows: readonly ParsedRow[], skipped: readonly RowProblem[]) => {
    if (busy.current || rows.length === 0) return;
    busy.current = true;
    const result: ImportResult = { results: [], created: 0, updated: 0, failed: 0 };
    const lines: ReportLine[] = [];
    setRun({ ...IDLE, running: true, total: rows.length });
    let error: ApiError | null = null;
    for (let at = 0; at < rows.length; at += IMPORT_CHUNK_ROWS) {
      const chunk = rows.slice(at, at + IMPORT_CHUNK_ROWS);
      const res = await call('staff.import', { rows: chunk.map((r) => r.row) });
      if (!res.ok) {
        error = res.error;
        break;
      }
      for (const r of res.data.results) {
        const source = chunk[r.line - 1];
        const line = source?.line ?? at + r.line;
        result.results.push({ ...r, line });
        lines.push({ line, staffNo: r.staffNo ?? source?.row.staffNo, status: r.status, message: r.message });
      }
      result.created += res.data.created;
      result.updated += res.data.updated;
      result.failed += res.data.failed;
      const done = Math.min(at + chunk.length, rows.length);
      setRun((s) => ({ ...s, done }));
    }
    for (const p of skipped) lines.push({ line: p.line, status: 'skipped', message: p.reason });
    lines.sort((a, b) => a.line - b.line);
    busy.current = false;
    setRun((s) => ({ ...s, running: false, finished: error === null, error, report: { result, lines } }));
  }, []);

  const reset = useCallback(() => {
    if (!busy.current) setRun(IDLE);
  }, []);

  return { run, start, reset };
}
