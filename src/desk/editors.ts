import type { Clock } from '../model/clock.ts';
import { describeError } from '../model/describe-error.ts';
import type { Logger } from '../model/logger.ts';

/** Who may edit and remove any desk event: KAESONG_EDITORS's users, and the members of its user groups. */
export interface Editors {
  includes(userId: string): Promise<boolean>;
  /** The configured `U…` and `S…` ids, for "who can" lines. */
  readonly ids: readonly string[];
}

export interface EditorsOptions {
  /** A user group's members (Slack: usergroups.users.list). */
  groupMembers: (groupId: string) => Promise<string[]>;
  clock: Clock;
  logger: Logger;
  /** How long a group's members are trusted (default 5 minutes). */
  cacheMs?: number;
}

export function editorsFrom(ids: readonly string[], options: EditorsOptions): Editors {
  const users = new Set(ids.filter((id) => id.startsWith('U') || id.startsWith('W')));
  const groups = ids.filter((id) => id.startsWith('S'));
  const cache = new Map<string, { members: Set<string>; until: number }>();
  const members = async (group: string): Promise<Set<string>> => {
    const now = options.clock.now().getTime();
    const cached = cache.get(group);
    if (cached !== undefined && cached.until > now) return cached.members;
    try {
      const fresh = new Set(await options.groupMembers(group));
      cache.set(group, { members: fresh, until: now + (options.cacheMs ?? 5 * 60_000) });
      return fresh;
    } catch (error) {
      options.logger.warn(`desk: could not list the members of user group ${group}`, describeError(error));
      return cached?.members ?? new Set();
    }
  };
  return {
    ids,
    async includes(userId) {
      if (users.has(userId)) return true;
      for (const group of groups) if ((await members(group)).has(userId)) return true;
      return false;
    },
  };
}

/** The editors as Slack shows them (`<@U1>`, `<!subteam^S1>`): inside an ephemeral line they notify nobody. */
export function editorsLine(ids: readonly string[]): string {
  return ids.map((id) => (id.startsWith('S') ? `<!subteam^${id}>` : `<@${id}>`)).join(', ');
}
