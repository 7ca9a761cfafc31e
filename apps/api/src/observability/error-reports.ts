import * as Sentry from '@sentry/node';

/** What is known about the request an unexpected error happened in. */
export interface ErrorContext {
  requestId: string;
  /** The route template (`/v1/conversations/:id/messages`), never the raw path. */
  route: string;
  method: string;
  tenantId?: string;
  traceId?: string;
}

export interface ErrorReporter {
  report(error: unknown, context: ErrorContext): void;
  flush(timeoutMs?: number): Promise<boolean>;
}

/**
 * Unexpected errors to Sentry (or any server that speaks its envelope protocol) when a DSN is
 * set; null otherwise. Only what we hand over is sent: no default integrations (they would
 * attach request bodies, headers and local variables), no PII, and `scrubEvent` drops any
 * request data that gets attached anyway. Visitors' messages and keys stay out of reports.
 */
export function startErrorReports(options: {
  dsn: string | undefined;
  environment: string;
  release?: string;
}): ErrorReporter | null {
  if (!options.dsn) return null;
  const client = Sentry.initWithoutDefaultIntegrations({
    dsn: options.dsn,
    environment: options.environment,
    release: options.release,
    // The API runs its own OpenTelemetry tracing (see tracing.ts); Sentry only gets errors.
    enableOpenTelemetrySetup: false,
    // Nor does it hook module loading to instrument libraries: errors are handed over explicitly.
    enableRuntimeChannelInjection: false,
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: false,
      httpBodies: [],
      urlQueryParams: false,
      genAI: { inputs: false, outputs: false },
    },
    tracesSampleRate: 0,
    integrations: [Sentry.linkedErrorsIntegration(), Sentry.dedupeIntegration()],
    beforeSend: scrubEvent,
  });
  return {
    report(error, context) {
      if (!client) return;
      Sentry.captureException(error, {
        tags: {
          route: context.route,
          method: context.method,
          ...(context.tenantId ? { tenant_id: context.tenantId } : {}),
        },
        extra: { requestId: context.requestId, traceId: context.traceId },
      });
    },
    flush: (timeoutMs = 2_000) => Sentry.flush(timeoutMs),
  };
}

/** Keeps an event to the error, its stack and our tags: no request, user or breadcrumbs. */
export function scrubEvent<E extends Sentry.ErrorEvent>(event: E): E {
  delete event.request;
  delete event.user;
  delete event.breadcrumbs;
  delete event.server_name;
  return event;
}
