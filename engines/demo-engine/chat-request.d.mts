// Types for the TypeScript tests that drive the demo engine's parser directly.
export interface ChatRequest {
  messageCount: number;
  lastUserText: string;
  images: Record<string, unknown>[];
  videos: Record<string, unknown>[];
  promptTokens: number;
  maxTokens: number;
  stream: boolean;
  includeUsage: boolean;
}
export interface ApiError {
  status: number;
  error: { message: string; type: string; param: string | null; code: number };
}
export declare function parseChatRequest(
  body: unknown,
  ctx: { opts: Record<string, unknown> },
): { request: ChatRequest } | ApiError;
