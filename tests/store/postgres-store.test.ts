import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgresStore } from '../../src/store/postgres-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { runStoreContract } from './store-contract.ts';

const url = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const available = await reachable();
if (!available) {
  console.warn(`store: postgres skipped: no PostgreSQL at ${url} (start one with .ci/postgres.sh, or set TEST_DATABASE_URL)`);
}

/** Each test gets its own schema, so runs never see each other's rows. */
const prefix = `kaesong_test_${process.pid}_`;
let counter = 0;
let currentUrl = '';
let admin: pg.Client;

function withSearchPath(schema: string): string {
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

describe.skipIf(!available)('store: postgres', () => {
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });
  afterAll(async () => {
    const { rows } = await admin.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE nspname LIKE $1', [`${prefix}%`]);
    for (const { nspname } of rows) await admin.query(`DROP SCHEMA "${nspname}" CASCADE`);
    await admin.end();
  });

  runStoreContract({
    async open() {
      const schema = `${prefix}${++counter}`;
      await admin.query(`CREATE SCHEMA "${schema}"`);
      currentUrl = withSearchPath(schema);
      return openPostgresStore(currentUrl);
    },
    async openAnother() {
      return openPostgresStore(currentUrl);
    },
  });

  it('is what openStore picks for a postgres:// URL, migrating once when replicas start together', async () => {
    const schema = `${prefix}migrate`;
    await admin.query(`CREATE SCHEMA "${schema}"`);
    const stores = await Promise.all([openStore(withSearchPath(schema)), openStore(withSearchPath(schema))]);
    expect(stores.map((store) => store.kind)).toEqual(['postgres', 'postgres']);
    const { rows } = await admin.query(`SELECT version FROM "${schema}".schema_version`);
    expect(rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    await Promise.all(stores.map((store) => store.close()));
  });
});

describe('store: postgres unreachable', () => {
  it('fails with a clear message that hides the password', async () => {
    await expect(openPostgresStore('postgres://kaesong:secret@127.0.0.1:1/nowhere')).rejects.toThrow(
      /^\[store\] \[postgres\] cannot open postgres:\/\/kaesong:\*\*\*@127\.0\.0\.1:1\/nowhere: /,
    );
  });
});
