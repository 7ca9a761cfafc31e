import { z } from 'zod';
import { getWidgetSettings, getWidgetSightings } from '@replyline/core/widget';
import { rotateIdentitySecret } from '@replyline/core/widget';
import { updateWidgetSettings } from '@replyline/core/widget';
import {
  ZAllowedOrigins,
  ZBranding,
  ZIdentityRequired,
  ZLanguage,
  ZPersona,
} from '@replyline/core/widget';
import { tenantProcedure } from '../procedures';
import { router } from '../trpc';

export const widgetRouter = router({
  /** Branding, persona, language, allowed websites, the publishable key and the embed snippet. */
  get: tenantProcedure
    .meta({ role: 'agent' })
    .query(({ ctx }) => getWidgetSettings(ctx.db, ctx.tenantId, ctx.apiUrl)),

  /** Whether the widget ran on an allowed site, and the sites it was refused on lately. */
  sightings: tenantProcedure
    .meta({ role: 'agent' })
    .query(({ ctx }) => getWidgetSightings(ctx.db, ctx.tenantId)),

  /** Saves the sections sent, each whole as its form holds it. */
  update: tenantProcedure
    .meta({ role: 'admin' })
    .input(
      z.object({
        branding: ZBranding.optional(),
        persona: ZPersona.optional(),
        language: ZLanguage.optional(),
        allowedOrigins: ZAllowedOrigins.optional(),
        identityRequired: ZIdentityRequired.optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateWidgetSettings(ctx.db, ctx, input)),

  /** A new identity secret, shown this once; visitors signed with the old one are refused. */
  rotateIdentitySecret: tenantProcedure
    .meta({ role: 'admin' })
    .mutation(({ ctx }) => rotateIdentitySecret(ctx.db, ctx)),
});
