import { openPostgresStore } from './postgres-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { StoreError, type Store } from './store.ts';

/** `sqlite:…` → SQLite file (or `sqlite::memory:`); `postgres://…` → PostgreSQL. Schema is migrated on open. */
export async function openStore(databaseUrl: string): Promise<Store> {
  if (databaseUrl.startsWith('sqlite:')) return openSqliteStore(databaseUrl);
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return openPostgresStore(databaseUrl);
  throw new StoreError('open', 'DATABASE_URL must start with sqlite: or postgres://');
}
