import { forEachPage } from './paging';
import type { Collection, Doc, Filter, UpdateOps } from '../store/port';

/**
 * Adds `inc` to the counter document by id, creating it as `fresh` (which already holds the first
 * increment) when missing; resolves to true when it created it. Meant for a transaction: two writers
 * creating one counter at once conflict there, and the store tries the loser again.
 */
export async function bump<T extends Doc>(
  collection: Collection<T>,
  fresh: T,
  inc: UpdateOps<T>['inc'],
): Promise<boolean> {
  const byId = { _id: fresh._id } as Filter<T>;
  if ((await collection.update(byId, { inc })) > 0) return false;
  await collection.insert(fresh);
  return true;
}

type Counted<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T];

/**
 * Sets every stored counter to what the records say: a stored one with no records behind it goes to
 * zero (it is kept, so that nothing that links to it breaks), a missing one is created. A member's
 * month keeps its stored name; a created one takes the roster's. A sharded counter (several
 * documents whose sum is the count, see `sumShards`) is compared by its sum under `keyOf`; when it
 * is wrong its first shard takes the whole count and the others go to zero.
 */
export async function repairCounters<T extends Doc>(
  collection: Collection<T>,
  inRange: Filter<T>,
  expected: Map<string, T>,
  fields: readonly Counted<T>[],
  complete: (doc: T) => Promise<T> = async (doc) => doc,
  keyOf: (doc: T) => string = (doc) => doc._id,
): Promise<string[]> {
  const groups = new Map<string, T[]>();
  await forEachPage(collection, inRange, (page) => {
    for (const stored of page) groups.set(keyOf(stored), [...(groups.get(keyOf(stored)) ?? []), stored]);
  });
  const lines: string[] = [];
  const fixes: { id: string; set: Partial<T> }[] = [];
  for (const [key, shards] of groups) {
    shards.sort((a, b) => (a._id < b._id ? -1 : 1));
    const want = expected.get(key);
    const changes: string[] = [];
    for (const field of fields) {
      const is = shards.reduce((n, d) => n + (d[field] as number), 0);
      const should = want ? (want[field] as number) : 0;
      if (is !== should) changes.push(`${String(field)} ${is} → ${should}`);
    }
    if (changes.length === 0) continue;
    lines.push(`${collection.name} ${key}: ${changes.join(', ')}`);
    shards.forEach((doc, i) => {
      const set: Record<string, number> = {};
      for (const field of fields) {
        const should = i === 0 && want ? (want[field] as number) : 0;
        if (doc[field] !== should) set[field as string] = should;
      }
      if (Object.keys(set).length > 0) fixes.push({ id: doc._id, set: set as Partial<T> });
    });
  }
  for (const fix of fixes) await collection.update({ _id: fix.id } as Filter<T>, { set: fix.set as never });
  for (const [key, doc] of expected) {
    if (groups.has(key)) continue;
    await collection.insert(await complete(doc));
    lines.push(`${collection.name} ${key}: 新建 (${fields.map((f) => `${String(f)} ${String(doc[f])}`).join(', ')})`);
  }
  return lines;
}

/**
 * One document per key out of a sharded counter's documents: the key as its id, each counted field
 * the sum of its shards, the other fields from the first shard read.
 */
export function sumShards<T extends Doc>(
  docs: readonly T[],
  keyOf: (doc: T) => string,
  fields: readonly Counted<T>[],
): T[] {
  const sums = new Map<string, T>();
  for (const doc of docs) {
    const key = keyOf(doc);
    const sum = sums.get(key);
    if (!sum) sums.set(key, { ...doc, _id: key });
    else for (const field of fields) (sum[field] as number) += doc[field] as number;
  }
  return [...sums.values()];
}
