import { createServer, type Server } from 'node:http';
import { answerMetrics, type ApiMetrics } from './metrics';

/**
 * The metrics alone on their own port (`METRICS_PORT`), for a scraper inside the private
 * network; with `METRICS_TOKEN` set it asks for the token here too.
 */
export function createMetricsServer(metrics: ApiMetrics, token: string | null): Server {
  return createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/metrics') {
      answerMetrics(req, res, metrics, token).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Only GET /metrics is served on this port.\n');
  });
}
