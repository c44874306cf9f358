import { StoreError, type Store } from './store.ts';

/**
 * `sqlite:…` → SQLite file (or `sqlite::memory:`); `postgres://…` → PostgreSQL. Schema is migrated on
 * open. Only the driver in use is loaded.
 */
export async function openStore(databaseUrl: string): Promise<Store> {
  if (databaseUrl.startsWith('sqlite:')) return (await import('./sqlite-store.ts')).openSqliteStore(databaseUrl);
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return (await import('./postgres-store.ts')).openPostgresStore(databaseUrl);
  throw new StoreError('open', 'DATABASE_URL must start with sqlite: or postgres://');
}
