import { createKaesongApp, type KaesongApp } from '../../src/app.ts';
import { loadSearcher } from '../support/load-searcher.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { silentLogger } from '../../src/model/logger.ts';
import type { Searcher } from '../../src/search/searcher.ts';
import type { SlackClientTuning } from '../../src/slack/client-options.ts';
import type { DigestCommandPort } from '../../src/digest/digest-port.ts';
import type { Store } from '../../src/store/store.ts';
import type { DeskFollower } from '../../src/desk/follow-desk.ts';
import { searcherProvider, type SettableSearcherProvider } from '../../src/slack/searcher-provider.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { fixedClock, recordingLogger } from '../support/listener-fakes.ts';
import { blockActionBody, buttonPressBody, eventBody, sendSigned, slashCommandBody } from '../support/signed-request.ts';

export const SECRET = 'hardening-signing-secret';
export const BOT_TOKEN = 'xoxb-hardening-0000-secret';
export const corpusDir = new URL('../../corpus', import.meta.url).pathname;

let bundled: Promise<Searcher> | null = null;
/** The bundled corpus, loaded once per test file. */
export function bundledSearcher(): Promise<Searcher> {
  bundled ??= loadSearcher([corpusDir], silentLogger);
  return bundled;
}

export interface Harness {
  fake: FakeSlack;
  kaesong: KaesongApp;
  searchers: SettableSearcherProvider;
  logger: ReturnType<typeof recordingLogger>;
  events: string;
  base: string;
  slash(text: string, responseId: string): ReturnType<typeof sendSigned>;
  event(event: Record<string, unknown>, eventId: string): ReturnType<typeof sendSigned>;
  /** `responseUrl` defaults to the fake's URL for `responseId`. */
  press(actionId: string, value: unknown, responseId: string, responseUrl?: string): ReturnType<typeof sendSigned>;
  /** Any interactive payload (a shortcut), form-encoded as Slack sends it. */
  interact(payload: Record<string, unknown>): ReturnType<typeof sendSigned>;
  stop(): Promise<void>;
}

/** The real app over HTTP on loopback, against the fake Slack, with signed requests. */
export async function startHarness(
  options: {
    searcher?: Searcher | null;
    apiUrl?: string;
    fake?: FakeSlack;
    slackClient?: SlackClientTuning;
    digest?: DigestCommandPort;
    /** Adding to the timeline, over this store and follower (with `searchers` the follower writes into). */
    desk?: { store: Store; follower: DeskFollower };
    searchers?: SettableSearcherProvider;
    /** More settings, e.g. KAESONG_EDITORS. */
    env?: Record<string, string>;
  } = {},
): Promise<Harness> {
  const fake = options.fake ?? (await startFakeSlack());
  const searchers = options.searchers ?? searcherProvider(options.searcher === undefined ? await bundledSearcher() : options.searcher);
  const logger = recordingLogger();
  const config = loadConfig(
    {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      PORT: '0',
      SLACK_API_URL: options.apiUrl ?? fake.apiUrl,
      CORPUS_DIR: corpusDir,
      ...options.env,
    },
    { slack: true },
  );
  const kaesong = createKaesongApp(config, {
    searchers,
    clock: fixedClock,
    logger,
    botUserId: 'UBOT',
    botId: 'BBOT',
    ...(options.slackClient === undefined ? {} : { slackClient: options.slackClient }),
    ...(options.digest === undefined ? {} : { digest: options.digest }),
    ...(options.desk === undefined ? {} : { desk: options.desk }),
  });
  const { port } = await kaesong.start();
  const base = `http://127.0.0.1:${port}`;
  const events = `${base}/slack/events`;
  const form = 'application/x-www-form-urlencoded';
  return {
    fake,
    kaesong,
    searchers,
    logger,
    events,
    base,
    slash: (text, responseId) => sendSigned(events, SECRET, slashCommandBody({ text, response_url: fake.responseUrl(responseId) }), form),
    event: (event, eventId) => sendSigned(events, SECRET, eventBody(event, eventId), 'application/json'),
    press: (actionId, value, responseId, responseUrl) =>
      sendSigned(events, SECRET, buttonPressBody({ actionId, value, responseUrl: responseUrl ?? fake.responseUrl(responseId) }), form),
    interact: (payload) => {
      // Slack issues a trigger with each interaction; the fake lets it open a view for 3 s.
      if (typeof payload['trigger_id'] === 'string') fake.trigger(payload['trigger_id']);
      return sendSigned(events, SECRET, blockActionBody(payload), form);
    },
    async stop() {
      await kaesong.stop();
      if (options.fake === undefined) await fake.close();
    },
  };
}

export function responsesTo(fake: FakeSlack, id: string): Array<Record<string, unknown>> {
  return fake.calls.filter((call) => call.path === `/response/${id}`).map((call) => call.params);
}
