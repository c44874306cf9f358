import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PrometheusMetrics } from './prometheus-metrics.ts';
import { describeError } from '../model/describe-error.ts';

/** `GET /metrics` in the Prometheus text format; a failed scrape is a 500, never a crash. */
export function metricsRoute(metrics: Pick<PrometheusMetrics, 'scrape'>) {
  return (_req: IncomingMessage, res: ServerResponse): void => {
    metrics.scrape().then(
      ({ contentType, body }) => {
        res.writeHead(200, { 'content-type': contentType });
        res.end(body);
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`scrape failed: ${describeError(error)}\n`);
      },
    );
  };
}
