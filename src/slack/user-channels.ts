/**
 * The channels a user is in, remembered for a few minutes so opening the Home tab again does not
 * page through `users.conversations` each time. `list` is the Web API call; a failure is not cached.
 */
export class UserChannels {
  private readonly entries = new Map<string, { at: number; channels: Set<string> }>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = 5 * 60_000,
    private readonly capacity = 5_000,
  ) {}

  async of(user: string, list: (user: string) => Promise<string[]>): Promise<Set<string>> {
    const cached = this.entries.get(user);
    if (cached !== undefined && this.now() - cached.at < this.ttlMs) return cached.channels;
    const channels = new Set(await list(user));
    this.entries.delete(user);
    this.entries.set(user, { at: this.now(), channels });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return channels;
  }
}
