/**
 * Remembers the last `capacity` event ids so a re-delivered event (Slack retries, or a re-sent
 * envelope with retry 0, bolt-js #2487) never gets a second reply. Oldest ids are forgotten first.
 */
export class EventDedupe {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  /** True the first time an id is offered, false on every repeat. */
  firstTime(eventId: string): boolean {
    if (this.seen.has(eventId)) return false;
    this.seen.add(eventId);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}
