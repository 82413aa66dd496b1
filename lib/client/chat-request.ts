// Builds the body of POST /api/chat from the stored conversation and the settings.

import type { ChatBody, RequestMessage, UserContent } from '@/lib/api/chat';
import type { ChatParams } from './chat-settings';
import type { ChatMessage } from './conversations/types';

/** The body of POST /api/chat, typed by the schema the route validates it with. */
export type ChatRequestBody = ChatBody;

/**
 * The turns the model sees: the system prompt, then each user message and each reply's answer. Thinking
 * traces are not sent back (thinking models are trained without them), and replies that produced no answer
 * (an error before the first token) are left out.
 */
export function buildChatRequest(
  history: readonly Pick<ChatMessage, 'role' | 'content' | 'images'>[],
  systemPrompt: string,
  params: ChatParams,
): ChatRequestBody {
  const messages: RequestMessage[] = [];
  if (systemPrompt.trim()) messages.push({ role: 'system', content: systemPrompt });
  for (const message of history) {
    if (message.role === 'assistant') {
      if (message.content.trim()) messages.push({ role: 'assistant', content: message.content });
    } else {
      messages.push({ role: 'user', content: userContent(message) });
    }
  }
  return { messages, params };
}

/** Text alone as a string; with uploaded images, the text part first and one `image_ref` per image. */
function userContent(message: Pick<ChatMessage, 'content' | 'images'>): UserContent {
  const refs = (message.images ?? []).flatMap((image) => {
    if (!image.sha256) return [];
    // Clips are kept with the images; their media type says which part they become.
    const type = image.mediaType?.startsWith('video/') ? ('video_ref' as const) : ('image_ref' as const);
    return [{ type, sha256: image.sha256 }];
  });
  if (refs.length === 0) return message.content;
  return message.content ? [{ type: 'text', text: message.content }, ...refs] : refs;
}
