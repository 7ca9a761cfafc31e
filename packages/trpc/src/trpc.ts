import type { PlanFeature } from '@replyline/billing';
import type { MemberRole } from '@replyline/core';
import { initTRPC } from '@trpc/server';
import { ZodError } from 'zod';
import type { Context } from './context';
import { toTRPCError } from './error-codes';

export type { MemberRole };

/** What a procedure declares about itself; the access test reads it for every procedure. */
export interface ProcedureMeta {
  /** The least role a member needs. Procedures without it need no workspace. */
  role?: MemberRole;
  /** The plan feature it belongs to; refused (402, with the upgrade in words) on plans without it. */
  feature?: PlanFeature;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error }) {
      // Field-level problems for forms; the message stays the one a person can read.
      const fields = error.cause instanceof ZodError ? error.cause.flatten().fieldErrors : null;
      return { ...shape, data: { ...shape.data, fields } };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * The one place domain refusals become tRPC errors: procedures and middlewares call the domain
 * and let its DomainError (or a billing/ingestion/email refusal) pass; whatever they throw
 * reaches here as the failed result's cause.
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const mapped = toTRPCError(result.error.cause);
  if (mapped) throw mapped;
  return result;
});

export const baseProcedure = t.procedure.use(domainErrors);
