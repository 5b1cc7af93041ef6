import type { UserError } from '@mlsys/errors';
import type { Reply } from '../reply/reply.js';

/** The ephemeral reply for an expected error: what was wrong, suggestions and an example. */
export function errorReply(error: UserError): Reply {
  const blocks: Reply['blocks'] = [{ type: 'text', text: `⚠️ ${error.message}` }];
  if (error.suggestions.length > 0) {
    blocks.push({
      type: 'context',
      text: `Did you mean: ${error.suggestions.map((s) => `\`${s}\``).join(', ')}?`,
    });
  }
  if (error.example !== undefined) blocks.push({ type: 'context', text: `Example: \`${error.example}\`` });
  return {
    visibility: 'ephemeral',
    blocks,
    fallbackText: error.toUserText(),
    data: { error: error.code, message: error.toUserText() },
  };
}

/** The ephemeral reply for a bug: an apology and the incident id the logs carry. */
export function incidentReply(id: string): Reply {
  const text = `Sorry, something went wrong on our side. Incident id: ${id}.`;
  return {
    visibility: 'ephemeral',
    blocks: [{ type: 'text', text }],
    fallbackText: text,
    data: { error: 'core/internal', incident: id },
  };
}
