import type { PlanFeature } from '@replyline/billing';
import { initTRPC } from '@trpc/server';
import { ZodError } from 'zod';
import type { Context } from './context';

export type MemberRole = 'owner' | 'admin' | 'agent';

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
export const baseProcedure = t.procedure;
