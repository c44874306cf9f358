import { createHmac } from 'node:crypto';
import { checkMessage } from '../../src/block-kit/limits.ts';

export interface SignOptions {
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Replace the computed signature (to test rejection); null sends none. */
  signature?: string | null;
  headers?: Record<string, string>;
}

/** `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}`, as Slack signs requests. */
function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs `body` to `url` signed like Slack would, and reports status, body and how long it took. */
export async function sendSigned(url: string, secret: string, body: string, contentType: string, options: SignOptions = {}) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = options.signature === undefined ? slackSignature(secret, timestamp, body) : options.signature;
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    ...(signature === null ? {} : { 'x-slack-signature': signature }),
    ...options.headers,
  };
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  const json = parseJson(text);
  refuseInvalidAck(body, response.status, json);
  return { status: response.status, text, json, ms: performance.now() - started };
}

/**
 * Slack refuses a slash command's ack that breaks Block Kit rules (`invalid_command_response`): the
 * user sees an error instead of the answer. Like Slack, this fails the request, so no test passes on it.
 */
function refuseInvalidAck(body: string, status: number, json: unknown): void {
  if (status !== 200 || json === null || typeof json !== 'object' || !new URLSearchParams(body).has('command')) return;
  const problems = checkMessage(json);
  if (problems.length > 0) throw new Error(`Slack would refuse this ack (invalid_command_response): ${problems.join('; ')}`);
}

let triggers = 0;
/** Slack makes a new trigger_id for every command, press and shortcut. */
export function nextTriggerId(): string {
  triggers += 1;
  return `${triggers}.2.3`;
}

export function slashCommandBody(fields: Record<string, string>): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'newsroom',
    channel_id: 'C1',
    channel_name: 'newsdesk',
    user_id: 'U1',
    user_name: 'ana',
    command: '/kaesong',
    text: '',
    api_app_id: 'A1',
    trigger_id: nextTriggerId(),
    ...fields,
  }).toString();
}

export function eventBody(event: Record<string, unknown>, eventId: string): string {
  return JSON.stringify({
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    event,
  });
}

export function blockActionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface ButtonPress {
  actionId: string;
  /** Normally the cursor string; anything at all to test tampered payloads. */
  value: unknown;
  responseUrl: string;
  text?: { type?: string; text: string };
  /** The pressed message was the presser's own ephemeral copy. */
  ephemeral?: boolean;
}

/** A `block_actions` payload as Slack sends it when U2 presses a button in #newsdesk. */
export function buttonPressBody({
  actionId,
  value,
  responseUrl,
  text = { type: 'plain_text', text: 'More' },
  ephemeral = true,
}: ButtonPress): string {
  return blockActionBody({
    type: 'block_actions',
    user: { id: 'U2', username: 'ben', team_id: 'T1' },
    api_app_id: 'A1',
    team: { id: 'T1', domain: 'newsroom' },
    container: { type: 'message', message_ts: '1.2', channel_id: 'C1', is_ephemeral: ephemeral },
    channel: { id: 'C1', name: 'newsdesk' },
    trigger_id: nextTriggerId(),
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: actionId, block_id: 'kaesong_page', value, text, action_ts: '1.3' }],
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
