import {
  pgErrorCode,
  schema,
  withTenant,
  type Database,
  type TenantId,
  type UserId,
} from '@replyline/db';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '../domain-error';

const { cannedReplies } = schema;

/** What follows "/" in the reply box: letters, digits and dashes, so it ends at a space. */
export const ZShortcut = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Give the reply a shortcut.')
  .max(40, 'Keep the shortcut under 40 characters.')
  .regex(/^[\p{L}\p{N}_-]+$/u, 'A shortcut is one word: letters, digits, - or _.');

export const ZCannedReply = z.object({
  shortcut: ZShortcut,
  title: z.string().trim().min(1, 'Give the reply a title.').max(120),
  body: z.string().trim().min(1, 'Write the reply text.').max(4000),
});
export type TCannedReply = z.input<typeof ZCannedReply>;

export const ZUpdateCannedReply = ZCannedReply.extend({ id: z.uuid() });
export type TUpdateCannedReply = z.input<typeof ZUpdateCannedReply>;

const columns = {
  id: cannedReplies.id,
  shortcut: cannedReplies.shortcut,
  title: cannedReplies.title,
  body: cannedReplies.body,
  updatedAt: cannedReplies.updatedAt,
};

/** The workspace's canned replies, by shortcut. */
export async function listCannedReplies(db: Database, tenantId: TenantId) {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select(columns)
      .from(cannedReplies)
      .where(eq(cannedReplies.tenantId, tenantId))
      .orderBy(asc(cannedReplies.shortcut)),
  );
}

export async function createCannedReply(
  db: Database,
  tenantId: TenantId,
  byUserId: UserId,
  input: TCannedReply,
) {
  const reply = ZCannedReply.parse(input);
  return refuseTakenShortcut(reply.shortcut, () =>
    withTenant(db, tenantId, async (tx) => {
      const [row] = await tx
        .insert(cannedReplies)
        .values({ tenantId, ...reply, createdByUserId: byUserId })
        .returning(columns);
      return row!;
    }),
  );
}

/** Null when there is no such reply in the workspace. */
export async function updateCannedReply(
  db: Database,
  tenantId: TenantId,
  input: TUpdateCannedReply,
) {
  const { id, ...reply } = ZUpdateCannedReply.parse(input);
  return refuseTakenShortcut(reply.shortcut, () =>
    withTenant(db, tenantId, async (tx) => {
      const [row] = await tx
        .update(cannedReplies)
        .set(reply)
        .where(and(eq(cannedReplies.tenantId, tenantId), eq(cannedReplies.id, id)))
        .returning(columns);
      return row ?? null;
    }),
  );
}

/** False when there was no such reply. */
export async function deleteCannedReply(db: Database, tenantId: TenantId, id: string) {
  const deleted = await withTenant(db, tenantId, (tx) =>
    tx
      .delete(cannedReplies)
      .where(and(eq(cannedReplies.tenantId, tenantId), eq(cannedReplies.id, id)))
      .returning({ id: cannedReplies.id }),
  );
  return deleted.length > 0;
}

/** The unique index on (tenant, lower(shortcut)) decides; its refusal becomes a message. */
async function refuseTakenShortcut<T>(shortcut: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (pgErrorCode(error) === '23505')
      throw new DomainError('conflict', `The shortcut /${shortcut} is taken; choose another.`);
    throw error;
  }
}
