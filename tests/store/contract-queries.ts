import { DEFAULT_LIMIT } from '../../server/store/port';
import type { Filter, FindOptions } from '../../server/store/port';
import { FIXTURE, loose, matching, seed, type ContractContext, type ItemDoc } from './contract-fixture';

/** Filters, sorting and paging (MongoDB/CloudBase semantics on top-level fields). */
export function describeQueryContract(ctx: ContractContext): void {
  const items = () => ctx.store().collection('items');
  const match = (filter: Filter<ItemDoc>) => matching(items(), filter);

  describe('filters', () => {
    beforeEach(() => seed(items()));

    it('matches bare scalars and eq by equality: string, number, boolean, _id', async () => {
      expect(await match({ group: 'x' })).toEqual(['a', 'b']);
      expect(await match({ group: { eq: 'x' } })).toEqual(['a', 'b']);
      expect(await match({ n: 1.5 })).toEqual(['e']);
      expect(await match({ flag: true })).toEqual(['a', 'c']);
      expect(await match({ flag: false })).toEqual(['b']);
      expect(await match({ _id: 'c' })).toEqual(['c']);
    });

    it('needs every listed field to match; {} matches all', async () => {
      expect(await match({ group: 'y', flag: true })).toEqual(['c']);
      expect(await match({ group: 'x', n: 3 })).toEqual([]);
      expect(await match({})).toEqual(['a', 'b', 'c', 'd', 'e']);
    });

    it('never matches across types (1 vs true, "1" vs 1, "x" vs ["x"], number bound vs string)', async () => {
      await items().insert(loose<ItemDoc>({ _id: 'f', flag: 1, n: '1', group: ['x'] }));
      expect(await match({ flag: true })).toEqual(['a', 'c']);
      expect(await match(loose({ flag: 1 }))).toEqual(['f']);
      expect(await match({ n: 1 })).toEqual(['a']);
      expect(await match(loose({ n: '1' }))).toEqual(['f']);
      expect(await match({ group: 'x' })).toEqual(['a', 'b']);
      expect(await match({ n: { gte: 0 } })).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(await match({ name: { gt: 0 } })).toEqual([]);
      expect(await match({ n: { gt: '0' } })).toEqual(['f']);
    });

    it('matches null to a null or missing field', async () => {
      expect(await match({ name: null })).toEqual(['b', 'c']);
      expect(await match({ name: { eq: null } })).toEqual(['b', 'c']);
      expect(await match({ code: null })).toEqual(['c', 'd', 'e']);
    });

    it('ne matches a different, null or missing value; ne null means present', async () => {
      expect(await match({ name: { ne: 'Ann' } })).toEqual(['b', 'c', 'd', 'e']);
      expect(await match({ flag: { ne: true } })).toEqual(['b', 'd', 'e']);
      expect(await match({ name: { ne: null } })).toEqual(['a', 'd', 'e']);
    });

    it('compares numbers with gt, gte, lt, lte, combinable on one field', async () => {
      expect(await match({ n: { gt: 2 } })).toEqual(['c', 'd']);
      expect(await match({ n: { gte: 2 } })).toEqual(['b', 'c', 'd']);
      expect(await match({ n: { lt: 2 } })).toEqual(['a', 'e']);
      expect(await match({ n: { lte: 2 } })).toEqual(['a', 'b', 'e']);
      expect(await match({ n: { gt: 1, lte: 3 } })).toEqual(['b', 'c', 'e']);
      expect(await match({ n: { gte: 1, ne: 2, lt: 10 } })).toEqual(['a', 'c', 'e']);
    });

    it('compares strings as strings, so ISO timestamps range correctly', async () => {
      expect(await match({ at: { gte: '2024-01-01', lt: '2024-01-03' } })).toEqual(['a', 'b']);
      expect(await match({ at: { lt: '2024' } })).toEqual(['d']);
      expect(await match({ _id: { gt: 'c' } })).toEqual(['d', 'e']);
      expect(await match({ name: { gte: 'B', lte: 'E' } })).toEqual(['d']);
    });

    it('in matches any listed value, null included; in [] matches nothing', async () => {
      expect(await match({ group: { in: ['x', 'z'] } })).toEqual(['a', 'b', 'e']);
      expect(await match({ n: { in: [2, 10, 99] } })).toEqual(['b', 'd']);
      expect(await match({ name: { in: ['Dan', null] } })).toEqual(['b', 'c', 'd']);
      expect(await match({ flag: { in: [false] } })).toEqual(['b']);
      expect(await match({ _id: { in: ['a', 'zz'] } })).toEqual(['a']);
      expect(await match({ group: { in: [] } })).toEqual([]);
      expect(await items().count({ group: { in: [] } })).toBe(0);
      expect(await items().remove({ _id: { in: [] } })).toBe(0);
    });

    it('treats a quote-laden value as data', async () => {
      const sly = "x' OR '1'='1";
      expect(await match({ name: sly })).toEqual([]);
      await items().insert({ _id: sly, name: sly });
      expect(await match({ name: sly })).toEqual([sly]);
    });

    it('refuses an undefined filter value instead of widening the filter', async () => {
      await expect(items().remove({ _id: undefined })).rejects.toThrow();
      await expect(items().update({ group: { gt: undefined } }, { set: { n: 0 } })).rejects.toThrow();
      expect(await items().count({})).toBe(FIXTURE.length);
      expect(await items().count({ n: 0 })).toBe(0);
    });

    it('refuses unknown operators and empty conditions', async () => {
      await expect(items().find(loose({ name: { regex: 'A' } }))).rejects.toThrow();
      await expect(items().find(loose({ name: { $gt: 'A' } }))).rejects.toThrow();
      await expect(items().find(loose({ name: {} }))).rejects.toThrow();
    });
  });

  describe('sort and paging', () => {
    beforeEach(() => seed(items()));
    const order = async (options: FindOptions<ItemDoc>) => (await items().find({}, options)).map((d) => d._id);

    it('sorts ascending and descending, numbers and ISO strings', async () => {
      expect(await order({ sort: { n: 1 } })).toEqual(['a', 'e', 'b', 'c', 'd']);
      expect(await order({ sort: { n: -1 } })).toEqual(['d', 'c', 'b', 'e', 'a']);
      expect(await order({ sort: { at: -1 } })).toEqual(['e', 'c', 'b', 'a', 'd']);
    });

    it('sorts on several fields in key order', async () => {
      expect(await order({ sort: { group: 1, n: -1 } })).toEqual(['b', 'a', 'd', 'c', 'e']);
      expect(await order({ sort: { group: -1, n: 1 } })).toEqual(['e', 'c', 'd', 'a', 'b']);
      // Booleans after missing fields, true before false: the same in SQLite and MongoDB.
      expect(await order({ sort: { flag: -1, n: 1 } })).toEqual(['a', 'c', 'b', 'e', 'd']);
    });

    it('skips and limits', async () => {
      expect(await order({ sort: { n: 1 }, limit: 2 })).toEqual(['a', 'e']);
      expect(await order({ sort: { n: 1 }, skip: 2, limit: 2 })).toEqual(['b', 'c']);
      expect(await order({ sort: { n: 1 }, skip: 4, limit: 2 })).toEqual(['d']);
      expect(await order({ sort: { n: 1 }, skip: 9 })).toEqual([]);
    });

    it(`returns ${DEFAULT_LIMIT} documents by default and refuses a limit over 1000`, async () => {
      const checkins = ctx.store().collection('checkins');
      for (let i = 0; i < DEFAULT_LIMIT + 5; i += 1) await checkins.insert({ _id: `k${String(i).padStart(3, '0')}` });
      expect(await checkins.find({})).toHaveLength(DEFAULT_LIMIT);
      expect(await checkins.find({}, { limit: 1000 })).toHaveLength(DEFAULT_LIMIT + 5);
      expect(await checkins.count({})).toBe(DEFAULT_LIMIT + 5);
      await expect(checkins.find({}, { limit: 1001 })).rejects.toThrow(RangeError);
      await expect(checkins.find({}, { limit: -1 })).rejects.toThrow(RangeError);
      await expect(checkins.find({}, { limit: 2.5 })).rejects.toThrow(RangeError);
      await expect(checkins.find({}, { skip: -1 })).rejects.toThrow(RangeError);
    });
  });
}
