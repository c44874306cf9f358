import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openSqliteStore, sqlitePath } from '../../src/store/sqlite-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema.ts';
import { runStoreContract } from './store-contract.ts';

const root = mkdtempSync(join(tmpdir(), 'kaesong-sqlite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
let current = '';

describe('store: sqlite', () => {
  runStoreContract({
    async open() {
      current = `sqlite:${join(root, `contract-${++counter}`, 'kaesong.db')}`;
      return openSqliteStore(current);
    },
    async openAnother() {
      return openSqliteStore(current);
    },
  });
});

describe('sqlitePath', () => {
  it('reads relative, absolute and in-memory forms', () => {
    expect(sqlitePath('sqlite:./data/kaesong.db')).toBe('./data/kaesong.db');
    expect(sqlitePath('sqlite:/var/lib/kaesong.db')).toBe('/var/lib/kaesong.db');
    expect(sqlitePath('sqlite:///var/lib/kaesong.db')).toBe('/var/lib/kaesong.db');
    expect(sqlitePath('sqlite::memory:')).toBe(':memory:');
  });

  it('refuses a URL without a file, saying what would work', () => {
    expect(() => sqlitePath('sqlite:')).toThrow('[store] [sqlite] no file in "sqlite:"; use e.g. sqlite:./data/kaesong.db');
  });
});

describe('openStore with sqlite', () => {
  it('creates the folder, the schema and a WAL journal', async () => {
    const file = join(root, 'nested', 'deeper', 'kaesong.db');
    const store = await openStore(`sqlite:${file}`);
    expect(store.kind).toBe('sqlite');
    await store.close();
    expect(existsSync(file)).toBe(true);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_version').all()).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    expect(SCHEMA_VERSION).toBe(3);
    db.close();
  });

  it('keeps data across a restart and does not migrate twice', async () => {
    const url = `sqlite:${join(root, 'restart', 'kaesong.db')}`;
    const first = await openStore(url);
    await first.upsertSubscription({ teamId: 'T', channelId: 'C', time: '09:00', timeZone: 'UTC', topic: '', quiet: false }, new Date(0));
    await first.close();
    const second = await openStore(url);
    expect((await second.listSubscriptions()).map((s) => s.channelId)).toEqual(['C']);
    await second.close();
    const db = new Database(sqlitePath(url), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_version').get()).toEqual({ n: SCHEMA_VERSION });
    db.close();
  });

  it('migrates a database made by the first schema, keeping its subscriptions', async () => {
    const file = join(root, 'v1', 'kaesong.db');
    mkdirSync(dirname(file), { recursive: true });
    const old = new Database(file);
    old.exec('CREATE TABLE schema_version (version INTEGER NOT NULL)');
    for (const sql of MIGRATIONS[0]!) old.exec(sql);
    old.prepare('INSERT INTO schema_version (version) VALUES (1)').run();
    old.prepare(`INSERT INTO subscriptions (team_id, channel_id, time, time_zone, updated_at) VALUES ('T', 'C', '09:00', 'UTC', 0)`).run();
    old.close();
    const store = await openStore(`sqlite:${file}`);
    expect(await store.getSubscription('T', 'C')).toMatchObject({ time: '09:00', lastError: null });
    expect(await store.noteDigestFailure('C', 'not_in_channel', new Date(5))).toBe(true);
    await store.close();
  });

  it('works in memory for tests', async () => {
    const store = await openStore('sqlite::memory:');
    expect(await store.claimDigest('C', '2026-01-01', 'a', new Date(0))).toBe(true);
    await store.close();
  });

  it('rejects other URL schemes with a clear message', async () => {
    await expect(openStore('mysql://x')).rejects.toThrow('[store] [open] DATABASE_URL must start with sqlite: or postgres://');
  });
});
