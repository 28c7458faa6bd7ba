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
 * month keeps its stored name; a created one takes the roster's.
 */
export async function repairCounters<T extends Doc>(
  collection: Collection<T>,
  inRange: Filter<T>,
  expected: Map<string, T>,
  fields: readonly Counted<T>[],
  complete: (doc: T) => Promise<T> = async (doc) => doc,
): Promise<string[]> {
  const lines: string[] = [];
  const seen = new Set<string>();
  const fixes: { id: string; set: Partial<T> }[] = [];
  await forEachPage(collection, inRange, (page) => {
    for (const stored of page) {
      seen.add(stored._id);
      const want = expected.get(stored._id);
      const set: Partial<T> = {};
      const changes: string[] = [];
      for (const field of fields) {
        const is = stored[field] as number;
        const should = want ? (want[field] as number) : 0;
        if (is !== should) {
          (set as Record<string, number>)[field as string] = should;
          changes.push(`${String(field)} ${is} → ${should}`);
        }
      }
      if (changes.length > 0) {
        fixes.push({ id: stored._id, set });
        lines.push(`${collection.name} ${stored._id}: ${changes.join(', ')}`);
      }
    }
  });
  for (const fix of fixes) await collection.update({ _id: fix.id } as Filter<T>, { set: fix.set as never });
  for (const [id, doc] of expected) {
    if (seen.has(id)) continue;
    await collection.insert(await complete(doc));
    lines.push(`${collection.name} ${id}: 新建 (${fields.map((f) => `${String(f)} ${String(doc[f])}`).join(', ')})`);
  }
  return lines;
}
