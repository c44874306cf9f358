import type { DeskChange, DeskEvent, DeskWrite, DeskWriteOutcome } from './store.ts';

/** What a driver must do for one desk write, decided the same way by every backend. */
export type DeskPlan =
  | { ok: false; outcome: DeskWriteOutcome }
  | { ok: true; change: Omit<DeskChange, 'seq'>; deleteId: string | null; put: DeskEvent | null };

/** The id a write starts from: the one being added, edited or removed. */
export function deskTargetId(write: DeskWrite): string {
  return write.action === 'add' ? write.record.id : write.id;
}

/**
 * `current`: the stored event with the target id; `clash`: whether an edit's new id is another
 * stored event's.
 */
export function planDeskWrite(write: DeskWrite, current: DeskEvent | null, clash: boolean, now: Date): DeskPlan {
  const base = { userId: write.userId, at: now };
  if (write.action === 'add') {
    if (current !== null) return { ok: false, outcome: { ok: false, reason: 'exists' } };
    const put = {
      record: write.record,
      author: write.userId,
      authorName: write.userName,
      permalink: write.permalink,
      createdAt: now,
      updatedAt: now,
    };
    return {
      ok: true,
      change: { ...base, action: 'add', eventId: write.record.id, before: null, after: write.record },
      deleteId: null,
      put,
    };
  }
  if (current === null) return { ok: false, outcome: { ok: false, reason: 'missing' } };
  if (write.action === 'remove') {
    return {
      ok: true,
      change: { ...base, action: 'remove', eventId: write.id, before: current.record, after: null },
      deleteId: write.id,
      put: null,
    };
  }
  if (write.record.id !== write.id && clash) return { ok: false, outcome: { ok: false, reason: 'exists' } };
  return {
    ok: true,
    change: { ...base, action: 'edit', eventId: write.record.id, before: current.record, after: write.record },
    deleteId: write.id,
    put: { ...current, record: write.record, updatedAt: now },
  };
}
