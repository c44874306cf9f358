import type { WebClient } from '@slack/web-api';

/** A user group's members (usergroups.users.list, scope usergroups:read). */
export function usergroupMembers(client: WebClient) {
  return async (groupId: string): Promise<string[]> => {
    const result = await client.usergroups.users.list({ usergroup: groupId });
    return result.users ?? [];
  };
}
