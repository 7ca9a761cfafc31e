import { sql } from 'drizzle-orm';
import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Postgres text-search configuration name (english, swedish, simple, ...). */
export const regconfig = customType<{ data: string }>({ dataType: () => 'regconfig' });

/** Full-text document vector; always computed by Postgres, never written by the app. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Raw bytes (uploaded files). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Surrogate id: random uuid made by Postgres. */
export const id = () =>
  uuid()
    .notNull()
    .default(sql`gen_random_uuid()`);

/**
 * The owning tenant. Leads every primary, unique and foreign key of a tenant table, so a row
 * can never point into another tenant and the schema can be distributed by tenant later.
 */
export const tenantId = () => uuid().notNull();

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
