import type { WebClient } from '@slack/web-api';
import { deskModal } from '../../../block-kit/desk-modal.ts';
import type { DeskForm } from '../../../desk/desk-draft.ts';
import type { RelatedSuggestion } from '../../../desk/prefill.ts';
import { decodeDeskMetadata, encodeDeskMetadata, type DeskMetadata } from '../../desk-metadata.ts';

/** views.open of the desk modal; the suggestions' ids travel in the metadata, by position. */
export async function openDeskModal(
  client: WebClient,
  triggerId: string,
  input: { form: DeskForm; suggestions: RelatedSuggestion[]; metadata: Omit<DeskMetadata, 'related'> },
): Promise<void> {
  const privateMetadata = encodeDeskMetadata({ ...input.metadata, related: input.suggestions.map((event) => event.id) });
  const offered = decodeDeskMetadata(privateMetadata)?.related?.length ?? 0;
  const view = deskModal({
    mode: input.metadata.mode === 'edit' ? 'edit' : 'add',
    form: input.form,
    suggestions: input.suggestions.slice(0, offered),
    privateMetadata,
  });
  await client.views.open({ trigger_id: triggerId, view: view as Parameters<WebClient['views']['open']>[0]['view'] });
}
