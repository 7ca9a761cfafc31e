import { ZFaqEntry } from '@replyline/rag';
import { getAnalyticsSummary } from '@replyline/core/analytics';
import { ZListPeriod, ZPeriod } from '@replyline/core/analytics';
import { listTopQuestions, listUnansweredQuestions } from '@replyline/core/analytics';
import { turnIntoFaq } from '@replyline/core/analytics';
import { actorOf, queueOf } from '@replyline/core';
import { tenantProcedure } from '../procedures';
import { router } from '../trpc';

const agent = tenantProcedure.meta({ role: 'agent' });

/** The analytics page: figures for a period, what customers ask, what the bot could not answer. */
export const analyticsRouter = router({
  summary: agent
    .input(ZPeriod)
    .query(({ ctx, input }) => getAnalyticsSummary(ctx.db, ctx.tenantId, input)),

  topQuestions: agent
    .input(ZListPeriod)
    .query(({ ctx, input }) => listTopQuestions(ctx.db, ctx.tenantId, input)),

  unanswered: agent
    .input(ZListPeriod)
    .query(({ ctx, input }) => listUnansweredQuestions(ctx.db, ctx.tenantId, input)),

  /** One click from an unanswered question to an FAQ entry the assistant answers from. */
  turnIntoFaq: tenantProcedure
    .meta({ role: 'admin' })
    .input(ZFaqEntry)
    .mutation(({ ctx, input }) =>
      turnIntoFaq(
        { db: ctx.db, queue: queueOf(ctx), embedder: ctx.embedder ?? null },
        actorOf(ctx),
        input,
      ),
    ),
});
