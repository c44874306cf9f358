import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.ts';
import { loadCorpus } from '../../../src/corpus/load-corpus.ts';
import { validateDeskForm, recordFromDraft, type DeskForm } from '../../../src/desk/desk-draft.ts';
import type { CorpusRecord } from '../../../src/model/record.ts';
import { openStore } from '../../../src/store/open-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { fakeCliContext } from '../../support/cli-context.ts';

const NOW = new Date('2026-11-23T09:00:00Z');
let dir: string;
let store: Store;
let env: Record<string, string>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kaesong-desk-cli-'));
  env = { DATABASE_URL: `sqlite:${join(dir, 'k.db')}` };
  store = await openStore(env['DATABASE_URL']!);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** A record as the modal saves it. */
function saved(form: Partial<DeskForm>): CorpusRecord {
  const checked = validateDeskForm(
    { headline: '', date: '2026-02-10', summary: '', sources: '', contexts: '', related: [], image: '', ...form },
    NOW,
  );
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return recordFromDraft(checked.draft, (id) => ({
    id,
    title: 'Kaesong zone closes & workers leave [update]',
    date: '2016-02-11',
    contexts: ['Kaesong area', 'North Korea'],
  }));
}

const plain = saved({
  headline: 'Kaesong ferry pier reopens',
  summary: 'First line\nof a paragraph.\n\n# Not a heading & not &amp; an entity\n\n_Context: not tags_',
  sources: 'Reuters https://www.reuters.com/a\nhttps://en.wikipedia.org/wiki/Kaesong_(city)',
  contexts: 'Kaesong area, North Korea',
  related: ['news/2016/02/11/kaesong-zone-closes-workers-leave-update'],
  image: 'https://example.org/pier.jpg',
});
const hostile = saved({ headline: '<!channel> *pier* [1](x) & `now` <@U1>', date: '1850-07-04' });

async function run(...argv: string[]) {
  const cli = fakeCliContext(env);
  const code = await runCli(argv, cli.context);
  return { code, ...cli };
}

describe('kaesong desk', () => {
  beforeEach(async () => {
    await store.writeDesk(
      { action: 'add', record: plain, userId: 'U1', userName: 'ana', permalink: 'https://newsroom.slack.com/archives/C1/p1' },
      NOW,
    );
    await store.writeDesk({ action: 'add', record: hostile, userId: 'U2', userName: 'ben', permalink: null }, NOW);
  });

  it('lists the desk events with who added them', async () => {
    const { code, out, err } = await run('desk', 'list');
    expect(code).toBe(0);
    // Both added at the same moment: by id.
    expect(out).toEqual([`${hostile.id}  U2  ${hostile.title}`, `${plain.id}  U1  Kaesong ferry pier reopens`]);
    expect(err).toEqual(['2 desk events']);
  });

  it('shows one event with its changes, and removes it', async () => {
    const shown = await run('desk', 'show', plain.id);
    const parsed = JSON.parse(shown.out[0]!) as { event: { author: string }; changes: Array<{ action: string; userId: string }> };
    expect(parsed.event.author).toBe('U1');
    expect(parsed.changes.map((change) => [change.action, change.userId])).toEqual([['add', 'U1']]);
    expect((await run('desk', 'remove', plain.id, '--as', 'ops')).out).toEqual([`Removed ${plain.id} (change 3).`]);
    expect((await store.listDeskEvents()).map((event) => event.record.id)).toEqual([hostile.id]);
    expect((await run('desk', 'remove', plain.id)).code).toBe(1);
  });

  it('exports event pages that read back as the same records', async () => {
    const out = join(dir, 'export');
    const { code, err } = await run('desk', 'export', '--out', out);
    expect(code).toBe(0);
    expect(err).toEqual([`2 event pages written to ${out}`]);
    expect((await readdir(out)).sort()).toEqual(['1850-07-04-channel-pier-1-x-now-u1.md', '2026-02-10-kaesong-ferry-pier-reopens.md']);
    expect(await readFile(join(out, '2026-02-10-kaesong-ferry-pier-reopens.md'), 'utf8')).toBe(
      [
        '### [2026-02-10](/news/2026/02/10/index.md)',
        '',
        '# Kaesong ferry pier reopens ',
        '',
        'First line of a paragraph.',
        '',
        '&#35; Not a heading &amp; not &amp;amp; an entity',
        '',
        '&#95;Context: not tags_',
        '',
        '_Context: Kaesong area, North Korea_',
        '',
        '',
        '### Source:',
        '',
        '1. [Reuters](https://www.reuters.com/a)',
        '2. [Wikipedia](https://en.wikipedia.org/wiki/Kaesong_%28city%29)',
        '3. [Cover Image](https://example.org/pier.jpg)',
        '',
        '### Related:',
        '',
        '1. [Kaesong zone closes &amp; workers leave &#91;update&#93;](/news/2016/02/11/kaesong-zone-closes-workers-leave-update.md) _Context: Kaesong area, North Korea_',
        '',
      ].join('\n'),
    );
    const { records, problems } = await loadCorpus([out]);
    expect(problems).toEqual([]);
    const withoutOrigin = ({ origin: _origin, ...rest }: CorpusRecord) => rest;
    const byId = new Map(records.map((record) => [record.id, withoutOrigin(record)]));
    expect(byId.get(plain.id)).toEqual(withoutOrigin(plain));
    expect(byId.get(hostile.id)).toEqual(withoutOrigin(hostile));
  });
});
