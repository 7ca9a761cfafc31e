import { z } from 'zod';
import { getOnboarding, markOnboardingStep, ONBOARDING_STEPS } from '@replyline/core/onboarding';
import { tenantProcedure } from '../procedures';
import { router } from '../trpc';

export const onboardingRouter = router({
  /** Each checklist step: done, skipped or pending. */
  get: tenantProcedure
    .meta({ role: 'agent' })
    .query(({ ctx }) => getOnboarding(ctx.db, ctx.tenantId)),

  markStep: tenantProcedure
    .meta({ role: 'admin' })
    .input(z.object({ step: z.enum(ONBOARDING_STEPS), value: z.enum(['done', 'skipped']) }))
    .mutation(({ ctx, input }) => markOnboardingStep(ctx.db, ctx, input)),
});
