import { useEffect, useState } from 'react';

/**
 * The server's time, ticking once a second on the phone. Rules are decided by the server's clock
 * (DESIGN.md §5), so the reading timer runs on it: the offset between the two is taken whenever the
 * server states its time, and a phone set to the wrong time still shows the right countdown.
 */
export function useServerClock(serverNow: string | null): Date | null {
  const [offset, setOffset] = useState<number | null>(null);
  const [, setTick] = useState(0);

  useEffect(() => {
    if (serverNow === null) return;
    setOffset(Date.parse(serverNow) - Date.now());
  }, [serverNow]);

  useEffect(() => {
    if (offset === null) return undefined;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [offset]);

  return offset === null ? null : new Date(Date.now() + offset);
}
