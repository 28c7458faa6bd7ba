import { type Collection, type Doc, type Filter, MAX_LIMIT, type SortSpec } from '../store/port';

/**
 * Every document matching a filter, read a page at a time: the port answers at most MAX_LIMIT per
 * call, and a read that stopped there would drop the rest without a word. `_id` is added last to
 * the sort, so that ties cannot move between pages.
 */
export async function findAll<T extends Doc>(
  collection: Collection<T>,
  filter: Filter<T>,
  sort: SortSpec<T> = {},
): Promise<T[]> {
  const order = { ...sort, _id: 1 } as SortSpec<T>;
  const all: T[] = [];
  for (let skip = 0; ; skip += MAX_LIMIT) {
    const page = await collection.find(filter, { sort: order, limit: MAX_LIMIT, skip });
    all.push(...page);
    if (page.length < MAX_LIMIT) return all;
  }
}

/**
 * Every document matching a filter, a page at a time in `_id` order, for work over a whole
 * collection (a recount of a million check-ins): each page starts after the last id seen, so the
 * cost stays flat where an ever larger `skip` would not. Pages are handed to `each` and not kept.
 */
export async function forEachPage<T extends Doc>(
  collection: Collection<T>,
  filter: Filter<T>,
  each: (page: T[]) => void | Promise<void>,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const page: T[] = await collection.find(
      (after === null ? filter : { ...filter, _id: { gt: after } }) as Filter<T>,
      { sort: { _id: 1 } as SortSpec<T>, limit: MAX_LIMIT },
    );
    if (page.length > 0) await each(page);
    if (page.length < MAX_LIMIT) return;
    after = page[page.length - 1]._id;
  }
}
