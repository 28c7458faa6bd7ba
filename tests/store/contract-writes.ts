import { DuplicateError, isDuplicate } from '../../server/store/port';
import type { Filter, UpdateOps } from '../../server/store/port';
import {
  FIXTURE,
  HOSTILE_FIELDS,
  loose,
  rejection,
  seed,
  type ContractContext,
  type ItemDoc,
} from './contract-fixture';

/** Unique keys, update ops, and refusal of hostile field names. */
export function describeWriteContract(ctx: ContractContext): void {
  const items = () => ctx.store().collection('items');
  const checkins = () => ctx.store().collection('checkins');

  describe('unique keys', () => {
    beforeEach(() => seed(items()));

    it('refuses a taken _id with DuplicateError and keeps the first', async () => {
      const error = await rejection(items().insert({ _id: 'a', group: 'other' }));
      expect(error).toBeInstanceOf(DuplicateError);
      expect(isDuplicate(error)).toBe(true);
      expect(error).toMatchObject({ collection: 'items', key: '_id' });
      expect(await items().get('a')).toEqual(FIXTURE[0]);
    });

    it('refuses a taken unique key with DuplicateError naming the key', async () => {
      const error = await rejection(items().insert({ _id: 'z', code: 'A' }));
      expect(error).toBeInstanceOf(DuplicateError);
      expect(error).toMatchObject({ collection: 'items', key: 'code' });
      expect(await items().get('z')).toBeNull();
    });

    it('constrains a compound key only as a whole', async () => {
      await checkins().insert({ _id: '1', staffId: 's1', day: '2024-01-01' });
      await checkins().insert({ _id: '2', staffId: 's1', day: '2024-01-02' });
      await checkins().insert({ _id: '3', staffId: 's2', day: '2024-01-01' });
      const error = await rejection(checkins().insert({ _id: '4', staffId: 's1', day: '2024-01-01' }));
      expect(isDuplicate(error)).toBe(true);
      expect(error).toMatchObject({ collection: 'checkins', key: 'staffId,day' });
      expect(await checkins().count({})).toBe(3);
    });

    it('does not constrain documents missing a key field or holding null', async () => {
      await items().insert({ _id: 'm1' });
      await items().insert({ _id: 'm2' });
      await items().insert({ _id: 'n1', code: null });
      await items().insert({ _id: 'n2', code: null });
      await checkins().insert({ _id: '1', staffId: 's1' });
      await checkins().insert({ _id: '2', staffId: 's1' });
      expect(await items().count({ code: null })).toBe(7);
      expect(await checkins().count({})).toBe(2);
    });
  });

  describe('update', () => {
    beforeEach(() => seed(items()));

    it('sets top-level fields, keeps the rest and says how many matched', async () => {
      expect(await items().update({ group: 'x' }, { set: { name: 'X', tags: ['new'] } })).toBe(2);
      expect(await items().get('a')).toEqual({ ...FIXTURE[0], name: 'X', tags: ['new'] });
      expect(await items().get('b')).toEqual({ ...FIXTURE[1], name: 'X', tags: ['new'] });
      expect(await items().get('c')).toEqual(FIXTURE[2]);
      expect(await items().update({ group: 'none' }, { set: { name: 'X' } })).toBe(0);
      expect(await items().update({ _id: 'a' }, { set: { name: 'X' } })).toBe(1);
    });

    it('sets null but ignores undefined', async () => {
      expect(await items().update({ _id: 'a' }, { set: { name: null, group: undefined } })).toBe(1);
      expect(await items().get('a')).toEqual({ ...FIXTURE[0], name: null });
    });

    it('increments, a missing field counting as 0', async () => {
      expect(await items().update({ _id: 'a' }, { inc: { n: 2, hits: 1 } })).toBe(1);
      expect(await items().update({ _id: 'a' }, { inc: { n: -0.5, hits: 1 } })).toBe(1);
      expect(await items().get('a')).toMatchObject({ n: 2.5, hits: 2 });
    });

    it('pushes onto an array, a missing one starting empty', async () => {
      await items().update({ _id: 'a' }, { push: { tags: 'one' } });
      await items().update({ _id: 'a' }, { push: { tags: 'two' } });
      expect((await items().get('a'))?.tags).toEqual(['one', 'two']);
    });

    it('combines set, inc and push in one update', async () => {
      await items().update({ _id: 'b' }, { set: { name: 'Bo' }, inc: { n: 1 }, push: { tags: 't' } });
      expect(await items().get('b')).toEqual({ ...FIXTURE[1], name: 'Bo', n: 3, tags: ['t'] });
    });

    it('never changes _id', async () => {
      await expect(items().update({ _id: 'a' }, loose<UpdateOps<ItemDoc>>({ set: { _id: 'zz' } }))).rejects.toThrow();
      expect(await items().get('a')).toEqual(FIXTURE[0]);
      expect(await items().get('zz')).toBeNull();
    });

    it('refuses an update that breaks a unique key, changing nothing', async () => {
      const error = await rejection(items().update({ _id: 'b' }, { set: { code: 'A', name: 'B2' } }));
      expect(isDuplicate(error)).toBe(true);
      expect(error).toMatchObject({ collection: 'items', key: 'code' });
      expect(await items().get('b')).toEqual(FIXTURE[1]);
      expect(await items().get('a')).toEqual(FIXTURE[0]);
    });

    it('takes a conditional update only while the condition holds', async () => {
      const events = ctx.store().collection('events');
      await events.insert({ _id: 'e', seatsLeft: 1 });
      const take = { _id: 'e', seatsLeft: { gt: 0 } };
      expect(await events.update(take, { inc: { seatsLeft: -1 } })).toBe(1);
      expect(await events.update(take, { inc: { seatsLeft: -1 } })).toBe(0);
      expect(await events.get('e')).toEqual({ _id: 'e', seatsLeft: 0 });
    });
  });

  describe('hostile field names', () => {
    beforeEach(() => seed(items()));

    it.each(HOSTILE_FIELDS)('refuses %j in filters, operators, sort and ops, changing nothing', async (field) => {
      const before = await items().find({}, { sort: { _id: 1 } });
      const filter = loose<Filter<ItemDoc>>({ [field]: 1 });
      const ops = (kind: string, value: unknown) => loose<UpdateOps<ItemDoc>>({ [kind]: { [field]: value } });
      await expect(items().find(filter)).rejects.toThrow();
      await expect(items().count(filter)).rejects.toThrow();
      await expect(items().find({}, loose({ sort: { [field]: 1 } }))).rejects.toThrow();
      await expect(items().remove(filter)).rejects.toThrow();
      await expect(items().update(filter, { set: { name: 'pwned' } })).rejects.toThrow();
      await expect(items().update({}, ops('set', 'pwned'))).rejects.toThrow();
      await expect(items().update({}, ops('inc', 1))).rejects.toThrow();
      await expect(items().update({}, ops('push', 'pwned'))).rejects.toThrow();
      await expect(items().find(loose({ n: { [field]: 1 } }))).rejects.toThrow();
      expect(await items().find({}, { sort: { _id: 1 } })).toEqual(before);
      expect(before).toHaveLength(FIXTURE.length);
    });
  });
}
