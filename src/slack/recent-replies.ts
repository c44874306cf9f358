/**
 * Which reply the bot posted for which message (`channel:ts` → reply ts), for the last `capacity`
 * answers, so an edited mention updates its answer instead of getting a second one.
 */
export class RecentReplies {
  private readonly replies = new Map<string, string>();

  constructor(private readonly capacity = 10_000) {}

  remember(channel: string, messageTs: string, replyTs: string): void {
    const key = `${channel}:${messageTs}`;
    this.replies.delete(key);
    this.replies.set(key, replyTs);
    if (this.replies.size > this.capacity) {
      const oldest = this.replies.keys().next().value;
      if (oldest !== undefined) this.replies.delete(oldest);
    }
  }

  replyTo(channel: string, messageTs: string): string | undefined {
    return this.replies.get(`${channel}:${messageTs}`);
  }
}
