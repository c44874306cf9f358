import type { Metrics } from '../model/metrics.ts';
import { requestKind } from './count-requests.ts';

interface IncomingRequest {
  body: Record<string, unknown>;
  ack: (response?: never) => Promise<void>;
}

/**
 * Wraps the function receivers hand each Slack request to (Bolt's `App.processEvent`) so the first
 * ack() is timed from the moment the request arrived. Middleware cannot do this: Bolt gives every
 * middleware a copy of the arguments, so a wrapped ack() there would never reach the listener.
 */
export function timeAcks<Request extends IncomingRequest>(
  process: (request: Request) => Promise<void>,
  metrics: Pick<Metrics, 'acked'>,
  now: () => number = () => performance.now(),
): (request: Request) => Promise<void> {
  return (request) => {
    const received = now();
    const kind = requestKind(request.body);
    let acked = false;
    const ack = ((...args: Parameters<Request['ack']>) => {
      if (!acked) metrics.acked(kind, (now() - received) / 1000);
      acked = true;
      return request.ack(...args);
    }) as Request['ack'];
    return process({ ...request, ack });
  };
}
