import { actionsRouter } from './routers/actions';
import { alertsRouter } from './routers/alerts';
import { analyticsRouter } from './routers/analytics';
import { apiKeysRouter } from './routers/api-keys';
import { billingRouter } from './routers/billing';
import { cannedRepliesRouter } from './routers/canned-replies';
import { inboxRouter } from './routers/inbox';
import { knowledgeRouter } from './routers/knowledge';
import { onboardingRouter } from './routers/onboarding';
import { pushRouter } from './routers/push';
import { settingsRouter } from './routers/settings';
import { ssoRouter } from './routers/sso';
import { teamRouter } from './routers/team';
import { ticketsRouter } from './routers/tickets';
import { widgetRouter } from './routers/widget';
import { workspaceRouter } from './routers/workspace';
import { createCallerFactory, router } from './trpc';

/** Every dashboard procedure; each router is one domain of the dashboard. */
export const appRouter = router({
  workspace: workspaceRouter,
  inbox: inboxRouter,
  cannedReplies: cannedRepliesRouter,
  tickets: ticketsRouter,
  analytics: analyticsRouter,
  settings: settingsRouter,
  team: teamRouter,
  widget: widgetRouter,
  knowledge: knowledgeRouter,
  billing: billingRouter,
  onboarding: onboardingRouter,
  sso: ssoRouter,
  apiKeys: apiKeysRouter,
  alerts: alertsRouter,
  actions: actionsRouter,
  push: pushRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
