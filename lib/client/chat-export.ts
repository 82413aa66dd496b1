// Conversations as files: Markdown to read or share, JSON to back up and import again.
// The JSON format is versioned; `parseImport` accepts what `toJsonExport` writes (and one bare conversation).
// Configured before the schemas below are built (the page itself no longer loads zod at start).
import '@/lib/zod-config';
import { z } from 'zod';
import { formatThinking } from './chat-stats';
import type { ChatMessage, Conversation } from './conversations/types';

export const EXPORT_FORMAT = 'vlm-console.conversations';
export const EXPORT_VERSION = 1;

export interface ConversationWithMessages {
  conversation: Conversation;
  messages: ChatMessage[];
}

type ExportedMessage = Omit<ChatMessage, 'conversationId' | 'updatedAt'> & { updatedAt?: number };
interface ExportedConversation extends Conversation {
  messages: ExportedMessage[];
}

export interface JsonExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  conversations: ExportedConversation[];
}

export function toJsonExport(items: readonly ConversationWithMessages[], now = new Date()): string {
  const data: JsonExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    conversations: items.map(({ conversation, messages }) => ({
      ...conversation,
      messages: messages.map(({ conversationId: _c, ...message }) => message),
    })),
  };
  return JSON.stringify(data, null, 2);
}

export function toMarkdown({ conversation, messages }: ConversationWithMessages): string {
  const parts = [`# ${conversation.title}`, `_Exported from VLM Console on ${new Date().toISOString()}_`];
  for (const message of messages) {
    if (message.role === 'user') {
      parts.push('## You', message.content || '_(no text)_');
      // The pictures themselves stay in the browser; the export names them.
      const images = (message.images ?? []).map(
        (i) => `${i.name ?? 'image'}${i.width && i.height ? ` (${i.width}×${i.height})` : ''}`,
      );
      if (images.length > 0) parts.push(`_Images: ${images.join(', ')}_`);
      continue;
    }
    parts.push(`## Assistant${message.model ? ` (${message.model})` : ''}`);
    if (message.reasoning) {
      const label =
        typeof message.thinkingMs === 'number'
          ? `Thought for ${formatThinking(message.thinkingMs)}`
          : 'Thinking';
      parts.push(`<details><summary>${label}</summary>\n\n${message.reasoning.trim()}\n\n</details>`);
    }
    parts.push(message.content || '_(no answer)_');
    if (message.status !== 'done' && message.status !== 'streaming') {
      parts.push(`_(${message.status}${message.error ? `: ${message.error}` : ''})_`);
    }
  }
  return `${parts.join('\n\n')}\n`;
}

const finite = z.number().finite();
const usage = z.object({ prompt: finite, completion: finite, reasoning: finite.optional() });
const importedMessage = z.object({
  id: z.string().min(1).optional(),
  seq: finite.optional(),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  createdAt: finite.optional(),
  updatedAt: finite.optional(),
  status: z.enum(['streaming', 'done', 'stopped', 'interrupted', 'error']).catch('done'),
  images: z
    .array(
      z.object({
        key: z.string(),
        sha256: z.string().optional(),
        mediaType: z.string().optional(),
        name: z.string().optional(),
        width: finite.optional(),
        height: finite.optional(),
        bytes: finite.optional(),
      }),
    )
    .optional(),
  reasoning: z.string().optional(),
  error: z.string().optional(),
  model: z.string().optional(),
  usage: usage.optional().catch(undefined),
  finishReason: z.string().nullable().optional(),
  ttftMs: finite.nullable().optional(),
  durationMs: finite.optional(),
  thinkingMs: finite.nullable().optional(),
  reconnects: finite.optional(),
});
const importedConversation = z.object({
  id: z.string().min(1).optional(),
  title: z.string(),
  titleEdited: z.boolean().optional(),
  createdAt: finite.optional(),
  updatedAt: finite.optional(),
  messages: z.array(importedMessage),
});
const importFile = z.union([
  z.object({
    format: z.literal(EXPORT_FORMAT),
    version: z.number(),
    conversations: z.array(importedConversation),
  }),
  importedConversation.transform((c) => ({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    conversations: [c],
  })),
]);

export type ImportResult = { ok: true; items: ConversationWithMessages[] } | { ok: false; error: string };

/**
 * Reads an export back into rows ready to store. Ids are kept when present (the store gives copies new ids
 * when they clash); a reply that was still streaming when exported comes back as interrupted.
 */
export function parseImport(text: string, newId: () => string, now = Date.now()): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The file is not JSON. Import takes the JSON export of VLM Console.' };
  }
  const parsed = importFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
    return { ok: false, error: `This is not a VLM Console export${where}.` };
  }
  if (parsed.data.version > EXPORT_VERSION) {
    return { ok: false, error: 'This export comes from a newer VLM Console; update the app to import it.' };
  }
  const items = parsed.data.conversations.map((c): ConversationWithMessages => {
    const conversationId = c.id ?? newId();
    const createdAt = c.createdAt ?? now;
    return {
      conversation: {
        id: conversationId,
        title: c.title || 'Imported chat',
        titleEdited: c.titleEdited,
        createdAt,
        updatedAt: c.updatedAt ?? createdAt,
      },
      messages: c.messages.map((m, i) => ({
        ...m,
        id: m.id ?? newId(),
        conversationId,
        seq: m.seq ?? i,
        createdAt: m.createdAt ?? createdAt,
        updatedAt: m.updatedAt ?? m.createdAt ?? createdAt,
        status: m.status === 'streaming' ? 'interrupted' : m.status,
      })),
    };
  });
  return { ok: true, items };
}
