import type { Clock } from '../model/clock.ts';
import type { CorpusRecord, RelatedLink } from '../model/record.ts';
import type { Searcher } from '../search/searcher.ts';
import type { DeskEvent, Store } from '../store/store.ts';
import { DESK_ORIGIN } from '../model/timeline-writer.ts';
import { recordFromDraft, type DeskDraft } from './desk-draft.ts';
import { editorsLine, type Editors } from './editors.ts';
import type { DeskFollower } from './follow-desk.ts';

type AddingPolicy = 'everyone' | 'editors';

export type DeskOutcome =
  | { ok: true; record: CorpusRecord }
  /** `exists`: `existing` is the event with that id (null when it comes from the corpus files). */
  | { ok: false; reason: 'exists'; id: string; existing: DeskEvent | null }
  | { ok: false; reason: 'not-allowed'; who: string }
  | { ok: false; reason: 'missing' };

/** Adding, editing and removing desk events, with every permission checked here, at the moment of the change. */
export interface DeskService {
  mayAdd(userId: string): Promise<{ allowed: boolean; who: string }>;
  /** The event and whether `userId` may change it (its author and the editors may). */
  mayChange(id: string, userId: string): Promise<{ event: DeskEvent | null; allowed: boolean; who: string }>;
  /** `user.name` credits them (in digests) without a mention. */
  add(draft: DeskDraft, user: { id: string; name: string }, permalink: string | null): Promise<DeskOutcome>;
  edit(id: string, draft: DeskDraft, userId: string): Promise<DeskOutcome>;
  remove(id: string, userId: string): Promise<DeskOutcome>;
  get(id: string): Promise<DeskEvent | null>;
}

export interface DeskServiceDeps {
  store: Store;
  follower: DeskFollower;
  editors: Editors;
  adding: AddingPolicy;
  searcher: () => Searcher | null;
  clock: Clock;
}

export function deskService(deps: DeskServiceDeps): DeskService {
  const { store, editors } = deps;
  const editorsText = editors.ids.length === 0 ? null : `the timeline editors (${editorsLine(editors.ids)})`;
  const whoCanChange = (author: string) =>
    `Only the person who added it (<@${author}>)${editorsText === null ? '' : ` or ${editorsText}`} can.`;
  const whoCanAdd = `Only ${editorsText ?? 'the timeline editors'} can add events to the timeline.`;

  const mayChange = async (id: string, userId: string) => {
    const event = await store.getDeskEvent(id);
    if (event === null) return { event, allowed: false, who: '' };
    const allowed = event.author === userId || (await editors.includes(userId));
    return { event, allowed, who: whoCanChange(event.author) };
  };
  const relatedLink = (id: string): RelatedLink | null => {
    const record = deps.searcher()?.get(id);
    return record === undefined ? null : { id, title: record.title, date: record.date, contexts: record.contexts };
  };
  /** An event from the corpus files with this id: the desk cannot add another. */
  const inCorpus = (id: string) => {
    const record = deps.searcher()?.get(id);
    return record !== undefined && !record.stub && record.origin.file !== DESK_ORIGIN;
  };
  const saved = async (record: CorpusRecord): Promise<DeskOutcome> => {
    await deps.follower.sync();
    return { ok: true, record };
  };

  return {
    async mayAdd(userId) {
      return { allowed: deps.adding === 'everyone' || (await editors.includes(userId)), who: whoCanAdd };
    },
    mayChange,
    async add(draft, user, permalink) {
      const policy = await this.mayAdd(user.id);
      if (!policy.allowed) return { ok: false, reason: 'not-allowed', who: policy.who };
      const record = recordFromDraft(draft, relatedLink);
      if (inCorpus(record.id)) return { ok: false, reason: 'exists', id: record.id, existing: null };
      const outcome = await store.writeDesk({ action: 'add', record, userId: user.id, userName: user.name, permalink }, deps.clock.now());
      if (outcome.ok) return saved(record);
      return { ok: false, reason: 'exists', id: record.id, existing: await store.getDeskEvent(record.id) };
    },
    async edit(id, draft, userId) {
      const check = await mayChange(id, userId);
      if (check.event === null) return { ok: false, reason: 'missing' };
      if (!check.allowed) return { ok: false, reason: 'not-allowed', who: check.who };
      const record = recordFromDraft(draft, relatedLink);
      if (record.id !== id && inCorpus(record.id)) return { ok: false, reason: 'exists', id: record.id, existing: null };
      const outcome = await store.writeDesk({ action: 'edit', id, record, userId }, deps.clock.now());
      if (outcome.ok) return saved(record);
      if (outcome.reason === 'missing') return { ok: false, reason: 'missing' };
      return { ok: false, reason: 'exists', id: record.id, existing: await store.getDeskEvent(record.id) };
    },
    async remove(id, userId) {
      const check = await mayChange(id, userId);
      if (check.event === null) return { ok: false, reason: 'missing' };
      if (!check.allowed) return { ok: false, reason: 'not-allowed', who: check.who };
      const outcome = await store.writeDesk({ action: 'remove', id, userId }, deps.clock.now());
      if (!outcome.ok) return { ok: false, reason: 'missing' };
      return saved(check.event.record);
    },
    get: (id) => store.getDeskEvent(id),
  };
}
