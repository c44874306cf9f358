import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { checkMessage } from '../../src/block-kit/limits.ts';

/**
 * Slack's Socket Mode side on 127.0.0.1: the WebSocket URL that `apps.connections.open` hands out.
 * Greets each connection with `hello`, sends envelopes (slash commands, events) and records the
 * acknowledgements the app sends back, by envelope id.
 */
export interface FakeSocketMode {
  url: string;
  /** Connections made so far (a reconnect makes another). */
  connections: number;
  /** Sends an envelope on the newest connection; resolves with the app's acknowledgement. */
  send(envelope: {
    envelope_id: string;
    type: string;
    payload: Record<string, unknown>;
    accepts_response_payload: boolean;
    retry_attempt?: number;
    retry_reason?: string;
  }): Promise<Ack>;
  /** Drops the newest connection, as Slack does when it refreshes one. */
  drop(): void;
  /** Resolves once `count` connections have been greeted. */
  connected(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

interface Ack {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/**
 * `/kaesong <text>` from U1 in #C1 as Slack sends it over the socket. The trigger_id is made from the
 * envelope id, so a re-delivery of the same envelope carries the same one.
 */
export function slashCommandEnvelope(id: string, text: string, responseUrl: string) {
  return {
    envelope_id: id,
    type: 'slash_commands',
    accepts_response_payload: true,
    payload: {
      token: 'legacy',
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'U1',
      command: '/kaesong',
      text,
      response_url: responseUrl,
      trigger_id: `${id}.2.3`,
      api_app_id: 'A1',
    },
  };
}

export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const sockets: WebSocket[] = [];
  const pending = new Map<string, (ack: Ack) => void>();
  server.on('connection', (socket) => {
    sockets.push(socket);
    socket.on('message', (data) => {
      const ack = JSON.parse(String(data)) as Ack;
      pending.get(ack.envelope_id)?.(ack);
      pending.delete(ack.envelope_id);
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake', approximate_connection_time: 3600 },
        connection_info: { app_id: 'A1' },
      }),
    );
  });
  const { port } = server.address() as AddressInfo;

  const until = async (condition: () => boolean, timeoutMs: number, what: string) => {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`fake Socket Mode: ${what} not within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  return {
    url: `ws://127.0.0.1:${port}/`,
    get connections() {
      return sockets.length;
    },
    send(envelope) {
      const socket = sockets.at(-1);
      if (socket === undefined) return Promise.reject(new Error('fake Socket Mode: no connection'));
      return new Promise<Ack>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`fake Socket Mode: no acknowledgement of ${envelope.envelope_id}`)), 5_000);
        pending.set(envelope.envelope_id, (ack) => {
          clearTimeout(timer);
          // Slack refuses an acknowledgement whose message breaks Block Kit rules (invalid_command_response).
          const payload = ack.payload ?? {};
          const problems = Object.keys(payload).length === 0 ? [] : checkMessage(payload);
          if (problems.length > 0) reject(new Error(`fake Socket Mode: Slack would refuse this acknowledgement: ${problems.join('; ')}`));
          else resolve(ack);
        });
        socket.send(JSON.stringify(envelope));
      });
    },
    drop() {
      sockets.at(-1)?.terminate();
    },
    connected(count, timeoutMs = 10_000) {
      return until(() => sockets.length >= count, timeoutMs, `${count} connections`);
    },
    close() {
      for (const socket of sockets) socket.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
