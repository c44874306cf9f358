/**
 * What the desk modal carries between opening and submitting. It comes back from the client, so it
 * is never trusted for who may do what: the server checks the submitting user against the store.
 */
export interface DeskMetadata {
  mode: 'add' | 'edit' | 'remove';
  /** The event edited or removed. */
  id?: string;
  /** Where to confirm (a channel), when known. */
  channel?: string;
  /** The captured message, for its permalink. */
  messageTs?: string;
  /** The related events offered, by checkbox position. */
  related?: string[];
}

const MAX = 3000;

export function encodeDeskMetadata(metadata: DeskMetadata): string {
  const related = [...(metadata.related ?? [])];
  let text = JSON.stringify({ ...metadata, related });
  // Fewer suggestions rather than a view Slack refuses.
  while (text.length > MAX && related.length > 0) {
    related.pop();
    text = JSON.stringify({ ...metadata, related });
  }
  return text;
}

export function decodeDeskMetadata(text: unknown): DeskMetadata | null {
  if (typeof text !== 'string') return null;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const mode = value['mode'];
    if (mode !== 'add' && mode !== 'edit' && mode !== 'remove') return null;
    const string = (key: string) => (typeof value[key] === 'string' ? { [key]: value[key] as string } : {});
    const related = Array.isArray(value['related']) ? value['related'].filter((id): id is string => typeof id === 'string') : [];
    return { mode, ...string('id'), ...string('channel'), ...string('messageTs'), related };
  } catch {
    return null;
  }
}
