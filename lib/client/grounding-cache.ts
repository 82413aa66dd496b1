// The shapes of a reply, parsed once per version of it: rows are memoised on object identity, so the same
// reply (id + updatedAt) must give back the same array.
import { parseGrounding, type RelativeShape, type SentSize, toRelative } from '@/lib/grounding';

const cache = new Map<string, RelativeShape[] | null>();
const MAX = 200;

export interface ReplyText {
  id: string;
  updatedAt: number;
  content: string;
  model?: string;
}

export function groundingShapes(reply: ReplyText | undefined, sent: SentSize | null): RelativeShape[] | null {
  if (!reply?.content) return null;
  const key = `${reply.id}:${reply.updatedAt}:${sent?.width}x${sent?.height}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const result = parseGrounding(reply.content, reply.model);
  const shapes = result ? toRelative(result, sent) : [];
  const value = shapes.length > 0 ? shapes : null;
  if (cache.size >= MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}
