import { addDays, localInstant } from '../../../src/core/time';
import { periodMonths } from '../../../src/core/report';

/**
 * An export's period as the queries need it: local days for day-keyed documents, the months they
 * touch for month-keyed counters, and UTC instants for documents stamped with a time. Days are the
 * unit's, never the server's (cloud functions run in UTC).
 */
export interface Period {
  from: string;
  to: string;
  months: string[];
  /** The instant local `from` begins. */
  startAt: string;
  /** The instant the local day after `to` begins (exclusive bound). */
  endBefore: string;
  timeZone: string;
}

export function periodOf(from: string, to: string, timeZone: string): Period {
  return {
    from,
    to,
    months: periodMonths(from, to),
    startAt: localInstant(from, '00:00', timeZone).toISOString(),
    endBefore: localInstant(addDays(to, 1), '00:00', timeZone).toISOString(),
    timeZone,
  };
}

/**
 * 'YYYY-MM-DD HH:mm' of an instant on the unit's clock, '' for none. One Intl formatter for the whole
 * export: a dayjs time-zone conversion per cell costs seconds over 50,000 rows.
 */
export function stampFormatter(timeZone: string): (iso: string | null | undefined) => string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (iso) => {
    if (!iso) return '';
    const parts: Record<string, string> = {};
    for (const p of format.formatToParts(new Date(iso))) parts[p.type] = p.value;
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  };
}
