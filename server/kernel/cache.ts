/**
 * What a container may remember between calls for a few seconds: the unit's settings, the day's
 * reading, the calendar. On CloudBase every read is a billed request against the plan's QPS, and in
 * the morning peak thousands of members read the same few documents (docs/cloudbase.md). A write
 * in this container forgets what it changed at once; another container sees it within the TTL.
 * The local server caches the same way and forgets on every committed write to what an entry was
 * read from (server/features/index.ts, CACHED_FROM), since every write passes its one store; only a
 * second process on the same file (the recount tool) is seen within the TTL.
 */
export interface ReadCache {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Forgets every entry whose key starts with `prefix`. */
  forget(prefix: string): void;
}

export const noCache: ReadCache = {
  get: (_key, load) => load(),
  forget: () => undefined,
};

/** Five seconds: a settings change or a corrected reading reaches every container almost at once. */
export const CACHE_TTL_MS = 5000;

export function ttlCache(ttlMs = CACHE_TTL_MS, now: () => number = () => performance.now()): ReadCache {
  const entries = new Map<string, { until: number; value: Promise<unknown> }>();
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && hit.until > now()) return hit.value as Promise<T>;
      const value = load();
      entries.set(key, { until: now() + ttlMs, value });
      // A failed read is not remembered.
      value.catch(() => entries.delete(key));
      if (entries.size > 1000) entries.delete(entries.keys().next().value as string);
      return value;
    },
    forget(prefix: string): void {
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
    },
  };
}
