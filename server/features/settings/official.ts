// The data file chinese-days documents for exactly this use ("提供了中国节假日的 JSON 文件"): its
// functions answer one date at a time and hide the tables, while the calendar needs them whole and
// must know which years the schedule covers. esbuild bundles the JSON into the cloud function.
import schedule from 'chinese-days/dist/chinese-days.json';
import type { DayKey } from '../../../src/core/time';
import type { OfficialDay } from '../../../src/core/workdays';

/**
 * The State Council's holiday schedule (国务院办公厅关于部分节假日安排的通知), as the package
 * `chinese-days` carries it: 节假日 (days off, weekends inside a holiday included) and 调休上班日
 * (weekend days worked). Turned into one lookup per process on first use, never per request.
 */

/** The package's table: date → "English name,中文名,days" (the Chinese name is the second part). */
type Table = Record<string, string>;

interface Schedule {
  holidays: Table;
  workdays: Table;
}

interface Lookup {
  days: ReadonlyMap<DayKey, OfficialDay>;
  years: ReadonlySet<number>;
}

let lookup: Lookup | null = null;

/** Builds the lookup from the package's tables; exported for tests that feed their own. */
export function buildOfficialLookup(source: Schedule): Lookup {
  const days = new Map<DayKey, OfficialDay>();
  const years = new Set<number>();
  const add = (table: Table, workday: boolean) => {
    for (const [date, label] of Object.entries(table)) {
      days.set(date, { workday, name: chineseName(label) });
      years.add(Number(date.slice(0, 4)));
    }
  };
  add(source.holidays, false);
  // A day in both tables would be a data error; the working day wins, as chinese-days decides it.
  add(source.workdays, true);
  return { days, years };
}

function chineseName(label: string): string {
  const parts = label.split(',');
  return (parts[1] ?? parts[0]).trim() || '法定节假日';
}

function current(): Lookup {
  lookup ??= buildOfficialLookup(schedule);
  return lookup;
}

/** The official entry for a day, or undefined (an ordinary day, or a year the schedule does not cover). */
export function officialDay(date: DayKey): OfficialDay | undefined {
  return current().days.get(date);
}

/** Whether the schedule covers the year: outside it, the calendar is Monday–Friday plus the unit's entries. */
export function officialYearKnown(year: number): boolean {
  return current().years.has(year);
}
