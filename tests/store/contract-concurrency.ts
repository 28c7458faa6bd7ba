import { isDuplicate } from '../../server/store/port';
import type { Store } from '../../server/store/port';
import { deferred, seed, type ContractContext, type TestCollections } from './contract-fixture';

/** Atomicity under concurrent requests, and transactions. */
export function describeConcurrencyContract(ctx: ContractContext): void {
  const items = () => ctx.store().collection('items');

  describe('concurrency', () => {
    it('200 concurrent conditional decrements take exactly the 20 seats there are', async () => {
      const events = ctx.store().collection('events');
      await events.insert({ _id: 'e', seatsLeft: 20 });
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          events.update({ _id: 'e', seatsLeft: { gt: 0 } }, { inc: { seatsLeft: -1 }, push: { takers: `u${i}` } }),
        ),
      );
      expect(results.filter((n) => n === 1)).toHaveLength(20);
      expect(results.filter((n) => n === 0)).toHaveLength(180);
      const event = await events.get('e');
      expect(event?.seatsLeft).toBe(0);
      expect(new Set(event?.takers)).toHaveProperty('size', 20);
    });

    it('50 concurrent inserts of one unique key store exactly one', async () => {
      const settled = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => items().insert({ _id: `i${i}`, code: 'same' })),
      );
      expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
      const reasons = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []));
      expect(reasons).toHaveLength(49);
      expect(reasons.every(isDuplicate)).toBe(true);
      expect(await items().count({ code: 'same' })).toBe(1);
    });

    it('50 concurrent inserts of one _id store exactly one', async () => {
      const settled = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => items().insert({ _id: 'same', n: i })),
      );
      expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
      expect(settled.filter((s) => s.status === 'rejected' && isDuplicate(s.reason))).toHaveLength(49);
      expect(await items().count({})).toBe(1);
    });
  });

  describe('transaction', () => {
    beforeEach(() => seed(items()));

    it('commits everything fn did and resolves to what fn returns', async () => {
      const result = await ctx.store().transaction(async (tx) => {
        await tx.collection('items').insert({ _id: 't1', group: 'tx' });
        await tx.collection('items').update({ _id: 'a' }, { inc: { n: 5 } });
        await tx.collection('events').insert({ _id: 'ev', seatsLeft: 3 });
        return 'done';
      });
      expect(result).toBe('done');
      expect(await items().get('t1')).toEqual({ _id: 't1', group: 'tx' });
      expect((await items().get('a'))?.n).toBe(6);
      expect(await ctx.store().collection('events').get('ev')).toEqual({ _id: 'ev', seatsLeft: 3 });
    });

    it('rolls everything back when fn throws, and rethrows the same error', async () => {
      const boom = new Error('boom');
      const outcome = ctx.store().transaction(async (tx) => {
        await tx.collection('items').insert({ _id: 't1' });
        await tx.collection('items').update({ _id: 'a' }, { set: { name: 'changed' } });
        await tx.collection('items').remove({ _id: 'b' });
        expect(await tx.collection('items').get('t1')).toEqual({ _id: 't1' });
        throw boom;
      });
      await expect(outcome).rejects.toBe(boom);
      expect(await items().get('t1')).toBeNull();
      expect((await items().get('a'))?.name).toBe('Ann');
      expect(await items().get('b')).not.toBeNull();
    });

    it('goes on after fn catches a DuplicateError inside it', async () => {
      await ctx.store().transaction(async (tx) => {
        await tx.collection('items').insert({ _id: 't1' });
        await expect(tx.collection('items').insert({ _id: 't2', code: 'A' })).rejects.toThrow();
        await expect(tx.collection('items').update({ _id: 't1' }, { set: { code: 'B' } })).rejects.toThrow();
        await tx.collection('items').insert({ _id: 't3' });
      });
      expect(await items().get('t1')).toEqual({ _id: 't1' });
      expect(await items().get('t2')).toBeNull();
      expect(await items().get('t3')).not.toBeNull();
    });

    it('makes operations issued outside wait until it ends (and not join it)', async () => {
      if (ctx.opened().containers) return;
      const release = deferred();
      const inside = deferred();
      const finished = ctx.store().transaction(async (tx) => {
        await tx.collection('items').insert({ _id: 't1' });
        inside.resolve();
        await release.promise;
        throw new Error('abort');
      });
      await inside.promise;
      const seen: string[] = [];
      const write = items()
        .insert({ _id: 'outside' })
        .then(() => seen.push('write'));
      const read = items()
        .get('t1')
        .then((doc) => {
          seen.push('read');
          return doc;
        });
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(seen).toEqual([]);
      release.resolve();
      await expect(finished).rejects.toThrow('abort');
      await write;
      expect(await read).toBeNull();
      expect(await items().get('outside')).toEqual({ _id: 'outside' });
      expect(await items().get('t1')).toBeNull();
    });

    it('across containers: reads outside see only what is committed; a write to a held document waits', async () => {
      if (!ctx.opened().containers) return;
      const release = deferred();
      const inside = deferred();
      const finished = ctx.store().transaction(async (tx) => {
        await tx.collection('items').update({ _id: 'a' }, { inc: { n: 10 } });
        await tx.collection('items').insert({ _id: 't1' });
        inside.resolve();
        await release.promise;
      });
      await inside.promise;
      expect(await items().get('t1')).toBeNull();
      expect((await items().get('a'))?.n).toBe(1);
      const seen: string[] = [];
      const write = items()
        .update({ _id: 'a' }, { inc: { n: 100 } })
        .then(() => seen.push('write'));
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(seen).toEqual([]);
      release.resolve();
      await finished;
      await write;
      expect((await items().get('a'))?.n).toBe(111);
      expect(await items().get('t1')).toEqual({ _id: 't1' });
    });

    it('refuses a tx store used after its transaction ended', async () => {
      const leaked: { tx?: Store<TestCollections> } = {};
      await ctx.store().transaction(async (tx) => {
        leaked.tx = tx;
      });
      if (leaked.tx === undefined) throw new Error('fn did not run');
      await expect(leaked.tx.collection('items').insert({ _id: 'late' })).rejects.toThrow();
      expect(await items().get('late')).toBeNull();
    });

    it('runs a transaction nested on tx as part of the outer one', async () => {
      const outcome = ctx.store().transaction(async (tx) => {
        await tx.transaction(async (inner) => {
          await inner.collection('items').insert({ _id: 'nested' });
        });
        expect(await tx.collection('items').get('nested')).not.toBeNull();
        throw new Error('outer fails');
      });
      await expect(outcome).rejects.toThrow('outer fails');
      expect(await items().get('nested')).toBeNull();
    });
  });
}
