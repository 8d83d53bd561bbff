/** Content blocks of chat messages: one normal form, their text, and the form call keys hash. */
import type { ContentBlock, ModelMessage } from './types.js';

/** A message's content as blocks (a string is one text block). */
export function messageBlocks(message: ModelMessage): ContentBlock[] {
  return typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
}

/** The text of a message: its text blocks joined (tool blocks have none). */
export function messageText(message: ModelMessage): string {
  return messageBlocks(message)
    .map((block) => (block.type === 'text' ? block.text : ''))
    .join('');
}

/**
 * A message as call keys hash it: one text block is written as a plain string, so a prompt keys
 * the same whether it was sent as a string or as a block (and as it did before blocks existed).
 */
export function keyedMessage(message: ModelMessage): ModelMessage {
  const blocks = messageBlocks(message);
  const only = blocks.length === 1 ? blocks[0] : undefined;
  return only?.type === 'text' ? { role: message.role, content: only.text } : { role: message.role, content: blocks };
}
