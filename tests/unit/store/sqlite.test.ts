import { AsyncLocalStorage } from 'node:async_hooks';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DuplicateError, type CollectionSpec, type Store, type UpdateOps } from '../../../server/store/port';
import { openSqliteStore } from '../../../server/store/sqlite';
import { orderSql, whereSql } from '../../../server/store/sqlite/filter';
import { SCHEMA_VERSION } from '../../../server/store/sqlite/migrate';
import { describeStoreContract, TEST_SPECS, type ItemDoc, type TestCollections } from '../../store/contract';
import { loose } from '../../store/contract-fixture';

const ROOT = path.resolve(__dirname, '../../..');
const dirs: string[] = [];
const stores: Store<TestCollections>[] = [];

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-store-'));
  dirs.push(dir);
  return path.join(dir, 'store.db');
}

function open(file: string, specs: Record<keyof TestCollections, CollectionSpec> = TEST_SPECS): Store<TestCollections> {
  const store = openSqliteStore<TestCollections>({ file, specs });
  stores.push(store);
  return store;
}

/** Looks at the file through a connection of its own, as an operator would. */
function inspect<R>(file: string, look: (db: Database.Database) => R): R {
  const db = new Database(file);
  try {
    return look(db);
  } finally {
    db.close();
  }
}

