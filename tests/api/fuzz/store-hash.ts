import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

/**
 * The store's content, hashed table by table through a second, read-only connection: in WAL mode it
 * sees every committed write of the server, and by the time an answer arrives the call's writes are
 * committed. Per table, so that a change names the table it happened in.
 */
export type StoreHash = Map<string, string>;

/**
 * The failure counters that a refusal writes by design, and only for the action that keeps them:
 * DESIGN.md §4 limits wrong bind pairs and wrong receipt codes per openid (5 an hour), and the
 * volunteer feature limits wrong on-site codes per member (volunteer/actions/onsite.ts), so the
 * refused attempt itself must be recorded, or the limit would count nothing. Everything else, the
 * audit log included (the router audits successful writes only), must stay as it was.
 */
const WRITES_WHEN_REFUSED: Readonly<Record<string, readonly string[]>> = {
  'staff.bind': ['c_bindFailures'],
  'mailbox.lookup': ['c_mailLookupFailures'],
  'volunteer.signin': ['c_volunteerCodeFailures'],
  'volunteer.signout': ['c_volunteerCodeFailures'],
};

export function openStoreReader(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const tables = () =>
    (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .all() as {
        name: string;
      }[]
    ).map((row) => row.name);
  // Every table of ours has `_id` as its primary key: ordering by it makes the hash independent of row order.
  const rows = (table: string) => db.prepare(`SELECT * FROM "${table}" ORDER BY _id`).raw().all() as unknown[][];
  return {
    hash() {
      const hashes: StoreHash = new Map();
      for (const table of tables()) {
        const sha = createHash('sha256');
        for (const row of rows(table)) sha.update(JSON.stringify(row)).update('\n');
        hashes.set(table, sha.digest('hex'));
      }
      return hashes;
    },
    /**
     * Every record in insertion order, so that a seed picks the same seeded record on every run (ids
     * are random). The secret tables keep no insertion order (WITHOUT ROWID), and no fuzz needs them.
     */
    records() {
      const ordered = db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c_%' AND sql NOT LIKE '%WITHOUT ROWID%' ORDER BY name",
        )
        .pluck()
        .all() as string[];
      return ordered.flatMap((table) =>
        (db.prepare(`SELECT doc FROM "${table}" ORDER BY rowid`).pluck().all() as string[]).map((doc) => ({
          table: table.replace(/^c_/, ''),
          doc: JSON.parse(doc) as Record<string, unknown>,
        })),
      );
    },
    close: () => db.close(),
  };
}

/** The tables whose content differs, leaving out those the action may write when it refuses. */
export function changedTables(before: StoreHash, after: StoreHash, action: string): string[] {
  const allowed = new Set(WRITES_WHEN_REFUSED[action] ?? []);
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => !allowed.has(name) && before.get(name) !== after.get(name));
}
