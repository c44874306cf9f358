import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CliCommand, CliContext } from '../command.ts';
import { UsageError } from '../command.ts';
import { loadConfig } from '../../config/load-config.ts';
import { eventPageFileName, toEventPage } from '../../corpus/to-event-page.ts';
import { openStore } from '../../store/open-store.ts';
import type { Store } from '../../store/store.ts';
import { parseOptions } from '../parse-options.ts';
import { plural } from './corpus-progress.ts';
import { systemClock } from '../../model/clock.ts';

/** The database the bot uses (DATABASE_URL), closed when `work` is done. */
async function withStore<T>(context: CliContext, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(loadConfig(context.env, { slack: false }).databaseUrl);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const eventId = (text: string) => text.replace(/^\//, '').replace(/\.md$/, '');

export const deskListCommand: CliCommand = {
  path: ['desk', 'list'],
  usage: 'desk list [--json]',
  summary: 'the events added from Slack: id, date, who added it, headline',
  async run(args, context) {
    const { values } = parseOptions(args, { json: 'boolean' }, { max: 0 });
    return withStore(context, async (store) => {
      const events = await store.listDeskEvents();
      if (values.json === true) context.out(JSON.stringify(events, null, 2));
      else for (const event of events) context.out(`${event.record.id}  ${event.author}  ${event.record.title}`);
      context.err(`${plural(events.length, 'desk event')}`);
      return 0;
    });
  },
};

export const deskShowCommand: CliCommand = {
  path: ['desk', 'show'],
  usage: 'desk show <id>',
  summary: 'one desk event as JSON, with its changes (who, when, what before and after)',
  async run(args, context) {
    const { words } = parseOptions(args, {}, { min: 1, max: 1, what: "the event's id" });
    const id = eventId(words[0]!);
    return withStore(context, async (store) => {
      const event = await store.getDeskEvent(id);
      const changes = (await allChanges(store)).filter((change) => change.eventId === id || change.before?.id === id);
      if (event === null && changes.length === 0) {
        context.err(`No desk event with id ${id}.`);
        return 1;
      }
      context.out(JSON.stringify({ event, changes }, null, 2));
      return 0;
    });
  },
};

export const deskRemoveCommand: CliCommand = {
  path: ['desk', 'remove'],
  usage: 'desk remove <id> [--as WHO]',
  summary: 'remove a desk event (logged as WHO, default "cli"); every replica drops it within seconds',
  async run(args, context) {
    const { words, values } = parseOptions(args, { as: 'string' }, { min: 1, max: 1, what: "the event's id" });
    const id = eventId(words[0]!);
    return withStore(context, async (store) => {
      const outcome = await store.writeDesk({ action: 'remove', id, userId: values.as ?? 'cli' }, systemClock.now());
      if (!outcome.ok) {
        context.err(`No desk event with id ${id}.`);
        return 1;
      }
      context.out(`Removed ${id} (change ${outcome.change.seq}).`);
      return 0;
    });
  },
};

export const deskExportCommand: CliCommand = {
  path: ['desk', 'export'],
  usage: 'desk export --out DIR',
  summary: 'write every desk event as an event page (the corpus format), for review in git and for backup',
  async run(args, context) {
    const { values } = parseOptions(args, { out: 'string' }, { max: 0 });
    if (values.out === undefined) throw new UsageError('--out DIR is required');
    const out = values.out;
    return withStore(context, async (store) => {
      const events = await store.listDeskEvents();
      await mkdir(out, { recursive: true });
      for (const { record } of events) await writeFile(join(out, eventPageFileName(record)), toEventPage(record));
      context.err(`${plural(events.length, 'event page')} written to ${out}`);
      return 0;
    });
  },
};

async function allChanges(store: Store) {
  const changes = [];
  for (let batch = await store.deskChangesAfter(0, 1_000); batch.length > 0; ) {
    changes.push(...batch);
    batch = batch.length < 1_000 ? [] : await store.deskChangesAfter(batch.at(-1)!.seq, 1_000);
  }
  return changes;
}
