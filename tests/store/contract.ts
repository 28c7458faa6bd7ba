import type { Store } from '../../server/store/port';
import { describeConcurrencyContract } from './contract-concurrency';
import { FIXTURE, loose, seed } from './contract-fixture';
import type { ContractContext, ItemDoc, OpenStore, OpenedStore, TestCollections } from './contract-fixture';
import { describeQueryContract } from './contract-queries';
import { describeWriteContract } from './contract-writes';

/**
 * The contract of the Store port (DESIGN.md §2) as jest blocks, which every adapter must pass:
 * `describeStoreContract('sqlite', open)`. `open` gives an empty store over TEST_SPECS; `cleanup`
 * closes every store it opened (so close must be idempotent) and removes the data; `reopen`, when
 * given, opens a second store object on the same data once the first is closed.
 */

export { TEST_SPECS } from './contract-fixture';
export type { TestCollections, OpenedStore, OpenStore, ItemDoc, EventDoc, CheckinDoc } from './contract-fixture';

export function describeStoreContract(name: string, open: OpenStore): void {
  describe(`Store contract: ${name}`, () => {
    let opened: OpenedStore | null = null;
    let current: Store<TestCollections> | null = null;
    const ctx: ContractContext = {
      store: () => {
        if (current === null) throw new Error('no store open');
        return current;
      },
      opened: () => {
        if (opened === null) throw new Error('no store open');
        return opened;
      },
      use: (store) => {
        current = store;
      },
    };
    const items = () => ctx.store().collection('items');

    beforeEach(async () => {
      opened = await open();
      current = opened.store;
    });
    afterEach(async () => {
      await opened?.cleanup();
      opened = null;
      current = null;
    });

    describe('documents', () => {
      it('inserts, gets, finds, counts and removes', async () => {
        const doc: ItemDoc = { _id: 'a', group: 'x', n: 1, tags: ['t'], name: 'Ann' };
        expect(await items().insert(doc)).toEqual(doc);
        expect(await items().get('a')).toEqual(doc);
        expect(await items().find({ group: 'x' })).toEqual([doc]);
        expect(await items().count({})).toBe(1);
        expect(await items().remove({ _id: 'a' })).toBe(1);
        expect(await items().get('a')).toBeNull();
        expect(await items().count({})).toBe(0);
      });

      it('gets null for a missing id', async () => {
        await seed(items());
        expect(await items().get('nope')).toBeNull();
      });

      it('refuses a document without a non-empty string _id', async () => {
        await expect(items().insert(loose<ItemDoc>({ group: 'x' }))).rejects.toThrow();
        await expect(items().insert({ _id: '' })).rejects.toThrow();
        await expect(items().insert(loose<ItemDoc>({ _id: 7 }))).rejects.toThrow();
        expect(await items().count({})).toBe(0);
      });

      it('removes by filter and says how many', async () => {
        await seed(items());
        expect(await items().remove({ group: 'y' })).toBe(2);
        expect(await items().remove({ group: 'y' })).toBe(0);
        expect((await items().find({}, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(['a', 'b', 'e']);
      });

      it('hands out copies: mutating a returned or inserted document changes nothing stored', async () => {
        const input: ItemDoc = { _id: 'a', tags: ['t'], n: 1, name: undefined };
        const inserted = await items().insert(input);
        // insert resolves to what was stored (a copy, without undefined fields), not to its argument.
        expect(inserted).not.toBe(input);
        expect(Object.keys(inserted).sort()).toEqual(['_id', 'n', 'tags']);
        input.tags?.push('input');
        inserted.tags?.push('inserted');
        const got = await items().get('a');
        if (got === null) throw new Error('missing');
        got.n = 99;
        got.tags?.push('got');
        const [found] = await items().find({ _id: 'a' });
        found.tags?.push('found');
        expect(await items().get('a')).toEqual({ _id: 'a', tags: ['t'], n: 1 });
      });

      it('throws a clear error for a collection without a spec', () => {
        expect(() => ctx.store().collection(loose<'items'>('nope'))).toThrow(/nope/);
        expect(() => ctx.store().collection(loose<'items'>('toString'))).toThrow(/toString/);
      });

      it('keeps data across close and reopen', async () => {
        const reopen = ctx.opened().reopen;
        if (reopen === undefined) return;
        await seed(items());
        await ctx.store().close();
        ctx.use(await reopen());
        expect(await items().get('a')).toEqual(FIXTURE[0]);
        expect(await items().count({})).toBe(FIXTURE.length);
      });
    });

    describeQueryContract(ctx);
    describeWriteContract(ctx);
    describeConcurrencyContract(ctx);
  });
}
