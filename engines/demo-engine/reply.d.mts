import type { ChatRequest } from './chat-request.mjs';
export declare function composeReply(
  req: ChatRequest,
  opts: Record<string, unknown>,
): { thinking: string[]; answer: string[] };
