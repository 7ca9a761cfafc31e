import { HttpError } from '../http';
import { answerMetrics } from '../observability/metrics';
import type { Route } from '../router';

/**
 * GET /metrics on the public port, for a scraper holding `METRICS_TOKEN`. Without a token the
 * metrics are not served here (they would tell anyone the traffic of every route): use the
 * separate `METRICS_PORT`, or set a token.
 */
export function metricsRoute(token: string | null): Route {
  return {
    method: 'GET',
    path: '/metrics',
    handle: async ({ req, res, app }) => {
      if (!token || !app.metrics)
        throw new HttpError(
          404,
          'Metrics are not served on this port: set METRICS_TOKEN, or scrape METRICS_PORT.',
          'not_found',
        );
      await answerMetrics(req, res, app.metrics, token);
    },
  };
}
