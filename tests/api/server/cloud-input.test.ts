import { main } from '../../../server/entry/cloud';
import { consoleIndexes } from '../../../server/store/cloudbase/keys';
import { COLLECTION_SPECS } from '../../../server/features';
import { CloudbaseDouble } from '../../support/cloudbase-double';
import { setCaller, useCloudbaseEnv } from '../../support/cloudbase-env';

/** The cloud function's event comes from the client: hostile shapes are bad input, never INTERNAL. */
const ENV = 'tongxin-input-1a2b3c';
let double: CloudbaseDouble;
let restoreEnv: () => void;
beforeAll(async () => {
  double = await CloudbaseDouble.start({
    env: ENV,
    collections: Object.keys(COLLECTION_SPECS),
    indexes: consoleIndexes(COLLECTION_SPECS),
  });
  restoreEnv = useCloudbaseEnv(double, ENV);
});
afterAll(async () => {
  await double.close();
  restoreEnv();
});

describe('cloud function main with hostile events', () => {
  it.each([
    [{ action: { toString: 1, valueOf: 1 }, input: {} }],
    [{ action: ['session.me'], input: {} }],
    [{ action: 42 }],
    ['session.me'],
  ])('answers %j with NOT_FOUND', async (event) => {
    setCaller('oHostile-1');
    expect(await main(event)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
