import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../support/harness';
import { BODY, MailDriver } from './support';

/**
 * An anonymous message keeps no link to its sender (DESIGN.md §5): read the SQLite files themselves,
 * as someone with disk access would, and look for the sender in every row that mentions the message.
 * The sender is an admin on purpose: a privileged write would be audited, and this one must not be.
 */
let t: TestServer;
let m: MailDriver;
beforeAll(async () => {
  t = await startTestServer();
  m = new MailDriver(t);
});
afterAll(() => t.stop());

interface Row {
  table: string;
  _id: string;
  doc: string;
}

function allRows(db: Database.Database): Row[] {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'`)
    .all() as { name: string }[];
  return tables.flatMap(({ name }) =>
    (db.prepare(`SELECT _id, doc FROM "${name}"`).all() as { _id: string; doc: string }[]).map((r) => ({
      table: name,
      ...r,
    })),
  );
}

/** The valid frames of a WAL file (SQLite's documented format), grouped by the commit that ends them. */
function walCommits(file: string): Buffer[] {
  if (!existsSync(file)) return [];
  const wal = readFileSync(file);
  if (wal.length < 32) return [];
  const pageSize = wal.readUInt32BE(8);
  const [salt1, salt2] = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  const out: Buffer[] = [];
  let current: Buffer[] = [];
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    current.push(wal.subarray(at + 24, at + 24 + pageSize));
    if (wal.readUInt32BE(at + 4) !== 0) {
      out.push(Buffer.concat(current));
      current = [];
    }
  }
  return out;
}

it('stores an anonymous message with nothing that leads to its sender, in any table or the WAL', async () => {
  await t.setClock('2026-03-04T15:47:23+08:00', true);
  const sender = await m.staff('T0001');
  const subject = '关于食堂就餐秩序的建议X7Q';
  const sent = await t.ok(
    'mailbox.send',
    { subject, body: BODY, anonymous: true, category: '建议' },
    await m.as('T0001'),
  );
  expect(sent.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{12}$/);
  expect(sent.message).toMatchObject({ anonymous: true, status: 'open', category: '建议', subject });
  // The local day alone: 2026-03-04 began at 16:00 UTC the day before.
  expect(sent.message.createdAt).toBe('2026-03-03T16:00:00.000Z');
  expect(sent.message.id).toMatch(/^[0-9a-f]{24}$/);
  // Another write by the same person right after, so that their traces are in the files beside it.
  await t.ok('mailbox.send', { subject: '实名来信', body: BODY, anonymous: false }, await m.as('T0001'));

  const identifiers = [sender._id, sender.openid ?? 'demo-T0001', sender.name, sender.staffNo, sender.department];
  const markers = [sent.message.id, subject];

  const db = new Database(join(t.dataDir, 'tongxin.db'), { readonly: true, fileMustExist: true });
  let rows: Row[];
  try {
    rows = allRows(db);
  } finally {
    db.close();
  }
  const linked = rows.filter((r) => markers.some((k) => r._id.includes(k) || r.doc.includes(k)));
  expect(linked.map((r) => r.table)).toEqual(['c_mailbox']);
  for (const row of linked) {
    for (const id of identifiers)
      expect({ table: row.table, has: id, found: row.doc.includes(id) }).toMatchObject({ found: false });
  }
  const stored = JSON.parse(linked[0].doc) as Record<string, unknown>;
  expect(stored).toMatchObject({
    staffId: null,
    staffName: null,
    department: null,
    createdAt: '2026-03-03T16:00:00.000Z',
  });
  expect(stored.codeHash).toMatch(/^[0-9a-f]{64}$/);
  expect(linked[0].doc).not.toContain(sent.code);
  expect(Object.keys(stored).sort()).toEqual(
    [
      '_id',
      'anonymous',
      'body',
      'category',
      'codeHash',
      'createdAt',
      'department',
      'replies',
      'staffId',
      'staffName',
      'status',
      'subject',
      'updatedAt',
    ].sort(),
  );

  // No audit line of the send, though an admin sent it.
  const audits = rows.filter((r) => r.table === 'c_audit').map((r) => JSON.parse(r.doc) as { action: string });
  expect(audits.filter((a) => a.action.startsWith('mailbox.'))).toEqual([]);

  // The log: no commit that holds the message holds the sender.
  for (const commit of walCommits(join(t.dataDir, 'tongxin.db-wal'))) {
    if (!markers.some((k) => commit.includes(Buffer.from(k)))) continue;
    for (const id of identifiers)
      expect({ has: id, found: commit.includes(Buffer.from(id)) }).toMatchObject({ found: false });
  }
  await t.ok('dev.clock.reset', {});
});

it('a successful lookup leaves no row behind; the sender never sees it in their own list', async () => {
  const token = await m.as('T0012');
  const sent = await t.ok('mailbox.send', { subject: '匿名反映', body: BODY, anonymous: true }, token);
  expect(sent.message.category).toBe('其他');
  await t.ok('mailbox.lookup', { code: sent.code ?? '' }, token);
  expect(await t.server.store.collection('mailLookupFailures').count({ openid: 'demo-T0012' })).toBe(0);
  const mine = await t.ok('mailbox.mine', {}, token);
  expect(mine.items.map((i) => i.id)).not.toContain(sent.message.id);
});

it('named messages keep their sender and return no code', async () => {
  const token = await m.as('T0013');
  const sent = await t.ok(
    'mailbox.send',
    { subject: '实名建议', body: BODY, anonymous: false, category: '投诉' },
    token,
  );
  expect(sent.code).toBeUndefined();
  const mine = await t.ok('mailbox.mine', {}, token);
  expect(mine.items[0]).toMatchObject({ id: sent.message.id, subject: '实名建议', anonymous: false, category: '投诉' });
});
