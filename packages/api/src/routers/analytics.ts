import { ZFaqEntry } from '@replyline/rag';
import { getAnalyticsSummary } from '../domain/analytics/analytics-summary';
import { ZListPeriod, ZPeriod } from '../domain/analytics/period';
import { listTopQuestions, listUnansweredQuestions } from '../domain/analytics/question-reports';
import { turnIntoFaq } from '../domain/analytics/turn-into-faq';
import { domainCall } from '../domain/errors';
import { actorOf, queueOf } from '../domain/request';
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
      domainCall(() =>
        turnIntoFaq(
          { db: ctx.db, queue: queueOf(ctx), embedder: ctx.embedder ?? null },
          actorOf(ctx),
          input,
        ),
      ),
    ),
});