const indexNames = (file: string) =>
  inspect(file, (db) =>
    db.prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name`).all(),
  ).map((r) => r.name);

afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('sqlite', async () => {
  const file = tempFile();
  const mine: Store<TestCollections>[] = [];
  const openMine = () => {
    mine.push(open(file));
    return mine[mine.length - 1];
  };
  return {
    store: openMine(),
    reopen: async () => openMine(),
    cleanup: async () => {
      for (const store of mine) await store.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    },
  };
});

describe('sqlite adapter', () => {
  it('runs in WAL mode at the current schema version', async () => {
    const file = tempFile();
    await open(file).close();
    expect(inspect(file, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
    expect(inspect(file, (db) => db.pragma('user_version', { simple: true }))).toBe(SCHEMA_VERSION);
  });

  it('migrates idempotently: reopening keeps the tables, indexes and data', async () => {
    const file = tempFile();
    const first = open(file);
    await first.collection('items').insert({ _id: 'a', code: 'A' });
    await first.close();
    const before = indexNames(file);
    expect(before).toEqual(expect.arrayContaining(['ix:items:group', 'ux:items:code', 'ux:checkins:staffId,day']));
    for (let i = 0; i < 3; i += 1) await open(file).close();
    expect(indexNames(file)).toEqual(before);
    const again = open(file);
    expect(await again.collection('items').get('a')).toEqual({ _id: 'a', code: 'A' });
    await expect(again.collection('items').insert({ _id: 'b', code: 'A' })).rejects.toThrow('duplicate');
  });

  it('keeps a secret collection out of row order, moving a store written before into it', async () => {
    const file = tempFile();
    const before = open(file);
    for (const id of ['m', 'c', 'x', 'a']) await before.collection('items').insert({ _id: id, code: id.toUpperCase() });
    await before.close();
    const tableSql = () =>
      inspect(
        file,
        (db) => (db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'c_items'`).get() as { sql: string }).sql,
      );
    expect(tableSql()).not.toMatch(/WITHOUT ROWID/);
    const secret = open(file, { ...TEST_SPECS, items: { ...TEST_SPECS.items, secret: true } });
    expect(tableSql()).toMatch(/WITHOUT ROWID/);
    // The rows are all there, in key order and not in the order they were written; the keys still hold.
    expect((await secret.collection('items').find({})).map((d) => d._id)).toEqual(['a', 'c', 'm', 'x']);
    await expect(secret.collection('items').insert({ _id: 'z', code: 'M' })).rejects.toThrow('duplicate');
    // Each write to it leaves the write-ahead log empty.
    await secret.collection('items').insert({ _id: 'b', code: 'B' });
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
  });

  it('follows the specs on reopen: adds new indexes, drops dropped unique keys', async () => {
    const file = tempFile();
    await open(file).close();
    const specs = { ...TEST_SPECS, items: { indexes: [['name']] }, events: { unique: [['seatsLeft']] } };
    const store = open(file, specs);
    expect(indexNames(file)).toEqual(expect.arrayContaining(['ix:items:name', 'ux:events:seatsLeft']));
    expect(indexNames(file)).not.toContain('ux:items:code');
    await store.collection('items').insert({ _id: 'a', code: 'A' });
    await store.collection('items').insert({ _id: 'b', code: 'A' });
    expect(await store.collection('items').count({ code: 'A' })).toBe(2);
  });

  it('refuses to open when existing rows break a new unique key, or the file is from newer code', async () => {
    const file = tempFile();
    const store = open(file, { ...TEST_SPECS, events: {} });
    await store.collection('events').insert({ _id: '1', seatsLeft: 5 });
    await store.collection('events').insert({ _id: '2', seatsLeft: 5 });
    await store.close();
    expect(() => open(file, { ...TEST_SPECS, events: { unique: [['seatsLeft']] } })).toThrow(/UNIQUE/);
    inspect(file, (db) => db.pragma(`user_version = ${SCHEMA_VERSION + 1}`));
    expect(() => open(file)).toThrow(/newer/);
  });

  it('refuses hostile collection names and index fields in the specs', () => {
    const specs = (extra: Record<string, CollectionSpec>) => ({ ...TEST_SPECS, ...extra }) as typeof TEST_SPECS;
    expect(() => open(tempFile(), specs({ 'x"; DROP TABLE c_items; --': {} }))).toThrow(/collection name/);
    expect(() => open(tempFile(), specs({ items: { indexes: [["a') --"]] } }))).toThrow(/field name/);
    expect(() => open(tempFile(), specs({ items: { unique: [[]] } }))).toThrow(/empty index/);
  });

  it('refuses __proto__ as a field name', async () => {
    const items = open(tempFile()).collection('items');
    await items.insert({ _id: 'a', n: 1 });
    const proto = JSON.parse('{"__proto__": 1}') as Record<string, number>;
    await expect(items.find(proto)).rejects.toThrow(/field name/);
    await expect(items.update({ _id: 'a' }, { inc: proto })).rejects.toThrow(/field name/);
    expect(await items.get('a')).toEqual({ _id: 'a', n: 1 });
  });

  it('filters and sorts through the expression indexes', () => {
    const file = tempFile();
    open(file);
    const plan = (filter: object, sort?: object) =>
      inspect(file, (db) => {
        const where = whereSql(filter);
        const sql = `EXPLAIN QUERY PLAN SELECT doc FROM "c_items" WHERE ${where.sql} ${orderSql(sort)}`;
        return db
          .prepare(sql)
          .all(...where.params)
          .map((row) => (row as { detail: string }).detail)
          .join(' | ');
      });
    expect(plan({ group: 'x' })).toContain('USING INDEX ix:items:group');
    expect(plan({ n: { gte: 1, lt: 5 } })).toContain('USING INDEX ix:items:n');
    expect(plan({ code: 'A' })).toContain('USING INDEX ux:items:code');
    expect(plan({ _id: 'a' })).toMatch(/USING INDEX sqlite_autoindex_c_items/);
    expect(plan({}, { at: -1 })).toContain('USING INDEX ix:items:at');
    expect(plan({}, { at: -1 })).not.toContain('TEMP B-TREE');
  });

  it('undoes the whole of a multi-document update that breaks a unique key', async () => {
    const items = open(tempFile()).collection('items');
    await items.insert({ _id: 'a', group: 'g', n: 1 });
    await items.insert({ _id: 'b', group: 'g', n: 2 });
    await expect(items.update({ group: 'g' }, { set: { code: 'same' }, inc: { n: 1 } })).rejects.toBeInstanceOf(
      DuplicateError,
    );
    expect(await items.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', group: 'g', n: 1 },
      { _id: 'b', group: 'g', n: 2 },
    ]);
  });

  it('refuses inc on a non-number and push on a non-array, changing nothing', async () => {
    const items = open(tempFile()).collection('items');
    await items.insert({ _id: 'a', name: 'x', n: null });
    await expect(items.update({ _id: 'a' }, { inc: { n: 1 } })).rejects.toThrow(/not a number/);
    await expect(items.update({ _id: 'a' }, loose<UpdateOps<ItemDoc>>({ push: { name: 'y' } }))).rejects.toThrow(
      /not an array/,
    );
    await expect(
      items.update({ _id: 'a' }, loose<UpdateOps<ItemDoc>>({ set: { name: 'y' }, inc: { name: 1 } })),
    ).rejects.toThrow();
    expect(await items.get('a')).toEqual({ _id: 'a', name: 'x', n: null });
  });

  it('rejects the main store used inside transaction(fn) instead of hanging', async () => {
    const store = open(tempFile());
    await expect(store.transaction(() => store.collection('items').get('a'))).rejects.toThrow(/tx argument/);
    await expect(store.transaction(() => store.transaction(async () => 1))).rejects.toThrow(/tx argument/);
    expect(await store.collection('items').count({})).toBe(0);
  });

  it('runs concurrent transactions one after another', async () => {
    const store = open(tempFile());
    await store.collection('events').insert({ _id: 'e', seatsLeft: 0 });
    const bump = () =>
      store.transaction(async (tx) => {
        const event = await tx.collection('events').get('e');
        await new Promise((resolve) => setTimeout(resolve, 5));
        await tx.collection('events').update({ _id: 'e' }, { set: { seatsLeft: (event?.seatsLeft ?? 0) + 1 } });
      });
    await Promise.all(Array.from({ length: 10 }, bump));
    expect((await store.collection('events').get('e'))?.seatsLeft).toBe(10);
  });

  it('commits waiting transactions together, answering each after the shared commit, one failing alone', async () => {
    const file = tempFile();
    const store = open(file);
    const seen: string[] = [];
    const write = (i: number) =>
      store
        .transaction(async (tx) => {
          await tx.collection('items').insert({ _id: `t${i}` });
          seen.push(`ran ${i}`);
          if (i === 4) throw new Error('refused');
        })
        .then(
          () => seen.push(`answered ${i}`),
          () => seen.push(`refused ${i}`),
        );
    await Promise.all(Array.from({ length: 8 }, (_, i) => write(i)));
    // All eight ran before any success was answered: one commit for the batch. The refused one is told
    // at once (it has nothing to commit) and left nothing behind.
    const firstAnswer = seen.findIndex((e) => e.startsWith('answered'));
    expect(seen.slice(0, firstAnswer).filter((e) => e.startsWith('ran'))).toHaveLength(8);
    expect(seen).toContain('refused 4');
    const ids = (await store.collection('items').find({})).map((d) => d._id).sort();
    expect(ids).toEqual(['t0', 't1', 't2', 't3', 't5', 't6', 't7']);
    // What was answered is in the file for any other reader.
    expect((await open(file).collection('items').find({})).length).toBe(7);
  });

  it('runs each batched transaction in its own caller’s async context', async () => {
    const store = open(tempFile());
    const request = new AsyncLocalStorage<string>();
    const seen = await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        request.run(name, () =>
          store.transaction(async (tx) => {
            await tx.collection('items').insert({ _id: name });
            return request.getStore();
          }),
        ),
      ),
    );
    // A notice collected by the request's context (server/kernel/outbox.ts) lands with its request.
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('closes after the open transaction ends; later calls reject; close is idempotent', async () => {
    const file = tempFile();
    const store = open(file);
    const committed = store.transaction(async (tx) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await tx.collection('items').insert({ _id: 'late' });
    });
    await store.close();
    await committed;
    await store.close();
    await expect(store.collection('items').get('late')).rejects.toThrow(/closed/);
    expect(await open(file).collection('items').get('late')).not.toBeNull();
  });

  it('keeps conditional updates exact across two store objects on one file', async () => {
    const file = tempFile();
    const [one, two] = [open(file), open(file)];
    await one.collection('events').insert({ _id: 'e', seatsLeft: 30 });
    const take = (store: Store<TestCollections>) =>
      store.collection('events').update({ _id: 'e', seatsLeft: { gt: 0 } }, { inc: { seatsLeft: -1 } });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => take(i % 2 === 0 ? one : two)));
    expect(results.reduce((a, b) => a + b, 0)).toBe(30);
    expect((await two.collection('events').get('e'))?.seatsLeft).toBe(0);
  });

  describe('with another process', () => {
    it('waits (busy_timeout) for another process holding the write lock', async () => {
      const file = tempFile();
      const store = open(file);
      const holder = node(
        `
        const db = new (require('better-sqlite3'))(process.argv[1]);
        db.exec('BEGIN IMMEDIATE');
        db.prepare('INSERT INTO c_events (_id, doc) VALUES (?, ?)').run('held', '{"_id":"held","seatsLeft":1}');
        console.log('locked');
        setTimeout(() => { db.exec('COMMIT'); db.close(); }, 300);`,
        [file],
      );
      await holder.line('locked');
      const started = Date.now();
      await store.collection('events').insert({ _id: 'mine', seatsLeft: 1 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
      expect(await holder.exit).toBe(0);
      expect(await store.collection('events').count({})).toBe(2);
    }, 30_000);

    it('keeps conditional updates exact with another process taking at the same time', async () => {
      const file = tempFile();
      const store = open(file);
      const events = store.collection('events');
      await events.insert({ _id: 'e', seatsLeft: 2000 });
      const racer = node(
        `
        const { openSqliteStore } = require(process.argv[1]);
        const store = openSqliteStore({ file: process.argv[2], specs: JSON.parse(process.argv[3]) });
        console.log('ready');
        process.stdin.once('data', async () => {
          let took = 0;
          for (;;) {
            const n = await store.collection('events').update({ _id: 'e', seatsLeft: { gt: 0 } }, { inc: { seatsLeft: -1 } });
            if (n === 0) break;
            took += n;
          }
          console.log('took ' + took);
          await store.close();
          process.exit(0);
        });`,
        [path.join(ROOT, 'server/store/sqlite/index.ts'), file, JSON.stringify(TEST_SPECS)],
      );
      await racer.line('ready');
      racer.child.stdin.write('go\n');
      let took = 0;
      for (;;) {
        const n = await events.update({ _id: 'e', seatsLeft: { gt: 0 } }, { inc: { seatsLeft: -1 } });
        if (n === 0) break;
        took += n;
      }
      expect(await racer.exit).toBe(0);
      const theirs = Number(/took (\d+)/.exec(racer.output())?.[1]);
      expect(took + theirs).toBe(2000);
      expect((await events.get('e'))?.seatsLeft).toBe(0);
    }, 30_000);
  });
});

/** A node child (with tsx, so it can load the adapter's TypeScript) running `code`. */
function node(code: string, args: string[]) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', '-e', code, ...args], {
    cwd: ROOT,
  });
  let stdout = '';
  let stderr = '';
  const waiters: (() => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    waiters.forEach((wake) => wake());
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const line = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => stdout.split('\n').includes(text) && resolve();
      waiters.push(check);
      check();
      void exit.then(() => reject(new Error(`child exited before "${text}": ${stderr}`)));
    });
  return { child, exit, line, output: () => stdout };
}
